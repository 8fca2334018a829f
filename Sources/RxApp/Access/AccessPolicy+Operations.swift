import RxTransport

/// Who may use the operations endpoints. Reflection reveals only the public schema (what is in
/// `Protos/`), so any facility holding a role may use it; a certificate without a role may not.
extension AccessPolicy {
    static let operationsEntries: [Entry] = [
        Entry(method: "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
              access: .roles(Set(FacilityRole.allCases)), note: "server reflection: services and .proto descriptors"),
        Entry(method: "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
              access: .roles(Set(FacilityRole.allCases)), note: "server reflection, deprecated v1alpha API"),
    ]

    /// `GET /metrics` (plain HTTP, so not in ``entries``): operators scrape with a regulator certificate.
    public static let metricsAccess = MethodAccess.roles([.regulator])
}
