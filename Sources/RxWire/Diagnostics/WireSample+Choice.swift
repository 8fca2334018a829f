extension WireSample {
    /// The `choice` oneof of `rx.v1.WireSample`.
    public enum Choice: Sendable, Equatable {
        case choiceText(String)
        case choiceNumber(Int64)
        case choiceNested(Nested)
    }
}
