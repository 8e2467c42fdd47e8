import ArgumentParser
import Foundation
import WeakTies

extension ComparisonFormat: ExpressibleByArgument {}

struct Compare: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare groups of innovations (established and new, regions, …) with permutation tests and effect sizes.",
        discussion: """
            For each measure of the innovations' report pages — weak-tie share, E-I index by region and by \
            partner type, constraint, effective size, share of partner-initiated ties, ties — the groups' \
            means and medians, the difference with Hedges' g and Cliff's δ (two groups) or η², and a \
            permutation p-value: exact over every assignment of the labels where there are at most 50,000, \
            else from seeded permutations. Method: Docs/Timeline.md (Comparing innovations).

            Examples:
              weakties compare Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties compare ties.csv --nodes nodes.csv --by region --format csv --output compare.csv
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(name: .long, help: "Group the innovations by 'established' (established / new) or a nodes attribute (region, sector, …).")
    var by = "established"

    @Option(help: "Output format.")
    var format: ComparisonFormat = .text

    @Option(name: .shortAndLong, help: "Output file (written atomically); default: standard output.")
    var output: String?

    @Option(name: .long, parsing: .unconditional, help: "Permutations where the exact test would take too many assignments.")
    var permutations = 9999

    @Option(name: .long, parsing: .unconditional, help: "Seed of the permutations.")
    var seed: UInt64 = 1

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let profiles = try InnovationProfiles(metrics: metrics)
        let comparison: InnovationComparison
        do {
            comparison = try InnovationComparison(profiles: profiles, by: by, options: .init(permutations: permutations, seed: seed))
        } catch let error as ComparisonError {
            throw OptionError(message: error.description, flag: "--by")
        }
        try writeOutput(ComparisonOutput(comparison: comparison).render(format), to: output)
    }
}
