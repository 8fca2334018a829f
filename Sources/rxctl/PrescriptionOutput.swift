import Foundation

/// Printing for the prescription commands: aligned tables for people, JSON objects for scripts.
enum PrescriptionOutput {
    /// Prints `object` as one line of JSON with sorted keys.
    static func printJSON(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints `label  value` pairs with the values aligned.
    static func printFields(_ fields: [(String, String)]) {
        let width = fields.map(\.0.count).max() ?? 0
        for (label, value) in fields {
            print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
    }

    /// Prints a table with a header row; columns are as wide as their widest cell.
    static func printTable(_ header: [String], _ rows: [[String]], indent: String = "") {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(indent + cells.joined(separator: "  "))
        }
    }
}
