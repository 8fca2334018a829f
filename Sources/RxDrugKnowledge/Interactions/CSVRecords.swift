/// A small RFC 4180 reader for the knowledge-base files: comma-separated, fields optionally in double
/// quotes (which may contain commas, doubled quotes and line breaks), `\n` or `\r\n` line ends.
///
/// Each record keeps the line it starts on so load errors can point a reviewer at the right row.
struct CSVRecords {
    /// One record: its fields and the 1-based line it starts on.
    struct Record {
        let line: Int
        let fields: [String]
    }

    /// The records, header included, blank lines skipped.
    let records: [Record]

    /// Parses `text`; throws a problem for a quoted field that never ends.
    init(text: String, source: String) throws(InteractionDataError) {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var iterator = Array(text.utf8)[...]

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while let byte = iterator.popFirst() {
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if iterator.first == UInt8(ascii: "\"") {
                        iterator.removeFirst()
                        field.append(byte)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                } else {
                    field.append(byte)
                }
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r") where iterator.first == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw InteractionDataError(source: source, line: recordLine, reason: "quoted field never closed")
        }
        if !field.isEmpty || !fields.isEmpty {
            endRecord()
        }
        self.records = records
    }
}
