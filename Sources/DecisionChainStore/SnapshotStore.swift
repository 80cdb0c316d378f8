import DecisionChain
import Postgres

/// Loads everything about one account into an `AccountSnapshot` for the
/// journey map, empathy map and plan builders: a handful of queries, no N+1.
public struct SnapshotStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// The snapshot of an account (all its deals).
    public func load(accountID: Int64) throws -> AccountSnapshot {
        let account = try AccountStore(db: db).get(accountID)
        let units = try db.query("SELECT account_id, id, name, parent_id FROM unit WHERE account_id = $1 ORDER BY id", [accountID]).map {
            OrgUnit(id: try $0.decode("id"), accountID: try $0.decode("account_id"), name: try $0.decode("name"),
                    parentID: try $0.decodeIfPresent("parent_id"))
        }
        let stakeholders = try db.query("""
            SELECT \(StakeholderStore.columns) FROM stakeholder s LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id
            WHERE s.account_id = $1 ORDER BY s.id
            """, [accountID]).map(Stakeholder.init(row:))
        let deals = try db.query("SELECT \(DealStore.columns) FROM \(DealStore.from) WHERE d.account_id = $1 ORDER BY d.id",
                                 [accountID]).map(Deal.init(row:))
        let history = try db.query("""
            SELECT h.deal_id, s.key, h.entered_on, h.event FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id
            WHERE h.account_id = $1 ORDER BY h.deal_id, h.entered_on, h.id
            """, [accountID]).map {
            StageVisit(dealID: try $0.decode("deal_id"), stageKey: try $0.decode("key"), entered: try $0.decode("entered_on"),
                       event: try $0.decodeIfPresent("event"))
        }
        let influences = try db.query("""
            SELECT deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from FROM buying_influence
            WHERE account_id = $1 AND valid_to IS NULL ORDER BY deal_id, stakeholder_id
            """, [accountID]).map(BuyingInfluence.init(row:))
        let touchpoints = try TouchpointStore(connection: db).timeline(accountID: accountID)
        let pains = try db.query("""
            SELECT \(PainPointStore.columns) FROM pain_point pp LEFT JOIN stage s ON s.id = pp.stage_id
            WHERE pp.account_id = $1 ORDER BY pp.id
            """, [accountID]).map(PainPoint.init(row:))
        let plan = try db.query("""
            SELECT pi.account_id, pi.id, pi.deal_id, pi.stakeholder_id, pi.role, pi.rule, pi.action, pi.channel, pi.theme, pi.due,
                   pi.priority, pi.why, pi.status, pi.owner, s.key AS stage_key
            FROM plan_item pi LEFT JOIN stage s ON s.id = pi.stage_id WHERE pi.account_id = $1 ORDER BY pi.due, pi.id
            """, [accountID]).map(PlanItemRecord.init(row:))
        var snapshot = AccountSnapshot(account: account, units: units, stakeholders: stakeholders,
                                       pipelines: try PipelineStore(connection: db).all(), deals: deals, stageHistory: history,
                                       influences: influences, touchpoints: touchpoints, painPoints: pains, planItems: plan)
        snapshot.observations = try ObservationStore.list(db, accountID: accountID)
        snapshot.surveys = try SurveyStore.list(db, accountID: accountID)
        snapshot.metricTargets = try MetricTargetStore.all(db)
        snapshot.influenceHistory = try db.query("""
            SELECT deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from, valid_to FROM buying_influence
            WHERE account_id = $1 ORDER BY deal_id, stakeholder_id, valid_from, id
            """, [accountID]).map { InfluencePeriod(try BuyingInfluence(row: $0), until: try $0.decodeIfPresent("valid_to")) }
        for row in try db.query("""
            SELECT id, responded_on, resolved_on FROM pain_point
            WHERE account_id = $1 AND (responded_on IS NOT NULL OR resolved_on IS NOT NULL)
            """, [accountID]) {
            snapshot.painDates[try row.decode("id")] = PainDates(respondedOn: try row.decodeIfPresent("responded_on"),
                                                                 resolvedOn: try row.decodeIfPresent("resolved_on"))
        }
        return snapshot
    }
}

extension AccountStore { init(db: Connection) { self.db = db } }
extension TouchpointStore { init(connection: Connection) { self.db = connection; self.actor = "" } }
