import DecisionChain
import Testing

@Suite("The column table of import and export")
struct RecordColumnsTests {
    @Test("within a type no two columns answer to the same header", arguments: RecordType.allCases)
    func headersAreUnambiguous(type: RecordType) {
        var seen: [String: String] = [:]
        for c in RecordColumns.columns(type) {
            for h in c.headers {
                let f = RecordColumns.fold(h)
                #expect(seen[f] == nil || seen[f] == c.key, "\(type): \(h) names both \(seen[f] ?? "") and \(c.key)")
                seen[f] = c.key
            }
        }
    }

    @Test("a header row of Chinese names or English keys tells its type", arguments: [
        (["客户名称", "单位类型", "区域"], RecordType.accounts),
        (["客户名称", "部门", "上级部门"], .units),
        (["客户名称", "姓名", "职务", "部门", "上级", "电话", "邮箱", "微信"], .stakeholders),
        (["客户名称", "项目名称", "金额", "阶段"], .deals),
        (["客户名称", "项目名称", "姓名", "角色", "态度"], .roles),
        (["account", "deal", "at", "channel", "participants", "external_id"], .touchpoints),
        (["Account", "Name", "Title", "Reports To"], .stakeholders),
    ])
    func guess(headers: [String], type: RecordType) {
        #expect(RecordHeader.guess(headers).type == type)
    }

    @Test("headers naming two types are ambiguous, not guessed")
    func ambiguous() {
        let g = RecordHeader.guess(["account", "name"])
        #expect(g.type == nil)
        #expect(Set(g.candidates) == [.units, .stakeholders, .deals])
    }

    @Test("unknown, duplicated and missing columns are each named, with the known columns listed")
    func headerIssues() {
        do {
            _ = try RecordHeader(["姓名", "name", "生日", "职务"], type: .stakeholders)
            Issue.record("accepted a bad header")
        } catch let error as RecordIssues {
            let text = error.issues.map(\.description)
            #expect(text.count == 3)
            #expect(text.contains { $0.contains("column name") && $0.contains("\"姓名\"") })
            #expect(text.contains { $0.contains("column 生日") && $0.contains("reports_to (上级)") })
            #expect(text.contains { $0.contains("column account") && $0.contains("missing") })
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("cells use the domain's parsers: 480万, Chinese keys, log --with participants")
    func parsing() throws {
        let header = try RecordHeader(["客户名称", "项目名称", "流程", "阶段", "金额", "采购方式"], type: .deals)
        let deal = try header.row(2, ["市数据局", "城市数据中台", "政府", "立项", "480万", "公开招标"]).parse(ImportRecords.deal).get()
        #expect(deal.amount == 4_800_000)
        #expect(deal.method == .publicTender)
        let tp = try RecordHeader(["客户名称", "时间", "渠道", "参与人"], type: .touchpoints)
        let t = try tp.row(2, ["市数据局", "2026/3/5 14:30", "拜访", "李敏:-2:frustrated; 赵磊:-1"]).parse(ImportRecords.touchpoint).get()
        #expect(t.channel == .visit)
        #expect(t.at.time.description == "2026-03-05 14:30")
        #expect(t.participants.map(\.name) == ["李敏", "赵磊"])
        #expect(t.participants.map { $0.emotion?.value } == [-2, -1])
    }

    @Test("every bad cell of a row is reported with its row, column and value")
    func rowIssues() throws {
        let header = try RecordHeader(["客户名称", "项目名称", "金额", "状态", "预计签约"], type: .deals)
        switch header.row(7, ["市数据局", "平台", "12x", "赢了", "2026-13-01"]).parse(ImportRecords.deal) {
        case .success: Issue.record("accepted bad cells")
        case let .failure(e):
            #expect(e.issues.count == 3)
            #expect(e.issues.allSatisfy { $0.row == 7 })
            #expect(Set(e.issues.compactMap(\.column)) == ["金额", "状态", "预计签约"])
            #expect(e.issues.first { $0.column == "金额" }?.value == "12x")
        }
    }

    @Test("spreadsheet dates: slashes, 年月日, Excel serial days")
    func dates() {
        #expect(ImportRecords.dateTime("2026/3/5")?.time.description == "2026-03-05 00:00")
        #expect(ImportRecords.dateTime("2026年3月5日")?.time.day.description == "2026-03-05")
        #expect(ImportRecords.dateTime("46086")?.time.day.description == "2026-03-05")
        #expect(ImportRecords.dateTime("46086.5")?.time.description == "2026-03-05 12:00")
        #expect(ImportRecords.dateTime("3/5/2026") == nil)
    }
}

extension RecordRow {
    /// Applies one of `ImportRecords`' parsers.
    func parse<T>(_ parser: (RecordRow) -> Result<T, RecordIssues>) -> Result<T, RecordIssues> { parser(self) }
}
