/// One valid CSV row: a product as declared and one price declaration for it.
public struct Declaration: Sendable, Hashable {
    /// 1-based line in the source file.
    public let line: Int
    /// The product's details; `prices` is empty.
    public let product: Product
    public let price: DeclaredPrice
}
