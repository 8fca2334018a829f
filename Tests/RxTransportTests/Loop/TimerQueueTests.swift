import Testing

@testable import RxTransport

@Suite("Timer queue")
struct TimerQueueTests {
    @Test("due timers fire in deadline order; cancelled ones never fire")
    func ordering() {
        var queue = TimerQueue()
        var fired: [Int] = []
        var handles: [TimerQueue.Handle] = []
        for (index, deadline) in [50, 10, 40, 20, 30].enumerated() {
            let handle = queue.schedule(at: MonotonicTime(nanoseconds: UInt64(deadline))) { fired.append(deadline) }
            handles.append(handle)
            _ = index
        }
        queue.cancel(handles[2])
        #expect(queue.nextDeadline() == MonotonicTime(nanoseconds: 10))
        for action in queue.popDue(now: MonotonicTime(nanoseconds: 35)) { action() }
        #expect(fired == [10, 20, 30])
        for action in queue.popDue(now: MonotonicTime(nanoseconds: 100)) { action() }
        #expect(fired == [10, 20, 30, 50])
        #expect(queue.isEmpty)
    }

    @Test("cancelling a fired timer is harmless")
    func cancelAfterFire() {
        var queue = TimerQueue()
        let handle = queue.schedule(at: MonotonicTime(nanoseconds: 1)) {}
        _ = queue.popDue(now: MonotonicTime(nanoseconds: 2))
        queue.cancel(handle)
        #expect(queue.isEmpty)
        #expect(queue.nextDeadline() == nil)
    }
}
