import ArgumentParser
import RxWire

/// `rxctl drugs get REGNO`: one product with its price history.
struct DrugsGet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show a product by registration number.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Registration number, e.g. VD-25123-18 or 893114458325.")
    var registrationNumber: String

    func run() throws {
        var request = GetProductRequest()
        request.registrationNumber = self.registrationNumber
        let response: GetProductResponse = try DrugsCall.unary("GetProduct", request, connection: self.connection)
        let product = response.product ?? DrugProduct()
        if self.connection.json {
            try DrugsCall.printJSON(DrugsCall.json(product))
            return
        }
        DrugsCall.printTable(["FIELD", "VALUE"], [
            ["registration number", product.registrationNumber], ["brand name", product.brandName],
            ["ingredients", DrugsCall.ingredients(product)], ["dosage form", product.dosageForm], ["route", product.route],
            ["unit", product.unit], ["pack", product.packSize], ["manufacturer", "\(product.manufacturer) (\(product.country))"],
            ["ATC", product.atcCodes.joined(separator: ", ")], ["control class", DrugsCall.controlClass(product.controlClass)],
            ["prescription only", product.prescriptionOnly ? "yes" : "no (OTC)"],
        ])
        print("")
        DrugsCall.printTable(["EFFECTIVE", "UNIT PRICE (VND)", "DECLARED BY"], product.prices.map {
            [DrugsCall.text($0.effectiveDate), DrugsCall.vnd($0.unitPriceVND), $0.declaringCompany]
        })
    }
}
