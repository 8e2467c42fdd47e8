import Foundation
import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// Builds innovation profiles from a study's metrics: every study-wide value is read once from
/// `StudyMetrics` when this is made, so `profile(of:)` only gathers an innovation's own values and can
/// run on several threads at once (each profile reads the shared values only; the same result on any
/// number of cores).
public struct InnovationProfiles: Sendable {
    /// The costly parts of a profile, computed only when asked for: a comparison of innovations needs
    /// neither (on the 2,500-innovation benchmark study, betweenness, closeness and the matching were
    /// 95 % of `weakties compare`).
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Normalised betweenness, closeness and PageRank (`centrality`; NaN without it).
        public static let position = Parts(rawValue: 1)
        /// Ties to strengthen and partners to meet (empty without it; implies `position`, the tie-breaker).
        public static let suggestions = Parts(rawValue: 2)
        /// Everything: `position` and `suggestions` (the default).
        public static let all: Parts = [.position, .suggestions]
    }

    /// The study's metrics the profiles read (its weights apply to Burt's measures, betweenness and
    /// closeness).
    public let metrics: StudyMetrics
    /// What the profiles hold beyond the cheap values.
    public let parts: Parts
    /// How many ties to strengthen and partners to meet a profile lists.
    public let suggestions: Int
    let study: Study
    let graph: Graph
    let isWeak: [Bool]
    let regions: [String?], types: [String?], sectors: [String?]
    let betweennessNormalized: [Double], closeness: [Double], pageRank: [Double]
    let holes: StructuralHoles
    let isBridge: [Bool], span: [Double]
    let eiRegion: [Double], eiType: [Double], eiSector: [Double]
    let blauType: [Double], blauRegion: [Double]
    let outsideRegion: [Double], outsideSector: [Double]
    let weakTieShare: [Double]
    /// `StudyMetrics.labelRanks`: each profile's evidence is sorted by it (byLabel's lower-casing per
    /// comparison was 0.16 of the regional model's 18 CPU seconds).
    let labelRank: [Int32]
    /// The matching behind "partners worth meeting" (default weights, no filters, no betweenness); nil
    /// without `Parts.suggestions`.
    public let matching: Matching?

    /// Reads the study-wide values the profiles need (unweighted where `metrics` is); the costly ones
    /// only for `parts`.
    /// - Throws: `MetricError` from the metrics (none for a study that loaded).
    public init(metrics: StudyMetrics, suggestions: Int = 5, parts: Parts = .all) throws {
        self.metrics = metrics
        self.suggestions = suggestions
        let parts = parts.contains(.suggestions) ? parts.union(.position) : parts
        self.parts = parts
        study = metrics.study
        graph = metrics.graph
        isWeak = metrics.isWeak
        regions = try metrics.groups(by: "region")
        types = try metrics.groups(by: "partner_type")
        sectors = try metrics.groups(by: "sector")
        let undefined = [Double](repeating: .nan, count: metrics.graph.nodeCount)
        betweennessNormalized = parts.contains(.position) ? try metrics.scores(.betweennessNormalized).values : undefined
        closeness = parts.contains(.position) ? try metrics.scores(.closeness).values : undefined
        pageRank = parts.contains(.position) ? try metrics.scores(.pagerank).values : undefined
        holes = try metrics.structuralHoles()
        isBridge = metrics.isBridge
        span = metrics.localBridgeSpan
        eiRegion = try metrics.scores(.eiIndex, by: "region").values
        eiType = try metrics.scores(.eiIndex, by: "partner_type").values
        eiSector = try metrics.scores(.eiIndex, by: "sector").values
        blauType = try metrics.scores(.blau, by: "partner_type").values
        blauRegion = try metrics.scores(.blau, by: "region").values
        outsideRegion = try metrics.scores(.outsideShare, by: "region").values
        outsideSector = try metrics.scores(.outsideShare, by: "sector").values
        weakTieShare = try metrics.scores(.weakTieShare).values
        labelRank = metrics.labelRanks
        matching = parts.contains(.suggestions) ? try Matching(metrics: metrics) : nil
        // Read here, once, so the profiles (built on several threads) only read shared values.
        _ = try metrics.scores(.bridges)
    }

    /// The profile of the innovation (or any actor) with index `v`.
    public func profile(of v: Int) -> InnovationProfile {
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

        let openness = Openness(
            eiRegion: eiRegion[v], eiPartnerType: eiType[v], eiSector: eiSector[v],
            blauPartnerType: blauType[v], blauRegion: blauRegion[v],
            outsideRegionShare: outsideRegion[v], outsideSectorShare: outsideSector[v],
            egoDensity: holes.egoDensity.values[v], constraint: holes.constraint.values[v],
            effectiveSize: holes.effectiveSize.values[v], efficiency: holes.efficiency.values[v])
        let centrality = Centrality(degree: edges.count, betweennessNormalized: betweennessNormalized[v],
                                    closeness: closeness[v], pageRank: pageRank[v])

        // Evidence per tie, with the initiating role seen from the innovation.
        let evidence: [TieEvidence] = zip(edges, alters).map { e, w in
            let mentions = study.ties.mentionIndices[study.ties.mentionOffsets[e]..<study.ties.mentionOffsets[e + 1]].map(Int.init)
            return TieEvidence(tie: e, partner: w, strength: study.ties.strength[e],
                               strongVotes: Int(study.ties.strongVotes[e]), weakVotes: Int(study.ties.weakVotes[e]),
                               isBridge: isBridge[e], localBridgeSpan: span[e],
                               initiator: initiatorRole(of: mentions, innovation: v), since: study.earliestYear(ofTie: e),
                               mentions: mentions)
        }.sorted { a, b in
            if a.strength != b.strength { return a.strength == .strong }
            return labelRank[a.partner] < labelRank[b.partner]
        }

        return InnovationProfile(
            actor: v, id: actor.id, label: actor.label, region: regions[v],
            sector: sectors[v], established: actor.established, founded: actor.founded,
            tieCount: edges.count, strongTies: edges.count - weak, weakTies: weak, weakTieShare: weakTieShare[v],
            partnersByType: categories(types), partnersByRegion: categories(regions), granovetter: metrics.granovetter(of: v),
            openness: openness, centrality: centrality, initiation: initiation(evidence),
            proximity: proximity(evidence), motives: values(evidence, field: .motive),
            benefits: values(evidence, field: .benefit), ties: evidence,
            tiesToStrengthen: parts.contains(.suggestions) ? tiesToStrengthen(v, evidence) : [],
            partnersToMeet: parts.contains(.suggestions) ? partnersToMeet(v) : [])
    }

    func initiatorRole(of mentions: [Int], innovation v: Int) -> InitiatorRole { study.initiatorRole(of: mentions, innovation: v) }

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
                seen.formUnion(CellParser.listValues(study.mentions.cells[column][m]))
            }
            for value in seen { counts[value, default: 0] += 1 }
        }
        return counts.map { ValueCount(value: $0.key, ties: $0.value) }.sorted { a, b in
            if a.ties != b.ties { return a.ties > b.ties }
            let la = a.value.lowercased(), lb = b.value.lowercased()
            return la != lb ? la < lb : a.value < b.value
        }
    }
}

/// The order of actors in reports and lists.
extension Actor {
    /// Actors listed by label, then id (case-insensitive, then exact): the order of innovations in a
    /// report and of partners in lists.
    public static func byLabel(_ a: Actor, _ b: Actor) -> Bool {
        let la = a.label.lowercased(), lb = b.label.lowercased()
        if la != lb { return la < lb }
        return a.id < b.id
    }

    /// `indices` (into `actors`) in `byLabel` order, each label lower-cased once.
    public static func sortedByLabel(_ indices: [Int], in actors: [Actor]) -> [Int] {
        let keys = indices.map { actors[$0].label.lowercased() }
        return indices.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : actors[indices[a]].id < actors[indices[b]].id
        }.map { indices[$0] }
    }
}

