import WeakTiesStudy

/// A possible new weak tie between an innovation and a partner, with what it would change.
public struct MatchCandidate: Sendable, Equatable {
    /// Actor index of the innovation.
    public let innovation: Int
    /// Actor index of the candidate partner (a partner or an actor of unknown kind, not yet tied to it).
    public let partner: Int
    /// Shortest-path distance (hops) between them before the tie; `nil` when unreachable.
    public let distance: Int?
    /// Link prediction (Liben-Nowell & Kleinberg 2007), as networkx defines them: common neighbours,
    /// Jaccard |N(i)∩N(p)| / |N(i)∪N(p)| (NaN when both have no ties), Adamic–Adar Σ 1/ln deg(z),
    /// resource allocation Σ 1/deg(z) over common neighbours z.
    public let commonNeighbors: Int
    /// Jaccard |N(i)∩N(p)| / |N(i)∪N(p)|, from 0 to 1; NaN when both have no ties.
    public let jaccard: Double
    /// Adamic–Adar Σ 1/ln deg(z) over the common neighbours z; 0 without common neighbours.
    public let adamicAdar: Double
    /// Resource allocation Σ 1/deg(z) over the common neighbours z; 0 without common neighbours.
    public let resourceAllocation: Double
    /// Burt's constraint and effective size of the innovation before and after (unweighted; NaN before
    /// when it has no ties).
    public let constraintBefore: Double
    /// Burt's constraint of the innovation with the tie added (unweighted).
    public let constraintAfter: Double
    /// Burt's effective size of the innovation before the tie (unweighted); NaN when it has no ties.
    public let effectiveSizeBefore: Double
    /// Burt's effective size of the innovation with the tie added (unweighted).
    public let effectiveSizeAfter: Double
    /// The innovation's normalised betweenness before and after, where computed.
    public let betweennessBefore: Double?
    /// The innovation's normalised betweenness with the tie added; nil where not computed (NaN where
    /// the computation failed).
    public let betweennessAfter: Double?
    /// The partner's type, region, sector when none of the innovation's partners (nor, for region and
    /// sector, the innovation itself) has it; else `nil`.
    public let newPartnerType: String?
    /// The partner's region when neither the innovation nor any of its partners has it; else `nil`.
    public let newRegion: String?
    /// The partner's sector when neither the innovation nor any of its partners has it; else `nil`.
    public let newSector: String?
    /// The partner's Louvain community when neither the innovation nor its partners are in it.
    public let newCommunity: Int?
    /// Actors within two steps of the innovation after the tie that were not before (the partner and
    /// its contacts the innovation cannot reach in two steps yet), and how they divide by type and region.
    public let reachGained: Int
    /// The actors of `reachGained` by partner type (innovations as `innovation`) and region: the
    /// largest group first, then by type and region, unknown values last.
    public let reachedGroups: [ReachedGroup]
    /// Common neighbours who can introduce them, strong ties first.
    public let introducers: [Introducer]
    /// The score's terms (see `MatchComponents`).
    public let components: MatchComponents
    /// Σ weight × component (see `MatchWeights`).
    public let score: Double

    /// Change of normalised betweenness (NaN where not computed).
    public var betweennessGain: Double {
        guard let before = betweennessBefore, let after = betweennessAfter else { return .nan }
        return after - before
    }

    func withBetweenness(before: Double, after: Double, weights: MatchWeights) -> MatchCandidate {
        var components = components
        let gain = after - before
        components.betweenness = gain.isNaN ? 0 : gain
        return MatchCandidate(
            innovation: innovation, partner: partner, distance: distance, commonNeighbors: commonNeighbors,
            jaccard: jaccard, adamicAdar: adamicAdar, resourceAllocation: resourceAllocation,
            constraintBefore: constraintBefore, constraintAfter: constraintAfter,
            effectiveSizeBefore: effectiveSizeBefore, effectiveSizeAfter: effectiveSizeAfter,
            betweennessBefore: before, betweennessAfter: after, newPartnerType: newPartnerType,
            newRegion: newRegion, newSector: newSector, newCommunity: newCommunity, reachGained: reachGained,
            reachedGroups: reachedGroups, introducers: introducers, components: components,
            score: components.score(weights))
    }
}

/// Actors newly within reach, by partner type and region.
public struct ReachedGroup: Sendable, Equatable {
    struct Key: Hashable { let partnerType: String?; let region: String? }
    /// Their partner type (innovations without one as `innovation`); nil where unknown.
    public let partnerType: String?
    /// Their region; nil where unknown.
    public let region: String?
    /// How many actors newly within reach have this type and region.
    public let count: Int
}

/// Someone both know.
public struct Introducer: Sendable, Equatable {
    /// Actor index of the introducer (a common neighbour of the innovation and the partner).
    public let actor: Int
    /// The introducer's tie to the candidate partner and to the innovation (study tie indices).
    public let tieToPartner: Int
    /// Study tie index of the introducer's tie to the innovation.
    public let tieToInnovation: Int
    /// Whether the introducer's tie to the partner is strong.
    public let partnerTieStrong: Bool
    /// Whether the introducer's tie to the innovation is strong.
    public let innovationTieStrong: Bool
    /// The first quote on the introducer's tie to the partner, and its mention.
    public let quote: String?
    /// Index of the mention that `quote` comes from; nil when no mention of that tie has a quote.
    public let quoteMention: Int?

    /// How many of the two ties are strong.
    public var strongTies: Int { (partnerTieStrong ? 1 : 0) + (innovationTieStrong ? 1 : 0) }
}

/// The terms of the score; each is in [0, 1] except the constraint drop (negative when the new tie adds
/// constraint: a partner tied to all of the innovation's partners) and the betweenness gain (a
/// difference of shares).
public struct MatchComponents: Sendable, Equatable {
    /// 1 when the partner brings a partner type, region, sector or community the innovation lacks.
    public var newPartnerType: Double
    /// 1 when the partner's region is new to the innovation (`MatchCandidate.newRegion`), else 0.
    public var newRegion: Double
    /// 1 when the partner's sector is new to the innovation (`MatchCandidate.newSector`), else 0.
    public var newSector: Double
    /// 1 when the partner's community is new to the innovation (`MatchCandidate.newCommunity`), else 0.
    public var newCommunity: Double
    /// (constraint before − after) / before: how much less the innovation depends on few contacts (at
    /// most 1; 1 for an innovation without ties).
    public var constraintDrop: Double
    /// r / (r + 5) for r actors newly within two steps: saturates, so a hub does not win by size alone.
    public var reach: Double
    /// min(introducers, 3) / 3: a warm introduction is possible.
    public var introduced: Double
    /// Gain in normalised betweenness (0 where not computed).
    public var betweenness: Double

    /// Σ weight × term.
    public func score(_ w: MatchWeights) -> Double {
        w.newPartnerType * newPartnerType + w.newRegion * newRegion + w.newSector * newSector
            + w.newCommunity * newCommunity + w.constraintDrop * constraintDrop + w.reach * reach
            + w.introduced * introduced + w.betweenness * betweenness
    }
}

/// The weights of the score's terms. Defaults (Docs/Matching.md): openness first — a new partner type
/// and a new community weigh 1, less constraint 2 (Burt: open networks); reaching further (weak ties
/// reach where strong ones do not, Granovetter) 1; a possible introduction 1 (partners are won through
/// people who know both); a new region or sector ½ (think regionally: the region is the frame, a
/// neighbouring city a plus); betweenness 0 (costly; applied to the candidates shown).
public struct MatchWeights: Sendable, Equatable {
    /// Weight of `MatchComponents.newPartnerType` (default 1).
    public var newPartnerType = 1.0
    /// Weight of `MatchComponents.newRegion` (default ½).
    public var newRegion = 0.5
    /// Weight of `MatchComponents.newSector` (default ½).
    public var newSector = 0.5
    /// Weight of `MatchComponents.newCommunity` (default 1).
    public var newCommunity = 1.0
    /// Weight of `MatchComponents.constraintDrop` (default 2).
    public var constraintDrop = 2.0
    /// Weight of `MatchComponents.reach` (default 1).
    public var reach = 1.0
    /// Weight of `MatchComponents.introduced` (default 1).
    public var introduced = 1.0
    /// Weight of `MatchComponents.betweenness` (default 0; when positive, applied to the candidates
    /// chosen without it).
    public var betweenness = 0.0

    /// The default weights.
    public init() {}

    /// The weights by their names in outputs and options.
    nonisolated(unsafe) public static let names: [(name: String, key: WritableKeyPath<MatchWeights, Double>)] = [
        ("new_partner_type", \.newPartnerType), ("new_region", \.newRegion), ("new_sector", \.newSector),
        ("new_community", \.newCommunity), ("constraint_drop", \.constraintDrop), ("reach", \.reach),
        ("introduced", \.introduced), ("betweenness", \.betweenness),
    ]

    /// Sets the weight called `name`. - Throws: `MatchError.unknownWeight`, `.negativeWeight`.
    public mutating func set(_ name: String, _ value: Double) throws(MatchError) {
        guard let key = Self.names.first(where: { $0.name == name })?.key else {
            throw .unknownWeight(name, expected: Self.names.map(\.name))
        }
        guard value.isFinite, value >= 0 else { throw .negativeWeight(name, value) }
        self[keyPath: key] = value
    }

    func validate() throws(MatchError) {
        for (name, key) in Self.names where !(self[keyPath: key].isFinite && self[keyPath: key] >= 0) {
            throw .negativeWeight(name, self[keyPath: key])
        }
    }
}

/// An unordered pair of actors.
public struct ActorPair: Hashable, Sendable {
    /// The smaller (`a`) and the larger (`b`) actor index.
    public let a: Int, b: Int
    /// The pair of `x` and `y`, in either order.
    public init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
}

/// Which candidates to consider.
public struct MatchFilters: Sendable, Equatable {
    /// Only partners of these types / regions (empty: any).
    public var partnerTypes: Set<String> = []
    /// Only partners of these regions (empty: any).
    public var regions: Set<String> = []
    /// Only partners in the innovation's own region ("think regionally").
    public var sameRegion = false
    /// Only partners with a tie to one of the innovation's partners coding one of these proximities at
    /// least at the level given.
    public var proximity: [ProximityRequirement] = []
    /// Pairs never proposed (must not be matched, or have met already).
    public var excluded: Set<ActorPair> = []
    /// Only these partners (e.g. those who accepted the invitation); `nil`: all.
    public var partners: Set<Int>? = nil

    /// No filters: every partner not yet tied to the innovation.
    public init() {}
}

/// A proximity a candidate's existing ties must code.
public struct ProximityRequirement: Sendable, Equatable {
    /// The proximity dimension coded.
    public let dimension: ProximityDimension
    /// The lowest level that meets the requirement.
    public let level: ProximityLevel
    /// A requirement of `dimension` at `level` or higher (default: high).
    public init(dimension: ProximityDimension, level: ProximityLevel = .high) {
        self.dimension = dimension
        self.level = level
    }
}

/// A matching request the study cannot meet. Messages speak of the data.
public enum MatchError: Error, Equatable, CustomStringConvertible {
    /// No score weight has this name; `expected` lists the names (`MatchWeights.names`).
    case unknownWeight(String, expected: [String])
    /// The weight named is negative or not finite.
    case negativeWeight(String, Double)
    /// What is named (the study, or an event's attendee list) has no innovations.
    case noInnovations(String)
    /// What is named (an event's attendee list) has no partners.
    case noPartners(String)
    /// Fixed meetings an event cannot hold (more than a person can attend, or naming someone not
    /// attending); the message names them.
    case capacity(String)
    /// An event request that cannot be planned (fewer than one round or seat); the message says why.
    case invalidPlan(String)

    public var description: String {
        switch self {
        case let .unknownWeight(name, expected): "unknown score weight '\(name)' (expected one of: \(expected.joined(separator: ", ")))"
        case let .negativeWeight(name, value): "the score weight '\(name)' must be a non-negative number, not \(value)"
        case let .noInnovations(what) where what == "the study":
            "the study has no innovations (no actor of kind 'innovation'): head the ties table's first column 'innovation' (then that end is an innovation), or give a nodes table whose 'kind' column says 'innovation'"
        case let .noInnovations(what): "\(what) lists no innovations: an event plan needs innovations and partners"
        case let .noPartners(what): "\(what) lists no partners: an event plan needs innovations and partners"
        case let .capacity(message): message
        case let .invalidPlan(message): message
        }
    }
}
