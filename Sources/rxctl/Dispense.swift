import ArgumentParser
import Foundation
import RxWire

/// `rxctl dispense CODE --line 1=10 …`: a pharmacy records what it handed out.
struct Dispense: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record quantities handed out against a prescription (rx.v1.Prescriptions/Dispense).",
        discussion: "Run with a pharmacy certificate, e.g. --cert Certs/dev/pharmacy.crt --key Certs/dev/pharmacy.key.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Prescription code.")
    var code: String

    @Option(name: .customLong("line"), help: "LINE=QUANTITY handed out for a prescription line; repeatable.")
    var lines: [String] = []

    @Option(name: .customLong("substitute"), help: "LINE=REGISTRATION_NUMBER of the product actually handed out; repeatable.")
    var substitutes: [String] = []

    @Option(name: .customLong("price"), help: "LINE=VND unit price charged; repeatable.")
    var prices: [String] = []

    @Option(help: "Idempotency key; a retry with the same key returns the first answer. Default: a new random UUID.")
    var idempotencyKey: String?

    @Option(help: "The pharmacy's invoice number (mã hóa đơn).")
    var invoice: String?

    func validate() throws {
        _ = try self.request()
    }

    func run() throws {
        let request = try self.request()
        let response = try PrescriptionsClient(connection: self.connection).call(
            "Dispense", request, returning: DispensePrescriptionResponse.self)
        if self.connection.json {
            try PrescriptionOutput.printJSON([
                "code": response.code, "status": PrescriptionJSON.name(response.status),
                "dispense_id": response.dispenseID, "idempotency_key": request.idempotencyKey,
                "lines": response.lines.map(PrescriptionView.object(state:)),
            ])
            return
        }
        PrescriptionOutput.printFields([
            ("code", response.code), ("status", PrescriptionJSON.name(response.status)),
            ("dispense", response.dispenseID),
        ])
        print("")
        PrescriptionView.printLineStates(response.lines)
    }

    /// The request the flags describe; the idempotency key is drawn once per process.
    private func request() throws -> DispensePrescriptionRequest {
        let quantities = try Self.pairs(self.lines, flag: "--line") { UInt32($0).flatMap { $0 > 0 ? $0 : nil } }
        guard !quantities.isEmpty else { throw ValidationError("give at least one --line LINE=QUANTITY") }
        let substitutes = try Self.pairs(self.substitutes, flag: "--substitute") { $0.isEmpty ? nil : $0 }
        let prices = try Self.pairs(self.prices, flag: "--price") { Int64($0).flatMap { $0 >= 0 ? $0 : nil } }
        for line in Set(substitutes.keys).union(prices.keys) where quantities[line] == nil {
            throw ValidationError("line \(line) has --substitute or --price but no --line \(line)=QUANTITY")
        }
        var request = DispensePrescriptionRequest()
        request.code = self.code
        request.idempotencyKey = self.idempotencyKey ?? Self.generatedKey
        request.invoiceNumber = self.invoice ?? ""
        for (lineNumber, quantity) in quantities.sorted(by: { $0.key < $1.key }) {
            var line = DispensedLine()
            line.lineNumber = lineNumber
            line.quantity = quantity
            line.registrationNumber = substitutes[lineNumber] ?? ""
            line.unitPriceVND = prices[lineNumber] ?? 0
            request.lines.append(line)
        }
        return request
    }

    private static let generatedKey = UUID().uuidString.lowercased()

    /// Parses `LINE=VALUE` flags into a map by line number, refusing repeats and bad values.
    private static func pairs<Value>(_ flags: [String], flag: String, value parse: (String) -> Value?) throws
        -> [UInt32: Value]
    {
        var result: [UInt32: Value] = [:]
        for text in flags {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let line = UInt32(parts[0]), line > 0, let value = parse(parts[1]) else {
                throw ValidationError("\(flag) expects LINE=VALUE with a positive line number and a valid value, got \(text)")
            }
            guard result[line] == nil else { throw ValidationError("\(flag) given twice for line \(line)") }
            result[line] = value
        }
        return result
    }
}
