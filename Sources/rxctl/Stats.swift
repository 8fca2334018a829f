import ArgumentParser
import RxWire

/// `rxctl stats …`: the regulators' statistics (regulator certificate required).
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prescription statistics for regulators (rx.v1.Statistics).",
        discussion: "Run with a regulator certificate, e.g. --cert Certs/dev/regulator.crt --key Certs/dev/regulator.key.",
        subcommands: [StatsQuery.self, StatsTop.self, StatsRates.self])
}
