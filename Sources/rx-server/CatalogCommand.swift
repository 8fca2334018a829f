import ArgumentParser

/// `rx-server catalog …`: maintain the drug catalog in the data directory.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "Maintain the drug catalog and price index.",
        subcommands: [CatalogImportCommand.self])
}
