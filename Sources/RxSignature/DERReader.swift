/// A strict reader of DER: definite, minimally encoded lengths, single-byte tags, nothing read past the
/// end. The signature fast path uses it to find its way through a SignedData without OpenSSL decoding
/// the embedded certificates; any input it does not like is simply left to OpenSSL, so its only error
/// means "not the shape the fast path handles".
struct DERReader {
    struct Unhandled: Error {}

    /// One element: its tag, and where its whole encoding and its contents are in the input.
    struct Element {
        var tag: UInt8
        var encoding: Range<Int>
        var contents: Range<Int>
    }

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8]) {
        self.init(bytes, in: 0..<bytes.count)
    }

    init(_ bytes: [UInt8], in range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { self.position == self.end }

    /// The tag of the next element, if any.
    var nextTag: UInt8? { self.position < self.end ? self.bytes[self.position] : nil }

    /// Reads the next element, whatever its tag.
    mutating func read() throws(Unhandled) -> Element {
        let start = self.position
        guard start + 2 <= self.end else { throw Unhandled() }
        let tag = self.bytes[start]
        guard tag & 0x1F != 0x1F else { throw Unhandled() }
        var cursor = start + 1
        let first = Int(self.bytes[cursor])
        cursor += 1
        var length = 0
        if first < 0x80 {
            length = first
        } else {
            let count = first & 0x7F
            guard (1...3).contains(count), cursor + count <= self.end, self.bytes[cursor] != 0 else { throw Unhandled() }
            for _ in 0..<count {
                length = length << 8 | Int(self.bytes[cursor])
                cursor += 1
            }
            guard length >= 0x80 else { throw Unhandled() }
        }
        guard length <= self.end - cursor else { throw Unhandled() }
        self.position = cursor + length
        return Element(tag: tag, encoding: start..<self.position, contents: cursor..<self.position)
    }

    /// Reads the next element, which must carry `tag`.
    mutating func read(_ tag: UInt8) throws(Unhandled) -> Element {
        let element = try self.read()
        guard element.tag == tag else { throw Unhandled() }
        return element
    }

    /// A reader over the contents of `element`.
    func inside(_ element: Element) -> DERReader { DERReader(self.bytes, in: element.contents) }

    /// The bytes of `range`.
    func slice(_ range: Range<Int>) -> [UInt8] { Array(self.bytes[range]) }

    /// Whether the contents of `element` equal `expected`.
    func contents(of element: Element, equal expected: [UInt8]) -> Bool {
        self.bytes[element.contents].elementsEqual(expected)
    }
}
