import RxTransport

/// Who may call `rx.v1.Prescriptions`.
extension AccessPolicy {
    static let prescriptionsEntries: [Entry] = []
}
