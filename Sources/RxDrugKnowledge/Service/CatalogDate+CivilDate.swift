import RxTransport
import RxWire

extension CatalogDate {
    /// The date a request asks about: today in Vietnam when absent, else the given day.
    ///
    /// - Throws: `INVALID_ARGUMENT` naming `field` for a day that does not exist.
    static func from(_ date: CivilDate?, field: String) throws(RPCError) -> CatalogDate {
        guard let date else {
            return .today()
        }
        guard let parsed = CatalogDate(year: Int(date.year), month: Int(date.month), day: Int(date.day)) else {
            throw RPCError(.invalidArgument, "\(field) \(date.year)-\(date.month)-\(date.day) is not a calendar date")
        }
        return parsed
    }
}
