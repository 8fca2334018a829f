import ArgumentParser
import RxWire

/// `rxctl drugs price REGNO [--date D]`: the declared unit price in effect on a date.
struct DrugsPrice: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "price", abstract: "Show the declared unit price on a date.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Registration number.")
    var registrationNumber: String

    @Option(help: "Date as YYYY-MM-DD (default: today in Vietnam).")
    var date: String?

    func validate() throws {
        if let date, DrugsCall.date(date) == nil { throw ValidationError("--date must be YYYY-MM-DD") }
    }

    func run() throws {
        var request = GetPriceRequest()
        request.registrationNumber = self.registrationNumber
        request.date = self.date.flatMap(DrugsCall.date)
        let response: GetPriceResponse = try DrugsCall.unary("GetPrice", request, connection: self.connection)
        let price = response.price ?? DrugPrice()
        if self.connection.json {
            try DrugsCall.printJSON([
                "registration_number": response.registrationNumber, "date": DrugsCall.text(response.date),
                "unit_price_vnd": price.unitPriceVND, "effective_date": DrugsCall.text(price.effectiveDate),
                "declaring_company": price.declaringCompany,
            ])
            return
        }
        DrugsCall.printTable(["REGISTRATION", "ON", "UNIT PRICE (VND)", "SINCE", "DECLARED BY"], [[
            response.registrationNumber, DrugsCall.text(response.date), DrugsCall.vnd(price.unitPriceVND),
            DrugsCall.text(price.effectiveDate), price.declaringCompany,
        ]])
    }
}
