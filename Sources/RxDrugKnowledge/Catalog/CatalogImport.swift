import Foundation

/// A validated import: the file's declarations merged into products with their price histories, and
/// every row that was refused.
///
/// Rows are checked one by one (``CatalogCSV``) and then against each other: two rows for the same
/// registration number must describe the same product, and two declarations for the same product and
/// date must agree. Identical repeated rows are accepted once.
public struct CatalogImport: Sendable {
    /// Products of the valid rows, sorted by registration number, each with its prices oldest first.
    public let products: [Product]
    /// Every refused row, by line.
    public let problems: [CatalogRowProblem]
    /// Rows read, header excluded.
    public let rowCount: Int

    /// Reads and validates the CSV file at `path`.
    public static func read(contentsOf path: String) throws(CatalogError) -> CatalogImport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CatalogError(.unreadableFile, "cannot read \(path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CatalogError(.unreadableFile, "\(path) is not UTF-8 text")
        }
        return try Self(csv: text)
    }

    /// Validates CSV text.
    public init(csv text: String) throws(CatalogError) {
        let (declarations, rowProblems) = try CatalogCSV.parse(text)
        var problems = rowProblems
        var products: [String: Product] = [:]
        var firstLine: [String: Int] = [:]
        var priceLine: [String: [CatalogDate: Int]] = [:]
        for declaration in declarations {
            let number = declaration.product.registrationNumber
            if var known = products[number] {
                if known.details != declaration.product {
                    let fields = Self.differences(known.details, declaration.product).joined(separator: ", ")
                    problems.append(CatalogRowProblem(
                        line: declaration.line,
                        reason: "\(number) is described differently on line \(firstLine[number] ?? 0) (\(fields))"))
                    continue
                }
                if let existing = known.prices.first(where: { $0.effectiveDate == declaration.price.effectiveDate }) {
                    if existing != declaration.price {
                        let line = priceLine[number]?[existing.effectiveDate] ?? 0
                        problems.append(CatalogRowProblem(
                            line: declaration.line,
                            reason: "\(number) has another price for \(existing.effectiveDate) on line \(line)"))
                    }
                    continue
                }
                known.prices.append(declaration.price)
                products[number] = known
            } else {
                var product = declaration.product
                product.prices = [declaration.price]
                products[number] = product
                firstLine[number] = declaration.line
            }
            priceLine[number, default: [:]][declaration.price.effectiveDate] = declaration.line
        }
        self.products = products.values.map { product in
            var sorted = product
            sorted.prices.sort { $0.effectiveDate < $1.effectiveDate }
            return sorted
        }.sorted { $0.registrationNumber < $1.registrationNumber }
        self.problems = problems.sorted { $0.line < $1.line }
        self.rowCount = declarations.count + rowProblems.count
    }

    /// Names of the product fields in which `a` and `b` differ, for the operator.
    static func differences(_ a: Product, _ b: Product) -> [String] {
        var names: [String] = []
        if a.brandName != b.brandName { names.append("ten_thuoc") }
        if a.ingredients != b.ingredients { names.append("hoat_chat/ham_luong") }
        if a.dosageForm != b.dosageForm { names.append("dang_bao_che") }
        if a.route != b.route { names.append("duong_dung") }
        if a.unit != b.unit { names.append("don_vi_tinh") }
        if a.packSize != b.packSize { names.append("quy_cach_dong_goi") }
        if a.atcCodes != b.atcCodes { names.append("atc") }
        if a.controlledClass != b.controlledClass { names.append("nhom_kiem_soat") }
        if a.prescriptionOnly != b.prescriptionOnly { names.append("ke_don") }
        if a.manufacturer != b.manufacturer { names.append("doanh_nghiep_san_xuat") }
        if a.country != b.country { names.append("nuoc_san_xuat") }
        return names
    }
}
