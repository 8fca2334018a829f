import ArgumentParser

struct RxctlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rxctl",
        abstract: "Command-line client of the e-prescription clearinghouse (mutual TLS gRPC).",
        subcommands: [
            Health.self, Echo.self, Submit.self, Get.self, Dispense.self, Cancel.self, Replace.self, Audit.self,
            Drugs.self, Interactions.self, Export.self, Stats.self, Alerts.self,
        ])
}
