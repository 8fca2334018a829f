/// Drug-interaction and duplicate-therapy screening of a new prescription against itself and the
/// patient's other active prescriptions.
///
/// The application adapts the drug-knowledge module's checker to this protocol.
public protocol InteractionScreening: Sendable {
    /// Screens `new` (the lines being submitted) together with `active` (lines of the same patient's
    /// other active prescriptions, each carrying its code).
    ///
    /// - Parameter overrides: ingredient pairs the prescriber acknowledged in the signed content; a
    ///   blocking finding on such a pair must be reported as an alert only, and every finding an
    ///   override covers is listed in `ScreeningResult.acknowledged` with the pair as given here.
    func screen(
        new: [ScreenedLine], active: [ScreenedLine], overrides: [(ingredientA: String, ingredientB: String)]
    ) -> ScreeningResult
}

/// Screening that finds nothing: for deployments without an interaction knowledge base loaded.
public struct NoInteractionScreening: InteractionScreening {
    public init() {}

    public func screen(
        new: [ScreenedLine], active: [ScreenedLine], overrides: [(ingredientA: String, ingredientB: String)]
    ) -> ScreeningResult {
        ScreeningResult()
    }
}
