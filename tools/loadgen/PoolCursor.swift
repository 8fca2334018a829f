import Synchronization

/// Hands out the next index of a pre-built pool to the connection threads, each index once.
final class PoolCursor: Sendable {
    private let next = Atomic<Int>(0)

    /// The next unused index (may be past the end of the pool: the caller checks).
    func take() -> Int {
        self.next.add(1, ordering: .relaxed).oldValue
    }

    /// How many indices were handed out, including any past the end of the pool.
    var taken: Int { self.next.load(ordering: .relaxed) }
}
