/// A token bucket for per-connection budgets (loop-confined, so no locking).
struct TokenBucket {
    let capacity: Double
    let perSecond: Double
    private var tokens: Double
    private var updated: MonotonicTime? = nil

    init(capacity: Int, perSecond: Int) {
        self.capacity = Double(capacity)
        self.perSecond = Double(perSecond)
        self.tokens = Double(capacity)
    }

    /// Takes one token; `false` when the budget is spent.
    mutating func take(now: MonotonicTime) -> Bool {
        if let updated = self.updated {
            let elapsed = Double(now.nanoseconds(since: updated)) / 1e9
            self.tokens = min(self.capacity, self.tokens + elapsed * self.perSecond)
        }
        self.updated = now
        guard self.tokens >= 1 else { return false }
        self.tokens -= 1
        return true
    }
}
