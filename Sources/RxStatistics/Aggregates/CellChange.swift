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
