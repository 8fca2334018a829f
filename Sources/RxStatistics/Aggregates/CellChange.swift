/// What one event adds to one aggregate cell.
struct CellChange: Sendable, Equatable {
    var issued: Int64 = 0
    var dispensedFully: Int64 = 0
    var dispensedPartly: Int64 = 0
    var cancelled: Int64 = 0
    var quantityPrescribed: Int64 = 0
    var quantityDispensed: Int64 = 0
    var valueReferenceVND: Int64 = 0
    var valueChargedVND: Int64 = 0
}

/// The key of an aggregate cell; ingredient and ATC are empty on the per-prescription row.
struct CellKey: Sendable, Hashable {
    var day: Int64
    var facilityCode: String
    var type: Int64
    var ingredient: String
    var atc: String

    /// Provinces are the first two digits of the facility code (the province code of the facility
    /// register).
    var province: String { String(self.facilityCode.prefix(2)) }
}

extension CellChange {
    /// Adds another change's figures to this one.
    mutating func add(_ other: CellChange) {
        self.issued += other.issued
        self.dispensedFully += other.dispensedFully
        self.dispensedPartly += other.dispensedPartly
        self.cancelled += other.cancelled
        self.quantityPrescribed += other.quantityPrescribed
        self.quantityDispensed += other.quantityDispensed
        self.valueReferenceVND += other.valueReferenceVND
        self.valueChargedVND += other.valueChargedVND
    }
}
