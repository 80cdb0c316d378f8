/// The one definition of "overdue contact" and "unanswered pain" that the
/// plan (its `stale-contact` and `open-pain` items) and the red flags (deal
/// sheet, pipeline report) both use, so the two can never disagree.
public enum ContactCadence {
    /// A role holder past their cadence: the role whose cadence applies (the
    /// most demanding of the roles they hold), that cadence, the last contact
    /// (nil: never contacted) and the days since it.
    public struct Overdue: Hashable, Sendable {
        public var cadenceRole: Role
        public var cadenceDays: Int
        public var lastContact: Day?
        /// Days from the last contact to today; nil when never contacted.
        public var days: Int?
        public init(cadenceRole: Role, cadenceDays: Int, lastContact: Day?, days: Int?) {
            self.cadenceRole = cadenceRole; self.cadenceDays = cadenceDays; self.lastContact = lastContact; self.days = days
        }
        /// The day the next contact was due (nil when never contacted).
        public var due: Day? { lastContact?.adding(days: cadenceDays) }
    }

    /// Whether someone holding `roles` and last contacted on `last` is overdue on `today`,
    /// given each role's cadence in days. Nil when within cadence or holding no role.
    public static func overdue(roles: [Role], last: Day?, today: Day, cadence: (Role) -> Int) -> Overdue? {
        guard let (days, role) = roles.map({ (cadence($0), $0) }).min(by: { ($0.0, $0.1) < ($1.0, $1.1) }) else { return nil }
        guard let last else { return Overdue(cadenceRole: role, cadenceDays: days, lastContact: nil, days: nil) }
        let since = last.days(to: today)
        return since > days ? Overdue(cadenceRole: role, cadenceDays: days, lastContact: last, days: since) : nil
    }

    /// A pain point or need still waiting for our response on `today`: open,
    /// no response recorded, raised by then.
    public static func isUnanswered(status: PainStatus, response: String?, raisedOn: Day, today: Day) -> Bool {
        status == .open && (response?.isEmpty ?? true) && raisedOn <= today
    }
}
