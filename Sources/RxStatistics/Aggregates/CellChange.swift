/// What one event adds to one aggregate cell.
struct CellChange: Sendable, Equatable {
    var issued: Int64 = 0
    var dispensedFully: Int64 = 0
    var dispensedPartly: Int64 = 0
    var cancelled: Int64 = 0
    /// Prescriptions whose validity ends on the cell's day and that are still open (+1 at issue, −1 when
    /// completed, cancelled or replaced): summed over past days it is the expired count.
    var expiring: Int64 = 0
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
    /// Whether the change only books a future expiry: it files no patient (a patient counts where they
    /// have an event, and an expiry booked at issue may later be taken back).
    var isExpiryOnly: Bool {
        self.expiring != 0 && self.issued == 0 && self.dispensedFully == 0 && self.dispensedPartly == 0
            && self.cancelled == 0 && self.quantityPrescribed == 0 && self.quantityDispensed == 0
            && self.valueReferenceVND == 0 && self.valueChargedVND == 0
    }

    /// Adds another change's figures to this one.
    mutating func add(_ other: CellChange) {
        self.issued += other.issued
        self.dispensedFully += other.dispensedFully
        self.dispensedPartly += other.dispensedPartly
        self.cancelled += other.cancelled
        self.expiring += other.expiring
        self.quantityPrescribed += other.quantityPrescribed
        self.quantityDispensed += other.quantityDispensed
        self.valueReferenceVND += other.valueReferenceVND
        self.valueChargedVND += other.valueChargedVND
    }
}
