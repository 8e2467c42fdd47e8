import ArgumentParser
import Foundation
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
              weakties agree ties.csv --disagreements meeting.html
            """,
        version: weakTiesVersion,
        subcommands: [Validate.self, Metrics.self, Render.self, Export.self, Report.self, Match.self, Agree.self, Actors.self, TimelineCommand.self, Compare.self]
    )

    /// A first word that is no subcommand (a mistyped one) is answered with the nearest subcommand's
    /// name and exit 64, before ArgumentParser would report it as "unexpected arguments".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = configuration.subcommands.map { $0._commandName }
        if let word = arguments.first, !word.hasPrefix("-"), !names.contains(word), word != "help" {
            let distance = { (name: String) in ActorLookup.editDistance(word.lowercased(), name, limit: 3) }
            let nearest = names.min { distance($0) < distance($1) }.flatMap { distance($0) <= 3 ? $0 : nil }
            Console.printError("unknown subcommand '\(word)'" + (nearest.map { " (did you mean '\($0)'?)" } ?? "")
                               + "; the subcommands are " + names.joined(separator: ", "))
            Foundation.exit(ExitCodes.usage)
        }
        main(arguments)
    }
}
