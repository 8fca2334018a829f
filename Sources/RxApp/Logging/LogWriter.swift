import Foundation

/// Writes log lines to a file descriptor from a thread of its own, many lines per `write(2)`.
///
/// rx-server logs a line per call from its I/O threads. Writing each line there costs a system call
/// per call on the threads that serve every connection, and a stalled reader of stderr (a full pipe)
/// would stall them all. Here the I/O threads only append to a buffer; the writer thread wakes at most
/// every ``batchInterval`` and writes what has gathered. When the buffer holds ``capacity`` bytes the
/// reader has stopped keeping up: further lines are dropped and counted, and a line saying how many
/// were lost is written once the reader catches up. Call ``flush()`` before the process exits.
public final class LogWriter: @unchecked Sendable {
    /// The process's standard error, where rx-server's JSON lines go.
    public static let standardError = LogWriter(fileDescriptor: 2)

    /// How long appended lines may wait before the writer picks them up.
    public static let batchInterval: TimeInterval = 0.002

    private let fileDescriptor: Int32
    private let capacity: Int
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var dropped = 0
    private var writing = false
    private var flushRequests = 0

    /// - Parameter capacity: the most bytes held while the descriptor does not accept them.
    public init(fileDescriptor: Int32, capacity: Int = 8 << 20) {
        self.fileDescriptor = fileDescriptor
        self.capacity = capacity
        let thread = Thread { [self] in
            Thread.current.name = "rx-log-writer"
            self.run()
        }
        thread.start()
    }

    /// Queues one complete line; never blocks on the descriptor.
    public func append(_ line: [UInt8]) {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard self.pending.count + line.count <= self.capacity else {
            self.dropped += 1
            return
        }
        let wasEmpty = self.pending.isEmpty
        self.pending.append(contentsOf: line)
        if wasEmpty { self.condition.broadcast() }
    }

    /// Returns once every line appended before the call has been written (or the descriptor failed).
    public func flush() {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.flushRequests += 1
        self.condition.broadcast()
        while !self.pending.isEmpty || self.writing {
            self.condition.wait()
        }
        self.flushRequests -= 1
    }

    private func run() {
        self.condition.lock()
        while true {
            while self.pending.isEmpty {
                self.condition.wait()
            }
            if self.flushRequests == 0 {
                _ = self.condition.wait(until: Date(timeIntervalSinceNow: Self.batchInterval))
            }
            var batch: [UInt8] = []
            swap(&batch, &self.pending)
            let lost = self.dropped
            self.dropped = 0
            self.writing = true
            self.condition.unlock()
            self.writeAll(batch)
            if lost > 0 {
                self.writeAll(Array("{\"level\":\"warning\",\"msg\":\"log lines dropped\",\"count\":\(lost)}\n".utf8))
            }
            self.condition.lock()
            self.writing = false
            self.condition.broadcast()
        }
    }

    /// Writes every byte, retrying short writes and EINTR; gives up on any other error (there is
    /// nowhere left to report it).
    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(self.fileDescriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
