import ArgumentParser
import RxWire

/// What one call of a run does.
enum Workload: String, CaseIterable, ExpressibleByArgument, Sendable {
    case health
    case lookup
    case product
    case interactions
    case mixed

    /// The method path and request bytes of call number `sequence`.
    func call(_ sequence: Int, fixtures: Fixtures) -> (path: String, request: [UInt8]) {
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
        case .interactions:
            let names = Fixtures.interactionDrafts[sequence % Fixtures.interactionDrafts.count]
            var request = CheckInteractionsRequest()
            request.items = names.map { name in
                var item = InteractionItem()
                item.item = .ingredient(name)
                return item
            }
            return ("/rx.v1.Drugs/CheckInteractions", request.serializedBytes())
        case .mixed:
            // 60 % lookups, 25 % products, 10 % health, 5 % interaction checks.
            let pick = (sequence &* 2_654_435_761) % 100
            let workload: Workload =
                pick < 60 && !fixtures.codes.isEmpty ? .lookup : pick < 85 ? .product : pick < 95 ? .health : .interactions
            return workload.call(sequence, fixtures: fixtures)
        }
    }
}
