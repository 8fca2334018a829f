import Foundation
import RxTransport
import RxWire

/// Shared plumbing of the `rxctl drugs` subcommands: one unary call and the two output styles.
enum DrugsCall {
    /// Calls `/rx.v1.Drugs/<method>` and decodes the answer, or throws a `CommandFailure`.
    static func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, connection: ConnectionOptions
    ) throws -> Response {
        let client = try connection.connect()
        defer { client.close() }
        let result = try client.unary(
            path: "/rx.v1.Drugs/\(method)", request: request.serializedBytes(), timeout: connection.grpcTimeout)
        guard result.status.isOK else {
            throw CommandFailure(status: result.status)
        }
        guard let bytes = result.messages.first else {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "empty response"))
        }
        do {
            return try Response(serializedBytes: bytes)
        } catch {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "undecodable response: \(error)"))
        }
    }

    /// Parses `YYYY-MM-DD`.
    static func date(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-").compactMap { Int32($0) }
        guard parts.count == 3 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static func text(_ date: CivilDate?) -> String {
        guard let date else { return "" }
        return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    }

    /// VND with thousands separators, as Vietnamese invoices print them ("1.250.000").
    static func vnd(_ amount: Int64) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return (amount < 0 ? "-" : "") + grouped
    }

    static func controlClass(_ value: DrugControlClass) -> String {
        switch value {
        case .none: return "none"
        case .narcotic: return "narcotic"
        case .psychotropic: return "psychotropic"
        case .precursor: return "precursor"
        default: return "unspecified"
        }
    }

    static func ingredients(_ product: DrugProduct) -> String {
        product.ingredients.map { "\($0.inn) \($0.strength)" }.joined(separator: " + ")
    }

    /// A JSON object of a product, for `--json`.
    static func json(_ product: DrugProduct) -> [String: Any] {
        [
            "registration_number": product.registrationNumber, "brand_name": product.brandName,
            "ingredients": product.ingredients.map { ["inn": $0.inn, "strength": $0.strength] },
            "dosage_form": product.dosageForm, "route": product.route, "unit": product.unit,
            "pack_size": product.packSize, "manufacturer": product.manufacturer, "country": product.country,
            "atc_codes": product.atcCodes, "control_class": self.controlClass(product.controlClass),
            "prescription_only": product.prescriptionOnly,
            "prices": product.prices.map {
                ["unit_price_vnd": $0.unitPriceVND, "effective_date": self.text($0.effectiveDate),
                 "declaring_company": $0.declaringCompany] as [String: Any]
            },
        ]
    }

    static func printJSON(_ object: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Left-aligned columns separated by two spaces.
    static func printTable(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  "))
        }
    }
}
