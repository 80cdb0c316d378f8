// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "DecisionChain",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dchain", targets: ["dchain"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "DecisionChain", targets: ["DecisionChain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "DecisionChain", dependencies: ["CaseLibrary"]),
        .target(
            name: "CaseLibrary",
            path: "cases",
            sources: ["CaseLibrary.swift"],
            resources: [
                .embedInCode("gov-contract-dip.json"),
                .embedInCode("platform-signup-dropoff.json"),
                .embedInCode("soe-hidden-eb.json"),
            ]
        ),
        .target(
            name: "DecisionChainSchema",
            path: "Schema",
            exclude: ["README.md", "citus"],
            sources: ["Schema.swift"],
            resources: [
                .embedInCode("0001_core.sql"),
                .embedInCode("0002_audit.sql"),
                .embedInCode("0003_seed_pipelines.sql"),
                .embedInCode("0005_corrections.sql"),
                .embedInCode("0007_views.sql"),
                .embedInCode("0008_teams.sql"),
                .embedInCode("0009_observation.sql"),
                .embedInCode("0010_touchpoint_external_id.sql"),
                .embedInCode("0011_ocds.sql"),
                .embedInCode("0012_persona.sql"),
                .embedInCode("0013_metrics.sql"),
                .embedInCode("0014_team_scope.sql"),
                .embedInCode("0015_team_scope_all.sql"),
            ]
        ),
        .target(
            name: "ReportAssets",
            path: "Reports",
            exclude: ["examples"],
            sources: ["ReportAssets.swift"],
            resources: [
                .embedInCode("report.css"),
                .embedInCode("map.html.mustache"),
                .embedInCode("plan.html.mustache"),
                .embedInCode("pipeline.html.mustache"),
                .embedInCode("plan-rules.json"),
            ]
        ),
        .target(
            name: "DecisionChainRender",
            dependencies: ["DecisionChain", "ReportAssets", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "DecisionChainStore",
            dependencies: ["Postgres", "DecisionChain", "DecisionChainSchema"]
        ),
        // Reading table files (CSV in UTF-8 or GB18030, XLSX sheets) row by row; knows nothing of sales.
        .target(
            name: "TableFiles",
            dependencies: [.product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Developer tools behind `dchain dev`: synthetic data for benchmarks, kept out of the production store.
        .target(name: "DecisionChainDev", dependencies: ["Postgres", "DecisionChain", "DecisionChainStore"]),
        .executableTarget(
            name: "dchain",
            dependencies: [
                "DecisionChain", "DecisionChainStore", "DecisionChainDev", "DecisionChainRender", "Postgres", "TableFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Postgres", "DecisionChainStore"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "DecisionChainTests", dependencies: ["DecisionChain"]),
        .testTarget(
            name: "DecisionChainRenderTests",
            dependencies: ["DecisionChainRender", "DecisionChain"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "DecisionChainStoreTests", dependencies: ["DecisionChainStore", "DecisionChainDev", "TestSupport"]),
        .testTarget(name: "dchainTests", dependencies: ["TestSupport", "Postgres"]),
    ]
)
