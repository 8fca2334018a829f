import Foundation
import RxStore

/// Aggregates kept in memory while a generator loads a database, written once at the end: the recorder
/// computes exactly the changes it would write live (``StatisticsRecorder/init(bulkLoad:)``), but instead
/// of one upsert per event into randomly placed B-tree pages, the cells are inserted once, in key order.
///
/// Merging the changes (hashing string keys, keeping patient sets and sketches) costs about as much as the
/// generator's SQL, so it runs on a thread of its own: the loading thread only appends changes to a buffer
/// and hands full buffers over (at most a few in flight, so memory stays bounded), in order, so the first
/// 16 patients of a cell are the same as live recording keeps.
///
/// ``write(on:)`` is only for loading a database that has no statistics yet (plain INSERTs). The
/// statistics applier uses the same merging per batch of events (``init(forBatchOf:)``) and writes with
/// ``upsert(on:)`` into a serving store.
public final class StatisticsBulkLoad: @unchecked Sendable {
    struct Cell {
        var change = CellChange()
        var patients: [UInt64] = []
        var sketch: [UInt8]?
    }

    struct RollupKey: Hashable {
        var view: Int64
        var month: Int64
        var province: String
        var type: Int64
        var ingredient: String
        var atc: String
    }

    struct ProductCell {
        var change = ProductChange()
        var patients: [UInt64] = []
    }

    /// One recorder call, as handed to the merging thread.
    enum Work {
        case cells([(key: CellKey, change: CellChange)], patient: UInt64?)
        case products([(key: ProductCellKey, change: ProductChange)], patient: UInt64?)
    }

    /// Recorder calls buffered before a hand-over, and hand-overs queued before the loader waits.
    static let batchSize = 4_096
    static let batchesInFlight = 4

    /// Guards `buffer`, `queue`, `busy` and `merger`; the merged sets below belong to the merging thread
    /// while it runs and to whoever holds this lock once ``settle()`` has returned.
    private let condition = NSCondition()
    private var buffer: [Work] = []
    private var queue: [[Work]] = []
    private var busy = false
    private var merger: Thread?
    /// Set by ``write(on:)``: the merging thread ends once the queue is empty (a later change starts a new one).
    private var retiring = false

    var cells: [CellKey: Cell] = [:]
    var rollups: [RollupKey: Cell] = [:]
    var products: [ProductCellKey: ProductCell] = [:]

    /// Patients kept per cell: the first 16 for a load (all a stored set holds); twice that for a batch
    /// merged into existing rows, whose sets may already hold up to 15 of the batch's patients.
    let patientCapacity: Int
    /// Changes are held until ``commitEvent()`` (batch mode) instead of going to the merging thread.
    let mergesPerEvent: Bool

    /// - Parameter expectedCells: day cells to reserve room for (a national year: ~4 per prescription),
    ///   so the table is not rehashed while it grows; product cells get room for half as many.
    public init(expectedCells: Int = 0) {
        self.patientCapacity = PatientSketch.exactCapacity
        self.mergesPerEvent = false
        self.cells.reserveCapacity(expectedCells)
        self.rollups.reserveCapacity(expectedCells / 50)
        self.products.reserveCapacity(expectedCells / 2)
        self.buffer.reserveCapacity(Self.batchSize)
    }

    /// Aggregates of one batch of the statistics applier, merged on the caller's thread: each event's
    /// changes wait in a buffer until ``commitEvent()`` (or ``discardEvent()`` when the event failed and
    /// its SQL was rolled back), then ``upsert(on:)`` adds them to the stored rows.
    init(forBatchOf events: Int) {
        self.patientCapacity = 2 * PatientSketch.exactCapacity
        self.mergesPerEvent = true
        self.cells.reserveCapacity(events * 4)
        self.rollups.reserveCapacity(events * 2)
        self.products.reserveCapacity(events * 3)
    }

    /// Merges the changes the current event made (batch mode).
    func commitEvent() {
        let pending = self.buffer
        self.buffer.removeAll(keepingCapacity: true)
        self.merge(pending)
    }

    /// Forgets the changes the current event made (batch mode).
    func discardEvent() { self.buffer.removeAll(keepingCapacity: true) }

    /// Cells held so far (day cells and rollups), once every change handed in has been merged.
    public var count: Int {
        self.settle()
        return self.condition.withLock { self.cells.count + self.rollups.count + self.products.count }
    }

    /// Queues one recorder call; hands the buffer over when it is full, waiting while the merging thread
    /// is `batchesInFlight` buffers behind.
    private func submit(_ work: Work) {
        if self.mergesPerEvent {
            self.buffer.append(work)
            return
        }
        self.condition.lock()
        defer { self.condition.unlock() }
        self.buffer.append(work)
        guard self.buffer.count >= Self.batchSize else { return }
        while self.queue.count >= Self.batchesInFlight { self.condition.wait() }
        self.handOver()
    }

    /// Moves the buffer to the queue and wakes (or starts) the merging thread; call with the lock held.
    private func handOver() {
        guard !self.buffer.isEmpty else { return }
        self.queue.append(self.buffer)
        self.buffer = []
        self.buffer.reserveCapacity(Self.batchSize)
        if self.merger == nil {
            let thread = Thread { [self] in
                Thread.current.name = "rx-bulk-merge"
                self.mergeQueued()
            }
            self.merger = thread
            thread.start()
        }
        self.condition.broadcast()
    }

    /// Waits until every change handed in so far has been merged.
    private func settle() {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.handOver()
        while !self.queue.isEmpty || self.busy { self.condition.wait() }
    }

    /// The merging thread: takes queued buffers in order until ``write(on:)`` retires it.
    private func mergeQueued() {
        while true {
            self.condition.lock()
            while self.queue.isEmpty {
                if self.retiring {
                    self.retiring = false
                    self.merger = nil
                    self.condition.broadcast()
                    self.condition.unlock()
                    return
                }
                self.condition.wait()
            }
            let batch = self.queue.removeFirst()
            self.busy = true
            self.condition.broadcast()
            self.condition.unlock()
            self.merge(batch)
            self.condition.lock()
            self.busy = false
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// Adds product changes to their day and month cells (province and national), as ``StatisticsRecorder/recordProducts`` would.
    func addProducts(_ changes: [(key: ProductCellKey, change: ProductChange)], patient: UInt64?) {
        self.submit(.products(changes, patient: patient))
    }

    private func merge(_ batch: [Work]) {
        for work in batch {
            switch work {
            case .cells(let changes, let patient): self.merge(changes, patient: patient)
            case .products(let changes, let patient): self.mergeProducts(changes, patient: patient)
            }
        }
    }

    private func mergeProducts(_ changes: [(key: ProductCellKey, change: ProductChange)], patient: UInt64?) {
        for (key, change) in changes {
            for cell in key.rolledUp {
                Self.merge(change, patient: patient, capacity: self.patientCapacity, into: &self.products[cell, default: ProductCell()])
            }
        }
    }

    /// The same rules as the product upsert: figures summed, the first 16 distinct patients kept.
    private static func merge(_ change: ProductChange, patient: UInt64?, capacity: Int, into cell: inout ProductCell) {
        cell.change.add(change)
        guard let patient, cell.patients.count < capacity, !cell.patients.contains(patient) else { return }
        cell.patients.append(patient)
    }

    func add(_ changes: [(key: CellKey, change: CellChange)], patient: UInt64?) {
        self.submit(.cells(changes, patient: patient))
    }

    private func merge(_ changes: [(key: CellKey, change: CellChange)], patient: UInt64?) {
        for (key, change) in changes {
            let patient = change.isExpiryOnly ? nil : patient
            Self.merge(change, patient: patient, sketched: false, capacity: self.patientCapacity, into: &self.cells[key, default: Cell()])
            let perPrescription = key.ingredient.isEmpty && key.atc.isEmpty
            let rollup = RollupKey(
                view: perPrescription ? 0 : 1, month: VietnamDay.monthStart(of: key.day),
                province: perPrescription ? key.province : "", type: perPrescription ? key.type : -1,
                ingredient: key.ingredient, atc: key.atc)
            Self.merge(change, patient: patient, sketched: true, capacity: self.patientCapacity, into: &self.rollups[rollup, default: Cell()])
        }
    }

    /// The same rules as the SQL upserts: figures summed, the first 16 distinct patients kept, registers
    /// raised.
    private static func merge(_ change: CellChange, patient: UInt64?, sketched: Bool, capacity: Int, into cell: inout Cell) {
        cell.change.add(change)
        guard let patient else { return }
        if sketched && cell.sketch == nil { cell.sketch = StatisticsRecorder.emptySketch }
        if cell.patients.count < capacity && !cell.patients.contains(patient) {
            cell.patients.append(patient)
        }
        if sketched {
            let (index, rank) = PatientSketch.register(of: patient)
            if let current = cell.sketch?[index], rank > current { cell.sketch?[index] = rank }
        }
    }

    /// Inserts every product cell, day cell and rollup in key order and forgets them; call inside a
    /// transaction.
    public func write(on connection: SQLiteConnection) throws {
        self.settle()
        let (cells, rollups, products) = self.condition.withLock {
            if self.merger != nil { self.retiring = true }
            self.condition.broadcast()
            defer { self.cells = [:]; self.rollups = [:]; self.products = [:] }
            return (self.cells, self.rollups, self.products)
        }
        // Sorting is the largest part of this write: the day cells and the product cells sort on other
        // cores while the rollups are sorted and inserted here.
        let sorting = DispatchGroup()
        nonisolated(unsafe) var orderedCells: [(key: CellKey, value: Cell)] = []
        nonisolated(unsafe) var orderedProducts: [ProductCellKey] = []
        DispatchQueue.global().async(group: sorting) {
            orderedCells = cells.keys.sorted(by: Self.precedes).map { (key: $0, value: cells[$0] ?? Cell()) }
        }
        DispatchQueue.global().async(group: sorting) {
            orderedProducts = products.keys.sorted(by: ProductCellKey.precedes)
        }
        defer { sorting.wait() }
        let orderedRollups = rollups.keys.sorted { lhs, rhs in
            (lhs.view, lhs.month, lhs.province, lhs.type, lhs.ingredient, lhs.atc)
                < (rhs.view, rhs.month, rhs.province, rhs.type, rhs.ingredient, rhs.atc)
        }
        try Self.insert(
            orderedRollups, sql: """
                INSERT INTO stat_rollups (view, month, province, type, ingredient, atc, issued, dispensed_fully,
                    dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
                    value_charged_vnd, patients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, on: connection
        ) { statement, key in
            let cell = rollups[key] ?? Cell()
            try Self.bind(key, to: statement)
            try Self.bind(cell.change, from: 7, to: statement)
            try statement.bind(Self.patientBlob(cell.patients), at: 16)
        }
        try Self.insert(
            orderedRollups.filter { rollups[$0]?.sketch != nil },
            sql: "INSERT INTO stat_rollup_sketches (view, month, province, type, ingredient, atc, sketch) VALUES (?, ?, ?, ?, ?, ?, ?)",
            on: connection
        ) { statement, key in
            try Self.bind(key, to: statement)
            try statement.bind(rollups[key]?.sketch ?? StatisticsRecorder.emptySketch, at: 7)
        }
        sorting.wait()
        try Self.insert(
            orderedProducts, sql: """
                INSERT INTO stat_product_cells (grain, day, province, registration_number, atc, prescriptions,
                    quantity_dispensed, value_charged_vnd, patients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, on: connection
        ) { statement, key in
            let cell = products[key] ?? ProductCell()
            try statement.bind(key.grain, at: 1)
            try statement.bind(key.day, at: 2)
            try statement.bind(key.province, at: 3)
            try statement.bind(key.registrationNumber, at: 4)
            try statement.bind(key.atc, at: 5)
            try statement.bind(cell.change.prescriptions, at: 6)
            try statement.bind(cell.change.quantityDispensed, at: 7)
            try statement.bind(cell.change.valueChargedVND, at: 8)
            try statement.bind(Self.patientBlob(cell.patients), at: 9)
        }
        try Self.insert(
            orderedCells, sql: """
                INSERT INTO stat_cells (day, facility_code, province, type, ingredient, atc, issued, dispensed_fully,
                    dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
                    value_charged_vnd, patients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, on: connection
        ) { statement, row in
            try statement.bind(row.key.day, at: 1)
            try statement.bind(row.key.facilityCode, at: 2)
            try statement.bind(row.key.province, at: 3)
            try statement.bind(row.key.type, at: 4)
            try statement.bind(row.key.ingredient, at: 5)
            try statement.bind(row.key.atc, at: 6)
            try Self.bind(row.value.change, from: 7, to: statement)
            try statement.bind(Self.patientBlob(row.value.patients), at: 16)
        }
    }

    /// Binds a rollup key to parameters 1–6.
    static func bind(_ key: RollupKey, to statement: SQLiteStatement) throws {
        try statement.bind(key.view, at: 1)
        try statement.bind(key.month, at: 2)
        try statement.bind(key.province, at: 3)
        try statement.bind(key.type, at: 4)
        try statement.bind(key.ingredient, at: 5)
        try statement.bind(key.atc, at: 6)
    }

    /// Binds the nine figures of a cell (``StatisticsRecorder/figures(_:)`` order) from parameter `first`.
    static func bind(_ change: CellChange, from first: Int, to statement: SQLiteStatement) throws {
        let figures = [
            change.issued, change.dispensedFully, change.dispensedPartly, change.cancelled, change.expiring,
            change.quantityPrescribed, change.quantityDispensed, change.valueReferenceVND, change.valueChargedVND,
        ]
        for (offset, figure) in figures.enumerated() { try statement.bind(figure, at: first + offset) }
    }

    /// An exact patient set as stored: the hashes' big-endian bytes, one after another.
    private static func patientBlob(_ patients: [UInt64]) -> [UInt8] {
        var blob: [UInt8] = []
        blob.reserveCapacity(patients.count * 8)
        for patient in patients { blob += PatientSketch.bytes(of: patient) }
        return blob
    }

    /// The order of the day cells' unique index (day, facility, type, ingredient, ATC), so the inserts
    /// append to it.
    private static func precedes(_ lhs: CellKey, _ rhs: CellKey) -> Bool {
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        if lhs.facilityCode != rhs.facilityCode { return lhs.facilityCode.utf8.lexicographicallyPrecedes(rhs.facilityCode.utf8) }
        if lhs.type != rhs.type { return lhs.type < rhs.type }
        if lhs.ingredient != rhs.ingredient { return lhs.ingredient.utf8.lexicographicallyPrecedes(rhs.ingredient.utf8) }
        return lhs.atc.utf8.lexicographicallyPrecedes(rhs.atc.utf8)
    }

    /// One prepared single-row INSERT reused for every row: at millions of rows, building value arrays and
    /// multi-row SQL text per chunk costs more than SQLite's own work.
    private static func insert<Row>(
        _ rows: [Row], sql: String, on connection: SQLiteConnection, bind: (SQLiteStatement, Row) throws -> Void
    ) throws {
        try connection.withStatement(sql) { statement in
            for row in rows {
                try bind(statement, row)
                while try statement.step() {}
                statement.reset()
            }
        }
    }
}
