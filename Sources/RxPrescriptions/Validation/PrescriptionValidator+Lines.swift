import RxWire

extension PrescriptionValidator {
    /// Checks every drug line and the type against the products' control classes; returns the catalog
    /// entry of each line whose product is known.
    func checkLines(_ content: Prescription, diagnoses: [ICD10Code], into problems: inout [String]) -> [ProductFacts] {
        if content.lines.isEmpty { problems.append("at least one drug line is required") }
        if content.lines.count > Self.maximumLines { problems.append("at most \(Self.maximumLines) drug lines are allowed") }
        let limit = DaysOfSupplyLimit.limit(for: content.type, diagnoses: diagnoses)
        var seen: Set<UInt32> = []
        var facts: [ProductFacts] = []
        for (index, line) in content.lines.enumerated() {
            let name = "line \(line.lineNumber == 0 ? "#\(index + 1)" : String(line.lineNumber))"
            if line.lineNumber == 0 {
                problems.append("\(name): line_number must be 1 or more")
            } else if !seen.insert(line.lineNumber).inserted {
                problems.append("\(name): line_number is repeated")
            }
            if line.quantity == 0 { problems.append("\(name): quantity must be greater than 0") }
            if line.unit.isEmpty { problems.append("\(name): unit is missing") }
            if line.activeIngredients.isEmpty || line.activeIngredients.contains(where: { $0.inn.isEmpty || $0.strength.isEmpty }) {
                problems.append("\(name): every active ingredient needs an INN and a strength")
            }
            if line.dosageForm.isEmpty { problems.append("\(name): dosage_form is missing") }
            if let directions = line.directions {
                if directions.dose.isEmpty || directions.timesPerDay == 0 || directions.route.isEmpty {
                    problems.append("\(name): directions need dose, times_per_day and route")
                }
            } else {
                problems.append("\(name): directions are missing")
            }
            if line.daysOfSupply == 0 {
                problems.append("\(name): days_of_supply must be greater than 0")
            } else if line.daysOfSupply > limit.maximumDays {
                problems.append("\(name): days_of_supply \(line.daysOfSupply) exceeds \(limit.maximumDays) days for \(limit.rule)")
            }
            if line.registrationNumber.isEmpty {
                problems.append("\(name): registration_number is missing")
                continue
            }
            guard let product = self.products.product(registrationNumber: line.registrationNumber) else {
                problems.append("\(name): registration number \(line.registrationNumber) is not in the drug catalog")
                continue
            }
            facts.append(product)
            if let conflict = Self.typeConflict(product.controlledClass, type: content.type) {
                problems.append("\(name): \(line.registrationNumber) is \(conflict)")
            }
        }
        if content.type == .narcotic, !facts.contains(where: { $0.controlledClass == .narcotic }) {
            problems.append("a narcotic (N) prescription must contain a narcotic drug")
        }
        if content.type == .psychotropicPrecursor,
            !facts.contains(where: { $0.controlledClass == .psychotropic || $0.controlledClass == .precursor })
        {
            problems.append("a psychotropic/precursor (H) prescription must contain a psychotropic or precursor drug")
        }
        return facts
    }

    /// Why a product of `controlled` class may not be written on a prescription of `type`, or nil.
    /// Controlled drugs go on their own forms (TT 26 Art. 7-9); uncontrolled drugs may accompany them.
    static func typeConflict(_ controlled: ControlledClass, type: PrescriptionType) -> String? {
        switch controlled {
        case .none:
            return nil
        case .narcotic:
            return type == .narcotic ? nil : "a narcotic drug and must be on a narcotic (N) prescription"
        case .psychotropic, .precursor:
            return type == .psychotropicPrecursor
                ? nil : "a \(controlled.rawValue) drug and must be on a psychotropic/precursor (H) prescription"
        }
    }

    func checkProposedCode(_ proposed: String, content: Prescription, into problems: inout [String]) {
        let code: PrescriptionCode
        do {
            code = try PrescriptionCode(parsing: proposed)
        } catch {
            problems.append("proposed_code: \(error.message)")
            return
        }
        if code.facilityCode.uppercased() != content.facilityCode.uppercased() {
            problems.append("proposed_code \(code) does not start with the facility code \(content.facilityCode)")
        }
        if !code.fits(content.type) {
            problems.append("proposed_code \(code) ends in \(code.typeLetter) but a \(content.type.name) prescription takes \(content.type.codeLetter)")
        }
    }
}
