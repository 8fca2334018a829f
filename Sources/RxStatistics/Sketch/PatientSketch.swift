/// How the aggregates count distinct patients without keeping every patient of every cell.
///
/// Each aggregate row keeps two things, both mergeable across rows:
/// - `patients`: an exact set of up to ``exactCapacity`` patient hashes (8 bytes each, big-endian),
///   appended in order of arrival and frozen once full ("saturated"). The union of unsaturated sets is
///   exact; if any merged row is saturated the group has at least ``exactCapacity`` patients. Either way the
///   "fewer than 5 distinct patients" suppression is decided exactly.
/// - `sketch` (rollup rows only): a HyperLogLog of ``registerCount`` one-byte registers, for an approximate
///   distinct-patient figure of large groups (relative standard error 1.04/√1024 ≈ 3.3 %).
///
/// Both are updated inside SQLite's upsert with plain SQL (`instr`/`substr` on blobs), so recording an
/// event stays one statement per row.
public enum PatientSketch {
    /// Patients kept exactly per row.
    public static let exactCapacity = 16
    /// Bytes of the exact set when saturated.
    static let exactBytes = exactCapacity * 8
    /// Bits of the hash choosing a register.
    static let precision = 10
    /// HyperLogLog registers per sketch.
    public static let registerCount = 1 << precision

    /// A well-mixed 64-bit hash of a pseudonymous patient key (FNV-1a, then the MurmurHash3 finalizer).
    public static func hash(_ key: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        value ^= value >> 33
        value = value &* 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value = value &* 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }

    /// The 8 big-endian bytes of a hash, as stored in the exact set.
    static func bytes(of hash: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: hash >> (56 - 8 * $0)) }
    }

    /// The hashes of an exact-set blob.
    static func hashes(in blob: [UInt8]) -> [UInt64] {
        stride(from: 0, to: blob.count - blob.count % 8, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(blob[start + $1]) }
        }
    }

    /// The register a hash updates and the value it offers (position of the first set bit after the
    /// index bits, 1-based).
    static func register(of hash: UInt64) -> (index: Int, rank: UInt8) {
        let index = Int(hash >> UInt64(64 - precision))
        let rest = hash << UInt64(precision)
        let rank = rest == 0 ? 64 - precision + 1 : rest.leadingZeroBitCount + 1
        return (index, UInt8(rank))
    }

    /// A sketch holding one patient.
    static func sketch(of hash: UInt64) -> [UInt8] {
        var registers = [UInt8](repeating: 0, count: registerCount)
        let (index, rank) = register(of: hash)
        registers[index] = rank
        return registers
    }
}
