import Glibc

/// SIGTERM, SIGINT and SIGHUP, taken synchronously by the main thread with `sigwait`.
///
/// They are blocked before the first thread starts, so every thread inherits the mask and a signal
/// that arrives at any moment — even between start-up and the "started" line — waits as pending until
/// `next()` takes it, instead of killing the process or being lost.
struct ProcessSignals {
    private var set = sigset_t()

    /// Blocks the signals in the calling thread; call first thing in the process, before any thread.
    static func block() -> ProcessSignals {
        var signals = ProcessSignals()
        sigemptyset(&signals.set)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals.set, number) }
        pthread_sigmask(SIG_BLOCK, &signals.set, nil)
        return signals
    }

    /// Waits for the next of the signals and returns its number.
    func next() -> Int32 {
        var set = self.set
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }
}
