import RxPrescriptions
import RxWire

/// One synthetic prescription and everything that happens to it.
struct GeneratedPrescription {
    struct Line {
        var product: ProductFacts
        var quantity: UInt32
        var days: UInt32
    }

    struct Dispense {
        var at: Int64
        var pharmacy: String
        /// (line number, quantity, product handed out)
        var lines: [(UInt32, UInt32, String)]
    }

    var code: String
    var facility: String
    var type: PrescriptionType
    var issuedAt: Int64
    var patientKey: [UInt8]
    var patientName: String
    var citizenID: String
    var prescriber: String
    var lines: [Line]
    var dispenses: [Dispense] = []
    var cancelledAt: Int64?
    var interactionAlerts = 0
}
