import ArgumentParser

/// `rxctl drugs …`: the drug catalog and price index (`rx.v1.Drugs`).
struct Drugs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look up products, search the catalog, read declared prices, quote lines.",
        subcommands: [DrugsGet.self, DrugsSearch.self, DrugsPrice.self, DrugsQuote.self])
}
