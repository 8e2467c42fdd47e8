import ArgumentParser
import Foundation
import WeakTies

struct Metrics: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute centrality, structural holes, bridges, communities, brokerage and openness per actor and tie.",
        discussion: """
            Writes one row per actor (id, label, kind, then the metrics) as CSV, or with --edges one row per \
            tie (source, target, strength, mentions, bridge, local_bridge_span, edge_betweenness). JSON holds \
            {"nodes": [...], "edges": [...], "network": {...}}. Undefined values (NaN) are empty in CSV and \
            null in JSON. Definitions: Docs/Metrics/.

            Examples:
              weakties metrics Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output metrics.csv
              weakties metrics ties.csv --nodes nodes.csv --attribute region --attribute partner_type --format json
              weakties metrics ties.csv --metrics degree,betweenness,constraint --weights strength
              weakties metrics ties.csv --edges --output ties-metrics.csv
              weakties metrics ties.csv --nodes nodes.csv --only weak --metrics betweenness,constraint
            """
    )

    /// `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var input: StudyInputOptions

    @Option(help: "Comma-separated node metrics, or 'all': \(MetricsTable.nodeMetricNames.joined(separator: ", ")).")
    var metrics = "all"

    @Option(name: .long, help: "Node attribute for group mixing (repeatable): E-I index with permutation test, Blau, IQV, outside share and Gould–Fernandez brokerage by region, partner_type, sector, kind or an extra nodes column.")
    var attribute: [String] = []

    @Option(help: "Tie weights: none, strength (the weight column, else mention counts; length = 1/strength) or distance (the weight column as lengths).")
    var weights: WeightMode = .none

    @Option(help: "Analyse only the network of strong or of weak ties (every actor kept).")
    var only: TieStrength?

    @Option(help: "Output format.")
    var format: Format = .csv

    @Flag(help: "CSV: write the tie table instead of the actor table.")
    var edges = false

    @Option(name: .shortAndLong, help: "Output file (written atomically); default: standard output.")
    var output: String?

    @Option(parsing: .unconditional, help: "Worker threads for betweenness and closeness (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .unconditional, help: "Estimate betweenness from K sampled sources (for very large networks; default: exact).")
    var sample: Int?

    @Option(parsing: .unconditional, help: "Seed for betweenness sampling, E-I permutation tests and Louvain communities.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Permutations of the E-I test per --attribute (0 to skip).")
    var permutations = 1000

    func validate() throws {
        let unknown = selectedNames.filter { NodeMetric(rawValue: $0) == nil }
        if !unknown.isEmpty {
            throw ValidationError("unknown metric '\(unknown[0])' (expected all or some of: \(MetricsTable.nodeMetricNames.joined(separator: ", ")))")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        if permutations < 0 { throw ValidationError("--permutations must not be negative") }
    }

    var selectedNames: [String] {
        metrics == "all" ? MetricsTable.nodeMetricNames : metrics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func execute() throws {
        // Only the parts the output shows are computed (CSV: the actor or the tie table; JSON: all).
        let loaded = try input.loadStudy()
        let study = only.map { loaded.restricted(to: $0.strength) } ?? loaded
        if only != nil && !input.quiet, let notice = study.notices.last { Console.printDiagnostic(notice) }
        let progress = input.progress, started = Date()
        let names = selectedNames
        let paths = names.contains { ["betweenness", "betweenness_normalized", "closeness", "harmonic"].contains($0) }
        progress.say("computing \(names.count) metrics on \(Progress.count(study.actors.count)) actors and \(Progress.count(study.ties.count)) ties"
            + (paths ? Progress.pathEstimate(actors: study.actors.count, ties: study.ties.count, threads: threads, sources: sample) : ""))
        defer { progress.done("metrics computed", since: started) }
        let table = try MetricsTable(study: study, options: .init(
            metrics: selectedNames.compactMap(NodeMetric.init(rawValue:)), attributes: attribute,
            nodes: format == .json || !edges, ties: format == .json || edges, network: format == .json,
            metricsOptions: .init(weights: weights, threads: threads, sampleSources: sample, seed: seed,
                                  permutations: permutations)))
        if !input.quiet { for warning in table.warnings { Console.writeError("weakties: warning: \(warning)") } }
        try writeOutput(format == .json ? table.json.serialized(indent: 2) + "\n" : table.csv(edges: edges), to: output)
    }
}
