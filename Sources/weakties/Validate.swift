import ArgumentParser
import WeakTies

struct Validate: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check coded ties against the data contract and summarise the study.",
        discussion: """
            Reads the ties table(s) and the optional nodes table, applies every rule of the data contract \
            (see Docs/DataFormat.md) and prints actors by kind, ties (strong/weak), mentions, interviews, \
            coders, connected components and warnings. Errors are printed as file:line:column: error: message, \
            all errors of a file together (up to 50), and the exit code is 65.

            Examples:
              weakties validate Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties validate coder1.csv coder2.csv --nodes actors.csv --strength-rule any-strong
              weakties validate ties.csv --delimiter ';' --strong-threshold 4 --json
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func execute() throws {
        let study = try input.loadStudy()
        let summary = StudySummary(study)
        print(json ? summary.json.serialized(indent: 2) : summary.text)
    }
}
