import CSQLite3
import RxStore
import Testing

@Suite("SQLiteStatement")
struct SQLiteStatementTests {
    private func memoryConnection() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        try connection.execute("CREATE TABLE sample (i INTEGER, r REAL, t TEXT, b BLOB, n)")
        return connection
    }

    @Test("typed binds and typed column reads round-trip, including Vietnamese text and blobs")
    func typedRoundTrip() throws {
        let connection = try self.memoryConnection()
        let text = "Nguyễn Thị Hương — Amoxicillin 500mg, uống sau ăn; tiếng Việt: ắằẳẵặ ỗộ ữự đ"
        let bytes: [UInt8] = Array(0...255) + [0, 0, 255]
        try connection.withStatement("INSERT INTO sample (i, r, t, b, n) VALUES (?, ?, ?, ?, ?)") { statement in
            #expect(statement.parameterCount == 5)
            try statement.bind(Int64.min, at: 1)
            try statement.bind(-1234.5678, at: 2)
            try statement.bind(text, at: 3)
            try statement.bind(bytes, at: 4)
            try statement.bindNull(at: 5)
            #expect(try statement.step() == false)
        }
        let rows = try connection.query("SELECT i, r, t, b, n FROM sample") { row in
            (row.int64(at: 0), row.double(at: 1), row.string(at: 2), row.blob(at: 3), row.isNull(at: 4), row.string(at: 4))
        }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.0 == Int64.min)
        #expect(row.1 == -1234.5678)
        #expect(row.2 == text)
        #expect(row.3 == bytes)
        #expect(row.4)
        #expect(row.5 == nil)
    }

    @Test("text round-trips byte for byte, with its UTF-8 length stored (not its character count)")
    func textLength() throws {
        let connection = try self.memoryConnection()
        let text = "Đơn thuốc: Paracetamol\u{0}đã cấp"
        try connection.run("INSERT INTO sample (t) VALUES (?)", .text(text))
        #expect(try connection.scalar("SELECT length(CAST(t AS BLOB)) FROM sample") == .integer(Int64(text.utf8.count)))
        #expect(try connection.query("SELECT t FROM sample") { $0.string(at: 0) } == [text])
    }

    @Test("empty text and empty blobs are stored as empty values, not NULL")
    func emptyValues() throws {
        let connection = try self.memoryConnection()
        try connection.run("INSERT INTO sample (t, b) VALUES (?, ?)", "", .blob([]))
        let types = try connection.query("SELECT typeof(t), typeof(b) FROM sample") { [$0.string(at: 0), $0.string(at: 1)] }
        #expect(types == [["text", "blob"]])
        let values = try connection.query("SELECT t, b FROM sample") { ($0.string(at: 0), $0.blob(at: 1)) }
        #expect(values.first?.0 == "")
        #expect(values.first?.1 == [])
    }

    @Test("SQLiteValue binds and reads back in its own storage class", arguments: [
        SQLiteValue.integer(Int64.max), .integer(0), .real(3.25), .text("Hà Nội"), .blob([1, 2, 3]), .null,
    ])
    func valueRoundTrip(value: SQLiteValue) throws {
        let connection = try self.memoryConnection()
        try connection.run("INSERT INTO sample (n) VALUES (?)", value)
        #expect(try connection.scalar("SELECT n FROM sample") == value)
    }

    @Test("a statement lent again has its previous bindings cleared")
    func bindingsCleared() throws {
        let connection = try self.memoryConnection()
        try connection.withStatement("INSERT INTO sample (i, t) VALUES (?, ?)") { statement in
            try statement.bind(7, at: 1)
            try statement.bind("first", at: 2)
            try statement.step()
        }
        try connection.withStatement("INSERT INTO sample (i, t) VALUES (?, ?)") { statement in
            try statement.bind(8, at: 1)
            try statement.step()
        }
        let texts = try connection.query("SELECT t FROM sample ORDER BY i") { $0.string(at: 0) }
        #expect(texts == ["first", nil])
    }

    @Test("reset lets one lent statement insert many rows")
    func resetReuse() throws {
        let connection = try self.memoryConnection()
        try connection.withStatement("INSERT INTO sample (i) VALUES (?)") { statement in
            for number in 1...5 {
                try statement.bind(number, at: 1)
                try statement.step()
                statement.reset()
            }
        }
        #expect(try connection.scalar("SELECT sum(i) FROM sample") == .integer(15))
    }

    @Test("column names and withBlob lend the row's data")
    func columnsAndBlobLending() throws {
        let connection = try self.memoryConnection()
        try connection.run("INSERT INTO sample (b) VALUES (?)", .blob([9, 8, 7]))
        try connection.withStatement("SELECT b AS payload, n FROM sample") { statement in
            let hasRow = try statement.step()
            #expect(hasRow)
            #expect(statement.columnCount == 2)
            #expect(statement.columnName(at: 0) == "payload")
            #expect(statement.withBlob(at: 0) { $0.reduce(0) { $0 + Int($1) } } == 24)
            #expect(statement.withBlob(at: 1) { $0.count } == nil)
        }
    }

    @Test("binding past the last parameter throws SQLITE_RANGE")
    func bindOutOfRange() throws {
        let connection = try self.memoryConnection()
        let error = try #require(throws: StoreError.self) {
            try connection.withStatement("SELECT ?") { try $0.bind(1, at: 2) }
        }
        #expect(error.resultCode == SQLITE_RANGE)
        #expect(error.function == "sqlite3_bind_int64")
    }
}
