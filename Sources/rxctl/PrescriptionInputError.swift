/// A local problem before anything is sent: an unreadable or invalid prescription file, or a signing
/// failure. Printed as its message; exit code 1.
struct PrescriptionInputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
