/// The migrations of the DecisionChain schema, embedded in the binary so a
/// copied `dchain` needs no files. Forward-only; append new files here in order.
public enum SchemaMigrations {
    /// One migration: its version, name and SQL text.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    /// All migrations, oldest first. SwiftPM names embedded files starting
    /// with a digit with that digit replaced by an underscore (`_001_core_sql`).
    public static let all: [Migration] = [
        Migration(version: 1, name: "0001_core.sql", sql: text(PackageResources._001_core_sql)),
        Migration(version: 2, name: "0002_audit.sql", sql: text(PackageResources._002_audit_sql)),
        Migration(version: 3, name: "0003_seed_pipelines.sql", sql: text(PackageResources._003_seed_pipelines_sql)),
        Migration(version: 5, name: "0005_corrections.sql", sql: text(PackageResources._005_corrections_sql)),
        Migration(version: 7, name: "0007_views.sql", sql: text(PackageResources._007_views_sql)),
        Migration(version: 8, name: "0008_teams.sql", sql: text(PackageResources._008_teams_sql)),
        Migration(version: 9, name: "0009_observation.sql", sql: text(PackageResources._009_observation_sql)),
        Migration(version: 10, name: "0010_touchpoint_external_id.sql", sql: text(PackageResources._010_touchpoint_external_id_sql)),
        Migration(version: 11, name: "0011_ocds.sql", sql: text(PackageResources._011_ocds_sql)),
        Migration(version: 12, name: "0012_persona.sql", sql: text(PackageResources._012_persona_sql)),
        Migration(version: 13, name: "0013_metrics.sql", sql: text(PackageResources._013_metrics_sql)),
        Migration(version: 14, name: "0014_team_scope.sql", sql: text(PackageResources._014_team_scope_sql)),
        Migration(version: 15, name: "0015_team_scope_all.sql", sql: text(PackageResources._015_team_scope_all_sql)),
    ]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
