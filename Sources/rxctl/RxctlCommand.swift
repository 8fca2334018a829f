import ArgumentParser

struct RxctlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rxctl",
        abstract: "Command-line client of the e-prescription clearinghouse (mutual TLS gRPC).",
        subcommands: [Health.self, Echo.self, Drugs.self])
}
