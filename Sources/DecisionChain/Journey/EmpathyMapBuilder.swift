/// Builds a stakeholder's empathy map (says / thinks / does / feels) from an account snapshot.
public enum EmpathyMapBuilder {
    /// Emotion means of the earlier and later half of a person's contacts must
    /// differ by at least this much to call the trend rising or falling.
    public static let trendThreshold = 0.5

    /// The empathy map of a stakeholder, limited to one deal when `dealID` is
    /// given, with facts up to `asOf`. Throws `DomainError` when the stakeholder
    /// or the deal is not in the snapshot.
    public static func build(snapshot s: AccountSnapshot, stakeholderID: Int64, dealID: Int64?, asOf: Day, lang: Language) throws -> EmpathyMap {
        guard let person = s.stakeholder(stakeholderID) else {
            throw DomainError("stakeholder \(stakeholderID) is not a stakeholder of account \"\(s.account.name)\"")
        }
        var deal: Deal?
        if let dealID {
            guard let d = s.deal(dealID) else { throw DomainError("deal \(dealID) is not a deal of account \"\(s.account.name)\"") }
            deal = d
        }
        let touchpoints = s.touchpoints.filter { tp in
            tp.at.day <= asOf && (deal == nil || tp.dealID == deal?.id) && tp.participants.contains { $0.stakeholderID == stakeholderID }
        }

        // Stage of a touchpoint: as recorded, else from its deal's history on that day; named in the deal's pipeline.
        func stage(of tp: Touchpoint) -> (key: String?, name: String?) {
            guard let dealID = tp.dealID, let d = s.deal(dealID) else { return (tp.stageKey, nil) }
            let key = tp.stageKey ?? s.history(of: dealID).last { $0.entered <= tp.at.day }?.stageKey
            return (key, key.flatMap { s.pipeline(d.pipelineKey)?.stage($0)?.name(lang) })
        }

        var says: [EmpathyMap.Saying] = [], does: [EmpathyMap.Deed] = [], moments: [EmpathyMap.Feeling] = []
        for tp in touchpoints {
            guard let me = tp.participants.first(where: { $0.stakeholderID == stakeholderID }) else { continue }
            let st = stage(of: tp)
            if let quote = me.quote, !quote.isEmpty {
                says.append(EmpathyMap.Saying(touchpointID: tp.id, at: tp.at, stage: st.key, stageName: st.name, text: quote, emotion: me.emotion))
            }
            // An observed day (dchain observe) speaks step by step: what they did and felt at each time.
            let steps = s.observations.filter { $0.touchpointID == tp.id && $0.stakeholderID == stakeholderID }
            for o in steps {
                let at = LocalTime(day: o.on, minuteOfDay: o.minute)
                does.append(EmpathyMap.Deed(touchpointID: tp.id, at: at, stage: st.key, stageName: st.name, channel: tp.channel,
                                            direction: tp.direction, summary: o.does + (o.tool.map { " (\($0))" } ?? "")))
                moments.append(EmpathyMap.Feeling(touchpointID: tp.id, at: at, stage: st.key, emotion: o.feels, label: o.feelsLabel))
            }
            guard steps.isEmpty else { continue }
            does.append(EmpathyMap.Deed(touchpointID: tp.id, at: tp.at, stage: st.key, stageName: st.name, channel: tp.channel,
                                        direction: tp.direction, summary: tp.summary))
            moments.append(EmpathyMap.Feeling(touchpointID: tp.id, at: tp.at, stage: st.key, emotion: me.emotion, label: me.emotionLabel))
        }

        let raised = s.painPoints.filter { $0.stakeholderID == stakeholderID && $0.raisedOn <= asOf && (deal == nil || $0.dealID == deal?.id) }
            .sorted { ($0.raisedOn, $0.id) < ($1.raisedOn, $1.id) }
            .map { p in
                MapPainPoint(id: p.id, kind: p.kind, text: p.text, severity: p.severity, status: p.status, stakeholderID: p.stakeholderID,
                             stakeholder: person.name, touchpointID: p.touchpointID, raisedOn: p.raisedOn,
                             response: p.response.flatMap { $0.isEmpty ? nil : $0 })
            }
        let influences = s.influences.filter { $0.stakeholderID == stakeholderID && (deal == nil || $0.dealID == deal?.id) }
        var wins: [String] = []
        for w in influences.compactMap(\.personalWin) where !w.isEmpty && !wins.contains(w) { wins.append(w) }

        return EmpathyMap(
            account: MapAccount(s.account),
            deal: deal.map { JourneyMapBuilder.mapDeal($0, in: s, asOf: asOf, lang: lang) },
            stakeholder: EmpathyMap.EmpathyPerson(person),
            roles: Array(Set(influences.map(\.role))).sorted(),
            asOf: asOf, says: says,
            thinks: EmpathyMap.Thoughts(needs: raised.filter { $0.kind == .need }, concerns: raised.filter { $0.kind == .pain },
                                        personalWins: wins),
            does: does,
            feels: EmpathyMap.Feelings(moments: moments, labels: labelCounts(moments.compactMap(\.label)),
                                       mean: rounded2(meanEmotion(moments.map(\.emotion))),
                                       latest: moments.last { $0.emotion != nil }?.emotion,
                                       trend: trend(moments.compactMap(\.emotion))))
    }

    /// Rising, falling or steady: the mean of the later half of the known
    /// emotions against the earlier half (the middle one of an odd count is
    /// left out); unknown with fewer than two.
    public static func trend(_ emotions: [Emotion]) -> EmpathyMap.Trend {
        guard emotions.count >= 2 else { return .unknown }
        let half = emotions.count / 2
        let early = meanEmotion(emotions.prefix(half).map(Optional.some)) ?? 0
        let late = meanEmotion(emotions.suffix(half).map(Optional.some)) ?? 0
        if late - early >= trendThreshold { return .rising }
        if early - late >= trendThreshold { return .falling }
        return .steady
    }

    /// Labels by how often they were shown, then first shown first.
    static func labelCounts(_ labels: [String]) -> [EmpathyMap.LabelCount] {
        var order: [String] = [], counts: [String: Int] = [:]
        for l in labels where !l.isEmpty {
            if counts[l] == nil { order.append(l) }
            counts[l, default: 0] += 1
        }
        return order.map { EmpathyMap.LabelCount(label: $0, count: counts[$0, default: 0]) }
            .enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
    }
}
