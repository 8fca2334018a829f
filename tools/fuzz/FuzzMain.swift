#if RX_FUZZ
import Glibc
#endif
import RxFuzzTargets

// Two builds of one file. Built by tools/fuzz/run.sh with `-D RX_FUZZ -sanitize=fuzzer,address`,
// libFuzzer drives the target named by RX_FUZZ_TARGET. Built normally, `rx-fuzz TARGET FILE…`
// replays inputs (a crash found by the fuzzer, say) without the sanitizers, and `rx-fuzz --list`
// prints every target's name.

#if RX_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

nonisolated(unsafe) private var selectedTarget: FuzzTarget?

/// SwiftPM links an executable's entry point as `<product>_main`; libFuzzer's driver takes over from there.
@_cdecl("rx_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let name = getenv("RX_FUZZ_TARGET").map { String(cString: $0) } ?? "wire"
    guard let target = FuzzTarget(name: name) else {
        print("unknown RX_FUZZ_TARGET \(name); known: \(FuzzTarget.all.map(\.name).joined(separator: " "))")
        return 2
    }
    selectedTarget = target
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        selectedTarget?.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
}
#else
import Foundation

@main
struct ReplayMain {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--list" {
            for target in FuzzTarget.all { print(target.name) }
            return
        }
        guard let name = arguments.first, let target = FuzzTarget(name: name) else {
            print("usage: rx-fuzz --list | rx-fuzz TARGET FILE…   (targets: rx-fuzz --list)")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(1)
            }
            data.withUnsafeBytes { target.run($0) }
            print("ok \(path)")
        }
    }
}
#endif
