import Foundation
import RxTransport
import Synchronization

/// One run: a thread per connection, each keeping its share of calls in flight (closed loop) or
/// starting calls on a fixed schedule (open loop), measuring after the warm-up.
struct LoadPlan: Sendable {
    let host: String
    let port: Int
    let tls: TLSContext
    let workload: Workload
    let fixtures: Fixtures
    let connections: Int
    let concurrency: Int
    let warmup: Double
    let duration: Double
    let rate: Double

    func run() throws -> LoadOutcome {
        let results = Mutex<[ConnectionTally]>([])
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        let start = MonotonicTime.now()
        let measureFrom = start.adding(nanoseconds: UInt64(self.warmup * 1e9))
        let end = measureFrom.adding(nanoseconds: UInt64(self.duration * 1e9))
        for index in 0..<self.connections {
            group.enter()
            let inFlight = self.concurrency / self.connections + (index < self.concurrency % self.connections ? 1 : 0)
            let thread = Thread {
                defer { group.leave() }
                do {
                    let tally = try self.drive(
                        connection: index, inFlight: inFlight, start: start, measureFrom: measureFrom, end: end)
                    results.withLock { $0.append(tally) }
                } catch {
                    failures.withLock { $0.append("connection \(index): \(error)") }
                }
            }
            thread.start()
        }
        group.wait()
        let problems = failures.withLock { $0 }
        let tallies = results.withLock { $0 }
        if tallies.isEmpty { throw FixtureError("every connection failed: \(problems.joined(separator: "; "))") }
        return LoadOutcome(tallies: tallies, seconds: self.duration, connectionFailures: problems)
    }

    /// The loop of one connection's thread.
    private func drive(
        connection index: Int, inFlight: Int, start: MonotonicTime, measureFrom: MonotonicTime, end: MonotonicTime
    ) throws -> ConnectionTally {
        let client = try GRPCClientConnection(host: self.host, port: self.port, tls: self.tls)
        defer { client.close() }
        var tally = ConnectionTally()
        var started: [Int32: MonotonicTime] = [:]
        var sequence = index &* 1_000_003
        // Open loop: calls are due every `interval` on this connection, whatever happened before.
        let interval = self.rate > 0 ? UInt64(1e9 / (self.rate / Double(self.connections))) : 0
        var nextDue = start
        while true {
            let now = MonotonicTime.now()
            if now < end {
                var intended: [MonotonicTime] = []
                if interval == 0 {
                    intended = Array(repeating: now, count: max(0, inFlight - started.count))
                } else {
                    while nextDue <= now, started.count + intended.count < inFlight {
                        intended.append(nextDue)
                        nextDue = nextDue.adding(nanoseconds: interval)
                    }
                }
                for time in intended {
                    let call = self.workload.call(sequence, fixtures: self.fixtures)
                    sequence &+= 1
                    let id = try client.start(path: call.path, request: call.request)
                    started[id] = time
                }
            } else if started.isEmpty {
                break
            }
            var waitMilliseconds = 30_000
            if interval > 0, started.isEmpty || now < end {
                waitMilliseconds = max(1, Int(nextDue.nanoseconds(since: MonotonicTime.now()) / 1_000_000))
            }
            if started.isEmpty {
                usleep(UInt32(min(waitMilliseconds, 1000) * 1000))
                continue
            }
            let finished = try self.completions(client, waitMilliseconds: waitMilliseconds, openLoop: interval > 0)
            let completedAt = MonotonicTime.now()
            for (id, result) in finished {
                guard let intended = started.removeValue(forKey: id) else { continue }
                guard intended >= measureFrom, intended < end else { continue }
                tally.record(status: result.status.code, nanoseconds: completedAt.nanoseconds(since: intended))
            }
        }
        return tally
    }

    /// Waits for completed calls; in an open loop a timeout just means the next call is due.
    private func completions(
        _ client: GRPCClientConnection, waitMilliseconds: Int, openLoop: Bool
    ) throws -> [(id: Int32, result: ClientCallResult)] {
        do {
            return try client.waitForAny(timeoutMilliseconds: waitMilliseconds)
        } catch {
            if openLoop, error.code == .deadlineExceeded { return [] }
            throw error
        }
    }
}

/// What one connection saw during the measured window.
struct ConnectionTally: Sendable {
    var latencies: [UInt32] = []  // microseconds
    var statuses: [String: Int] = [:]

    mutating func record(status: GRPCStatus.Code, nanoseconds: UInt64) {
        self.statuses[status.name, default: 0] += 1
        if status == .ok { self.latencies.append(UInt32(min(nanoseconds / 1000, UInt64(UInt32.max)))) }
    }
}
