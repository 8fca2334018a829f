import Dispatch
import Synchronization

/// A value computed on another thread while the caller does other work: a snapshot build makes its
/// search index this way on the second core while it builds the rest. ``wait()`` blocks until it is
/// ready. Used only for independent, non-throwing CPU work over immutable inputs.
final class BackgroundResult<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        self.done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = work()
            self.value.withLock { $0 = result }
            self.done.leave()
        }
    }

    /// The value, once computed.
    func wait() -> Value {
        self.done.wait()
        guard let value = self.value.withLock({ $0 }) else {
            preconditionFailure("the background work left without a value")
        }
        return value
    }
}
