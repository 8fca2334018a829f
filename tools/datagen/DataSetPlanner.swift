import Foundation
import RxPrescriptions
import RxSignature
import RxWire

/// Draws the next synthetic prescription: when, where, by whom, for whom, what, and its fate.
struct DataSetPlanner {
    let model: NationalModel
    let now: Int64
    let days: Int
    let patients: Int
    let prescribers: Int
    let dayChoice: WeightedChoice
    let lineCounts = WeightedChoice([30, 30, 20, 12, 8])
    let bedFacilities: [Int]
    var controlledPatients = 0

    init(model: NationalModel, now: Int64, days: Int, patients: Int, prescribers: Int) {
        self.model = model
        self.now = now
        self.days = days
        self.patients = patients
        self.prescribers = prescribers
        // Weekly rhythm: weekdays full, Saturday 60 %, Sunday 25 %; day 0 is the oldest.
        let today = (now + 25_200) / 86_400
        self.dayChoice = WeightedChoice((0..<days).map { offset in
            let day = today - Int64(days - offset)
            switch (day + 3) % 7 {
            case 5: return 0.6
            case 6: return 0.25
            default: return 1
            }
        })
        self.bedFacilities = model.facilities.indices.filter { model.facilities[$0].hasBeds }
    }

    static func patientKey(_ citizenID: String) -> [UInt8] { SHA256.hash(Array("citizen:\(citizenID)".utf8)) }

    mutating func next(_ generator: inout SplitMix64) -> GeneratedPrescription {
        let today = (self.now + 25_200) / 86_400
        let day = today - Int64(self.days - self.dayChoice.draw(&generator))
        let issuedAt = day * 86_400 - 25_200 + Int64(7 * 3_600 + generator.below(10 * 3_600))
        let controlled = generator.chance(0.015)
        var prescriberIndex = generator.below(self.prescribers)
        if controlled, !self.bedFacilities.isEmpty {
            let facility = self.bedFacilities[generator.below(self.bedFacilities.count)]
            prescriberIndex = facility + self.model.facilities.count * generator.below(max(1, self.prescribers / self.model.facilities.count))
        } else {
            let facility = self.model.facilityChoice.draw(&generator)
            prescriberIndex = facility + self.model.facilities.count * generator.below(max(1, self.prescribers / self.model.facilities.count))
        }
        let facility = self.model.facilities[prescriberIndex % self.model.facilities.count]
        let patient: Int
        if controlled {
            patient = self.patients + self.controlledPatients
            self.controlledPatients += 1
        } else {
            patient = generator.below(self.patients)
        }
        let citizenID = String(format: "%012d", patient)
        var lines: [GeneratedPrescription.Line] = []
        if controlled {
            let product = self.model.controlledProducts[generator.below(self.model.controlledProducts.count)]
            lines.append(.init(product: product, quantity: UInt32(7 + generator.below(21)), days: 7))
        } else {
            var used: Set<String> = []
            for _ in 0...self.lineCounts.draw(&generator) {
                let product = self.model.ordinaryProducts[self.model.ordinaryChoice.draw(&generator)]
                guard used.insert(product.registrationNumber).inserted else { continue }
                lines.append(.init(product: product, quantity: UInt32(5 + generator.below(56)), days: UInt32(3 + generator.below(28))))
            }
        }
        var prescription = GeneratedPrescription(
            code: PrescriptionCode.generate(facilityCode: facility.code, type: controlled ? .narcotic : .ordinary, using: &generator).description,
            facility: facility.code, type: controlled ? .narcotic : .ordinary, issuedAt: issuedAt,
            patientKey: Self.patientKey(citizenID), patientName: "Bệnh nhân \(patient)", citizenID: citizenID,
            prescriber: "\(prescriberIndex)/\(facility.code.prefix(2))-CCHN", lines: lines,
            interactionAlerts: generator.chance(0.04) ? 1 : 0)
        self.decideFate(&prescription, controlled: controlled, &generator)
        return prescription
    }

    /// 72 % dispensed in one visit, 8 % in two, 5 % partly then expired, 3 % cancelled, 12 % never
    /// dispensed; events after now do not happen (recent prescriptions are still open).
    func decideFate(_ prescription: inout GeneratedPrescription, controlled: Bool, _ generator: inout SplitMix64) {
        let roll = generator.below(100)
        let pharmacy = self.model.pharmacies[generator.below(self.model.pharmacies.count)]
        let first = prescription.issuedAt + 600 + Int64(generator.below(36 * 3_600))
        let full = prescription.lines.enumerated().map { index, line in
            (UInt32(index + 1), line.quantity, self.substitute(line.product.registrationNumber, &generator))
        }
        switch controlled ? min(roll, 71) : roll {
        case 0..<72:
            prescription.dispenses = [.init(at: first, pharmacy: pharmacy, lines: full)]
        case 72..<85:
            let half = full.map { ($0.0, max(1, $0.1 / 2), $0.2) }
            prescription.dispenses = [.init(at: first, pharmacy: pharmacy, lines: half)]
            if roll < 80 {
                let rest = zip(full, half).compactMap { $0.1 - $1.1 > 0 ? ($0.0, $0.1 - $1.1, $0.2) : nil }
                let second = min(prescription.issuedAt + 4 * 86_400, first + 3_600 + Int64(generator.below(48 * 3_600)))
                if !rest.isEmpty { prescription.dispenses.append(.init(at: second, pharmacy: pharmacy, lines: rest)) }
            }
        case 85..<88:
            prescription.cancelledAt = prescription.issuedAt + 3_600 + Int64(generator.below(48 * 3_600))
        default:
            break
        }
        prescription.dispenses.removeAll { $0.at > self.now }
        if let cancelled = prescription.cancelledAt, cancelled > self.now { prescription.cancelledAt = nil }
    }

    /// One time in ten the pharmacy hands out another product (generic substitution).
    func substitute(_ registration: String, _ generator: inout SplitMix64) -> String {
        generator.chance(0.1) ? self.model.ordinaryProducts[self.model.ordinaryChoice.draw(&generator)].registrationNumber : registration
    }

    /// A planted doctor-shopper: four narcotic prescriptions 18 days apart within the last 80 days, from
    /// four prescribers at four facilities, filled at four pharmacies (7 days of supply: no overlap).
    func shopper(_ number: Int, _ generator: inout SplitMix64) -> [GeneratedPrescription] {
        let citizenID = String(format: "9%011d", number)
        return (0..<4).map { visit in
            let facility = self.bedFacilities.isEmpty ? (number * 4 + visit) % self.model.facilities.count
                : self.bedFacilities[(number * 4 + visit) % self.bedFacilities.count]
            let code = self.model.facilities[facility].code
            let issuedAt = self.now - Int64(80 - visit * 18) * 86_400
            let product = self.model.controlledProducts[generator.below(self.model.controlledProducts.count)]
            return GeneratedPrescription(
                code: PrescriptionCode.generate(facilityCode: code, type: .narcotic, using: &generator).description,
                facility: code, type: .narcotic, issuedAt: issuedAt, patientKey: Self.patientKey(citizenID),
                patientName: "Người mua thuốc \(number)", citizenID: citizenID,
                prescriber: "shopper-doctor-\(number)-\(visit)", lines: [.init(product: product, quantity: 14, days: 7)],
                dispenses: [.init(
                    at: issuedAt + 7_200, pharmacy: self.model.pharmacies[(number * 4 + visit) % self.model.pharmacies.count],
                    lines: [(1, 14, product.registrationNumber)])])
        }
    }
}
