/// Splits RFC 4180 CSV text into records, remembering the line each record starts on so that every
/// problem can be reported by line number.
///
/// Fields are separated by commas; a field in double quotes may contain commas, line breaks and `""`
/// for a quote. Line ends may be LF or CRLF. A UTF-8 byte-order mark and blank lines are skipped.
/// Both the catalog import and the interaction knowledge base read their files through it.
struct CSVRecords {
    struct Record: Sendable, Equatable {
        /// 1-based line the record starts on.
        let line: Int
        let fields: [String]
    }

    /// A record whose quoting is broken; the rest of the file cannot be split reliably after it.
    struct UnterminatedQuote: Error, Equatable {
        let line: Int
    }

    /// The records, header included.
    let records: [Record]

    /// Parses `text`, reporting broken quoting as a data problem of `source`.
    init(text: String, source: String) throws(InteractionDataError) {
        do {
            self.records = try Self.parse(text)
        } catch {
            throw InteractionDataError(source: source, line: error.line, reason: "quoted field never closed")
        }
    }

    static func parse(_ text: String) throws(UnterminatedQuote) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var characters = Array(text)
        if characters.first == "\u{FEFF}" {
            characters.removeFirst()
        }
        var index = 0

        func endRecord() {
            fields.append(field)
            let isBlank = fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted
            if !isBlank {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    // Swift treats "\r\n" as one Character, so one line break is counted once.
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes {
            throw UnterminatedQuote(line: recordLine)
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endRecord()
        }
        return records
    }
}
