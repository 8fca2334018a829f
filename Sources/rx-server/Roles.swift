import ArgumentParser
import RxApp

/// `rx-server roles`: the method-to-role table the server enforces.
struct Roles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print which facility roles may call which method.")

    func run() {
        print(AccessPolicy.render())
    }
}
