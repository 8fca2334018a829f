import ArgumentParser
import RxWire

/// `rxctl drugs quote REGNO=QTY …`: prices lines beside their cheapest equivalents.
struct DrugsQuote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote", abstract: "Quote lines at declared prices with the cheapest equivalents.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Lines as REGNO=QUANTITY, e.g. VD-25123-18=20.")
    var lines: [String]

    @Option(help: "Date as YYYY-MM-DD (default: today in Vietnam).")
    var date: String?

    func validate() throws {
        guard !self.lines.isEmpty else { throw ValidationError("give at least one REGNO=QUANTITY") }
        for line in self.lines where Self.parse(line) == nil {
            throw ValidationError("\"\(line)\" is not REGNO=QUANTITY")
        }
        if let date, DrugsCall.date(date) == nil { throw ValidationError("--date must be YYYY-MM-DD") }
    }

    static func parse(_ line: String) -> QuoteLine? {
        guard let equals = line.lastIndex(of: "="), let quantity = UInt32(line[line.index(after: equals)...]) else {
            return nil
        }
        return QuoteLine(registrationNumber: String(line[..<equals]), quantity: quantity)
    }

    func run() throws {
        var request = QuoteLinesRequest()
        request.lines = self.lines.compactMap(Self.parse)
        request.date = self.date.flatMap(DrugsCall.date)
        let response: QuoteLinesResponse = try DrugsCall.unary("QuoteLines", request, connection: self.connection)
        if self.connection.json {
            try DrugsCall.printJSON([
                "date": DrugsCall.text(response.date), "total_vnd": response.totalVND,
                "cheapest_total_vnd": response.cheapestTotalVND, "saving_vnd": response.savingVND,
                "lines": response.lines.map { line -> [String: Any] in
                    ["registration_number": line.registrationNumber, "brand_name": line.brandName,
                     "quantity": line.quantity, "unit_price_vnd": line.unitPriceVND, "line_total_vnd": line.lineTotalVND,
                     "cheapest_registration_number": line.cheapestRegistrationNumber,
                     "cheapest_brand_name": line.cheapestBrandName, "cheapest_unit_price_vnd": line.cheapestUnitPriceVND,
                     "cheapest_line_total_vnd": line.cheapestLineTotalVND]
                },
            ])
            return
        }
        DrugsCall.printTable(["REGISTRATION", "BRAND", "QTY", "UNIT", "TOTAL", "CHEAPEST EQUIVALENT", "UNIT", "TOTAL"],
            response.lines.map { line in
                [line.registrationNumber, line.brandName, "\(line.quantity)", DrugsCall.vnd(line.unitPriceVND),
                 DrugsCall.vnd(line.lineTotalVND), "\(line.cheapestRegistrationNumber) \(line.cheapestBrandName)",
                 DrugsCall.vnd(line.cheapestUnitPriceVND), DrugsCall.vnd(line.cheapestLineTotalVND)]
            })
        print("total \(DrugsCall.vnd(response.totalVND)) VND; cheapest equivalents \(DrugsCall.vnd(response.cheapestTotalVND)) VND; "
            + "saving \(DrugsCall.vnd(response.savingVND)) VND (prices on \(DrugsCall.text(response.date)))")
    }
}
