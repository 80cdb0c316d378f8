import Testing
@testable import DecisionChain

@Suite("Day in the life: the typed formats and the builder")
struct DayInTheLifeTests {
    typealias D = DayFixture

    // MARK: input

    @Test("the car text format: time, what they do, feeling with label, thoughts, tools, pain with severity")
    func textFormat() throws {
        let steps = try DayFormat.parse("""
            # 周婷的一天
            10:30 群众材料缺一项 -3:内疚 想:他又要跑第二趟 工具:叫号系统 痛:缺材料要跑第二趟:high

            09:05 登录三个系统 -2
            9：40 处理 3 件 +1 tool:受理系统, 审批系统
            """, path: "day.txt")
        #expect(steps.map(\.time) == ["09:05", "09:40", "10:30"])  // out of order in the file: sorted by time
        #expect(steps[0] == ObservationStep(minute: 545, does: "登录三个系统", feels: Emotion(-2)))
        #expect(steps[1].does == "处理 3 件")  // a bare number stays text
        #expect(steps[1].feels == Emotion(1))
        #expect(steps[1].tool == "受理系统, 审批系统")
        #expect(steps[2] == ObservationStep(minute: 630, does: "群众材料缺一项", thinks: "他又要跑第二趟", feels: Emotion(-3), feelsLabel: "内疚",
                                            tool: "叫号系统", pain: "缺材料要跑第二趟", severity: .high))
    }

    @Test("CSV: header in any order, quoted fields, a date column for several days")
    func csvFormat() throws {
        let steps = try DayFormat.parse("""
            does,time,feels,label,tool,pain,severity,date
            "登录三个系统, 又过期",08:30,-1,无奈,"受理系统,审批系统",,,2026-03-27
            "说\"\"录三遍\"\"",09:40,-2,,,同一件事录入三个系统,high,2026-03-26
            """, path: "day.csv")
        #expect(steps.count == 2)
        #expect(steps[0].on == Day("2026-03-26") && steps[0].does == "说\"录三遍\"" && steps[0].severity == .high)
        #expect(steps[1].does == "登录三个系统, 又过期" && steps[1].feelsLabel == "无奈" && steps[1].tool == "受理系统,审批系统")
    }

    @Test("bad input names the field and the value", arguments: [
        ("25:00 开会", "line 1 time \"25:00\""),
        ("09:05 -2", "line 1 does \"\""),
        ("09:05 开会 +5", "line 1 feels \"+5\""),
        ("开会 09:05", "line 1 \"开会 09:05\" does not start with a time"),
        ("09:05 开会\n09:05 又开会", "two steps at the same time"),
        ("09:05 开会 痛:慢:critical", "line 1 pain \"critical\""),
        ("time,does,mood\n09:05,开会,烦", "csv header \"mood\""),
        ("time,feels\n09:05,-1", "has no does column"),
        ("time,does\n09:61,开会", "row 2 time \"09:61\""),
    ])
    func badFile(_ content: String, _ message: String) {
        #expect { _ = try DayFormat.parse(content, path: "day") } throws: { "\($0)".contains(message) }
    }

    @Test("the flags of one step: 25:00, an empty --does, a feeling out of range are refused")
    func flags() throws {
        let s = try ObservationStep.parse(at: "7:05", does: " 交接班 ", thinks: "", feels: "+2:轻松", tool: nil, pain: "交接本手写:低")
        #expect(s == ObservationStep(minute: 425, does: "交接班", feels: Emotion(2), feelsLabel: "轻松", pain: "交接本手写", severity: .low))
        #expect(throws: InputError(field: "at", value: "25:00", problem: "is not a time of day (HH:MM, 00:00–23:59)")) {
            try ObservationStep.parse(at: "25:00", does: "x", thinks: nil, feels: nil, tool: nil, pain: nil)
        }
        #expect { try ObservationStep.parse(at: "09:00", does: "  ", thinks: nil, feels: nil, tool: nil, pain: nil) } throws: {
            "\($0)".hasPrefix("does \"  \" must not be empty")
        }
        #expect { try ObservationStep.parse(at: "09:00", does: "x", thinks: nil, feels: "-4", tool: nil, pain: nil) } throws: {
            "\($0)" == "feels \"-4\" is outside -3...+3"
        }
    }

    // MARK: the builder

    @Test("one observed day: steps in time order, low points, tools, the curve, the mean")
    func observedDay() throws {
        let d = try DayInTheLifeBuilder.build(snapshot: D.snapshot(), observations: D.observations, stakeholderID: JourneyFixture.chen, on: D.day1)
        #expect(d.kind == .observed && d.date == D.day1 && d.observedDays == [D.day1, D.day2])
        #expect(d.steps.map(\.time) == ["08:30", "09:00", "10:15", "14:00", "17:30"])
        #expect(d.steps.filter(\.low).map(\.time) == ["10:15", "14:00"])  // −2 and the lowest, −3
        #expect(d.curve.map(\.feels) == [-1, 1, -2, -3, 0])
        #expect(d.meanFeels == -1)
        #expect(d.tools.map(\.tool) == ["Excel", "监控系统", "数据平台", "电话"])
        #expect(d.tools.first?.steps == 2)
        #expect(d.roles == [.ub, .coach])
    }

    @Test("the pains link to what would change the day: our response to the same trouble, a deal's need, a planned task")
    func changes() throws {
        let d = try DayInTheLifeBuilder.build(snapshot: D.snapshot(), observations: D.observations, stakeholderID: JourneyFixture.chen, on: D.day1)
        #expect(d.pains.map(\.painPointID) == [401, 402])
        let manual = d.pains[0].changes
        #expect(manual.contains { $0.kind == .response && $0.id == 2 && $0.text.hasPrefix("演示自动化交换") })
        #expect(manual.contains { $0.kind == .plan && $0.id == 4 })
        let sharing = d.pains[1].changes
        #expect(sharing.contains { $0.kind == .need && $0.id == 1 && $0.text == "跨部门数据共享难" })
        #expect(!sharing.contains { $0.kind == .response })
    }

    @Test("several days without --on: the typical day, hour by hour, with the spread across days")
    func typicalDay() throws {
        let d = try DayInTheLifeBuilder.build(snapshot: D.snapshot(), observations: D.observations, stakeholderID: JourneyFixture.chen, on: nil)
        #expect(d.kind == .typical && d.date == nil)
        #expect(d.steps.map(\.time) == ["08:00", "09:00", "10:00", "14:00", "17:00"])
        let ten = d.steps[2]
        #expect(ten.does == "每天手工导数据到报表" && ten.days == 2 && ten.feels == -2.5 && ten.feelsMin == -3 && ten.feelsMax == -2)
        let two = d.steps[3]
        #expect(two.does == "打电话找各部门要数据" && two.alsoDoes == ["处理数据平台故障"] && two.feels == -2)
        // The same pain on both days is one pain, seen on two days.
        #expect(d.pains.map(\.text) == ["每天手工导数据两小时", "跨部门数据共享要靠打电话"])
        #expect(d.pains[0].days == 2)
        #expect(d.curve.first?.min == -2 && d.curve.first?.max == -1)
    }

    // MARK: ties into the maps

    @Test("the empathy map's does and feels quadrants draw on the observed steps")
    func empathy() throws {
        let m = try EmpathyMapBuilder.build(snapshot: D.snapshot(), stakeholderID: JourneyFixture.chen, dealID: nil, asOf: JourneyFixture.today, lang: .zh)
        let does = m.does.compactMap(\.summary)
        #expect(does.contains("每天手工导数据到报表 (Excel, 数据平台)") && does.contains("打电话找各部门要数据 (电话)"))
        #expect(!does.contains("day in the life, observed on site"))  // the steps stand for the day's touchpoint
        #expect(m.does.first { $0.summary == "晨会" }?.at == LocalTime("2026-04-14 09:00"))
        #expect(m.feels.moments.contains { $0.emotion == Emotion(-3) && $0.label == "无奈" })
        #expect(m.feels.labels.contains { $0.label == "无奈" })
    }

    @Test("the journey map's customer actions point to the day in the life")
    func journeyMap() throws {
        let map = try JourneyMapBuilder.build(snapshot: D.snapshot(), dealID: nil, asOf: JourneyFixture.today, future: false, lang: .zh)
        let did = map.stages.flatMap(\.actions).compactMap(\.did)
        #expect(did.contains("见陈工的一天: dchain day 市数据局 --who 陈工 --on 2026-04-14"))
        #expect(did.contains("见陈工的一天: dchain day 市数据局 --who 陈工 --on 2026-04-15"))
        // Without observations the same touchpoints are ordinary site surveys.
        var plain = D.snapshot()
        plain.observations = []
        let before = try JourneyMapBuilder.build(snapshot: plain, dealID: nil, asOf: JourneyFixture.today, future: false, lang: .zh)
        #expect(!before.stages.flatMap(\.actions).compactMap(\.did).contains { $0.contains("dchain day") })
    }

    @Test("--on a day not observed, and a person never observed, are refused")
    func refusals() {
        #expect { try DayInTheLifeBuilder.build(snapshot: D.snapshot(), observations: D.observations, stakeholderID: JourneyFixture.chen, on: Day("2026-04-16")) } throws: {
            "\($0)".contains("on \"2026-04-16\" is not an observed day of 陈工; observed: 2026-04-14, 2026-04-15")
        }
        #expect { try DayInTheLifeBuilder.build(snapshot: D.snapshot(), observations: D.observations, stakeholderID: JourneyFixture.wang, on: nil) } throws: {
            "\($0)".contains("王局长 has no observed day")
        }
    }
}
