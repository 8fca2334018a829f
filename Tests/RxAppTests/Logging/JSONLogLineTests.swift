import Foundation
import Logging
import RxApp
import Testing

@Suite("JSON log lines")
struct JSONLogLineTests {
    private func render(
        _ nanoseconds: Int64, _ message: String = "call", _ metadata: Logger.Metadata = [:]
    ) -> String {
        let line = JSONLogLine(unixNanoseconds: nanoseconds, level: .info, message: message, metadata: metadata)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    @Test("timestamps agree with Foundation's UTC calendar across leap days, century rules and microseconds")
    func timestamps() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let seconds: [Int64] = [0, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_399, 1_795_000_123, 86_399]
        for second in seconds {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(second)))
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.000042Z", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
            #expect(self.render(second * 1_000_000_000 + 42_000).hasPrefix("{\"ts\":\"\(expected)\""))
        }
    }

    @Test("a line is one JSON object that parses back with every field, keys sorted, ending in a newline")
    func roundTrip() throws {
        let text = self.render(
            1_795_000_123_000_000, "say \"hi\"\n\\ \u{01} Việt",
            ["z": "last", "port": .stringConvertible(50051), "facility": "79088", "list": ["a", "b"],
             "map": ["k": "v"], "code": .stringConvertible("00123"), "neg": .stringConvertible(-12),
             "ratio": .stringConvertible(1.5)])
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["msg"] as? String == "say \"hi\"\n\\ \u{01} Việt")
        #expect(object["level"] as? String == "info")
        #expect(object["port"] as? Int == 50051)
        #expect(object["facility"] as? String == "79088")
        #expect(object["code"] as? String == "00123")
        #expect(object["neg"] as? Int == -12)
        #expect(object["ratio"] as? String == "1.5")
        #expect(object["list"] as? [String] == ["a", "b"])
        #expect((object["map"] as? [String: String])?["k"] == "v")
        let order = ["code", "facility", "list", "map", "neg", "port", "ratio", "z"].compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(order.count == 8)
        #expect(order == order.sorted())
    }

    @Test("the logger's metadata joins the event's, the event's value winning for a shared key")
    func baseMetadata() throws {
        let line = JSONLogLine(
            unixNanoseconds: 0, level: .warning, message: "m", metadata: ["status": "OK", "peer": "event"],
            base: ["peer": "base", "facility": "79088"])
        let text = String(decoding: line.bytes, as: UTF8.self)
        #expect(text.hasSuffix(",\"facility\":\"79088\",\"peer\":\"event\",\"status\":\"OK\"}\n"))
    }
}
