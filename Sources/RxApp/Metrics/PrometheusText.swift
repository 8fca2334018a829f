/// Builds a response in the Prometheus text exposition format (version 0.0.4).
struct PrometheusText {
    private(set) var text = ""

    /// Starts a metric family with its `# HELP` and `# TYPE` lines.
    mutating func family(_ name: String, type: String, help: String) {
        self.text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, labels: [(String, String)] = [], _ value: Double) {
        self.text += name + Self.render(labels) + " " + Self.format(value) + "\n"
    }

    mutating func sample(_ name: String, labels: [(String, String)] = [], _ value: Int) {
        self.sample(name, labels: labels, Double(value))
    }

    /// `_bucket` lines (cumulative), `_sum` and `_count` of one histogram series.
    mutating func histogram(
        _ name: String, labels: [(String, String)] = [], bounds: [Double], counts: [Int], sum: Double
    ) {
        var running = 0
        for (index, count) in counts.enumerated() {
            running += count
            let bound = index < bounds.count ? Self.format(bounds[index]) : "+Inf"
            self.sample(name + "_bucket", labels: labels + [("le", bound)], running)
        }
        self.sample(name + "_sum", labels: labels, sum)
        self.sample(name + "_count", labels: labels, running)
    }

    private static func render(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",") + "}"
    }

    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func format(_ value: Double) -> String {
        if value == .infinity { return "+Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
