import Foundation

/// A write waiting in the ``StoreWriter`` queue, seen by the writer thread without its result type.
///
/// The writer calls, on its own thread and in this order: ``perform(on:)`` at most once, ``fail(_:)``
/// when the batch's transaction is lost after all, and ``complete()`` exactly once, after `COMMIT`.
protocol QueuedWrite: AnyObject, Sendable {
    /// Runs the caller's body on the writer's connection and keeps its outcome; `true` when it returned.
    func perform(on connection: SQLiteConnection) -> Bool
    /// Replaces the outcome with `error`: the body never ran, or its changes were rolled back with the
    /// whole batch.
    func fail(_ error: any Error)
    /// Hands the outcome to the waiting caller.
    func complete()
    /// Whether the caller may hear of the commit before it is fsynced.
    var durability: WriteDurability { get }
}

/// One caller's write and the way back to that caller: a blocked thread, a suspended task or a callback.
///
/// Confinement instead of locks: `body` and `outcome` are touched by the caller only before the request
/// is enqueued (under the writer's lock) and after completion is signalled; in between only the writer
/// thread touches them. Hence `@unchecked Sendable`.
final class WriteRequest<Value: Sendable>: QueuedWrite, @unchecked Sendable {
    enum Waiter {
        /// A thread blocked in ``waitForOutcome()``.
        case thread(NSCondition)
        /// A task suspended in `withCheckedThrowingContinuation`.
        case task(CheckedContinuation<Value, any Error>)
        /// A closure called on the writer thread right after `COMMIT` (it must return quickly).
        case callback(@Sendable (Result<Value, any Error>) -> Void)
    }

    /// The caller's closure; dropped as soon as it has run (or can no longer run), because the blocking
    /// API lends a non-escaping closure through `withoutActuallyEscaping`, which checks that nothing
    /// still holds it when the caller returns.
    private var body: ((SQLiteConnection) throws -> Value)?
    private var outcome: Result<Value, any Error>?
    private let waiter: Waiter
    private var isCompleted = false
    let durability: WriteDurability

    init(body: @escaping (SQLiteConnection) throws -> Value, waiter: Waiter, durability: WriteDurability = .synchronous) {
        self.body = body
        self.waiter = waiter
        self.durability = durability
    }

    func perform(on connection: SQLiteConnection) -> Bool {
        guard let body = self.body else {
            return false
        }
        self.body = nil
        do {
            self.outcome = .success(try body(connection))
            return true
        } catch {
            self.outcome = .failure(error)
            return false
        }
    }

    func fail(_ error: any Error) {
        self.body = nil
        if case .failure = self.outcome {
            return
        }
        self.outcome = .failure(error)
    }

    func complete() {
        self.body = nil
        let outcome =
            self.outcome
            ?? .failure(StoreError(code: .misuse, message: "write completed without running", function: "StoreWriter"))
        switch self.waiter {
        case .thread(let condition):
            condition.lock()
            self.isCompleted = true
            condition.signal()
            condition.unlock()
        case .task(let continuation):
            continuation.resume(with: outcome)
        case .callback(let deliver):
            deliver(outcome)
        }
    }

    /// Blocks the calling thread until the writer completes this request, then returns its outcome.
    func waitForOutcome() throws -> Value {
        guard case .thread(let condition) = self.waiter else {
            throw StoreError(code: .misuse, message: "waiting on an async write request", function: "StoreWriter")
        }
        condition.lock()
        while !self.isCompleted {
            condition.wait()
        }
        condition.unlock()
        guard let outcome = self.outcome else {
            throw StoreError(code: .misuse, message: "write completed without running", function: "StoreWriter")
        }
        return try outcome.get()
    }
}
