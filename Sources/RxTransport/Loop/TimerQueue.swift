/// A binary min-heap of deadlines with cancellable entries, owned by one event loop.
///
/// Cancelled timers are dropped lazily when they reach the top, which keeps cancellation O(1);
/// a stream that finishes before its deadline is the common case.
struct TimerQueue {
    struct Handle: Hashable, Sendable {
        fileprivate let id: UInt64
    }

    private struct Entry {
        let deadline: MonotonicTime
        let id: UInt64
        let action: () -> Void
    }

    private var heap: [Entry] = []
    private var cancelled: Set<UInt64> = []
    private var live: Set<UInt64> = []
    private var nextID: UInt64 = 1

    var isEmpty: Bool { self.live.isEmpty }

    mutating func schedule(at deadline: MonotonicTime, _ action: @escaping () -> Void) -> Handle {
        let id = self.nextID
        self.nextID += 1
        self.live.insert(id)
        self.heap.append(Entry(deadline: deadline, id: id, action: action))
        self.siftUp(self.heap.count - 1)
        return Handle(id: id)
    }

    mutating func cancel(_ handle: Handle) {
        guard self.live.remove(handle.id) != nil else { return }
        self.cancelled.insert(handle.id)
    }

    /// The earliest live deadline, after discarding cancelled entries at the top.
    mutating func nextDeadline() -> MonotonicTime? {
        self.dropCancelledTop()
        return self.heap.first?.deadline
    }

    /// Removes and returns the actions of every timer due at `now`, earliest first.
    mutating func popDue(now: MonotonicTime) -> [() -> Void] {
        var due: [() -> Void] = []
        while true {
            self.dropCancelledTop()
            guard let top = self.heap.first, top.deadline <= now else { return due }
            due.append(self.removeTop().action)
        }
    }

    private mutating func dropCancelledTop() {
        while let top = self.heap.first, self.cancelled.contains(top.id) {
            self.cancelled.remove(top.id)
            _ = self.removeTop()
        }
    }

    private mutating func removeTop() -> Entry {
        let top = self.heap[0]
        self.live.remove(top.id)
        let last = self.heap.removeLast()
        if !self.heap.isEmpty {
            self.heap[0] = last
            self.siftDown(0)
        }
        return top
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard self.heap[child].deadline < self.heap[parent].deadline else { return }
            self.heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < self.heap.count, self.heap[left].deadline < self.heap[smallest].deadline { smallest = left }
            if right < self.heap.count, self.heap[right].deadline < self.heap[smallest].deadline { smallest = right }
            if smallest == parent { return }
            self.heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
