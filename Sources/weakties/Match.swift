import ArgumentParser
import Foundation
import WeakTies

extension MatchFormat: ExpressibleByArgument {}

struct Match: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend partners for innovations to meet, plan a matching event, or backtest the ranking.",
        discussion: """
            For each innovation, ranks the partners it has no tie to by what a new weak tie would bring \
            (new partner types, regions, sectors and communities, less constraint, more reach, someone to \
            introduce them), computed exactly on the network with the tie added, and explains each in words. \
            With --event, plans who meets whom in each round of an event (the plan of maximal total score). \
            With --backtest YEAR, ranks on the network up to YEAR and checks which ties formed later. \
            Method, defaults and their reasons: Docs/Matching.md.

            Examples:
              weakties match Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --innovation "repair cafe cracau"
              weakties match ties.csv --nodes nodes.csv --top 10 --same-region --format csv --output matches.csv
              weakties match ties.csv --nodes nodes.csv --weight new_region=1.5 --weight reach=0 --lang de
              weakties match ties.csv --nodes nodes.csv --event attendees.csv --rounds 4 --seats 2 --format html --output plan.html
              weakties match ties.csv --nodes nodes.csv --backtest 2018
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(name: .long, help: "Innovation to recommend partners for, by id or label (repeatable; default: all).")
    var innovation: [String] = []

    @Option(name: .long, help: "Candidates per innovation (default 5).")
    var top: Int?

    @Option(help: "Output format.")
    var format: MatchFormat = .text

    @Option(name: .customLong("lang"), help: "Language of the explanations.")
    var language: ReportLanguage = .en

    @Option(name: .shortAndLong, help: "Output file (written atomically); default: standard output.")
    var output: String?

    @Option(name: .long, help: "A score weight NAME=VALUE (repeatable): \(MatchWeights.names.map(\.name).joined(separator: ", ")).")
    var weight: [String] = []

    @Option(name: .long, help: "Only partners of this type (repeatable).")
    var partnerType: [String] = []

    @Option(name: .long, help: "Only partners in this region (repeatable).")
    var region: [String] = []

    @Flag(name: .long, help: "Only partners in the innovation's own region (think regionally).")
    var sameRegion = false

    @Option(name: .long, help: "Only partners with a tie to one of the innovation's partners coding this proximity, DIMENSION[:LEVEL] (level default high; repeatable, any one suffices).")
    var proximity: [String] = []

    @Option(name: .long, help: "CSV of pairs never to propose (innovation, partner): must not be matched or have met already.")
    var exclude: String?

    @Option(name: .long, help: "CSV of attendees (id, optional role): recommend only these partners.")
    var attendees: String?

    @Option(name: .long, help: "CSV of attendees (id or label, optional role innovation/partner): plan an event for them.")
    var event: String?

    @Option(name: .long, help: "Rounds of the event.")
    var rounds = 3

    @Option(name: .long, help: "Innovations seated at a partner's table per round (1: one-to-one meetings).")
    var seats = 1

    @Option(name: .long, help: "CSV of meetings that must take place (innovation, partner).")
    var fixed: String?

    @Flag(name: .long, help: "Also compute the change of each shown candidate's betweenness (exact up to 20,000 ties, else from 256 sampled sources).")
    var betweenness = false

    @Option(name: .long, parsing: .unconditional, help: "Estimate betweenness changes from K sampled sources (default: exact up to 20,000 ties, else 256 sources).")
    var betweennessSources: Int?

    @Option(name: .long, help: "Backtest: rank on the ties formed up to this year and check the ties formed after it.")
    var backtest: Int?

    @Option(name: .long, parsing: .unconditional, help: "Seed of the communities, sampling and the plan's tie-breaking.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads for betweenness.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if seats < 1 { throw ValidationError("--seats must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let betweennessSources, betweennessSources < 1 { throw ValidationError("--betweenness-sources must be at least 1") }
        _ = try weights()
        _ = try proximityRequirements()
        if event != nil && backtest != nil { throw ValidationError("--event and --backtest cannot be combined") }
        // Options that would be silently ignored are refused, naming what to drop.
        let filterFlags: [(String, Bool)] = [
            ("--innovation", !innovation.isEmpty), ("--top", top != nil), ("--attendees", attendees != nil),
            ("--betweenness", betweenness), ("--same-region", sameRegion), ("--partner-type", !partnerType.isEmpty),
            ("--region", !region.isEmpty), ("--proximity", !proximity.isEmpty), ("--exclude", exclude != nil),
            ("--fixed", fixed != nil)]
        if backtest != nil, let flag = filterFlags.first(where: \.1)?.0 {
            throw ValidationError("--backtest ranks every innovation of the earlier network with the score's weights only; drop \(flag)")
        }
        if event != nil, let flag = filterFlags.prefix(4).first(where: \.1)?.0 {
            throw ValidationError("--event plans for the attendees its list names; drop \(flag) (the filters --same-region, --partner-type, --region, --proximity and --exclude apply)")
        }
        if event == nil, fixed != nil { throw ValidationError("--fixed needs --event") }
    }

    func weights() throws -> MatchWeights {
        var weights = MatchWeights()
        for spec in weight {
            let parts = spec.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError("--weight expects NAME=VALUE, not '\(spec)'")
            }
            do { try weights.set(parts[0], value) } catch { throw ValidationError("\(error.description) (--weight)") }
        }
        return weights
    }

    func proximityRequirements() throws -> [ProximityRequirement] {
        try proximity.map { spec in
            let parts = spec.split(separator: ":", maxSplits: 1).map { String($0).lowercased() }
            guard let dimension = ProximityDimension(rawValue: parts[0]) else {
                throw ValidationError("unknown proximity dimension '\(parts[0])' (expected \(ProximityDimension.allCases.map(\.rawValue).joined(separator: ", "))) (--proximity)")
            }
            guard parts.count == 2 else { return ProximityRequirement(dimension: dimension) }
            guard let level = ProximityLevel.allCases.first(where: { $0.name == parts[1] || String($0.rawValue) == parts[1] }) else {
                throw ValidationError("unknown proximity level '\(parts[1])' (expected low, medium or high) (--proximity)")
            }
            return ProximityRequirement(dimension: dimension, level: level)
        }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let metrics = try StudyMetrics(study: study, options: .init(threads: threads, seed: seed))
        let progress = input.progress, started = Date()
        progress.say("ranking the partners each innovation has no tie to" + Progress.pathEstimate(actors: study.actors.count, ties: study.ties.count, threads: threads, sources: betweennessSources))
        defer { progress.done("matching done", since: started) }
        let lookup = ActorLookup(study: study)
        var filters = MatchFilters()
        filters.partnerTypes = Set(partnerType)
        filters.regions = Set(region)
        filters.sameRegion = sameRegion
        filters.proximity = try proximityRequirements()
        let exclusions = try exclude.map { try lookup.pairs(DelimitedTableReader.read(path: $0)) } ?? []
        filters.excluded = Set(exclusions.map { ActorPair($0.innovation, $0.partner) })
        if let attendees { filters.partners = Set(try lookup.attendees(DelimitedTableReader.read(path: attendees)).partners) }
        let weights = try weights()
        var options = Matching.Options(threads: threads, seed: seed)
        if let betweennessSources {
            options.exactUpTo = -1
            options.samples = betweennessSources
        }

        if let year = backtest {
            let result = try MatchBacktest(metrics: metrics, year: year, weights: weights, seed: seed)
            try writeOutput(try MatchOutput(matching: result.matching, language: language).backtest(result, format: format), to: output)
            return
        }
        let matching = try Matching(metrics: metrics, weights: weights, filters: filters, options: options)
        let out = try MatchOutput(matching: matching, language: language)
        if let event {
            let list = try lookup.attendees(DelimitedTableReader.read(path: event))
            let fixedPairs = try fixed.map { try lookup.pairs(DelimitedTableReader.read(path: $0)) } ?? []
            let plan = try matching.plan(EventRequest(
                innovations: list.innovations, partners: list.partners, rounds: rounds, seatsPerTable: seats,
                fixed: fixedPairs.map { ($0.innovation, $0.partner) }, forbidden: filters.excluded, seed: seed))
            try writeOutput(out.plan(plan, format: format), to: output)
            return
        }
        let innovations = try innovation.isEmpty ? matching.innovations : innovation.map { try lookup.innovation($0) }
        if innovations.isEmpty { throw MatchError.noInnovations("the study") }
        let lists = innovations.map { i in (innovation: i, candidates: matching.candidates(for: i, limit: top ?? 5, betweenness: betweenness)) }
        try writeOutput(out.recommendations(lists, format: format), to: output)
    }
}
