/// The outcome of checking the audit chain.
public struct AuditVerification: Sendable, Hashable {
    /// How many entries were checked (up to and including the first broken one).
    public var entriesChecked: Int
    /// The sequence number of the first entry that does not verify, or nil when the chain is intact.
    public var firstBrokenSequence: Int64?
    /// What is wrong with it.
    public var problem: String?
    /// The entry hash of the last entry that verified (32 zero bytes for an empty log).
    public var headHash: [UInt8]

    public var isIntact: Bool { self.firstBrokenSequence == nil }
}
