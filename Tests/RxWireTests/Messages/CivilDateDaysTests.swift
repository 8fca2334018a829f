import Foundation
import RxWire
import Testing

@Suite("CivilDate day numbers")
struct CivilDateDaysTests {
    @Test("known dates, leap days and century rules")
    func knownDates() {
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
        #expect(CivilDate(daysSinceEpoch: 11_016) == CivilDate(year: 2000, month: 2, day: 29))
        #expect(CivilDate(year: 2100, month: 3, day: 1).daysSinceEpoch - CivilDate(year: 2100, month: 2, day: 28).daysSinceEpoch == 1)
        #expect(CivilDate(year: 2026, month: 11, day: 23).daysSinceEpoch == 20_780)
    }

    @Test("day numbers and dates round-trip and agree with Foundation's UTC calendar from 1900 to 2200")
    func roundTripAgainstFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: Int64(-25_567), through: 84_000, by: 97) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(Int(date.year) == parts.year && Int(date.month) == parts.month && Int(date.day) == parts.day)
        }
    }
}
