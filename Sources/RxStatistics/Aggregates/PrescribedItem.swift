import RxPrescriptions

/// One ingredient of one prescription line, as the aggregates count it.
struct PrescribedItem: Sendable, Hashable {
    /// The (ingredient, ATC) pair a cell is keyed by.
    struct Pair: Sendable, Hashable, Comparable {
        var ingredient: String
        var atc: String

        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.ingredient, lhs.atc) < (rhs.ingredient, rhs.atc) }
    }

    var lineNumber: Int64
    var registrationNumber: String
    var pair: Pair
    var quantity: Int64
    var controlledClass: ControlledClass
    var daysOfSupply: Int64
}

/// Where a stored prescription's events are counted.
struct PrescriptionCoordinates: Sendable {
    /// The prescription's row id in `prescriptions`, which keys its statistics rows.
    var id: Int64
    var facilityCode: String
    var type: Int64
    var patient: [UInt8]?
    var validUntil: Int64
    var isOpen: Bool

    func key(day: Int64, pair: PrescribedItem.Pair?) -> CellKey {
        CellKey(day: day, facilityCode: self.facilityCode, type: self.type, ingredient: pair?.ingredient ?? "", atc: pair?.atc ?? "")
    }
}
