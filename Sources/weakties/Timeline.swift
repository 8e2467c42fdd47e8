import ArgumentParser
import Foundation
import WeakTies

extension TimelineFormat: ExpressibleByArgument {}
extension Timeline.Undated: ExpressibleByArgument {}

struct TimelineCommand: StudyCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "How each innovation's network and the study's grew, year by year.",
        discussion: """
            From the year each tie began (the earliest 'since' of its mentions): per year, the ties formed \
            (strong, and who initiated them), and the network up to that year — ties, weak-tie share, \
            Burt's constraint and effective size, E-I index by region and partner type, partner types and \
            regions reached — for the study and each innovation, with its age. With --spells FILE, also \
            writes the ties as spells (onset, terminus, tail, head) for R's networkDynamic. With \
            --establishment, tests whether partners initiate more of an innovation's ties as it ages. \
            Definitions: Docs/Timeline.md.

            Examples:
              weakties timeline Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties timeline ties.csv --nodes nodes.csv --innovation "Repair-Café Cracau"
              weakties timeline ties.csv --nodes nodes.csv --format csv --output timeline.csv --spells spells.csv
              weakties timeline ties.csv --nodes nodes.csv --establishment --innovation "Repair-Café Cracau"
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(name: .long, help: "Innovation to show, by id or label (repeatable; default: all).")
    var innovation: [String] = []

    @Option(name: .long, help: "Ties without a year: present from the first year (start) or left out (exclude).")
    var undated: Timeline.Undated = .start

    @Option(help: "Output format.")
    var format: TimelineFormat = .text

    @Option(name: .shortAndLong, help: "Output file (written atomically); default: standard output.")
    var output: String?

    @Option(name: .long, help: "Also write the ties as spells for R's networkDynamic (CSV).")
    var spells: String?

    @Flag(name: .long, help: "Test whether partners initiate more of an innovation's ties as it ages — and whether its ties turn weaker or reach outside its region (stratified permutation tests; text and JSON).")
    var establishment = false

    @Option(name: .long, parsing: .unconditional, help: "Ties formed less than this many years after founding (or before it) count as early.")
    var earlyYears = 3

    @Option(name: .long, parsing: .unconditional, help: "Permutations of the establishment test.")
    var permutations = 9999

    @Option(name: .long, parsing: .unconditional, help: "Seed of the establishment test.")
    var seed: UInt64 = 1

    func validate() throws {
        if establishment && format == .csv { throw ValidationError("--establishment prints with --format text or json") }
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if earlyYears < 1 { throw ValidationError("--early-years must be at least 1") }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let lookup = ActorLookup(study: study)
        let chosen = try innovation.map { try lookup.innovation($0) }
        let progress = input.progress, started = Date()
        progress.say("measuring the network year by year")
        let timeline = try Timeline(study: study, options: .init(undated: undated))
        progress.done("\(timeline.studyYears.count) yearly snapshots, \(timeline.years.lowerBound)–\(timeline.years.upperBound)", since: started)
        if establishment { progress.say("three establishment tests, \(Progress.count(permutations)) permutations each") }
        let tests = establishment ? EstablishmentTest.Outcome.allCases.map {
            EstablishmentTest(timeline: timeline, options: .init(outcome: $0, permutations: permutations, seed: seed, earlyYears: earlyYears))
        } : []
        let out = TimelineOutput(timeline: timeline, innovations: chosen, establishment: tests)
        if let spells { try AtomicFile.write(out.spells(), to: spells) }
        try writeOutput(out.render(format), to: output)
    }
}
