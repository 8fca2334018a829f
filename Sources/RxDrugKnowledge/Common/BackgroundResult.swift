import Foundation
import Synchronization

/// A value computed on another thread while the caller does other work: a snapshot build makes its
/// search index this way on the second core while it builds the rest. ``wait()`` blocks until it is
/// ready. Used only for independent, non-throwing CPU work over immutable inputs.
///
/// It runs on a plain thread, as the store's writer and the log writer do, so start-up work never
/// depends on Dispatch's thread pools.
final class BackgroundResult<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let result = work()
            self.value.withLock { $0 = result }
            self.done.signal()
        }
        thread.start()
    }

    /// The value, once computed. Call it once.
    func wait() -> Value {
        self.done.wait()
        guard let value = self.value.withLock({ $0 }) else {
            preconditionFailure("the background work left without a value")
        }
        return value
    }
}
