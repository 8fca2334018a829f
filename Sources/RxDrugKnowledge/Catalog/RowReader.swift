import Foundation

/// Validates one CSV record into a ``Declaration``, collecting every reason it is bad (not just the
/// first), so one pass over the file tells the operator everything to fix.
struct RowReader {
    let record: CSVRecords.Record
    let position: [String: Int]
    private(set) var reasons: [String] = []

    init(record: CSVRecords.Record, position: [String: Int]) {
        self.record = record
        self.position = position
    }

    mutating func declaration() -> Declaration? {
        let width = (self.position.values.max() ?? 0) + 1
        if self.record.fields.count < width {
            self.reasons.append("has \(self.record.fields.count) fields, the header has \(width)")
            return nil
        }
        let number = self.registrationNumber()
        let brand = self.required("ten_thuoc")
        let ingredients = self.ingredients()
        let form = self.required("dang_bao_che")
        let route = self.required("duong_dung")
        let unit = self.required("don_vi_tinh")
        let pack = self.value("quy_cach_dong_goi")
        let atc = self.atcCodes()
        let controlled = self.controlledClass()
        let prescriptionOnly = self.prescriptionOnly()
        let manufacturer = self.required("doanh_nghiep_san_xuat")
        let country = self.required("nuoc_san_xuat")
        let declarer = self.required("don_vi_ke_khai")
        let price = self.price()
        let date = self.date()
        guard self.reasons.isEmpty, let number, let brand, let ingredients, let form, let route, let unit, let atc,
            let controlled, let prescriptionOnly, let manufacturer, let country, let declarer, let price, let date
        else {
            return nil
        }
        let product = Product(
            registrationNumber: number, brandName: brand, ingredients: ingredients, dosageForm: form, route: route,
            unit: unit, packSize: pack, manufacturer: manufacturer, country: country, atcCodes: atc,
            controlledClass: controlled, prescriptionOnly: prescriptionOnly)
        return Declaration(
            line: self.record.line, product: product,
            price: DeclaredPrice(unitPriceVND: price, effectiveDate: date, declaringCompany: declarer))
    }

    private func value(_ column: String) -> String {
        guard let index = self.position[column], index < self.record.fields.count else {
            return ""
        }
        return self.record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private mutating func required(_ column: String) -> String? {
        let text = self.value(column)
        if text.isEmpty {
            self.reasons.append("\(column) is empty")
            return nil
        }
        return text
    }

    private mutating func registrationNumber() -> String? {
        guard let text = self.required("so_dang_ky") else {
            return nil
        }
        let number = text.uppercased()
        guard RegistrationNumber.isValid(number) else {
            self.reasons.append("so_dang_ky \"\(text)\" is not a registration number (VD-12345-18, VN-…, QLĐB-…, GC-…, QLSP-…, or 12 digits)")
            return nil
        }
        return number
    }

    private mutating func ingredients() -> [Ingredient]? {
        guard let names = self.required("hoat_chat"), let strengths = self.required("ham_luong") else {
            return nil
        }
        let inns = names.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let amounts = strengths.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard inns.count == amounts.count else {
            self.reasons.append("hoat_chat lists \(inns.count) ingredients but ham_luong \(amounts.count) strengths")
            return nil
        }
        guard !inns.contains(where: \.isEmpty), !amounts.contains(where: \.isEmpty) else {
            self.reasons.append("hoat_chat or ham_luong has an empty item")
            return nil
        }
        guard Set(inns).count == inns.count else {
            self.reasons.append("hoat_chat names an ingredient twice")
            return nil
        }
        return zip(inns, amounts).map { Ingredient(inn: $0, strength: $1) }
    }

    private mutating func atcCodes() -> [String]? {
        let text = self.value("atc")
        if text.isEmpty {
            return []
        }
        let codes = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let invalid = codes.filter { !ATCCode.isValid($0) }
        guard invalid.isEmpty else {
            self.reasons.append("atc \(invalid.map { "\"\($0)\"" }.joined(separator: ", ")) is not a 7-character ATC code")
            return nil
        }
        return codes
    }

    private mutating func controlledClass() -> ControlledClass? {
        let text = self.value("nhom_kiem_soat")
        guard let controlled = ControlledClass(csvValue: text) else {
            self.reasons.append("nhom_kiem_soat \"\(text)\" is not khong, gay_nghien, huong_than or tien_chat")
            return nil
        }
        return controlled
    }

    private mutating func prescriptionOnly() -> Bool? {
        let text = self.value("ke_don")
        switch SearchText.fold(text) {
        case "co", "rx", "1", "true": return true
        case "khong", "otc", "0", "false": return false
        default:
            self.reasons.append("ke_don \"\(text)\" is not co (prescription only) or khong (OTC)")
            return nil
        }
    }

    private mutating func price() -> Int64? {
        guard let text = self.required("gia_ban_buon_du_kien") else {
            return nil
        }
        guard text.allSatisfy(\.isASCII), let amount = Int64(text), amount > 0,
            amount <= CatalogCSV.maximumUnitPrice
        else {
            self.reasons.append("gia_ban_buon_du_kien \"\(text)\" is not a whole number of VND between 1 and \(CatalogCSV.maximumUnitPrice)")
            return nil
        }
        return amount
    }

    private mutating func date() -> CatalogDate? {
        guard let text = self.required("ngay_hieu_luc") else {
            return nil
        }
        guard let date = CatalogDate(parsing: text) else {
            self.reasons.append("ngay_hieu_luc \"\(text)\" is not a date (YYYY-MM-DD or DD/MM/YYYY)")
            return nil
        }
        return date
    }
}
