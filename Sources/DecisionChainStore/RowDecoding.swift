import DecisionChain
import Postgres

// Domain values read from and bound as PostgreSQL text.

extension Day: PostgresDecodable, PostgresEncodable {
    public init?(postgresText: String) { self.init(postgresText) }
    public var postgresText: String? { description }
}

extension LocalTime: PostgresDecodable, PostgresEncodable {
    public init?(postgresText: String) { self.init(postgresText) }
    public var postgresText: String? { description }
}

extension Account {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), name: try row.decode("name"), kind: try row.decode("kind"),
                  code: try row.decodeIfPresent("code"), region: try row.decodeIfPresent("region"),
                  industry: try row.decodeIfPresent("industry"), parentID: try row.decodeIfPresent("parent_id"),
                  ownerLogin: try row.decodeIfPresent("owner_login"), teamName: try row.decodeIfPresent("team_name"))
    }
}

extension Stakeholder {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), accountID: try row.decode("account_id"), name: try row.decode("name"),
                  title: try row.decode("title"), unitID: try row.decodeIfPresent("unit_id"),
                  unitName: try row.decodeIfPresent("unit_name"), level: try row.decodeIfPresent("level"),
                  reportsToID: try row.decodeIfPresent("reports_to"), email: try row.decodeIfPresent("email"),
                  phone: try row.decodeIfPresent("phone"), wechat: try row.decodeIfPresent("wechat"),
                  preferredChannel: try row.decodeIfPresent("preferred_channel"))
    }
}

extension Deal {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), accountID: try row.decode("account_id"), name: try row.decode("name"),
                  pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"),
                  status: try row.decode("status"), method: try row.decodeIfPresent("method"),
                  amount: try row.decodeIfPresent("amount"), currency: try row.decode("currency"),
                  closeBy: try row.decodeIfPresent("close_by"), closedOn: try row.decodeIfPresent("closed_on"),
                  closeReason: try row.decodeIfPresent("close_reason"), ownerLogin: try row.decodeIfPresent("owner_login"),
                  ocid: row["ocid"])
    }
}

extension BuyingInfluence {
    init(row: Row) throws {
        self.init(dealID: try row.decode("deal_id"), stakeholderID: try row.decode("stakeholder_id"), role: try row.decode("role"),
                  influence: try row.decodeIfPresent("influence"), stance: try row.decodeIfPresent("stance"),
                  mode: try row.decodeIfPresent("mode"), rating: try row.decodeIfPresent("rating"),
                  personalWin: try row.decodeIfPresent("personal_win"), since: try row.decodeIfPresent("valid_from"))
    }
}

extension PainPoint {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), accountID: try row.decode("account_id"), touchpointID: try row.decode("touchpoint_id"),
                  stakeholderID: try row.decodeIfPresent("stakeholder_id"), dealID: try row.decodeIfPresent("deal_id"),
                  stageKey: try row.decodeIfPresent("stage_key"), kind: try row.decode("kind"), text: try row.decode("text"),
                  severity: try row.decode("severity"), status: try row.decode("status"),
                  response: try row.decodeIfPresent("response"), raisedOn: try row.decode("raised_on"))
    }
}

extension PlanItemRecord {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), accountID: try row.decode("account_id"), dealID: try row.decodeIfPresent("deal_id"),
                  stakeholderID: try row.decodeIfPresent("stakeholder_id"), role: try row.decodeIfPresent("role"),
                  rule: try row.decode("rule"), action: try row.decode("action"), channel: try row.decodeIfPresent("channel"),
                  theme: try row.decodeIfPresent("theme"), due: try row.decode("due"), priority: try row.decode("priority"),
                  why: try row.decode("why"), status: try row.decode("status"), ownerLogin: try row.decodeIfPresent("owner"),
                  stageKey: try row.decodeIfPresent("stage_key"))
    }
}
