import ArgumentParser
import Foundation
import RxWire

/// Where `rxctl stats` and `rxctl alerts` put a table: printed aligned, or written as CSV to `--csv FILE`.
struct StatsOutput: ParsableArguments {
    @Option(name: .customLong("csv"), help: "Write the table as CSV to this file instead of printing it.")
    var csvPath: String?

    func emit(_ header: [String], _ rows: [[String]]) throws {
        guard let csvPath else {
            PrescriptionOutput.printTable(header, rows)
            return
        }
        let text = ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        do {
            try text.write(toFile: csvPath, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(csvPath): \(error.localizedDescription)")
        }
        print("\(rows.count) rows written to \(csvPath)")
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Unix seconds of 00:00 in Vietnam on a `YYYY-MM-DD` date.
    static func startOfDay(_ text: String, option: String) throws -> Int64 {
        guard let date = PrescriptionTime.civilDate(text) else {
            throw ValidationError("\(option) must be a date YYYY-MM-DD, not \"\(text)\"")
        }
        var components = DateComponents()
        components.year = Int(date.year)
        components.month = Int(date.month)
        components.day = Int(date.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3_600) ?? .current
        guard let start = calendar.date(from: components) else { throw ValidationError("\(option): invalid date \(text)") }
        return Int64(start.timeIntervalSince1970)
    }
}
