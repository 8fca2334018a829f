// interaction-bench: how long one interaction check takes for a 10-line prescription against the
// patient's 20 active lines from other prescriptions.
//
// Build and run in release mode from the repository root:
//   swift build -c release --product interaction-bench && .build/release/interaction-bench [rounds]
// Prints the median nanoseconds per check (prepared drugs, the Submit hot path; and from names,
// including resolution), the number of alerts found and the knowledge-base size.

import Foundation
import RxDrugKnowledge

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200
let rulesFile = ProcessInfo.processInfo.environment["RX_INTERACTIONS"] ?? "tools/sample-data/interactions.csv"
let ingredientsFile = ProcessInfo.processInfo.environment["RX_INGREDIENTS"] ?? "tools/sample-data/ingredient-synonyms.csv"

let knowledgeBase: InteractionKnowledgeBase
do {
    knowledgeBase = try InteractionKnowledgeBase.load(rulesFile: rulesFile, ingredientsFile: ingredientsFile)
} catch {
    print("interaction-bench: \(error)")
    exit(1)
}
let index = InteractionIndex(knowledgeBase: knowledgeBase)

// A realistic, interaction-rich case: an elderly patient with cardiovascular, psychiatric and pain drugs.
let newNames = [
    "clarithromycin", "paracetamol", "omeprazole", "ibuprofen", "tramadol",
    "domperidone", "cetirizine", "amoxicillin", "dextromethorphan", "prednisolone",
]
let activeNames = [
    "warfarin", "simvastatin", "amiodarone", "digoxin", "spironolactone", "enalapril", "metformin",
    "gliclazide", "sertraline", "alprazolam", "allopurinol", "levothyroxine", "amlodipine", "furosemide",
    "clopidogrel", "potassium chloride", "colchicine", "theophylline", "lithium", "haloperidol",
]
func drugs(_ names: [String], prescription: String?) -> [CheckedDrug] {
    names.enumerated().compactMap { offset, name in
        index.drug(named: name, lineNumber: offset + 1, prescriptionCode: prescription)
    }
}
let newDrugs = drugs(newNames, prescription: nil)
let activeDrugs = drugs(activeNames, prescription: "RX-ACTIVE")
precondition(newDrugs.count == 10 && activeDrugs.count == 20, "bench drug names must all resolve")
let preparedNew = newDrugs.map(index.prepare)
let preparedActive = activeDrugs.map(index.prepare)

/// Runs `body` `iterations` times per round and returns the median nanoseconds per call.
func medianNanoseconds(iterations: Int, _ body: () -> Int) -> (Double, Int) {
    var samples: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            sink &+= body()
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        samples.append(Double(elapsed) / Double(iterations))
    }
    samples.sort()
    return (samples[samples.count / 2], sink)
}

let alerts = index.check(prepared: preparedNew, active: preparedActive).alerts.count
let (prepared, sinkA) = medianNanoseconds(iterations: 200) {
    index.check(prepared: preparedNew, active: preparedActive).alerts.count
}
let (findOnly, sinkB) = medianNanoseconds(iterations: 200) {
    index.matchCount(prepared: preparedNew, active: preparedActive)
}
let (fromNames, sinkC) = medianNanoseconds(iterations: 50) {
    index.check(new: newDrugs, active: activeDrugs).alerts.count
}
print("interaction-bench: \(knowledgeBase.rules.count) rules, \(knowledgeBase.ingredients.count) vocabulary ingredients")
print("10 new lines x 20 active lines: \(alerts) alerts; median of \(rounds) rounds")
print(String(format: "  matching only (prepared drugs):          %9.0f ns/check", findOnly))
print(String(format: "  full check with alerts (prepared drugs): %9.0f ns/check", prepared))
print(String(format: "  full check from names (incl. prepare):   %9.0f ns/check", fromNames))
if sinkA == 42 && sinkB == 42 && sinkC == 42 { print("") }
