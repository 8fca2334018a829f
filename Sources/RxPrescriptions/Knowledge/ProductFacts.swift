/// What the prescription rules need to know about one registered product.
public struct ProductFacts: Sendable, Hashable {
    /// One active ingredient as registered.
    public struct Ingredient: Sendable, Hashable {
        /// International non-proprietary name, e.g. "Amoxicillin".
        public var inn: String
        /// e.g. "500 mg".
        public var strength: String

        public init(inn: String, strength: String) {
            self.inn = inn
            self.strength = strength
        }
    }

    public var registrationNumber: String
    public var ingredients: [Ingredient]
    public var dosageForm: String
    public var route: String
    public var controlledClass: ControlledClass
    public var prescriptionOnly: Bool
    public var atcCodes: [String]

    public init(
        registrationNumber: String, ingredients: [Ingredient], dosageForm: String, route: String,
        controlledClass: ControlledClass = .none, prescriptionOnly: Bool = true, atcCodes: [String] = []
    ) {
        self.registrationNumber = registrationNumber
        self.ingredients = ingredients
        self.dosageForm = dosageForm
        self.route = route
        self.controlledClass = controlledClass
        self.prescriptionOnly = prescriptionOnly
        self.atcCodes = atcCodes
    }
}
