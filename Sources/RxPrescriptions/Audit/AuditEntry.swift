/// One audit record: who did what to which prescription, and how it ended.
public struct AuditEntry: Sendable, Hashable {
    /// Position in the chain, from 1 without gaps.
    public var sequence: Int64
    /// Unix seconds.
    public var at: Int64
    /// The calling facility (from its mTLS certificate).
    public var facilityCode: String
    /// The caller's roles, comma-separated and sorted.
    public var role: String
    /// The gRPC method name, e.g. "Dispense", or "Submit".
    public var method: String
    /// The prescription code concerned (empty when none was assigned).
    public var code: String
    /// "OK" or the gRPC status name of the refusal, e.g. "FAILED_PRECONDITION".
    public var result: String

    public init(
        sequence: Int64, at: Int64, facilityCode: String, role: String, method: String, code: String, result: String
    ) {
        self.sequence = sequence
        self.at = at
        self.facilityCode = facilityCode
        self.role = role
        self.method = method
        self.code = code
        self.result = result
    }

    /// The bytes the entry hash covers: sequence and time as 8-byte big-endian integers, then each text
    /// field as a 4-byte big-endian length and its UTF-8, so no two different entries share an encoding.
    public var canonicalBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for number in [self.sequence, self.at] {
            withUnsafeBytes(of: number.bigEndian) { bytes.append(contentsOf: $0) }
        }
        for text in [self.facilityCode, self.role, self.method, self.code, self.result] {
            let utf8 = Array(text.utf8)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        return bytes
    }
}
