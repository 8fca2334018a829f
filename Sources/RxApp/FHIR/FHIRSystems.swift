/// Identifier and code systems used in exported bundles: the VN Core IG's naming systems where it
/// defines them, HL7/UCUM/WHO ones otherwise.
enum FHIRSystems {
    static let vnCore = "http://fhir.hl7.org.vn/core"
    /// The national prescription code (QĐ 808), IG NamingSystem `vn-prescription-code-ns`.
    static let prescriptionCode = vnCore + "/NamingSystem/vn-prescription-code-ns"
    /// Facility code (mã cơ sở KCB), IG NamingSystem `vn-ma-cskcb-ns`.
    static let facilityCode = vnCore + "/NamingSystem/vn-ma-cskcb-ns"
    /// Health-insurance (BHYT) number, IG NamingSystem `vn-bhyt-ns`.
    static let healthInsurance = vnCore + "/NamingSystem/vn-bhyt-ns"
    /// Citizen ID (CCCD), IG NamingSystem `vn-cccd-ns`.
    static let citizenID = vnCore + "/NamingSystem/vn-cccd-ns"
    /// Practising certificate (CCHN) number, IG NamingSystem `vn-cchn-ns`.
    static let practisingCertificate = vnCore + "/NamingSystem/vn-cchn-ns"
    /// Registration number (số đăng ký) extension on Medication.
    static let registrationNumberExtension = vnCore + "/StructureDefinition/vn-ext-med-registration-number"
    static let atc = "http://www.whocc.no/atc"
    static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    static let ucum = "http://unitsofmeasure.org"
    /// Our own dispense identifiers.
    static let dispenseID = "urn:rx:dispense-id"
}
