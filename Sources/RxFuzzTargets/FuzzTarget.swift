import RxWire

/// One input a hostile client or a bad data file controls, as a function that must never crash, hang or
/// read out of bounds, whatever the bytes. libFuzzer drives a target through `rx-fuzz` (its name in
/// `RX_FUZZ_TARGET`); `swift test` replays the saved seed and crash inputs under
/// `Tests/RxFuzzTargetsTests/Regressions/<name>/`.
public struct FuzzTarget: Sendable, Hashable, CustomStringConvertible {
    /// What the target feeds its bytes to.
    enum Kind: Sendable, Hashable {
        /// Every message type of `Protos/`, chosen by the first byte, decoded from the rest.
        case wire
        /// One RPC's request message (fully qualified name), decoded and re-encoded.
        case request(String)
        /// The gRPC message deframer, fed the input in chunks whose sizes the input also chooses.
        case framer
        /// CMS SignedData verification against the development prescriber-signing CA.
        case cms
        /// A verifier that knows the development doctors (so their signatures take the fast path) must
        /// accept only what a fresh verifier's full OpenSSL check accepts, with the same answer.
        case cmsFastPath
        /// The drug catalog CSV import (`CatalogImport(csv:)`).
        case catalogCSV
        /// The interaction rules CSV (`InteractionKnowledgeBase.parse`), then the index built from it.
        case interactionsCSV
        /// The ingredient synonyms CSV, parsed beside a fixed valid rule file, then the index built from it.
        case synonymsCSV
        /// The signed content of a submission: `Prescription` decoded, then the content rules
        /// (`PrescriptionValidator`) against a catalog that knows every product. Reachable by any
        /// prescriber holding a signing key.
        case prescriptionContent
    }

    /// The name `run.sh`, `RX_FUZZ_TARGET` and the regression folder use, e.g. `wire`,
    /// `request-rx.v1.SubmitPrescriptionRequest`, `catalog-csv`.
    public let name: String
    let kind: Kind

    public var description: String { self.name }

    /// Every target: the generic ones first, then one per distinct request message of every RPC in
    /// `ProtoSchema.services`, then the CSV importers and the prescription content rules.
    public static let all: [FuzzTarget] = {
        var targets = [
            FuzzTarget(name: "wire", kind: .wire), FuzzTarget(name: "framer", kind: .framer),
            FuzzTarget(name: "cms", kind: .cms), FuzzTarget(name: "cms-fast-path", kind: .cmsFastPath),
        ]
        var seen: Set<String> = []
        for service in ProtoSchema.services {
            for method in service.methods where seen.insert(method.inputType).inserted {
                targets.append(FuzzTarget(name: "request-" + method.inputType, kind: .request(method.inputType)))
            }
        }
        targets += [
            FuzzTarget(name: "catalog-csv", kind: .catalogCSV),
            FuzzTarget(name: "interactions-csv", kind: .interactionsCSV),
            FuzzTarget(name: "synonyms-csv", kind: .synonymsCSV),
            FuzzTarget(name: "prescription-content", kind: .prescriptionContent),
        ]
        return targets
    }()

    /// The target called `name`, if there is one.
    public init?(name: String) {
        guard let target = Self.all.first(where: { $0.name == name }) else { return nil }
        self = target
    }

    private init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Runs the target once on `bytes`. Errors are expected outcomes; only a crash is a finding.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self.kind {
        case .wire: Self.decodeAnyMessage(bytes)
        case .request(let name): Self.decodeRequest(named: name, bytes)
        case .framer: Self.deframe(bytes)
        case .cms: Self.verifySignature(bytes)
        case .cmsFastPath: Self.compareWithFullVerification(bytes)
        case .catalogCSV: Self.importCatalog(bytes)
        case .interactionsCSV: Self.parseInteractionRules(bytes)
        case .synonymsCSV: Self.parseSynonyms(bytes)
        case .prescriptionContent: Self.validatePrescription(bytes)
        }
    }
}
