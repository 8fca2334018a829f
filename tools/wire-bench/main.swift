// wire-bench: encode and decode speed of a prescription-sized message.
//
// Build and run in release mode:
//   swift build -c release --product wire-bench && .build/release/wire-bench [seconds]
// Prints MB/s and messages/s for encoding and decoding a realistic paediatric
// prescription (5 drug lines, Vietnamese text) and a WireSample with every field type.

import RxWire

let secondsPerRun = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 1.0

let prescription = BenchMessages.prescription(lines: 5)
let sample = BenchMessages.wireSample()

print("wire-bench: \(secondsPerRun) s per measurement, release build expected")
BenchRunner.measure(name: "rx.v1.Prescription (5 lines)", message: prescription, seconds: secondsPerRun)
BenchRunner.measure(name: "rx.v1.WireSample (every field)", message: sample, seconds: secondsPerRun)
