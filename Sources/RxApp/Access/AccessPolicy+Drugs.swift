import RxTransport

/// Who may call `rx.v1.Drugs`: every facility role reads the catalog (prescribers choose products,
/// pharmacies price and substitute, regulators audit); only regulators (operators) reload it. A
/// certificate without a role may not. `CheckInteractions` with a patient identifier reveals what
/// else the patient takes, so it needs a role like every other clinical read.
extension AccessPolicy {
    static let drugsEntries: [Entry] = [
        Entry(method: "/rx.v1.Drugs/GetProduct", access: .roles(Set(FacilityRole.allCases)),
              note: "product by registration number"),
        Entry(method: "/rx.v1.Drugs/SearchProducts", access: .roles(Set(FacilityRole.allCases)),
              note: "search by brand, ingredient, ATC prefix"),
        Entry(method: "/rx.v1.Drugs/GetPrice", access: .roles(Set(FacilityRole.allCases)),
              note: "declared unit price on a date"),
        Entry(method: "/rx.v1.Drugs/QuoteLines", access: .roles(Set(FacilityRole.allCases)),
              note: "price quote with cheapest equivalents"),
        Entry(method: "/rx.v1.Drugs/CheckInteractions", access: .roles(Set(FacilityRole.allCases)),
              note: "interaction and duplicate-therapy check of a draft"),
        Entry(method: "/rx.v1.Drugs/ReloadCatalog", access: .roles([.regulator]),
              note: "rebuild the catalog snapshot from the database"),
    ]
}
