import Foundation
import RxStore
import Testing

@Suite("BlockingWorkPool")
struct BlockingWorkPoolTests {
    struct Refusal: Error, Equatable {
        var reason: String
    }

    @Test("every job of a one-thread pool runs on that same dedicated thread and hands its value back")
    func runsOnPoolThread() async throws {
        let pool = BlockingWorkPool(threadCount: 1, name: "rx-test-pool")
        defer { pool.close() }
        let threads = try await withThrowingTaskGroup(of: UInt.self) { group in
            for _ in 0..<8 {
                group.addTask { try await pool.run { UInt(pthread_self()) } }
            }
            return try await group.reduce(into: Set<UInt>()) { $0.insert($1) }
        }
        #expect(threads.count == 1)
        #expect(try await pool.run { 6 * 7 } == 42)
    }

    @Test("a job's error reaches the caller unchanged")
    func propagatesErrors() async throws {
        let pool = BlockingWorkPool(threadCount: 1, name: "rx-test-pool")
        defer { pool.close() }
        await #expect(throws: Refusal(reason: "no")) {
            try await pool.run { () throws -> Int in throw Refusal(reason: "no") }
        }
    }

    @Test("jobs that block do not hold up the caller's tasks: 32 sleeping jobs on 4 threads all finish")
    func blockingJobs() async throws {
        let pool = BlockingWorkPool(threadCount: 4, name: "rx-test-pool")
        defer { pool.close() }
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<32 {
                group.addTask {
                    try await pool.run {
                        usleep(2_000)
                        return index
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(total == (0..<32).reduce(0, +))
    }

    @Test("after close, queued jobs have run and new jobs are refused as closed")
    func closeRefusesNewJobs() async throws {
        let pool = BlockingWorkPool(threadCount: 1, name: "rx-test-pool")
        #expect(try await pool.run { 7 } == 7)
        pool.close()
        await #expect {
            try await pool.run { 1 }
        } throws: { error in
            (error as? StoreError)?.code == .closed
        }
        #expect(pool.queueDepth == 0)
    }
}
