/// A problem in a prescription JSON file, located by its path inside the document
/// (e.g. `lines[1].quantity`), so the author can find and fix it.
struct PrescriptionJSONError: Error, CustomStringConvertible {
    /// Where in the document, as `key`, `key.sub` or `key[index].sub`; empty for the document itself.
    var path: String
    var problem: String

    var description: String {
        self.path.isEmpty ? "prescription JSON: \(self.problem)" : "prescription JSON, \(self.path): \(self.problem)"
    }
}
