import Foundation
import Glibc
import RxTransport
import Synchronization

extension LoadgenCommand {
    /// `--idle-connections N`: opens N connections with full handshakes and holds them, measuring the
    /// server's RSS growth per connection and the handshake rate; closes them, then does the same with
    /// every connection resuming a TLS session (one full handshake per opening thread first).
    func runIdle(count: Int, host: String, port: Int) throws {
        Self.raiseOpenFileLimit(atLeast: count + 256)
        let context = try self.tls(for: .health, host: host)
        let full = try self.idlePhase(count: count, host: host, port: port, context: context, resume: false)
        Thread.sleep(forTimeInterval: 1)
        let resumed = try self.idlePhase(count: count, host: host, port: port, context: context, resume: true)
        let lines = [
            "idle connections: \(count), opened by \(self.handshakeThreads) threads",
            full.summary(label: "full handshakes   "),
            resumed.summary(label: "resumed sessions  "),
        ]
        if !self.json { print(lines.joined(separator: "\n")) }
        var object: [String: Any] = ["workload": "idle-connections", "connections": count]
        object["full"] = full.object
        object["resumed"] = resumed.object
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    private func idlePhase(count: Int, host: String, port: Int, context: TLSContext, resume: Bool) throws -> IdlePhase {
        let before = self.serverPID.flatMap(ProcessSample.read)
        let opened = Mutex<[IdleConnection]>([])
        let failures = Mutex<[String]>([])
        let threads = min(self.handshakeThreads, count)
        let group = DispatchGroup()
        let started = MonotonicTime.now()
        for thread in 0..<threads {
            group.enter()
            Thread {
                defer { group.leave() }
                var mine: [IdleConnection] = []
                var session: TLSSession? = nil
                for _ in 0..<(count / threads + (thread < count % threads ? 1 : 0)) {
                    do {
                        let connection = try IdleConnection(host: host, port: port, context: context, resuming: session)
                        if resume, session == nil { session = connection.session }
                        mine.append(connection)
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                        break
                    }
                }
                opened.withLock { $0.append(contentsOf: mine) }
            }.start()
        }
        group.wait()
        let seconds = Double(MonotonicTime.now().nanoseconds(since: started)) / 1e9
        Thread.sleep(forTimeInterval: self.hold)
        let held = self.serverPID.flatMap(ProcessSample.read)
        let connections = opened.withLock { $0 }
        let phase = IdlePhase(
            opened: connections.count, resumed: connections.filter(\.resumed).count, seconds: seconds,
            failures: failures.withLock { $0 }, before: before, held: held, measuresGrowth: !resume)
        opened.withLock { $0.removeAll() }
        return phase
    }

    /// The load generator holds one descriptor per connection: lift the soft limit to the hard one.
    static func raiseOpenFileLimit(atLeast wanted: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        if limit.rlim_cur < rlim_t(wanted) {
            limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}
