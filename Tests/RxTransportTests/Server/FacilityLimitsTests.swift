import Testing

@testable import RxTransport

@Suite("Per-facility limits")
struct FacilityLimitsTests {
    @Test("connection slots are counted per facility and given back on close")
    func connections() {
        let limits = FacilityLimits(maxConnections: 2, callsPerSecond: 0, burst: 1)
        #expect(limits.openConnection(facility: "79088"))
        #expect(limits.openConnection(facility: "79088"))
        #expect(!limits.openConnection(facility: "79088"))
        #expect(limits.openConnection(facility: "01215"), "another facility is unaffected")
        limits.closeConnection(facility: "79088")
        #expect(limits.openConnection(facility: "79088"))
    }

    @Test("the call bucket allows the burst, refuses beyond it, and refills at the sustained rate")
    func rate() {
        let limits = FacilityLimits(maxConnections: 1, callsPerSecond: 10, burst: 3)
        let start = MonotonicTime(nanoseconds: 1_000_000_000)
        #expect((0..<3).allSatisfy { _ in limits.admitCall(facility: "48102", now: start) })
        #expect(!limits.admitCall(facility: "48102", now: start))
        #expect(limits.admitCall(facility: "92031", now: start), "buckets are per facility")
        #expect(limits.admitCall(facility: "48102", now: start.adding(milliseconds: 100)), "one token after 100 ms at 10/s")
        #expect(!limits.admitCall(facility: "48102", now: start.adding(milliseconds: 100)))
    }

    @Test("a rate of zero means unlimited")
    func unlimited() {
        let limits = FacilityLimits(maxConnections: 1, callsPerSecond: 0, burst: 1)
        #expect((0..<10_000).allSatisfy { _ in limits.admitCall(facility: "x") })
    }
}
