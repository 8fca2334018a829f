import Testing
import RxSignature

@Suite("SHA-256")
struct SHA256Tests {
    @Test("empty input gives the FIPS 180-2 vector")
    func emptyInput() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("\"abc\" gives the FIPS 180-2 vector")
    func abc() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash(Array("abc".utf8)).count == 32)
    }

    @Test("a slice hashes like the array it was cut from")
    func slice() {
        let bytes = Array("xabcx".utf8)
        #expect(SHA256.hex(bytes[1..<4]) == SHA256.hex(Array("abc".utf8)))
    }
}
