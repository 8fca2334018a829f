#if canImport(Glibc)
import Glibc
#endif
import CRxLinux
import Synchronization

/// Something registered with an event loop for readiness of one file descriptor.
protocol EventHandler: AnyObject {
    /// Called on the loop thread with the `epoll` event bits that fired.
    func handleEvent(_ events: UInt32)
}

/// One thread, one `epoll` instance: every connection registered here is touched only by this
/// thread from accept to close, so per-connection state needs no locks.
///
/// Other threads talk to a loop only through `execute(_:)`, which queues a task and wakes the loop
/// through an `eventfd`. Everything else (`register`, timers) must be called on the loop thread.
public final class EventLoop: @unchecked Sendable {
    private let epollFD: Int32
    private let wakeFD: Int32
    private let queued = Mutex<[@Sendable () -> Void]>([])
    private let stopRequested = Atomic<Bool>(false)
    private var handlers: [Int32: any EventHandler] = [:]
    private var timers = TimerQueue()
    private var afterIteration: [() -> Void] = []
    private var threadID: pthread_t? = nil
    /// A read buffer shared by every connection of this loop: a read is consumed before the next.
    let readBuffer: UnsafeMutableRawBufferPointer
    public let index: Int

    public init(index: Int) throws(SystemError) {
        self.index = index
        guard let epollFD = try systemCall("epoll_create1", { epoll_create1(Int32(EPOLL_CLOEXEC)) }) else {
            throw SystemError(function: "epoll_create1", errno: EAGAIN)
        }
        self.epollFD = epollFD
        guard let wakeFD = try systemCall("eventfd", { eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC)) }) else {
            close(epollFD)
            throw SystemError(function: "eventfd", errno: EAGAIN)
        }
        self.wakeFD = wakeFD
        self.readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = wakeFD
        _ = epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
    }

    deinit {
        close(self.epollFD)
        close(self.wakeFD)
        self.readBuffer.deallocate()
    }

    /// Whether the caller runs on this loop's thread.
    public var inEventLoop: Bool {
        guard let threadID = self.threadID else { return false }
        return pthread_equal(threadID, pthread_self()) != 0
    }

    /// Queues `task` to run on the loop thread; callable from any thread.
    public func execute(_ task: @escaping @Sendable () -> Void) {
        let wasEmpty = self.queued.withLock { queue in
            queue.append(task)
            return queue.count == 1
        }
        if wasEmpty { self.wake() }
    }

    /// Asks the loop to return from `run()` after the current iteration.
    public func stop() {
        self.stopRequested.store(true, ordering: .releasing)
        self.wake()
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(self.wakeFD, &one, 8)
    }

    // MARK: Loop-thread API

    func register(fd: Int32, events: UInt32, handler: any EventHandler) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        _ = try systemCall("epoll_ctl(ADD)") { epoll_ctl(self.epollFD, EPOLL_CTL_ADD, fd, &event) }
        self.handlers[fd] = handler
    }

    func modify(fd: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        _ = epoll_ctl(self.epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    /// Forgets `fd`; the caller closes it.
    func unregister(fd: Int32) {
        _ = epoll_ctl(self.epollFD, EPOLL_CTL_DEL, fd, nil)
        self.handlers[fd] = nil
    }

    var registeredHandlers: Dictionary<Int32, any EventHandler>.Values { self.handlers.values }

    func scheduleTimer(at deadline: MonotonicTime, _ action: @escaping () -> Void) -> TimerQueue.Handle {
        self.timers.schedule(at: deadline, action)
    }

    func cancelTimer(_ handle: TimerQueue.Handle) {
        self.timers.cancel(handle)
    }

    /// Runs `action` once at the end of this iteration, after all events and tasks: used to
    /// coalesce every response produced in one iteration into one TLS write per connection.
    func runAfterIteration(_ action: @escaping () -> Void) {
        self.afterIteration.append(action)
    }

    /// The loop body; returns after `stop()`.
    public func run() {
        self.threadID = pthread_self()
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while !self.stopRequested.load(ordering: .acquiring) {
            let timeout = self.nextTimeoutMilliseconds()
            let count = epoll_wait(self.epollFD, events, Int32(capacity), timeout)
            if count > 0 {
                for index in 0..<Int(count) {
                    let fd = events[index].data.fd
                    if fd == self.wakeFD {
                        var value: UInt64 = 0
                        _ = read(self.wakeFD, &value, 8)
                        continue
                    }
                    self.handlers[fd]?.handleEvent(events[index].events)
                }
            }
            self.runQueuedTasks()
            for action in self.timers.popDue(now: .now()) { action() }
            self.drainAfterIteration()
        }
    }

    private func runQueuedTasks() {
        let tasks = self.queued.withLock { queue in
            let tasks = queue
            queue.removeAll(keepingCapacity: true)
            return tasks
        }
        for task in tasks { task() }
    }

    private func drainAfterIteration() {
        while !self.afterIteration.isEmpty {
            let actions = self.afterIteration
            self.afterIteration.removeAll(keepingCapacity: true)
            for action in actions { action() }
        }
    }

    private func nextTimeoutMilliseconds() -> Int32 {
        guard let deadline = self.timers.nextDeadline() else { return 1000 }
        let nanos = deadline.nanoseconds(since: .now())
        return Int32(min(1000, (nanos + 999_999) / 1_000_000))
    }
}

/// Carries a loop-confined value across a `@Sendable` boundary; it may be unwrapped only on the
/// owning loop, which is checked.
struct LoopBound<Value>: @unchecked Sendable {
    private let _value: Value
    let loop: EventLoop

    init(_ value: Value, loop: EventLoop) {
        self._value = value
        self.loop = loop
    }

    var value: Value {
        assert(self.loop.inEventLoop, "loop-bound value touched off its loop")
        return self._value
    }
}
