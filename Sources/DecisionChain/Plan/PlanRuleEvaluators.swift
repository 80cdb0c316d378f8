/// The rule conditions. Each evaluator reads the deal's facts and its rule's
/// data (numbers, words) and returns the items it proposes, with the facts in `why`.
extension PlanContext {
    /// `missing-role`: nobody holds EB, TB, UB or Coach in the deal.
    func missingRole(_ rule: MissingRoleRule) -> [PlanItem] {
        let held = Set(holders.flatMap(\.roles))
        return Role.allCases.filter { !held.contains($0) }.map { role in
            let v = dealValues.with(["role": role.rawValue, "duty": rules.role(role).duty.text(lang)])
            return item(rule: "missing-role", key: nil, holder: nil, role: role,
                        schedule: rule.byRole[role.rawValue] ?? rule.schedule,
                        action: text(rule, "action", v), why: text(rule, "why", v))
        }
    }

    /// `stale-contact`: last touchpoint older than the cadence of the person's
    /// most demanding role, or never contacted.
    func staleContact(_ rule: StaleContactRule) -> [PlanItem] {
        holders.compactMap { h -> PlanItem? in
            guard let role = h.primary,
                  let due = ContactCadence.overdue(roles: h.roles, last: lastContact(h.id)?.at.day, today: today,
                                                   cadence: { rules.role($0).cadenceDays })
            else { return nil }
            var v = personValues(h, role: role).with(["cadence_role": due.cadenceRole.rawValue, "cadence": String(due.cadenceDays)])
            let schedule = rule.byRole[role.rawValue] ?? rule.schedule
            guard let last = due.lastContact, let days = due.days else {
                return item(rule: "stale-contact", key: "never", holder: h, role: role, schedule: schedule,
                            action: text(rule, "action", v), why: text(rule, "why_never", v))
            }
            v = v.with(["last": last.description, "days": String(days)])
            return item(rule: "stale-contact", key: last.description, holder: h, role: role, schedule: schedule,
                        action: text(rule, "action", v), why: text(rule, "why", v))
        }
    }

    /// `negative-emotion`: the latest known emotion is at or below the threshold;
    /// follow up on the person's unresolved pain points.
    func negativeEmotion(_ rule: NegativeEmotionRule) -> [PlanItem] {
        holders.compactMap { h -> PlanItem? in
            guard let latest = latestEmotion(h.id), latest.emotion.value <= rule.threshold else { return nil }
            let pains = snapshot.painPoints.filter {
                $0.stakeholderID == h.id && $0.status != .resolved && $0.raisedOn <= today && ($0.dealID == nil || $0.dealID == deal.id)
            }.sorted { ($0.raisedOn, $0.id) < ($1.raisedOn, $1.id) }
            let t = latest.touchpoint
            let v = personValues(h, role: h.primary).with([
                "emotion": latest.emotion.description + (latest.participant.emotionLabel.map { " (\($0))" } ?? ""),
                "date": t.at.day.description,
                "at_stage": t.stageKey.map { stageName($0, dealID: t.dealID) } ?? t.channel.rawValue,
                "pains": pains.isEmpty ? term("no_open_pain") : pains.map { quoted($0.text) }.joined(separator: term("list_separator")),
            ])
            return item(rule: "negative-emotion", key: "t\(t.id)", holder: h, role: h.primary, schedule: rule.schedule,
                        action: text(rule, pains.isEmpty ? "action_no_pain" : "action", v), why: text(rule, "why", v))
        }
    }

    /// `open-pain`: a pain point or need of this deal with no response yet.
    /// One raised outside any deal belongs to the deals its author is in the
    /// chain of; with no author either, to the account's first open deal.
    func openPain(_ rule: OpenPainRule) -> [PlanItem] {
        let firstOpen = snapshot.deals.filter { $0.status == .open }.map(\.id).min()
        return snapshot.painPoints.filter { p in
            guard ContactCadence.isUnanswered(status: p.status, response: p.response, raisedOn: p.raisedOn, today: today) else { return false }
            if let d = p.dealID { return d == deal.id }
            if let s = p.stakeholderID { return holder(s) != nil }
            return firstOpen == deal.id
        }.sorted { ($0.raisedOn, $0.id) < ($1.raisedOn, $1.id) }.map { p in
            let h = p.stakeholderID.flatMap(person)
            let v = personValues(h, role: h?.primary).with([
                "pain": quoted(p.text), "kind": term("kind.\(p.kind.rawValue)"), "severity": term("severity.\(p.severity.rawValue)"),
                "date": p.raisedOn.description, "days": String(p.raisedOn.days(to: today)),
            ])
            return item(rule: "open-pain", key: "p\(p.id)", holder: h, role: h?.primary,
                        schedule: rule.bySeverity[p.severity.rawValue] ?? rule.schedule,
                        action: text(rule, "action", v), why: text(rule, "why", v), fallbackChannel: rule.channel)
        }
    }

    /// `opponent`: a skeptic or opponent with high influence; address them
    /// through the Coach, else the EB, else face to face.
    func opponent(_ rule: OpponentRule) -> [PlanItem] {
        var seen = Set<Int64>()
        return snapshot.influences.filter { $0.dealID == deal.id }.sorted { ($0.role, $0.stakeholderID) < ($1.role, $1.stakeholderID) }
            .compactMap { inf -> PlanItem? in
                guard let stance = inf.stance, rule.stances.contains(stance), let influence = inf.influence,
                      influence >= rule.minInfluence, let h = holder(inf.stakeholderID), seen.insert(h.id).inserted else { return nil }
                var v = personValues(h, role: inf.role).with(["stance": term("stance.\(stance.rawValue)"),
                                                               "influence": term("influence.\(influence.rawValue)")])
                let action: String
                if let coach = holders.first(where: { $0.roles.contains(.coach) && $0.id != h.id }) {
                    v["via"] = coach.stakeholder.name; action = "action_via_coach"
                } else if let eb = holders.first(where: { $0.roles.contains(.eb) && $0.id != h.id }) {
                    v["via"] = eb.stakeholder.name; action = "action_via_eb"
                } else {
                    action = "action_direct"
                }
                return item(rule: "opponent", key: "\(inf.role.rawValue)-\(stance.rawValue)", holder: h, role: inf.role,
                            schedule: rule.schedule, action: text(rule, action, v), why: text(rule, "why", v))
            }
    }

    /// `top-down`: the EB has never been met (in person, by the rule's channels)
    /// while the deal is still before the rule's phase.
    func topDown(_ rule: TopDownRule) -> [PlanItem] {
        let order = JourneyPhase.allCases
        guard let phase = stage?.phase, order.firstIndex(of: phase)! < order.firstIndex(of: rule.beforePhase)!,
              let eb = holders.first(where: { $0.roles.contains(.eb) }) else { return [] }
        let met = touchpoints.contains { t in
            rule.metChannels.contains(t.channel) && t.participants.contains { $0.stakeholderID == eb.id }
        }
        guard !met else { return [] }
        let v = personValues(eb, role: .eb)
        return [item(rule: "top-down", key: nil, holder: eb, role: .eb, schedule: rule.schedule,
                     action: text(rule, "action", v), why: text(rule, "why", v))]
    }

    /// `stage-playbook`: the actions the current stage's playbook names per
    /// role, one per holder of that role (our steps in step with theirs).
    func stagePlaybook(_ rule: StagePlaybookRule) -> [PlanItem] {
        guard let actions = rules.stagePlaybooks["\(deal.pipelineKey)/\(deal.stageKey)"] else { return [] }
        let entered = stageEntered
        return Role.allCases.flatMap { role -> [PlanItem] in
            guard let action = actions[role.rawValue] else { return [] }
            return holders.filter { $0.roles.contains(role) }.map { h in
                var v = personValues(h, role: role)
                if let entered {
                    v = v.with(["entered": entered.description, "days": String(entered.days(to: today)),
                                "expected": stage.map { String($0.expectedDays) } ?? ""])
                }
                return item(rule: "stage-playbook", key: "\(deal.stageKey).\(role.rawValue)", holder: h, role: role,
                            schedule: rule.byRole[role.rawValue] ?? rule.schedule,
                            action: Template.fill(action.text(lang), v),
                            why: text(rule, entered == nil || stage == nil ? "why_undated" : "why", v))
            }
        }
    }

    /// `single-threaded`: within the window only one person was contacted about
    /// the deal; open a thread to the highest-ranked other role holder.
    func singleThreaded(_ rule: SingleThreadedRule) -> [PlanItem] {
        let from = today.adding(days: -rule.windowDays)
        let contacted = Set(touchpoints.filter { $0.at.day >= from && ($0.dealID == nil || $0.dealID == deal.id) }
            .flatMap { $0.participants.map(\.stakeholderID) })
        guard contacted.count == 1, let only = contacted.first,
              let target = holders.first(where: { $0.id != only && $0.primary != nil }) else { return [] }
        let v = personValues(target, role: target.primary).with([
            "only": snapshot.stakeholder(only)?.name ?? "#\(only)", "window": String(rule.windowDays),
        ])
        return [item(rule: "single-threaded", key: "via-s\(only)", holder: target, role: target.primary, schedule: rule.schedule,
                     action: text(rule, "action", v), why: text(rule, "why", v))]
    }
}
