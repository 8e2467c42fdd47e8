import Foundation
import WeakTiesGraph
import WeakTiesIO
import WeakTiesMetrics
import WeakTiesStudy

/// Options of a report.
public struct ReportOptions: Sendable, Equatable {
    /// Innovations to report on, by id (empty: every innovation of the study).
    public var innovations: [String]
    /// How many ties to strengthen and partners to meet are listed per innovation.
    public var suggestions: Int
    /// Layout seed of the maps.
    public var seed: Int

    public init(innovations: [String] = [], suggestions: Int = 5, seed: Int = 1) {
        self.innovations = innovations
        self.suggestions = suggestions
        self.seed = seed
    }
}

/// A report request that cannot be met.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case unknownInnovation(String)
    case notAnInnovation(String)
    case noInnovations
    /// The map renderer returned no SVG (a bug or a broken Graphviz installation).
    case mapWithoutSVG(String)

    public var description: String {
        switch self {
        case .unknownInnovation(let id): "no actor with id '\(id)' in the study (--innovation)"
        case .notAnInnovation(let id): "'\(id)' is not an innovation (its kind is not 'innovation')"
        case .noInnovations: "the study has no innovations (no actor of kind 'innovation') to report on"
        case .mapWithoutSVG(let what): "the map of \(what) came back without SVG"
        }
    }
}

/// The weak-tie report of a study: one `InnovationReport` per innovation plus the study overview,
/// computed once from the study and its graph.
public struct StudyReport: Sendable {
    public let study: Study
    public let options: ReportOptions
    public let innovations: [InnovationReport]
    public let overview: StudyOverview

    /// Computes the report. - Throws: `ReportError`.
    /// - Complexity: dominated by betweenness and closeness on the study graph, O(n·m).
    public init(study: Study, options: ReportOptions = ReportOptions()) throws {
        self.study = study
        self.options = options
        let g = study.graph(attributes: false)

        let selected = try Self.selection(study: study, options: options)

        // Whole-network metrics, once. Unweighted: every tie counts 1 (strength is shown, not weighted).
        let isWeak = study.ties.strength.map { $0 == .weak }
        let regions = study.actors.map { StudyReport.clean($0.region) }
        let sectors = study.actors.map { StudyReport.clean($0.sector) }
        let types = StudyReport.typeGroups(study)
        let metrics = try Self.computeMetrics(g, isWeak: isWeak, regions: regions, sectors: sectors, types: types)

        // Slugs: unique, in report order.
        var used = Set<String>(["index"])
        var slugs: [Int: String] = [:]
        for v in selected {
            let base = StudyReport.slug(study.actors[v].id)
            var candidate = base
            var k = 2
            while used.contains(candidate) { candidate = "\(base)-\(k)"; k += 1 }
            used.insert(candidate)
            slugs[v] = candidate
        }

        let context = BuildContext(study: study, graph: g, isWeak: isWeak, regions: regions, types: types,
                                   metrics: metrics, suggestions: options.suggestions)
        // Each innovation on all cores (each reads the shared context only; same values on any core count).
        innovations = Parallel.map(selected.count) { context.innovation(selected[$0], slug: slugs[selected[$0]]!) }
        overview = StudyOverview(study: study, graph: g, metrics: metrics, isWeak: isWeak, regions: regions, types: types)
    }

    /// The actors the report covers, in report order: `options.innovations`, or every innovation.
    /// - Throws: `ReportError` for an unknown id, a partner, or a study without innovations.
    static func selection(study: Study, options: ReportOptions) throws -> [Int] {
        var selected: [Int] = []
        if options.innovations.isEmpty {
            selected = study.actors.indices.filter { study.actors[$0].kind == .innovation }
            if selected.isEmpty { throw ReportError.noInnovations }
        } else {
            for id in options.innovations {
                guard let index = study.actorIndex(of: id) else { throw ReportError.unknownInnovation(id) }
                guard study.actors[Int(index)].kind == .innovation else { throw ReportError.notAnInnovation(id) }
                if !selected.contains(Int(index)) { selected.append(Int(index)) }
            }
        }
        selected.sort { StudyReport.order(study.actors[$0], study.actors[$1]) }
        return selected
    }

    /// The maps an HTML or Markdown report of `study` draws, in order: one per innovation, then the
    /// study map. Known from the study alone, so the maps can be drawn while the metrics are computed.
    /// - Throws: `ReportError` (as `init`), `ReportTemplateError` when the language's texts are missing.
    public static func mapRequests(study: Study, options: ReportOptions, language: ReportLanguage) throws -> [ReportMapRequest] {
        try mapRequests(study: study, options: options, strings: ReportStrings(language))
    }

    /// The same with the language's texts already loaded.
    static func mapRequests(study: Study, options: ReportOptions, strings: ReportStrings) throws -> [ReportMapRequest] {
        let language = strings.language
        return try selection(study: study, options: options).map { v in
            ReportMapRequest(ego: study.actors[v].id, title: study.actors[v].label, seed: options.seed, language: language)
        } + [ReportMapRequest(ego: nil, title: strings.text("heading.study_map"), seed: options.seed, language: language)]
    }

    /// Innovations are listed by label, then id (case-insensitive, then exact).
    static func order(_ a: Actor, _ b: Actor) -> Bool {
        let la = a.label.lowercased(), lb = b.label.lowercased()
        if la != lb { return la < lb }
        return a.id < b.id
    }

    static func clean(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Partner type per actor, lower-cased; innovations form the group `innovation`.
    static func typeGroups(_ study: Study) -> [String?] {
        study.actors.map { actor in
            clean(actor.partnerType)?.lowercased() ?? (actor.kind == .innovation ? "innovation" : nil)
        }
    }

    /// A file-name-safe slug: German letters transliterated, accents dropped, other characters as `-`.
    public static func slug(_ id: String) -> String {
        var out = ""
        for ch in id.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default:
                let folded = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                for scalar in folded.unicodeScalars {
                    if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                        out.unicodeScalars.append(scalar)
                    } else if !out.hasSuffix("-") {
                        out += "-"
                    }
                }
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "innovation" : String(trimmed.prefix(80))
    }

    /// Metrics of the whole network, shared by every innovation's report and the overview.
    struct Metrics: Sendable {
        let betweennessNormalized: [Double]
        let closeness: [Double]
        let pageRank: [Double]
        let holes: StructuralHoles
        let bridges: Set<Int32>
        /// Span per edge, NaN where the edge is no local bridge.
        let span: [Double]
        let eiRegion: [Double], eiType: [Double], eiSector: [Double]
        let blauType: [Double], blauRegion: [Double]
        let outsideRegion: [Double], outsideSector: [Double]
        let weakTieShare: [Double]
        let components: Int
        let transitivity: Double
        let networkEIRegion: Double, networkEIType: Double
    }

    static func computeMetrics(_ g: Graph, isWeak: [Bool], regions: [String?], sectors: [String?],
                               types: [String?]) throws -> Metrics {
        // One thread: a sum over sources split across cores can differ in its last bits with the number
        // of cores, and the report promises the same bytes on every machine (study graphs are small).
        // Normalised by the library: with two actors or fewer no pair has an intermediary, 0 (as
        // `weakties metrics` and networkx).
        let betweenness = try g.betweenness(BetweennessOptions(normalized: true, threads: 1, edgeScores: false)).nodes.values
        var span = [Double](repeating: .nan, count: g.edgeCount)
        for (edge, s) in g.localBridges() { span[Int(edge)] = s }
        return Metrics(
            betweennessNormalized: betweenness,
            closeness: try g.closeness(threads: 1).closeness.values,
            pageRank: try g.pageRank().values,
            holes: try g.structuralHoles(),
            bridges: Set(g.bridges()),
            span: span,
            eiRegion: try g.eiIndex(groups: regions).values,
            eiType: try g.eiIndex(groups: types).values,
            eiSector: try g.eiIndex(groups: sectors).values,
            blauType: try g.blauIndex(groups: types).values,
            blauRegion: try g.blauIndex(groups: regions).values,
            outsideRegion: try g.outsideShare(groups: regions).values,
            outsideSector: try g.outsideShare(groups: sectors).values,
            weakTieShare: try g.weakTieShare(isWeak: isWeak).values,
            components: g.connectedComponents().count,
            transitivity: g.clustering().transitivity,
            networkEIRegion: try g.networkEIIndex(groups: regions),
            networkEIType: try g.networkEIIndex(groups: types))
    }
}

/// What every innovation's computation shares.
struct BuildContext {
    let study: Study
    let graph: Graph
    let isWeak: [Bool]
    let regions: [String?]
    let types: [String?]
    let metrics: StudyReport.Metrics
    let suggestions: Int

    func innovation(_ v: Int, slug: String) -> InnovationReport {
        let actor = study.actors[v]
        let edges = graph.edges(of: Int32(v)).map(Int.init)
        let weak = edges.count { isWeak[$0] }
        let alters = edges.map { Int(graph.opposite(of: Int32(v), along: Int32($0))) }

        func categories(_ groups: [String?]) -> [CategoryCount] {
            var counts: [String?: (Int, Int)] = [:]
            for (e, w) in zip(edges, alters) {
                var c = counts[groups[w], default: (0, 0)]
                if isWeak[e] { c.1 += 1 } else { c.0 += 1 }
                counts[groups[w]] = c
            }
            // By count, then by value; alters without a value last.
            return counts.map { CategoryCount(category: $0.key, count: $0.value.0 + $0.value.1, strong: $0.value.0, weak: $0.value.1) }
                .sorted { a, b in
                    if a.count != b.count { return a.count > b.count }
                    if (a.category == nil) != (b.category == nil) { return b.category == nil }
                    return (a.category ?? "") < (b.category ?? "")
                }
        }

        let bridgeEdges = edges.filter { metrics.bridges.contains(Int32($0)) }
        let localEdges = edges.filter { !metrics.span[$0].isNaN }
        let granovetter = GranovetterCounts(
            bridges: bridgeEdges.count, weakBridges: bridgeEdges.count { isWeak[$0] },
            localBridges: localEdges.count, weakLocalBridges: localEdges.count { isWeak[$0] })

        let holes = metrics.holes
        let openness = Openness(
            eiRegion: metrics.eiRegion[v], eiPartnerType: metrics.eiType[v], eiSector: metrics.eiSector[v],
            blauPartnerType: metrics.blauType[v], blauRegion: metrics.blauRegion[v],
            outsideRegionShare: metrics.outsideRegion[v], outsideSectorShare: metrics.outsideSector[v],
            egoDensity: holes.egoDensity.values[v], constraint: holes.constraint.values[v],
            effectiveSize: holes.effectiveSize.values[v], efficiency: holes.efficiency.values[v])
        let centrality = Centrality(degree: edges.count, betweennessNormalized: metrics.betweennessNormalized[v],
                                    closeness: metrics.closeness[v], pageRank: metrics.pageRank[v])

        // Evidence per tie, with the initiating role seen from the innovation.
        let evidence: [TieEvidence] = zip(edges, alters).map { e, w in
            let mentions = study.ties.mentionIndices[study.ties.mentionOffsets[e]..<study.ties.mentionOffsets[e + 1]].map(Int.init)
            var since: Int?
            for m in mentions { if let year = study.mentions.since(m), year < since ?? .max { since = year } }
            return TieEvidence(tie: e, partner: w, strength: study.ties.strength[e],
                               strongVotes: Int(study.ties.strongVotes[e]), weakVotes: Int(study.ties.weakVotes[e]),
                               isBridge: metrics.bridges.contains(Int32(e)), localBridgeSpan: metrics.span[e],
                               initiator: initiatorRole(of: mentions, innovation: v), since: since, mentions: mentions)
        }.sorted { a, b in
            if a.strength != b.strength { return a.strength == .strong }
            return StudyReport.order(study.actors[a.partner], study.actors[b.partner])
        }

        return InnovationReport(
            actor: v, id: actor.id, label: actor.label, slug: slug, region: StudyReport.clean(actor.region),
            sector: StudyReport.clean(actor.sector), established: actor.established, founded: actor.founded,
            tieCount: edges.count, strongTies: edges.count - weak, weakTies: weak, weakTieShare: metrics.weakTieShare[v],
            partnersByType: categories(types), partnersByRegion: categories(regions), granovetter: granovetter,
            openness: openness, centrality: centrality, initiation: initiation(evidence),
            proximity: proximity(evidence), motives: values(evidence, field: .motive),
            benefits: values(evidence, field: .benefit), ties: evidence,
            tiesToStrengthen: tiesToStrengthen(v, evidence), partnersToMeet: partnersToMeet(v, alters: Set(alters)))
    }

    /// The role coded most often among a tie's mentions, seen from the innovation; equal counts go to the
    /// role of the earliest such mention; `unknown` where no mention codes an initiator.
    func initiatorRole(of mentions: [Int], innovation v: Int) -> InitiatorRole {
        var counts: [InitiatorRole: Int] = [:]
        var first: [InitiatorRole: Int] = [:]
        for (position, m) in mentions.enumerated() {
            let role: InitiatorRole
            switch study.mentions.initiator(m) {
            case .source?: role = Int(study.mentions.source[m]) == v ? .innovation : .partner
            case .target?: role = Int(study.mentions.target[m]) == v ? .innovation : .partner
            case .both?: role = .both
            case .third?: role = .third
            case .unknown?, nil: continue
            }
            counts[role, default: 0] += 1
            if first[role] == nil { first[role] = position }
        }
        return counts.keys.min { a, b in
            counts[a]! != counts[b]! ? counts[a]! > counts[b]! : first[a]! < first[b]!
        } ?? .unknown
    }

    func initiation(_ evidence: [TieEvidence]) -> Initiation {
        var counts = Dictionary(uniqueKeysWithValues: InitiatorRole.allCases.map { ($0, 0) })
        for tie in evidence { counts[tie.initiator]! += 1 }
        let coded = evidence.count - counts[.unknown]!
        func share(_ role: InitiatorRole) -> Double { coded == 0 ? .nan : Double(counts[role]!) / Double(coded) }
        let own = counts[.innovation]!, partner = counts[.partner]!
        let pattern = coded == 0 ? "uncoded" : own > partner ? "seeking" : partner > own ? "sought"
            : own == 0 ? "joint" : "balanced"
        return Initiation(counts: counts, innovationShare: share(.innovation), partnerShare: share(.partner),
                          bothShare: share(.both), thirdShare: share(.third), pattern: pattern)
    }

    func proximity(_ evidence: [TieEvidence]) -> [ProximityProfile] {
        ProximityDimension.allCases.map { dimension in
            var levels = [0, 0, 0, 0]  // uncoded, low, medium, high
            for tie in evidence {
                for m in tie.mentions { levels[study.mentions.proximity(dimension, m)?.rawValue ?? 0] += 1 }
            }
            let coded = levels[1] + levels[2] + levels[3]
            let mean = coded == 0 ? Double.nan : Double(levels[1] + 2 * levels[2] + 3 * levels[3]) / Double(coded)
            return ProximityProfile(dimension: dimension, low: levels[1], medium: levels[2], high: levels[3],
                                    uncoded: levels[0], mean: mean)
        }
    }

    /// Motives or benefits: each mention's text split at `,` and `;`, trimmed; counted once per tie.
    func values(_ evidence: [TieEvidence], field: TieField) -> [ValueCount] {
        guard let column = study.mentions.column(named: field.rawValue) else { return [] }
        var counts: [String: Int] = [:]
        for tie in evidence {
            var seen = Set<String>()
            for m in tie.mentions {
                for part in study.mentions.cells[column][m].split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    let value = part.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !value.isEmpty { seen.insert(value) }
                }
            }
            for value in seen { counts[value, default: 0] += 1 }
        }
        return counts.map { ValueCount(value: $0.key, ties: $0.value) }.sorted { a, b in
            if a.ties != b.ties { return a.ties > b.ties }
            let la = a.value.lowercased(), lb = b.value.lowercased()
            return la != lb ? la < lb : a.value < b.value
        }
    }

    /// Weak ties that carry what strong ties cannot (bridges, local bridges, ties to partners who work
    /// with other innovations). Score = 100 for a bridge + the span of a local bridge (at most 20; a
    /// bridge's infinite span counts 20) + the number of other innovations the partner is tied to + the
    /// partner's normalised betweenness (at most 1, a tie-breaker).
    func tiesToStrengthen(_ v: Int, _ evidence: [TieEvidence]) -> [Suggestion] {
        let candidates: [Suggestion] = evidence.filter { $0.strength == .weak }.compactMap { tie in
            var reasons: [String] = []
            if tie.isBridge { reasons.append("bridge") } else if !tie.localBridgeSpan.isNaN { reasons.append("local_bridge") }
            let otherInnovations = graph.neighbors(of: Int32(tie.partner)).count {
                Int($0) != v && study.actors[Int($0)].kind == .innovation
            }
            if otherInnovations > 0 { reasons.append("broker") }
            let b = metrics.betweennessNormalized[tie.partner]
            if reasons.isEmpty { return nil }
            let score = (tie.isBridge ? 100 : 0) + (tie.localBridgeSpan.isNaN ? 0 : min(tie.localBridgeSpan, 20))
                + Double(otherInnovations) + (b.isNaN ? 0 : b)
            return Suggestion(partner: tie.partner, tie: tie.tie, reasons: reasons, introducers: [], score: score)
        }
        return Array(candidates.sorted { rank($0, $1) }.prefix(suggestions))
    }

    /// Partners two steps away (someone it knows can introduce them), ordered strictly: first by how
    /// many of {a partner type, a region} it has no tie to yet they bring, then by the number of
    /// introducers, then by their number of ties. Score = 1,000,000 × new + 1,000 × introducers
    /// (at most 999) + ties (at most 999), which encodes that order.
    func partnersToMeet(_ v: Int, alters: Set<Int>) -> [Suggestion] {
        let ownTypes = Set(alters.compactMap { types[$0] })
        let ownRegions = Set(alters.compactMap { regions[$0] } + [regions[v]].compactMap { $0 })
        var introducers: [Int: [Int]] = [:]
        for a in alters.sorted() {
            for w in graph.neighbors(of: Int32(a)).map(Int.init) where w != v && !alters.contains(w)
                && study.actors[w].kind == .partner {
                if introducers[w]?.last != a { introducers[w, default: []].append(a) }
            }
        }
        let candidates: [Suggestion] = introducers.map { w, via in
            var reasons: [String] = []
            if let t = types[w], !ownTypes.contains(t) { reasons.append("new_partner_type") }
            if let r = regions[w], !ownRegions.contains(r) { reasons.append("new_region") }
            reasons.append("introduced")
            let degree = graph.degree(of: Int32(w))
            let score = Double(reasons.count - 1) * 1_000_000 + Double(min(via.count, 999)) * 1_000 + Double(min(degree, 999))
            let sortedVia = via.sorted { StudyReport.order(study.actors[$0], study.actors[$1]) }
            return Suggestion(partner: w, tie: nil, reasons: reasons, introducers: Array(sortedVia.prefix(3)), score: score)
        }
        return Array(candidates.sorted { rank($0, $1) }.prefix(suggestions))
    }

    private func rank(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return StudyReport.order(study.actors[a.partner], study.actors[b.partner])
    }
}
