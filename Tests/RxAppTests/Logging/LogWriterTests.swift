import Foundation
import RxApp
import Synchronization
import Testing

@Suite("Log writer")
struct LogWriterTests {
    /// Reads everything the pipe holds until `writer.flush()` has returned and the write end is closed.
    private func drain(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    @Test("lines appended from several threads all arrive whole after flush")
    func concurrentLinesArriveWhole() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let writer = LogWriter(fileDescriptor: ends[1])
        let reader = Task.detached { [ends] in self.drain(ends[0]) }
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<4 {
                group.addTask {
                    for index in 0..<500 { writer.append(Array("{\"t\":\(thread),\"i\":\(index)}\n".utf8)) }
                }
            }
        }
        writer.flush()
        close(ends[1])
        let text = String(decoding: await reader.value, as: UTF8.self)
        close(ends[0])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2_000)
        #expect(Set(lines).count == 2_000)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"t\":") && $0.hasSuffix("}") })
    }

    @Test("when the reader stalls, lines past the capacity are dropped and counted, never blocking the caller")
    func stalledReaderDropsAndCounts() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let writer = LogWriter(fileDescriptor: ends[1], capacity: 4_096)
        let line = Array((String(repeating: "x", count: 99) + "\n").utf8)
        // The pipe (64 KiB) fills, the writer thread blocks in write(2), the buffer fills, then drops.
        let started = Date()
        for _ in 0..<2_000 { writer.append(line) }
        #expect(Date().timeIntervalSince(started) < 5)
        let reader = Thread { [ends] in
            var chunk = [UInt8](repeating: 0, count: 65_536)
            var all: [UInt8] = []
            while true {
                let count = chunk.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
                if count <= 0 { break }
                all.append(contentsOf: chunk[0..<count])
            }
            LogWriterTests.received.withLock { $0 = all }
        }
        reader.start()
        writer.flush()
        close(ends[1])
        while LogWriterTests.received.withLock({ $0 == nil }) { usleep(1_000) }
        let text = String(decoding: LogWriterTests.received.withLock { $0 ?? [] }, as: UTF8.self)
        close(ends[0])
        let written = text.split(separator: "\n").filter { $0.hasPrefix("xxx") }.count
        #expect(written < 2_000)
        #expect(text.contains("\"msg\":\"log lines dropped\",\"count\":\(2_000 - written)}"))
    }

    private static let received = Mutex<[UInt8]?>(nil)
}
