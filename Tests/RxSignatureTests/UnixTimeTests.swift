import Testing

@testable import RxSignature

@Suite("Unix time spelling")
struct UnixTimeTests {
    @Test(
        "seconds spell as RFC 3339 UTC",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00Z"),
            (Int64(1_609_459_199), "2020-12-31T23:59:59Z"),
            (Int64(951_782_400), "2000-02-29T00:00:00Z"),
            (Int64(-1), "1969-12-31T23:59:59Z"),
            (Int64(4_102_444_800), "2100-01-01T00:00:00Z"),
        ])
    func spelling(seconds: Int64, expected: String) {
        #expect(UnixTime.rfc3339(seconds) == expected)
    }
}
