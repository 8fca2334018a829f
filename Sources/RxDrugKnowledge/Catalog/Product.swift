/// A registered drug product with its declared price history: what a prescription line names by its
/// registration number and what a pharmacy may substitute.
public struct Product: Sendable, Hashable {
    /// "VD-25123-18", "VN-…", "QLĐB-…", "GC-…", "QLSP-…", or 12 digits; stored uppercase.
    public var registrationNumber: String
    public var brandName: String
    /// In declaration order.
    public var ingredients: [Ingredient]
    /// e.g. "viên nén bao phim".
    public var dosageForm: String
    /// e.g. "uống".
    public var route: String
    /// Dispensing unit (đơn vị tính) prices are declared per, e.g. "viên".
    public var unit: String
    /// Packing (quy cách đóng gói), e.g. "Hộp 10 vỉ x 10 viên".
    public var packSize: String
    public var manufacturer: String
    public var country: String
    /// WHO ATC codes, 7 characters each.
    public var atcCodes: [String]
    public var controlledClass: ControlledClass
    public var prescriptionOnly: Bool
    /// Oldest first, at most one per effective date.
    public var prices: [DeclaredPrice]

    public init(
        registrationNumber: String, brandName: String, ingredients: [Ingredient], dosageForm: String,
        route: String, unit: String, packSize: String, manufacturer: String, country: String,
        atcCodes: [String], controlledClass: ControlledClass, prescriptionOnly: Bool, prices: [DeclaredPrice] = []
    ) {
        self.registrationNumber = registrationNumber
        self.brandName = brandName
        self.ingredients = ingredients
        self.dosageForm = dosageForm
        self.route = route
        self.unit = unit
        self.packSize = packSize
        self.manufacturer = manufacturer
        self.country = country
        self.atcCodes = atcCodes
        self.controlledClass = controlledClass
        self.prescriptionOnly = prescriptionOnly
        self.prices = prices
    }

    /// The declaration in effect on `date`: the latest one whose effective date is not after it; nil
    /// before the first declaration.
    public func price(on date: CatalogDate) -> DeclaredPrice? {
        self.prices.last { $0.effectiveDate <= date }
    }

    /// The same product without its prices: what a CSV row declares about the product itself.
    var details: Product {
        var copy = self
        copy.prices = []
        return copy
    }

    /// What two products must share to be interchangeable: the same ingredients at the same strengths,
    /// the same dosage form and the same route (GPP substitution rule, plus the form).
    public var equivalenceKey: EquivalenceKey {
        EquivalenceKey(
            ingredients: self.ingredients.map { "\($0.inn)|\($0.normalizedStrength)" }.sorted(),
            dosageForm: SearchText.fold(self.dosageForm),
            route: SearchText.fold(self.route))
    }

    /// See ``Product/equivalenceKey``.
    public struct EquivalenceKey: Sendable, Hashable {
        public let ingredients: [String]
        public let dosageForm: String
        public let route: String
    }
}
