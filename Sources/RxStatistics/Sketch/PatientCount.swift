import Foundation

/// The distinct patients of one result group, merged from the rows that make it up (see
/// ``PatientSketch``): exact while no merged row's exact set was full, otherwise a HyperLogLog estimate
/// that is never below the patients known exactly.
public struct PatientCount: Sendable {
    /// Patients known exactly.
    private(set) var exact: Set<UInt64> = []
    /// Whether some merged row had more patients than its exact set holds.
    private(set) var isSaturated = false
    /// The merged HyperLogLog registers, allocated on first use.
    private var registers: [UInt8] = []

    public init() {}

    /// Adds one patient (by ``PatientSketch/hash(_:)``).
    public mutating func add(_ hash: UInt64) { self.exact.insert(hash) }

    /// Merges a row's exact-set blob and, for rollup rows, its sketch blob.
    mutating func merge(patients blob: [UInt8], sketch: [UInt8]?) {
        blob.withUnsafeBytes { self.merge(patients: $0) }
        sketch?.withUnsafeBytes { self.merge(sketch: $0) }
    }

    /// Merges a row's exact-set blob (8-byte big-endian hashes).
    mutating func merge(patients blob: UnsafeRawBufferPointer) {
        for start in stride(from: 0, to: blob.count - blob.count % 8, by: 8) {
            self.exact.insert(UInt64(bigEndian: blob.loadUnaligned(fromByteOffset: start, as: UInt64.self)))
        }
        if blob.count >= PatientSketch.exactBytes { self.isSaturated = true }
    }

    /// Merges a rollup row's sketch: the register-wise maximum, 32 registers at a time.
    mutating func merge(sketch: UnsafeRawBufferPointer) {
        guard sketch.count == PatientSketch.registerCount else { return }
        if self.registers.isEmpty { self.registers = [UInt8](repeating: 0, count: PatientSketch.registerCount) }
        self.registers.withUnsafeMutableBytes { registers in
            for start in stride(from: 0, to: PatientSketch.registerCount, by: 32) {
                let current = registers.loadUnaligned(fromByteOffset: start, as: SIMD32<UInt8>.self)
                let offered = sketch.loadUnaligned(fromByteOffset: start, as: SIMD32<UInt8>.self)
                registers.storeBytes(of: pointwiseMax(current, offered), toByteOffset: start, as: SIMD32<UInt8>.self)
            }
        }
    }

    /// Whether the group counts fewer than `minimum` distinct patients — exact, whatever the group size
    /// (a saturated row alone holds at least ``PatientSketch/exactCapacity`` ≥ `minimum` patients).
    public func isBelow(_ minimum: Int) -> Bool {
        precondition(minimum <= PatientSketch.exactCapacity, "the exact sets decide only up to their capacity")
        return !self.isSaturated && self.exact.count < minimum
    }

    /// The distinct patients: exact when no merged row was saturated, otherwise an estimate (HyperLogLog
    /// over the merged sketches and the patients known exactly) of relative standard error ≈ 3.3 %,
    /// never below the patients known exactly. Rows without sketches (day cells) that were saturated make
    /// it a lower bound.
    public var estimate: UInt64 {
        guard self.isSaturated else { return UInt64(self.exact.count) }
        var registers = self.registers.isEmpty ? [UInt8](repeating: 0, count: PatientSketch.registerCount) : self.registers
        for hash in self.exact {
            let (index, rank) = PatientSketch.register(of: hash)
            if rank > registers[index] { registers[index] = rank }
        }
        return max(UInt64(self.exact.count), Self.hyperLogLog(registers))
    }

    /// The HyperLogLog estimate of a register array, with the linear-counting correction for small
    /// cardinalities (Flajolet et al. 2007).
    static func hyperLogLog(_ registers: [UInt8]) -> UInt64 {
        let count = Double(registers.count)
        var sum = 0.0
        var zeros = 0
        for register in registers {
            sum += 1.0 / Double(UInt64(1) << UInt64(register))
            if register == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / count)
        let raw = alpha * count * count / sum
        if raw <= 2.5 * count && zeros > 0 {
            return UInt64((count * log(count / Double(zeros))).rounded())
        }
        return UInt64(raw.rounded())
    }
}
