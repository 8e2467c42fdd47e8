import ArgumentParser
import Foundation
import WeakTies

extension ActorsFormat: ExpressibleByArgument {}

struct Actors: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the study's actors, or suggest ids that name the same organisation.",
        discussion: """
            Without options, lists every actor with its kind, attributes, mentions, ties and where it is \
            named. With --suggest-merges, finds ids that probably name one organisation (typos, \
            abbreviations such as KR for Krefeld, legal forms, umlauts, word order) and writes them as an \
            alias table with the evidence: keep the rows you agree with and give the file back with \
            --aliases to every command. Method: Docs/DataFormat.md (Aliases).

            Examples:
              weakties actors Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties actors ties.csv --nodes nodes.csv --suggest-merges --format csv --output aliases.csv
              weakties metrics ties.csv --nodes nodes.csv --aliases aliases.csv
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Flag(name: .long, help: "Suggest ids that probably name the same organisation (an alias table as CSV).")
    var suggestMerges = false

    @Option(name: .long, parsing: .unconditional, help: "Suggest pairs scoring at least this (0–1).")
    var minScore = 0.8

    @Option(help: "Output format.")
    var format: ActorsFormat = .text

    @Option(name: .shortAndLong, help: "Output file (written atomically); default: standard output.")
    var output: String?

    func validate() throws {
        if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let out = ActorsOutput(study: study)
        guard suggestMerges else {
            try writeOutput(out.actors(format: format), to: output)
            return
        }
        let progress = input.progress, started = Date()
        progress.say("comparing the spellings of \(Progress.count(study.actors.count)) actors")
        let merges = MergeSuggestions(study: study, options: .init(minimumScore: minScore))
        progress.done("\(Progress.count(merges.suggestions.count)) merges suggested", since: started)
        try writeOutput(out.merges(merges, format: format), to: output)
    }
}
