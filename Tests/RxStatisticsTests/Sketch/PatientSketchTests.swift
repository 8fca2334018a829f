@testable import RxStatistics
import Testing

/// The exact patient sets decide suppression exactly; the HyperLogLog figure stays within its error.
@Suite("Patient sets and sketches")
struct PatientSketchTests {
    static func key(_ number: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: number >> (8 * $0)) } + [0x5A] }

    /// The exact-set blob and sketch of a row that saw `patients` (as the SQL upserts build them).
    static func row(_ patients: some Sequence<Int>) -> (patients: [UInt8], sketch: [UInt8]) {
        var blob: [UInt8] = []
        var sketch = [UInt8](repeating: 0, count: PatientSketch.registerCount)
        for patient in patients {
            let hash = PatientSketch.hash(Self.key(patient))
            let bytes = PatientSketch.bytes(of: hash)
            if blob.count < PatientSketch.exactCapacity * 8 && !PatientSketch.hashes(in: blob).contains(hash) { blob += bytes }
            let (index, rank) = PatientSketch.register(of: hash)
            sketch[index] = max(sketch[index], rank)
        }
        return (blob, sketch)
    }

    @Test("unsaturated sets merge to the exact union: 4 patients over three rows is below 5, 5 is not")
    func exactUnion() {
        var four = PatientCount()
        for patients in [[1, 2], [2, 3], [3, 4, 1]] { four.merge(patients: Self.row(patients).patients, sketch: nil) }
        #expect(four.isBelow(5))
        #expect(four.estimate == 4)
        var five = four
        five.merge(patients: Self.row([5]).patients, sketch: nil)
        #expect(!five.isBelow(5))
        #expect(five.estimate == 5)
    }

    @Test("a saturated row alone proves at least 16 patients, and the estimate never drops below those known")
    func saturated() {
        var count = PatientCount()
        let full = Self.row(1...40)
        #expect(full.patients.count == PatientSketch.exactCapacity * 8)
        count.merge(patients: full.patients, sketch: nil)
        #expect(!count.isBelow(5))
        #expect(count.estimate >= UInt64(PatientSketch.exactCapacity))
        var sketched = PatientCount()
        sketched.merge(patients: full.patients, sketch: full.sketch)
        #expect(sketched.estimate >= 37 && sketched.estimate <= 43)
    }

    @Test("the merged HyperLogLog stays within 3 standard errors (≈ 10 %) from 1,000 to 200,000 patients",
          arguments: [1_000, 20_000, 200_000])
    func errorBound(patients: Int) {
        var count = PatientCount()
        let rows = 50
        for row in 0..<rows {
            // Overlapping rows: each sees its slice plus the first 100 patients again.
            let slice = stride(from: row, to: patients, by: rows)
            let sketched = Self.row(Array(slice) + Array(0..<min(100, patients)))
            count.merge(patients: sketched.patients, sketch: sketched.sketch)
        }
        let error = abs(Double(count.estimate) - Double(patients)) / Double(patients)
        #expect(error < 3 * 1.04 / Double(PatientSketch.registerCount).squareRoot())
    }

    @Test("hashes round-trip through the exact-set bytes")
    func hashBytes() {
        let hashes = (0..<20).map { PatientSketch.hash(Self.key($0)) }
        #expect(PatientSketch.hashes(in: hashes.flatMap(PatientSketch.bytes(of:))) == hashes)
        #expect(Set(hashes).count == 20)
    }

    @Test("month boundaries of Vietnam day numbers, leap years included")
    func months() {
        // 2024-02-29 is day 19782; 2024-02-01 is 19754, 2024-03-01 is 19783; 2026-12-31 → 2027-01-01.
        #expect(VietnamDay.monthStart(of: 19_782) == 19_754)
        #expect(VietnamDay.nextMonthStart(after: 19_782) == 19_783)
        #expect(VietnamDay.monthStart(of: 19_783) == 19_783)
        #expect(VietnamDay.nextMonthStart(after: 20_818) == 20_819)
        #expect(VietnamDay.monthStart(of: 0) == 0)
        #expect(VietnamDay.monthStart(of: -1) == -31)
        #expect(StatisticsQueryPlan.wholeMonths(19_754...19_782) == 19_754...19_754)
        #expect(StatisticsQueryPlan.wholeMonths(19_755...19_813) == 19_783...19_783)
        #expect(StatisticsQueryPlan.wholeMonths(19_755...19_800) == nil)
    }
}
