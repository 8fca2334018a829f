import RxTransport
import RxWire

/// After a dispense run, reads every prescription back and checks what the server committed: no line
/// dispensed beyond its prescribed quantity, and exactly one unit dispensed per call answered OK
/// (warm-up included) — neither lost nor doubled dispenses.
struct DispenseCheck: Sendable, CustomStringConvertible {
    let workload: Workload
    let prescriptions: Int
    let okCalls: Int
    let refusedCalls: Int
    let unitsDispensed: Int
    let overDispensedLines: Int

    var passed: Bool { self.overDispensedLines == 0 && self.unitsDispensed == self.okCalls }

    var description: String {
        "\(self.workload.rawValue) check: \(self.okCalls) OK, \(self.refusedCalls) FAILED_PRECONDITION over the run; "
            + "\(self.unitsDispensed) units dispensed on \(self.prescriptions) prescriptions; "
            + "\(self.overDispensedLines) lines over-dispensed → " + (self.passed ? "consistent" : "INCONSISTENT")
    }

    static func run(
        workload: Workload, codes: [String], statusesAnyTime: [String: Int], host: String, port: Int, tls: TLSContext
    ) throws -> DispenseCheck {
        let client = try GRPCClientConnection(host: host, port: port, tls: tls)
        defer { client.close() }
        var units = 0
        var overDispensed = 0
        var start = 0
        while start < codes.count {
            let batch = codes[start..<min(codes.count, start + 64)]
            var pending: [Int32] = []
            for code in batch {
                var request = GetPrescriptionRequest()
                request.code = code
                pending.append(try client.start(path: "/rx.v1.Prescriptions/Get", request: request.serializedBytes()))
            }
            for result in try client.wait(for: pending) {
                guard result.status.isOK, let bytes = result.messages.first else {
                    throw FixtureError("Get after the run failed: \(result.status)")
                }
                for line in try GetPrescriptionResponse(serializedBytes: bytes).lines {
                    units += Int(line.dispensedQuantity)
                    if line.dispensedQuantity > line.prescribedQuantity { overDispensed += 1 }
                }
            }
            start += batch.count
        }
        return DispenseCheck(
            workload: workload, prescriptions: codes.count, okCalls: statusesAnyTime["OK"] ?? 0,
            refusedCalls: statusesAnyTime["FAILED_PRECONDITION"] ?? 0, unitsDispensed: units,
            overDispensedLines: overDispensed)
    }
}
