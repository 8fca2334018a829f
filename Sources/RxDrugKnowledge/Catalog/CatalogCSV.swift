/// The documented import format (docs/drug-knowledge.md), modelled on the Drug Administration's public
/// price declarations: one row per declaration, so a product's price history is several rows.
public enum CatalogCSV {
    /// Every column the header must name (any order; unknown extra columns are ignored).
    public static let columns = [
        "so_dang_ky", "ten_thuoc", "hoat_chat", "ham_luong", "dang_bao_che", "duong_dung", "don_vi_tinh",
        "quy_cach_dong_goi", "atc", "nhom_kiem_soat", "ke_don", "doanh_nghiep_san_xuat", "nuoc_san_xuat",
        "don_vi_ke_khai", "gia_ban_buon_du_kien", "ngay_hieu_luc",
    ]

    /// The header line writers should use.
    public static var header: String { self.columns.joined(separator: ",") }

    /// The highest unit price accepted, 1 billion VND: anything above is a typo.
    static let maximumUnitPrice: Int64 = 1_000_000_000

    /// Splits and validates `text`; every bad row is reported, good rows are returned in file order.
    ///
    /// - Throws: `.badHeader` when the header is missing required columns; a file whose quoting is
    ///   broken is reported as one problem on the line where the broken record starts.
    public static func parse(_ text: String) throws(CatalogError) -> (declarations: [Declaration], problems: [CatalogRowProblem]) {
        let records: [CSVRecords.Record]
        do {
            records = try CSVRecords.parse(text)
        } catch {
            return ([], [CatalogRowProblem(line: error.line, reason: "unterminated quoted field")])
        }
        guard let header = records.first else {
            throw CatalogError(.badHeader, "the file is empty; expected the header \(self.header)")
        }
        var position: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            position[name.trimmingCharacters(in: .whitespaces).lowercased()] = index
        }
        let missing = self.columns.filter { position[$0] == nil }
        guard missing.isEmpty else {
            let problem = CatalogRowProblem(line: header.line, reason: "header lacks \(missing.joined(separator: ", "))")
            throw CatalogError(.badHeader, "bad header", problems: [problem])
        }
        var declarations: [Declaration] = []
        var problems: [CatalogRowProblem] = []
        for record in records.dropFirst() {
            var row = RowReader(record: record, position: position)
            if let declaration = row.declaration() {
                declarations.append(declaration)
            } else {
                problems.append(CatalogRowProblem(line: record.line, reason: row.reasons.joined(separator: "; ")))
            }
        }
        return (declarations, problems)
    }
}
