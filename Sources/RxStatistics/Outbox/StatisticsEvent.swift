import RxPrescriptions
import RxStore
import RxWire

/// A change to a prescription as the statistics outbox keeps it until ``StatisticsApplier`` folds it into
/// the aggregates: exactly what ``StatisticsRecorder`` reads from the prescriptions service's events.
///
/// Stored format (version 1): one version byte, then the kind and the fields in a fixed order (see
/// ``encoded()``). A new field means a new version; older records stay readable while their version is
/// still decoded here.
///
/// A submitted event keeps only what the recorder reads (``statisticsFacts(of:)``): the record is written
/// inside every Submit's transaction, and the full content (directions, addresses, diagnoses) would
/// double its size for nothing. A statistic that needs another field adds it there.
public enum StatisticsEvent: Sendable {
    case submitted(PrescriptionSubmitted)
    case dispensed(PrescriptionDispensed)
    case cancelled(code: String, at: Int64)
    case replaced(code: String, by: String, at: Int64)

    static let version: UInt8 = 1

    /// The record stored in `stat_outbox.event`.
    public func encoded() -> [UInt8] {
        var writer = OutboxRecordWriter()
        switch self {
        case .submitted(let event):
            writer.write(1)
            writer.write(event.code)
            let (content, products) = Self.statisticsFacts(of: event.validated)
            writer.write(content.serializedBytes())
            writer.write(products.count)
            for product in products { Self.write(product, to: &writer) }
            writer.write(event.validated.masksIdentity ? 1 : 0)
            writer.write(event.validated.validUntil)
            writer.write(event.patientKeys.count)
            for key in event.patientKeys { writer.write(key) }
            writer.write(event.prescriberCertificate)
            writer.write(event.interactionAlerts)
            writer.write(event.at)
        case .dispensed(let event):
            writer.write(2)
            writer.write(event.code)
            writer.write(event.pharmacyFacilityCode)
            writer.write(event.at)
            writer.write(event.lines.count)
            for line in event.lines { writer.write(line.serializedBytes()) }
            writer.write(event.previousStatus.rawValue)
            writer.write(event.newStatus.rawValue)
        case .cancelled(let code, let at):
            writer.write(3)
            writer.write(code)
            writer.write(at)
        case .replaced(let code, let replacement, let at):
            writer.write(4)
            writer.write(code)
            writer.write(replacement)
            writer.write(at)
        }
        return [Self.version] + writer.bytes
    }

    /// Reads a stored record back; every damage (short, trailing or unknown bytes, bad UTF-8 or protobuf)
    /// is a ``StatisticsEventError`` naming it.
    public init(decoding record: [UInt8]) throws(StatisticsEventError) {
        guard let version = record.first else { throw .malformed("empty record") }
        guard version == Self.version else { throw .unknownVersion(version) }
        var reader = OutboxRecordReader(Array(record.dropFirst()))
        let kind = try reader.readInt64()
        switch kind {
        case 1:
            let code = try reader.readString()
            let content = try Self.decode(Prescription.self, try reader.readBytes())
            var products: [ProductFacts] = []
            for _ in 0..<(try reader.readCount()) { products.append(try Self.readProduct(&reader)) }
            let masksIdentity = try reader.readInt64() != 0
            let validUntil = try reader.readInt64()
            var patientKeys: [[UInt8]] = []
            for _ in 0..<(try reader.readCount()) { patientKeys.append(try reader.readBytes()) }
            self = .submitted(PrescriptionSubmitted(
                code: code,
                validated: ValidatedPrescription(
                    content: content, products: products, masksIdentity: masksIdentity, validUntil: validUntil),
                patientKeys: patientKeys, prescriberCertificate: try reader.readString(),
                interactionAlerts: Int(try reader.readInt64()), at: try reader.readInt64()))
        case 2:
            let code = try reader.readString()
            let pharmacy = try reader.readString()
            let at = try reader.readInt64()
            var lines: [DispensedLine] = []
            for _ in 0..<(try reader.readCount()) { lines.append(try Self.decode(DispensedLine.self, try reader.readBytes())) }
            self = .dispensed(PrescriptionDispensed(
                code: code, pharmacyFacilityCode: pharmacy, at: at, lines: lines,
                previousStatus: try Self.status(try reader.readString()), newStatus: try Self.status(try reader.readString())))
        case 3:
            self = .cancelled(code: try reader.readString(), at: try reader.readInt64())
        case 4:
            self = .replaced(code: try reader.readString(), by: try reader.readString(), at: try reader.readInt64())
        default:
            throw .unknownKind(kind)
        }
        guard reader.isAtEnd else { throw .malformed("trailing bytes after the event") }
    }

    /// Folds the event into the aggregates, as the recorder would have inside the original write.
    func apply(with recorder: StatisticsRecorder, on connection: SQLiteConnection) throws {
        switch self {
        case .submitted(let event): try recorder.submitted(event, on: connection)
        case .dispensed(let event): try recorder.dispensed(event, on: connection)
        case .cancelled(let code, let at): try recorder.cancelled(code: code, at: at, on: connection)
        case .replaced(let code, let replacement, let at): try recorder.replaced(code: code, by: replacement, at: at, on: connection)
        }
    }

    /// The content and catalog facts the recorder reads: facility, type, issue time, the patient's name
    /// (controlled-substance alerts name the patient), the number of interaction overrides, and per line
    /// its number, product, quantity, days of supply and ingredient names; per product its ingredient
    /// names, first ATC code and controlled class.
    static func statisticsFacts(of validated: ValidatedPrescription) -> (Prescription, [ProductFacts]) {
        let source = validated.content
        var content = Prescription()
        content.facilityCode = source.facilityCode
        content.type = source.type
        content.issuedAtUnixSeconds = source.issuedAtUnixSeconds
        if let name = source.patient?.fullName {
            var patient = Patient()
            patient.fullName = name
            content.patient = patient
        }
        content.interactionOverrides = source.interactionOverrides.map { _ in InteractionOverride() }
        content.lines = source.lines.map { line in
            var kept = DrugLine()
            kept.lineNumber = line.lineNumber
            kept.registrationNumber = line.registrationNumber
            kept.quantity = line.quantity
            kept.daysOfSupply = line.daysOfSupply
            kept.activeIngredients = line.activeIngredients.map { DrugLine.ActiveIngredient(inn: $0.inn, strength: "") }
            return kept
        }
        let products = validated.products.map { product in
            ProductFacts(
                registrationNumber: product.registrationNumber,
                ingredients: product.ingredients.map { ProductFacts.Ingredient(inn: $0.inn, strength: "") }, dosageForm: "",
                route: "", controlledClass: product.controlledClass, atcCodes: Array(product.atcCodes.prefix(1)))
        }
        return (content, products)
    }

    private static func write(_ product: ProductFacts, to writer: inout OutboxRecordWriter) {
        writer.write(product.registrationNumber)
        writer.write(product.ingredients.count)
        for ingredient in product.ingredients {
            writer.write(ingredient.inn)
            writer.write(ingredient.strength)
        }
        writer.write(product.dosageForm)
        writer.write(product.route)
        writer.write(product.controlledClass.rawValue)
        writer.write(product.prescriptionOnly ? 1 : 0)
        writer.write(product.atcCodes)
    }

    private static func readProduct(_ reader: inout OutboxRecordReader) throws(StatisticsEventError) -> ProductFacts {
        let registrationNumber = try reader.readString()
        var ingredients: [ProductFacts.Ingredient] = []
        for _ in 0..<(try reader.readCount()) {
            ingredients.append(ProductFacts.Ingredient(inn: try reader.readString(), strength: try reader.readString()))
        }
        let dosageForm = try reader.readString()
        let route = try reader.readString()
        let controlled = try reader.readString()
        guard let controlledClass = ControlledClass(rawValue: controlled) else {
            throw .malformed("unknown controlled class \"\(controlled)\"")
        }
        return ProductFacts(
            registrationNumber: registrationNumber, ingredients: ingredients, dosageForm: dosageForm, route: route,
            controlledClass: controlledClass, prescriptionOnly: try reader.readInt64() != 0, atcCodes: try reader.readStrings())
    }

    private static func status(_ raw: String) throws(StatisticsEventError) -> StoredStatus {
        guard let status = StoredStatus(rawValue: raw) else { throw .malformed("unknown status \"\(raw)\"") }
        return status
    }

    private static func decode<Message: ProtoMessage>(_ type: Message.Type, _ bytes: [UInt8]) throws(StatisticsEventError)
        -> Message
    {
        do {
            return try Message(serializedBytes: bytes)
        } catch {
            throw .malformed("\(Message.self): \(error)")
        }
    }
}
