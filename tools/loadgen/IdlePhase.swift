/// What one `--idle-connections` phase measured: how fast the connections were opened and how much
/// the server's resident memory grew while they were held.
struct IdlePhase {
    let opened: Int
    let resumed: Int
    let seconds: Double
    let failures: [String]
    let before: ProcessSample?
    let held: ProcessSample?
    /// Whether the server's RSS started from memory no earlier connection had used: only then is the
    /// growth per connection meaningful (after a phase closes its connections, the allocator keeps
    /// and reuses their memory).
    let measuresGrowth: Bool

    var handshakesPerSecond: Double { self.seconds > 0 ? Double(self.opened) / self.seconds : 0 }

    /// Server RSS growth per held connection, in bytes.
    var rssBytesPerConnection: Double? {
        guard self.measuresGrowth, let before, let held, self.opened > 0 else { return nil }
        return Double(held.rssKiB - before.rssKiB) * 1024 / Double(self.opened)
    }

    func summary(label: String) -> String {
        var text = label + "\(self.opened) open (\(self.resumed) resumed), "
            + String(format: "%.0f handshakes/s", self.handshakesPerSecond)
        if let held { text += String(format: ", server RSS %.1f MiB held", Double(held.rssKiB) / 1024) }
        if let perConnection = self.rssBytesPerConnection {
            text += String(format: ", %.1f KiB per connection", perConnection / 1024)
        }
        if let first = self.failures.first { text += "; \(self.failures.count) failed, first: \(first)" }
        return text
    }

    var object: [String: Any] {
        var object: [String: Any] = [
            "opened": self.opened, "resumed": self.resumed, "failures": self.failures.count,
            "handshakes_per_second": (self.handshakesPerSecond * 10).rounded() / 10,
        ]
        if let held { object["server_rss_kib_held"] = held.rssKiB }
        if let perConnection = self.rssBytesPerConnection { object["server_rss_bytes_per_connection"] = perConnection.rounded() }
        if let first = self.failures.first { object["first_failure"] = first }
        return object
    }
}
