import ArgumentParser
import WeakTies

@main
struct WeakTiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weakties",
        abstract: "Network analysis of social innovations: import coded interview ties, check them, analyse weak ties.",
        discussion: """
            Exit codes: 0 success, 64 bad usage, 65 bad input data, 70 internal error, 74 file could not be read or written.

            Examples:
              weakties validate Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties validate ties.csv --json
              weakties metrics ties.csv --nodes nodes.csv --attribute region --output metrics.csv
              weakties report ties.csv --nodes nodes.csv --output report/
              weakties match ties.csv --nodes nodes.csv --innovation "Repair-Café Cracau"
            """,
        version: weakTiesVersion,
        subcommands: [Validate.self, Metrics.self, Render.self, Export.self, Report.self, Match.self]
    )
}
