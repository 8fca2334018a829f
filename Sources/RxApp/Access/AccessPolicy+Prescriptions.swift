import RxTransport

/// Who may call `rx.v1.Prescriptions`. The handlers narrow further: Get by a prescriber only for its own
/// prescriptions; Cancel and Replace only by the issuing facility;
/// ExportFhir only by the issuing facility, a pharmacy that dispensed it, or a regulator.
extension AccessPolicy {
    static let prescriptionsEntries: [Entry] = [
        Entry(method: "/rx.v1.Prescriptions/Submit", access: .roles([.prescriber]),
              note: "signed by a doctor of the calling facility"),
        Entry(method: "/rx.v1.Prescriptions/Get", access: .roles([.prescriber, .pharmacy, .regulator]),
              note: "prescribers: own facility's prescriptions only"),
        Entry(method: "/rx.v1.Prescriptions/Dispense", access: .roles([.pharmacy]), note: "never beyond the prescribed quantity"),
        Entry(method: "/rx.v1.Prescriptions/Cancel", access: .roles([.prescriber]), note: "issuing facility only"),
        Entry(method: "/rx.v1.Prescriptions/Replace", access: .roles([.prescriber]),
              note: "issuing facility only, before any dispense"),
        Entry(method: "/rx.v1.Prescriptions/AuditVerify", access: .roles([.regulator]), note: "checks the audit hash chain"),
        Entry(method: "/rx.v1.Prescriptions/ExportFhir", access: .roles([.prescriber, .pharmacy, .regulator]),
              note: "issuing facility, pharmacies that dispensed it, regulators"),
    ]
}
