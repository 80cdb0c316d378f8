/// An OCDS 1.1 release package as `export ocds` writes it: the package
/// metadata and one release per stage a deal reached. Field names are the
/// standard's own (camelCase); absent values are left out.
public struct OCDSReleasePackage: Encodable, Sendable, Equatable {
    public var uri: String
    public var version = "1.1"
    public var publishedDate: String
    public var publisher: Publisher
    public var releases: [OCDSRelease]

    /// Who publishes the package.
    public struct Publisher: Encodable, Sendable, Equatable {
        public var name: String
    }
}

/// One OCDS release: what was known of a contracting process when a deal
/// entered a stage.
public struct OCDSRelease: Encodable, Sendable, Equatable {
    public var ocid: String
    public var id: String
    public var date: String
    public var tag: [String]
    public var initiationType = "tender"
    public var language = "zh"
    public var buyer: OrganizationReference
    public var parties: [Party]
    public var planning: Planning?
    public var tender: Tender
    public var awards: [Award]?
    public var contracts: [Contract]?

    /// A reference to a party by id and name.
    public struct OrganizationReference: Encodable, Sendable, Equatable {
        public var id: String
        public var name: String
    }

    /// A party to the process with its roles (buyer, procuringEntity, supplier).
    public struct Party: Encodable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var roles: [String]
    }

    /// An amount of money.
    public struct Value: Encodable, Sendable, Equatable {
        public var amount: Double
        public var currency: String
    }

    /// The budget of the process.
    public struct Planning: Encodable, Sendable, Equatable {
        public var budget: Budget
        public struct Budget: Encodable, Sendable, Equatable { public var amount: Value }
    }

    /// The tender: its title, status, method and value.
    public struct Tender: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var status: String
        public var procurementMethod: String?
        public var procurementMethodDetails: String?
        public var value: Value?
        public var procuringEntity: OrganizationReference
    }

    /// The award, once the deal reached it.
    public struct Award: Encodable, Sendable, Equatable {
        public var id: String
        public var status: String
        public var date: String
        public var value: Value?
        public var suppliers: [OrganizationReference]?
    }

    /// The contract, once the deal reached it.
    public struct Contract: Encodable, Sendable, Equatable {
        public var id: String
        public var awardID: String
        public var status: String
        public var value: Value?
    }
}
