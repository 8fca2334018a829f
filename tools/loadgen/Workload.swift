import ArgumentParser
import Foundation
import RxWire

/// What one call of a run does.
enum Workload: String, CaseIterable, ExpressibleByArgument, Sendable {
    case health
    case lookup
    case product
    case submit
    case dispense
    case contention = "dispense-contention"
    case interactions
    case stats
    case mixed

    /// The development certificate (in `--certs`) whose role the workload's method requires.
    var certificateName: String {
        switch self {
        case .submit: "hospital-prescriber"
        case .stats: "regulator"
        default: "pharmacy"
        }
    }

    /// Whether the run changes prescription state that `DispenseCheck` verifies afterwards.
    var dispenses: Bool { self == .dispense || self == .contention }

    /// The method path and request bytes of call number `sequence`, or `nil` when the pre-built pool
    /// (signed prescriptions, quantities left to dispense) is used up.
    func call(_ sequence: Int, fixtures: Fixtures) -> (path: String, request: [UInt8])? {
        switch self {
        case .health:
            return ("/grpc.health.v1.Health/Check", HealthCheckRequest().serializedBytes())
        case .lookup:
            var request = GetPrescriptionRequest()
            request.code = fixtures.codes[sequence % fixtures.codes.count]
            return ("/rx.v1.Prescriptions/Get", request.serializedBytes())
        case .product:
            var request = GetProductRequest()
            request.registrationNumber = fixtures.registrationNumbers[sequence % fixtures.registrationNumbers.count]
            return ("/rx.v1.Drugs/GetProduct", request.serializedBytes())
        case .submit:
            let index = fixtures.submitCursor.take()
            guard index < fixtures.submitPool.count else { return nil }
            return ("/rx.v1.Prescriptions/Submit", fixtures.submitPool[index])
        case .dispense:
            // Slot k takes one unit of prescription k mod n: the calls in flight at one moment touch
            // different prescriptions, so this measures dispensing without contention.
            let slot = fixtures.dispenseCursor.take()
            let codes = fixtures.dispenseCodes
            guard !codes.isEmpty, slot < codes.count * Fixtures.dispenseQuantity else { return nil }
            return Self.dispenseOne(code: codes[slot % codes.count], key: "\(fixtures.runTag)-d\(slot)")
        case .contention:
            // Every stream works on the same prescription at once: twice its quantity is asked for, one
            // unit at a time, so about half the calls must be refused with FAILED_PRECONDITION.
            let slot = fixtures.contentionCursor.take()
            let codes = fixtures.contentionCodes
            let attemptsEach = 2 * Fixtures.dispenseQuantity
            guard !codes.isEmpty, slot < codes.count * attemptsEach else { return nil }
            return Self.dispenseOne(code: codes[slot / attemptsEach], key: "\(fixtures.runTag)-c\(slot)")
        case .interactions:
            let names = Fixtures.interactionDrafts[sequence % Fixtures.interactionDrafts.count]
            var request = CheckInteractionsRequest()
            request.items = names.map { name in
                var item = InteractionItem()
                item.item = .ingredient(name)
                return item
            }
            return ("/rx.v1.Drugs/CheckInteractions", request.serializedBytes())
        case .stats:
            var request = StatisticsTopNRequest()
            request.fromUnixSeconds = fixtures.statisticsFrom
            request.toUnixSeconds = fixtures.statisticsTo
            request.measure = sequence % 2 == 0 ? .prescriptions : .value
            request.limit = 20
            return ("/rx.v1.Statistics/TopN", request.serializedBytes())
        case .mixed:
            // A mix is split into one stream per component before the run (see `WorkloadMix`).
            return nil
        }
    }

    private static func dispenseOne(code: String, key: String) -> (path: String, request: [UInt8]) {
        var request = DispensePrescriptionRequest()
        request.code = code
        request.idempotencyKey = key
        var line = DispensedLine()
        line.lineNumber = 1
        line.quantity = 1
        request.lines = [line]
        return ("/rx.v1.Prescriptions/Dispense", request.serializedBytes())
    }
}
