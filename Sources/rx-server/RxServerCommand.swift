import ArgumentParser

struct RxServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rx-server",
        abstract: "Vietnam's national e-prescription clearinghouse: a gRPC server over mutual TLS.",
        subcommands: [Serve.self, Roles.self, Audit.self, CatalogCommand.self, Backup.self],
        defaultSubcommand: Serve.self)
}
