import Foundation

/// Whether a pharmacy may hand out a different product than the one prescribed (GPP III.2c).
public enum SubstitutionRule {
    /// Nil when `handedOut` may be dispensed against a line prescribing `prescribed`; otherwise why not.
    ///
    /// - Parameters:
    ///   - handedOut: the product's registration number; empty means the prescribed product.
    public static func refusal(
        prescribed: String, handedOut: String, doNotSubstitute: Bool, lineNumber: UInt32, products: any ProductDirectory
    ) -> String? {
        if handedOut.isEmpty || handedOut.caseInsensitiveCompare(prescribed) == .orderedSame {
            return nil
        }
        if doNotSubstitute {
            return "line \(lineNumber) is marked do-not-substitute: only \(prescribed) may be dispensed, not \(handedOut)"
        }
        guard products.product(registrationNumber: handedOut) != nil else {
            return "line \(lineNumber): \(handedOut) is not in the drug catalog"
        }
        guard products.isEquivalent(prescribed, handedOut) else {
            return "line \(lineNumber): \(handedOut) is not equivalent to \(prescribed) "
                + "(same active ingredients, strength, dosage form and route required)"
        }
        return nil
    }
}
