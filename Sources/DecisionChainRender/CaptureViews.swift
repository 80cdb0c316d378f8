import DecisionChain

/// JSON shapes and listings for the capture commands (accounts, stakeholders,
/// deals, the decision chain, the timeline, pain points). JSON keys are
/// snake_case and stable: other tools build on them.
public enum CaptureViews {
    // MARK: JSON shapes

    public struct AccountJSON: Encodable {
        let id: Int64; let name: String; let kind: String; let code, region, industry, owner, team: String?; let parent_id: Int64?
        public init(_ a: Account) {
            id = a.id; name = a.name; kind = a.kind.rawValue; code = a.code; region = a.region; industry = a.industry
            owner = a.ownerLogin; team = a.teamName; parent_id = a.parentID
        }
    }

    public struct StakeholderJSON: Encodable {
        /// The JSON keys in order (the stakeholder CSV's header).
        public static let keys = ["id", "account_id", "name", "title", "unit", "level", "email", "phone", "wechat", "channel",
                                  "reports_to", "reports_to_name"]
        let id: Int64; let account_id: Int64; let name, title: String
        let unit, level, email, phone, wechat, channel: String?; let reports_to: Int64?; let reports_to_name: String?
        public init(_ s: Stakeholder, reportsToName: String?) {
            id = s.id; account_id = s.accountID; name = s.name; title = s.title; unit = s.unitName; level = s.level?.rawValue
            email = s.email; phone = s.phone; wechat = s.wechat; channel = s.preferredChannel?.rawValue
            reports_to = s.reportsToID; reports_to_name = reportsToName
        }
    }

    public struct DealJSON: Encodable {
        let id: Int64; let account_id: Int64; let account: String?; let name, pipeline, stage, status, currency: String
        let method: String?; let amount: Double?; let close_by, closed_on: String?; let close_reason, owner: String?
        let ocid: String?
        let history: [VisitJSON]?
        public init(_ d: Deal, account: String?, history: [StageVisit]? = nil) {
            id = d.id; account_id = d.accountID; self.account = account; name = d.name; pipeline = d.pipelineKey; stage = d.stageKey
            status = d.status.rawValue; currency = d.currency; method = d.method?.rawValue; amount = d.amount
            close_by = d.closeBy?.description; closed_on = d.closedOn?.description; close_reason = d.closeReason; owner = d.ownerLogin
            ocid = d.ocid
            self.history = history?.map { VisitJSON(stage: $0.stageKey, entered: $0.entered.description, event: $0.event?.rawValue) }
        }
    }
    public struct VisitJSON: Encodable { let stage: String; let entered: String; let event: String? }

    public struct InfluenceJSON: Encodable {
        let stakeholder_id: Int64; let stakeholder: String; let title: String; let role: String
        let influence, stance, mode, personal_win, since, until: String?; let rating: Int?
    }

    public struct ParticipantJSON: Encodable {
        let stakeholder_id: Int64; let stakeholder: String; let emotion: Int?; let emotion_label, quote: String?
    }
    public struct TouchpointJSON: Encodable {
        let id: Int64; let at: String; let channel, direction: String; let deal_id: Int64?; let stage: String?
        let summary, response, logged_by: String?; let participants: [ParticipantJSON]
    }

    public struct PainJSON: Encodable {
        let id: Int64; let kind, text, severity, status: String; let stakeholder: String?; let stakeholder_id: Int64?
        let deal_id: Int64?; let stage: String?; let response: String?; let raised_on: String; let touchpoint_id: Int64
    }

    // MARK: Listings

    public static func accounts(_ list: [Account], _ lang: Language) -> Listing {
        Listing(headers: [pick("id", "编号", lang), pick("name", "名称", lang), pick("kind", "类型", lang), pick("code", "代码", lang),
                          pick("region", "地区", lang), pick("industry", "行业", lang), pick("owner", "负责人", lang), pick("team", "团队", lang)],
                keys: ["id", "name", "kind", "code", "region", "industry", "owner", "team"],
                rows: list.map { [String($0.id), $0.name, Labels.kind($0.kind, lang), $0.code ?? "", $0.region ?? "", $0.industry ?? "",
                                  $0.ownerLogin ?? "", $0.teamName ?? ""] },
                alignments: [.right, .left, .left, .left, .left, .left, .left, .left])
    }

    public static func stakeholders(_ list: [Stakeholder], all: [Stakeholder], _ lang: Language) -> Listing {
        let names = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var listing = Listing(headers: [pick("id", "编号", lang), pick("name", "姓名", lang), pick("title", "职务", lang), pick("unit", "部门", lang),
                                 pick("level", "层级", lang), pick("reports to", "上级", lang), pick("channel", "偏好渠道", lang)],
                       keys: ["id", "name", "title", "unit", "level", "reports_to", "channel"],
                       rows: list.map { s in
                           [String(s.id), s.name, s.title, s.unitName ?? "", s.level.map { Labels.level($0, lang) } ?? "",
                            s.reportsToID.flatMap { names[$0] } ?? "", s.preferredChannel.map { Labels.channel($0, lang) } ?? ""]
                       },
                       alignments: [.right, .left, .left, .left, .left, .left, .left])
        // CSV has every field of the JSON (StakeholderJSON), under the same keys, values as in JSON.
        listing.csvColumns = (StakeholderJSON.keys, list.map { s in
            [String(s.id), String(s.accountID), s.name, s.title, s.unitName ?? "", s.level?.rawValue ?? "", s.email ?? "", s.phone ?? "",
             s.wechat ?? "", s.preferredChannel?.rawValue ?? "", s.reportsToID.map(String.init) ?? "", s.reportsToID.flatMap { names[$0] } ?? ""]
        })
        return listing
    }

    public static func deals(_ list: [(deal: Deal, account: String)], pipelines: [Pipeline] = [], _ lang: Language) -> Listing {
        Listing(headers: [pick("id", "编号", lang), pick("account", "客户", lang), pick("deal", "项目", lang), pick("pipeline", "流程", lang),
                          pick("stage", "阶段", lang), pick("status", "状态", lang), pick("amount", "金额", lang), pick("owner", "负责人", lang)],
                keys: ["id", "account", "name", "pipeline", "stage", "status", "amount", "owner"],
                rows: list.map { d, a in
                    [String(d.id), a, d.name, Labels.pipeline(d.pipelineKey, in: pipelines, lang),
                     Labels.stage(d.stageKey, pipeline: d.pipelineKey, in: pipelines, lang), Labels.status(d.status, lang),
                     d.amount.map { amount($0, d.currency) } ?? "", d.ownerLogin ?? ""]
                },
                alignments: [.right, .left, .left, .left, .left, .left, .right, .left])
    }

    public static func chain(_ influences: [(influence: BuyingInfluence, until: Day?)], stakeholders: [Stakeholder], history: Bool,
                             _ lang: Language) -> (Listing, [InfluenceJSON]) {
        let byID = Dictionary(stakeholders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = [], json: [InfluenceJSON] = []
        for (b, until) in influences {
            let s = byID[b.stakeholderID]
            var row: [String] = [Labels.role(b.role, lang), s?.name ?? "#\(b.stakeholderID)", s?.title ?? ""]
            row.append(b.influence.map { Labels.influence($0, lang) } ?? "")
            row.append(b.stance.map { Labels.stance($0, lang) } ?? "")
            row.append(b.mode.map { Labels.mode($0, lang) } ?? "")
            row.append(b.rating.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "")
            row.append(b.personalWin ?? "")
            row.append(b.since?.description ?? "")
            if history { row.append(until?.description ?? "") }
            rows.append(row)
            json.append(InfluenceJSON(stakeholder_id: b.stakeholderID, stakeholder: s?.name ?? "", title: s?.title ?? "", role: b.role.rawValue,
                                      influence: b.influence?.rawValue, stance: b.stance?.rawValue, mode: b.mode?.rawValue,
                                      personal_win: b.personalWin, since: b.since?.description, until: until?.description, rating: b.rating))
        }
        var headers = [pick("role", "角色", lang), pick("stakeholder", "干系人", lang), pick("title", "职务", lang), pick("influence", "影响力", lang),
                       pick("stance", "态度", lang), pick("mode", "反应模式", lang), pick("rating", "评分", lang), pick("personal win", "个人赢", lang),
                       pick("since", "起始", lang)]
        var keys = ["role", "stakeholder", "title", "influence", "stance", "mode", "rating", "personal_win", "since"]
        if history { headers.append(pick("until", "截止", lang)); keys.append("until") }
        var listing = Listing(headers: headers, keys: keys, rows: rows)
        listing.alignments = headers.indices.map { $0 == 6 ? .right : .left }
        return (listing, json)
    }

    public static func timeline(_ touchpoints: [Touchpoint], stakeholders: [Stakeholder], pipelines: [Pipeline] = [],
                                _ lang: Language) -> (Listing, [TouchpointJSON]) {
        let byID = Dictionary(stakeholders.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = [], json: [TouchpointJSON] = []
        for t in touchpoints {
            let who = t.participants.map { p in
                (byID[p.stakeholderID] ?? "#\(p.stakeholderID)") + (p.emotion.map { "(\($0))" } ?? "")
            }.joined(separator: ", ")
            rows.append([String(t.id), t.at.description, Labels.channel(t.channel, lang), Labels.stage(t.stageKey, in: pipelines, lang), who, t.summary ?? "", t.response ?? ""])
            json.append(TouchpointJSON(id: t.id, at: t.at.description, channel: t.channel.rawValue, direction: t.direction.rawValue,
                                       deal_id: t.dealID, stage: t.stageKey, summary: t.summary, response: t.response, logged_by: t.loggedBy,
                                       participants: t.participants.map {
                                           ParticipantJSON(stakeholder_id: $0.stakeholderID, stakeholder: byID[$0.stakeholderID] ?? "",
                                                           emotion: $0.emotion?.value, emotion_label: $0.emotionLabel, quote: $0.quote)
                                       }))
        }
        var listing = Listing(headers: [pick("id", "编号", lang), pick("when", "时间", lang), pick("channel", "渠道", lang), pick("stage", "阶段", lang),
                                        pick("who (emotion)", "参与人(情绪)", lang), pick("summary", "摘要", lang), pick("our response", "我方响应", lang)],
                              keys: ["id", "at", "channel", "stage", "participants", "summary", "response"], rows: rows)
        listing.alignments = [.right, .left, .left, .left, .left, .left, .left]
        return (listing, json)
    }

    public static func pains(_ list: [PainPoint], stakeholders: [Stakeholder], pipelines: [Pipeline] = [], _ lang: Language) -> (Listing, [PainJSON]) {
        let byID = Dictionary(stakeholders.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = list.map { p in
            [String(p.id), p.raisedOn.description, p.kind == .pain ? pick("pain", "痛点", lang) : pick("need", "需求", lang),
             p.stakeholderID.flatMap { byID[$0] } ?? "", p.text, Labels.severity(p.severity, lang), Labels.painStatus(p.status, lang),
             Labels.stage(p.stageKey, in: pipelines, lang), p.response ?? ""]
        }
        let json = list.map { p in
            PainJSON(id: p.id, kind: p.kind.rawValue, text: p.text, severity: p.severity.rawValue, status: p.status.rawValue,
                     stakeholder: p.stakeholderID.flatMap { byID[$0] }, stakeholder_id: p.stakeholderID, deal_id: p.dealID,
                     stage: p.stageKey, response: p.response, raised_on: p.raisedOn.description, touchpoint_id: p.touchpointID)
        }
        var listing = Listing(headers: [pick("id", "编号", lang), pick("raised", "提出日期", lang), pick("kind", "类别", lang), pick("by", "提出人", lang),
                                        pick("text", "内容", lang), pick("severity", "严重度", lang), pick("status", "状态", lang),
                                        pick("stage", "阶段", lang), pick("our response", "我方响应", lang)],
                              keys: ["id", "raised_on", "kind", "stakeholder", "text", "severity", "status", "stage", "response"], rows: rows)
        listing.alignments = [.right] + Array(repeating: .left, count: 8)
        return (listing, json)
    }

    /// `1,200,000.00 CNY`.
    public static func amount(_ v: Double, _ currency: String) -> String {
        let whole = Int64(v.rounded(.down)), cents = Int64(((v - Double(whole)) * 100).rounded())
        var digits = String(whole), grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits = String(digits.dropLast(3)) }
        return digits + grouped + "." + (cents < 10 ? "0" : "") + String(cents) + " " + currency
    }

    static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { lang == .zh ? zh : en }
}
