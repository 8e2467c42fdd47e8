import ArgumentParser
import Foundation
import WeakTies

extension ComparisonFormat: ExpressibleByArgument {}
extension QAPNull: ExpressibleByArgument {}

struct Compare: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare groups of innovations (established and new, regions, …) with permutation tests and effect sizes.",
        discussion: """
            For each measure of the innovations' report pages — weak-tie share, E-I index by region and by \
            partner type, constraint, effective size, share of partner-initiated ties, ties — the groups' \
            means and medians, the difference with Hedges' g and Cliff's δ (two groups) or η², and a \
            permutation p-value: exact over every assignment of the labels where there are at most 50,000, \
            else from seeded permutations. Method: Docs/Timeline.md (Comparing innovations).

            With --qap, a QAP regression over every pair of actors instead: does a tie join actors of the \
            same region (sector, partner type, …) more often than chance, each attribute holding the others \
            fixed? Coefficients and t-values as R's sna::netlm; p-values from seeded relabellings of the \
            actors (double semi-partialling by default). Method: Docs/Metrics/GroupMixing.md (QAP regression).

            Examples:
              weakties compare Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties compare ties.csv --nodes nodes.csv --by region --format csv --output compare.csv
              weakties compare Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --qap region,partner_type
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

    @Option(name: .long, help: ArgumentHelp("QAP regression of tie presence on \"same ATTRIBUTE\" for each attribute given (comma-separated: region,sector,partner_type).", valueName: "attributes"))
    var qap: String?

    @Option(name: .customLong("qap-null"), help: "Null hypothesis of the QAP regression: dsp (double semi-partialling, netlm's default) or y (permute the ties).")
    var qapNull: QAPNull = .dsp

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let metrics = try StudyMetrics(study: study, options: .init(seed: seed, permutations: permutations))
        if let qap {
            let attributes = qap.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !attributes.isEmpty else { throw OptionError(message: "--qap needs at least one attribute", flag: "--qap") }
            let regression: QAPRegression
            input.progress.say("QAP regression over \(Progress.count(study.actors.count * (study.actors.count - 1) / 2)) pairs, \(Progress.count(permutations)) permutations")
            do {
                regression = try metrics.qapRegression(on: attributes, null: qapNull)
            } catch let error as StudyMetricsError {
                throw OptionError(message: error.description, flag: "--qap")
            } catch let error as MetricError {
                throw OptionError(message: error.description, flag: "--qap")
            }
            try writeOutput(QAPRegressionOutput(regression: regression, actors: study.actors.count).render(format), to: output)
            return
        }
        // The compared measures need neither positions nor suggestions (the costly parts).
        input.progress.say("comparing the innovations by \(by), up to \(Progress.count(permutations)) permutations per measure")
        let profiles = try InnovationProfiles(metrics: metrics, parts: [])
        let comparison: InnovationComparison
        do {
            comparison = try InnovationComparison(profiles: profiles, by: by, options: .init(permutations: permutations, seed: seed))
        } catch let error as ComparisonError {
            throw OptionError(message: error.description, flag: "--by")
        }
        try writeOutput(ComparisonOutput(comparison: comparison).render(format), to: output)
    }
}
