import RxPrescriptions
import RxStore

extension StatisticsRecorder {
    /// One prescribed line as the product cells need it (from `stat_prescription_items`).
    struct PrescribedLine: Sendable {
        var registrationNumber: String
        var atc: String
    }

    /// Product cells of an issue: +1 prescription for each distinct product the prescription names, in the
    /// issuing facility's province on the issue day.
    static func productChanges(issuing validated: ValidatedPrescription) -> [(key: ProductCellKey, change: ProductChange)] {
        let content = validated.content
        let day = VietnamDay.of(content.issuedAtUnixSeconds)
        let province = String(content.facilityCode.prefix(2))
        var seen: Set<String> = []
        var changes: [(key: ProductCellKey, change: ProductChange)] = []
        for (index, line) in content.lines.enumerated() where !line.registrationNumber.isEmpty {
            guard seen.insert(line.registrationNumber).inserted else { continue }
            let atc = index < validated.products.count ? validated.products[index].atcCodes.first ?? "" : ""
            changes.append((
                ProductCellKey(grain: ProductCellKey.dayGrain, day: day, province: province,
                               registrationNumber: line.registrationNumber, atc: atc),
                ProductChange(prescriptions: 1)))
        }
        return changes
    }

    /// Product cells of a dispense: quantity and value charged go to the product **handed out** (the
    /// substitute when the pharmacy gave another brand), under the prescribed line's ATC code, in the
    /// issuing facility's province on the dispense day.
    static func productChanges(
        dispensing event: PrescriptionDispensed, prescribed: [Int64: PrescribedLine], province: String
    ) -> [(key: ProductCellKey, change: ProductChange)] {
        let day = VietnamDay.of(event.at)
        var changes: [ProductCellKey: ProductChange] = [:]
        for line in event.lines {
            let prescribedLine = prescribed[Int64(line.lineNumber)]
            let product = line.registrationNumber.isEmpty ? prescribedLine?.registrationNumber ?? "" : line.registrationNumber
            guard !product.isEmpty else { continue }
            let key = ProductCellKey(
                grain: ProductCellKey.dayGrain, day: day, province: province, registrationNumber: product,
                atc: prescribedLine?.atc ?? "")
            changes[key, default: ProductChange()].add(ProductChange(
                quantityDispensed: Int64(line.quantity), valueChargedVND: Int64(line.quantity) * line.unitPriceVND))
        }
        return changes.keys.sorted(by: ProductCellKey.precedes).map { ($0, changes[$0] ?? ProductChange()) }
    }

    /// Applies product changes live (the day cell, its province's month and the national month in one
    /// multi-row upsert), or hands them to the bulk load.
    func recordProducts(
        _ changes: [(key: ProductCellKey, change: ProductChange)], patient: [UInt8]?, on connection: SQLiteConnection
    ) throws {
        guard !changes.isEmpty else { return }
        let hash = patient.map(PatientSketch.hash)
        if let bulkLoad = self.bulkLoad {
            bulkLoad.addProducts(changes, patient: hash)
            return
        }
        let member: SQLiteValue = hash.map { .blob(PatientSketch.bytes(of: $0)) } ?? .blob([])
        var values: [SQLiteValue] = []
        values.reserveCapacity(changes.count * 27)
        for (key, change) in changes {
            for cell in key.rolledUp {
                values += Self.productValues(of: cell) + [
                    .integer(change.prescriptions), .integer(change.quantityDispensed), .integer(change.valueChargedVND),
                    member,
                ]
            }
        }
        try Self.run(Self.productUpsert(rows: changes.count * 3), values, on: connection)
    }

    static func productValues(of key: ProductCellKey) -> [SQLiteValue] {
        [.integer(key.grain), .integer(key.day), .text(key.province), .text(key.registrationNumber), .text(key.atc)]
    }

    static func productUpsert(rows: Int) -> String {
        """
        INSERT INTO stat_product_cells (grain, day, province, registration_number, atc, prescriptions,
            quantity_dispensed, value_charged_vnd, patients)
        VALUES \(Self.placeholders(rows: rows, columns: 9))
        ON CONFLICT (grain, day, province, registration_number, atc) DO UPDATE SET
            prescriptions = prescriptions + excluded.prescriptions,
            quantity_dispensed = quantity_dispensed + excluded.quantity_dispensed,
            value_charged_vnd = value_charged_vnd + excluded.value_charged_vnd, \(Self.exactSetUpdate)
        """
    }
}
