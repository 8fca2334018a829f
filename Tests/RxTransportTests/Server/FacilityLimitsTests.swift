import Testing

@testable import RxTransport

@Suite("Per-facility limits")
struct FacilityLimitsTests {
    @Test("connection slots are counted per facility and given back on close")
    func connections() {
        let limits = FacilityLimits(maxConnections: 2, callsPerSecond: 0, burst: 1)
        #expect(limits.openConnection(facility: "79088") == .admitted)
        #expect(limits.openConnection(facility: "79088") == .admitted)
        #expect(limits.openConnection(facility: "79088") == .atConnectionLimit)
        #expect(limits.openConnection(facility: "01215") == .admitted, "another facility is unaffected")
        limits.closeConnection(facility: "79088")
        #expect(limits.openConnection(facility: "79088") == .admitted)
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

    @Test("after abuse a facility's new connections are refused for the cool-down, then admitted again")
    func coolDown() {
        let limits = FacilityLimits(maxConnections: 5, callsPerSecond: 0, burst: 1, coolDownMilliseconds: 2_000)
        let start = MonotonicTime(nanoseconds: 5_000_000_000)
        #expect(limits.openConnection(facility: "79088", now: start) == .admitted)
        limits.penalize(facility: "79088", now: start)
        #expect(limits.openConnection(facility: "79088", now: start.adding(milliseconds: 500)) == .coolingDown(remainingMilliseconds: 1_501))
        #expect(limits.openConnection(facility: "01215", now: start.adding(milliseconds: 500)) == .admitted, "others unaffected")
        #expect(limits.openConnection(facility: "79088", now: start.adding(milliseconds: 2_000)) == .admitted)
        limits.penalize(facility: "79088", now: start.adding(milliseconds: 3_000))
        #expect(limits.openConnection(facility: "79088", now: start.adding(milliseconds: 4_999)) != .admitted)
    }

    @Test("a cool-down of zero never refuses")
    func noCoolDown() {
        let limits = FacilityLimits(maxConnections: 5, callsPerSecond: 0, burst: 1, coolDownMilliseconds: 0)
        limits.penalize(facility: "79088")
        #expect(limits.openConnection(facility: "79088") == .admitted)
    }
}
