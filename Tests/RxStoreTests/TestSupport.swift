import Foundation
import Logging
import RxStore

/// A logger that drops everything, so test output stays readable.
let quietLogger = Logger(label: "rx.store.tests") { _ in SwiftLogNoOpLogHandler() }

/// Runs `body` with a fresh empty directory and removes it afterwards, whatever happens.
func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("rx-store-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Runs `body` with a store opened in a fresh temporary directory; closes it and removes the directory
/// afterwards.
func withStore<Result>(
    configuration: Store.Configuration = Store.Configuration(),
    _ body: (Store, String) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory { directory in
        let store = try Store.open(directory: directory, configuration: configuration, logger: quietLogger)
        defer { store.close() }
        return try await body(store, directory)
    }
}

/// An error a test's write body throws on purpose.
struct DeliberateFailure: Error, Equatable {
    let label: String
}

/// A one-way latch a write body can wait on, so a test can hold the writer thread busy at a known point.
final class Latch: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    /// Whether ``open()`` has been called.
    var isOpened: Bool {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.isOpen
    }

    func open() {
        self.condition.lock()
        self.isOpen = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// Suspends until opened without blocking a thread; `false` after `seconds`. Async tests use this:
    /// a blocked thread of Swift's small cooperative pool (one per core) can starve the very tasks the
    /// test waits for, and every other test running beside it.
    func opened(seconds: Double = 30) async -> Bool {
        await eventually(seconds: seconds) { self.isOpened }
    }

    /// Waits until opened, blocking the calling thread; `false` when that took longer than `seconds` (the
    /// test then fails instead of hanging). Only for threads of a test's own, never an async test body.
    @discardableResult
    func wait(seconds: Double = 30) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        self.condition.lock()
        defer { self.condition.unlock() }
        while !self.isOpen {
            if !self.condition.wait(until: deadline) {
                return false
            }
        }
        return true
    }
}

/// Starts a thread running `body` and returns a latch opened when it has finished.
func startThread(_ body: @escaping @Sendable () -> Void) -> Latch {
    let finished = Latch()
    let thread = Thread {
        body()
        finished.open()
    }
    thread.start()
    return finished
}

/// Polls `condition` until it holds; `false` after `seconds` (a bound so a broken writer fails the test
/// rather than hanging it, not a timing assertion).
func eventually(seconds: Double = 30, _ condition: () -> Bool) async -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while !condition() {
        if Date() > deadline {
            return false
        }
        try? await Task.sleep(nanoseconds: 1_000_000)
    }
    return true
}

/// Occupies the writer thread with a write that waits inside its body until the returned `release`
/// latch is opened; returns once the writer is inside that body. `done` opens when the write returned.
func occupyWriter(of store: Store) async -> (release: Latch, done: Latch, entered: Bool) {
    let entered = Latch()
    let release = Latch()
    let done = startThread {
        _ = try? store.write { connection in
            try connection.run("CREATE TABLE IF NOT EXISTS occupier (n INTEGER)")
            entered.open()
            release.wait()
        }
    }
    let didEnter = await eventually { entered.isOpened }
    return (release, done, didEnter)
}
