import RxTransport

/// Who may call `rx.v1.Drugs`.
extension AccessPolicy {
    static let drugsEntries: [Entry] = []
}
