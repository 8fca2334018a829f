import Foundation
import RxTransport
import Synchronization

/// One run: a thread per connection, each keeping its share of calls in flight (closed loop) or
/// starting calls on a fixed schedule (open loop), measuring after the warm-up.
struct LoadPlan: Sendable {
    let host: String
    let port: Int
    let streams: [LoadStream]
    let fixtures: Fixtures
    let warmup: Double
    let duration: Double

    func run() throws -> LoadOutcome {
        let results = Mutex<[ConnectionTally]>([])
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        let start = MonotonicTime.now()
        let window = Window(
            start: start, measureFrom: start.adding(nanoseconds: UInt64(self.warmup * 1e9)),
            end: start.adding(nanoseconds: UInt64((self.warmup + self.duration) * 1e9)))
        for stream in self.streams {
            for index in 0..<stream.shape.connections {
                group.enter()
                let thread = Thread {
                    defer { group.leave() }
                    do {
                        let tally = try self.drive(stream: stream, connection: index, window: window)
                        results.withLock { $0.append(tally) }
                    } catch {
                        failures.withLock { $0.append("\(stream.shape.workload.rawValue) connection \(index): \(error)") }
                    }
                }
                thread.start()
            }
        }
        group.wait()
        let problems = failures.withLock { $0 }
        let tallies = results.withLock { $0 }
        if tallies.isEmpty { throw FixtureError("every connection failed: \(problems.joined(separator: "; "))") }
        return LoadOutcome(tallies: tallies, window: window, duration: self.duration, connectionFailures: problems)
    }

    /// The loop of one connection's thread.
    private func drive(stream: LoadStream, connection index: Int, window: Window) throws -> ConnectionTally {
        let client = try GRPCClientConnection(host: self.host, port: self.port, tls: stream.tls)
        defer { client.close() }
        let workload = stream.shape.workload
        let inFlight = stream.inFlight(connection: index)
        var tally = ConnectionTally(workload: workload)
        var started: [Int32: MonotonicTime] = [:]
        var sequence = index &* 1_000_003
        // Open loop: calls are due every `interval` on this connection, whatever happened before.
        let interval = stream.interval
        var nextDue = window.start
        var poolLeft = true
        while true {
            let now = MonotonicTime.now()
            if now < window.end, poolLeft {
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
                    guard let call = workload.call(sequence, fixtures: self.fixtures) else {
                        poolLeft = false
                        tally.poolExhaustedAt = now
                        break
                    }
                    sequence &+= 1
                    let id = try client.start(path: call.path, request: call.request)
                    started[id] = time
                }
            } else if started.isEmpty {
                break
            }
            var waitMilliseconds = 30_000
            if interval > 0, poolLeft, started.isEmpty || now < window.end {
                waitMilliseconds = max(1, Int(nextDue.nanoseconds(since: MonotonicTime.now()) / 1_000_000))
            }
            if started.isEmpty {
                if !poolLeft { break }
                usleep(UInt32(min(waitMilliseconds, 1000) * 1000))
                continue
            }
            let finished = try self.completions(client, waitMilliseconds: waitMilliseconds, openLoop: interval > 0)
            let completedAt = MonotonicTime.now()
            for (id, result) in finished {
                guard let intended = started.removeValue(forKey: id) else { continue }
                tally.recordAnyTime(status: result.status.code)
                guard intended >= window.measureFrom, intended < window.end else { continue }
                tally.record(status: result.status.code, nanoseconds: completedAt.nanoseconds(since: intended))
                tally.lastMeasuredCompletion = completedAt
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

/// The times of a run: calls intended in `measureFrom..<end` are measured.
struct Window: Sendable {
    let start: MonotonicTime
    let measureFrom: MonotonicTime
    let end: MonotonicTime
}
