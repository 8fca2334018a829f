/// Why a run could not be prepared or checked (a failed pre-submit, an unreadable file, a wrong total).
struct FixtureError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
