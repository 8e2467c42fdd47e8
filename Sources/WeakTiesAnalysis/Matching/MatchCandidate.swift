import WeakTiesStudy

/// A possible new weak tie between an innovation and a partner, with what it would change.
public struct MatchCandidate: Sendable, Equatable {
    public let innovation: Int
    public let partner: Int
    /// Shortest-path distance (hops) between them before the tie; `nil` when unreachable.
    public let distance: Int?
    /// Link prediction (Liben-Nowell & Kleinberg 2007), as networkx defines them: common neighbours,
    /// Jaccard |N(i)∩N(p)| / |N(i)∪N(p)| (NaN when both have no ties), Adamic–Adar Σ 1/ln deg(z),
    /// resource allocation Σ 1/deg(z) over common neighbours z.
    public let commonNeighbors: Int
    public let jaccard: Double
    public let adamicAdar: Double
    public let resourceAllocation: Double
    /// Burt's constraint and effective size of the innovation before and after (unweighted; NaN before
    /// when it has no ties).
    public let constraintBefore: Double
    public let constraintAfter: Double
    public let effectiveSizeBefore: Double
    public let effectiveSizeAfter: Double
    /// The innovation's normalised betweenness before and after, where computed.
    public let betweennessBefore: Double?
    public let betweennessAfter: Double?
    /// The partner's type, region, sector when none of the innovation's partners (nor, for region and
    /// sector, the innovation itself) has it; else `nil`.
    public let newPartnerType: String?
    public let newRegion: String?
    public let newSector: String?
    /// The partner's Louvain community when neither the innovation nor its partners are in it.
    public let newCommunity: Int?
    /// Actors within two steps of the innovation after the tie that were not before (the partner and
    /// its contacts the innovation cannot reach in two steps yet), and how they divide by type and region.
    public let reachGained: Int
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
    public let partnerType: String?
    public let region: String?
    public let count: Int
}

/// Someone both know.
public struct Introducer: Sendable, Equatable {
    public let actor: Int
    /// The introducer's tie to the candidate partner and to the innovation (study tie indices).
    public let tieToPartner: Int
    public let tieToInnovation: Int
    public let partnerTieStrong: Bool
    public let innovationTieStrong: Bool
    /// The first quote on the introducer's tie to the partner, and its mention.
    public let quote: String?
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
    public var newRegion: Double
    public var newSector: Double
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
    public var newPartnerType = 1.0
    public var newRegion = 0.5
    public var newSector = 0.5
    public var newCommunity = 1.0
    public var constraintDrop = 2.0
    public var reach = 1.0
    public var introduced = 1.0
    public var betweenness = 0.0

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
    public let a: Int, b: Int
    public init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
}

/// Which candidates to consider.
public struct MatchFilters: Sendable, Equatable {
    /// Only partners of these types / regions (empty: any).
    public var partnerTypes: Set<String> = []
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

    public init() {}
}

/// A proximity a candidate's existing ties must code.
public struct ProximityRequirement: Sendable, Equatable {
    public let dimension: ProximityDimension
    public let level: ProximityLevel
    public init(dimension: ProximityDimension, level: ProximityLevel = .high) {
        self.dimension = dimension
        self.level = level
    }
}

/// A matching request the study cannot meet. Messages speak of the data.
public enum MatchError: Error, Equatable, CustomStringConvertible {
    case unknownWeight(String, expected: [String])
    case negativeWeight(String, Double)
    case noInnovations(String)
    case noPartners(String)
    case capacity(String)
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
