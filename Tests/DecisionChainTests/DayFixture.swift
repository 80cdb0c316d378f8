import DecisionChain

/// Observed days of 陈工 (the fixture's UB, a systems engineer) on top of the
/// journey-map fixture: two days, with pains that link to what the account
/// already knows (a pain we answered, a need, a planned task).
/// (Tests/DecisionChainRenderTests/DayFixture.swift is a link to this file.)
enum DayFixture {
    typealias F = JourneyFixture
    static let day1 = Day("2026-04-14")!, day2 = Day("2026-04-15")!

    static func o(_ id: Int64, _ day: Day, _ time: String, _ does: String, feels: Int? = nil, label: String? = nil, tool: String? = nil,
                  thinks: String? = nil, pain: Int64? = nil) -> Observation {
        Observation(id: id, accountID: 7, stakeholderID: F.chen, on: day, minute: try! ClockTime.parse(time, field: "t"),
                    touchpointID: day == day1 ? 301 : 302, dealID: F.dealID, does: does, thinks: thinks, feels: feels.map { Emotion($0)! },
                    feelsLabel: label, tool: tool, painPointID: pain)
    }

    /// Given out of order on purpose: the builder orders by time.
    static let observations = [
        o(3, day1, "10:15", "每天手工导数据到报表", feels: -2, label: "烦", tool: "Excel, 数据平台", thinks: "又要加班", pain: 401),
        o(1, day1, "08:30", "登录四个系统看告警", feels: -1, tool: "监控系统"),
        o(2, day1, "09:00", "晨会", feels: 1),
        o(4, day1, "14:00", "打电话找各部门要数据", feels: -3, label: "无奈", tool: "电话", pain: 402),
        o(5, day1, "17:30", "写值班日志", feels: 0, tool: "Excel"),
        o(11, day2, "08:40", "登录四个系统看告警", feels: -2, tool: "监控系统"),
        o(12, day2, "10:05", "每天手工导数据到报表", feels: -3, tool: "Excel", pain: 403),
        o(13, day2, "14:30", "处理数据平台故障", feels: -1, tool: "数据平台"),
    ]

    static let pains = [
        PainPoint(id: 401, accountID: 7, touchpointID: 301, stakeholderID: F.chen, dealID: F.dealID, stageKey: "contract",
                  text: "每天手工导数据两小时", severity: .high, raisedOn: day1),
        PainPoint(id: 402, accountID: 7, touchpointID: 301, stakeholderID: F.chen, dealID: F.dealID, stageKey: "contract",
                  text: "跨部门数据共享要靠打电话", severity: .medium, raisedOn: day1),
        PainPoint(id: 403, accountID: 7, touchpointID: 302, stakeholderID: F.chen, dealID: F.dealID, stageKey: "contract",
                  text: "每天手工导数据两小时", severity: .high, raisedOn: day2),
    ]

    /// The two observed days' site-survey touchpoints, 陈工 the participant with the day's mean feeling.
    static let touchpoints = [
        F.tp(301, "2026-04-14 08:30", "contract", .siteSurvey, "day in the life, observed on site", [F.p(F.chen, -1)]),
        F.tp(302, "2026-04-15 08:40", "contract", .siteSurvey, "day in the life, observed on site", [F.p(F.chen, -2)]),
    ]

    static func snapshot() -> AccountSnapshot {
        var s = F.snapshot()
        s.painPoints += pains
        s.touchpoints = (s.touchpoints + touchpoints).sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        s.observations = observations.sorted { ($0.on, $0.minute) < ($1.on, $1.minute) }
        return s
    }
}
