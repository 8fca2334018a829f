import RxTransport

/// What one connection saw: statuses and latencies of the measured window, and statuses of every
/// call of the run (warm-up included) for checks of what the server committed.
struct ConnectionTally: Sendable {
    let workload: Workload
    var latencies: [UInt32] = []  // microseconds
    var statuses: [String: Int] = [:]
    var statusesAnyTime: [String: Int] = [:]
    var poolExhaustedAt: MonotonicTime? = nil
    var lastMeasuredCompletion: MonotonicTime? = nil

    init(workload: Workload) {
        self.workload = workload
    }

    mutating func record(status: GRPCStatus.Code, nanoseconds: UInt64) {
        self.statuses[status.name, default: 0] += 1
        if status == .ok { self.latencies.append(UInt32(min(nanoseconds / 1000, UInt64(UInt32.max)))) }
    }

    mutating func recordAnyTime(status: GRPCStatus.Code) {
        self.statusesAnyTime[status.name, default: 0] += 1
    }
}
