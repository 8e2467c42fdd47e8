// WeakTiesAnalysis: what a study means, computed once (StudyMetrics, profiles, suggestions; later matching,
// agreement, timeline). Not here: files, formatting, drawing, flags — those read these values.
import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// One innovation as the study sees it: every number its report pages show, computed once from the
/// study's `StudyMetrics`. Writers (JSON, CSV, HTML, Markdown) only format it.
///
/// Shares and indices are `Double` and NaN where undefined (no ties, no coded values); they are
/// `null` in JSON, empty in CSV and "–" on pages.
public struct InnovationProfile: Sendable {
    /// Actor index of the innovation in the study (node index in the graph).
    public let actor: Int
    public let id: String
    public let label: String
    public let region: String?
    public let sector: String?
    public let established: Bool?
    public let founded: Int?

    /// Its ties, strong and weak, and the share that is weak.
    public let tieCount: Int
    public let strongTies: Int
    public let weakTies: Int
    public let weakTieShare: Double
    /// Alters by partner type (innovations as `innovation`, unknown as `unknown`) and by region.
    public let partnersByType: [CategoryCount]
    public let partnersByRegion: [CategoryCount]
    /// Granovetter's test for this innovation's ties.
    public let granovetter: GranovetterCounts
    public let openness: Openness
    public let centrality: Centrality
    public let initiation: Initiation
    /// Per proximity dimension, in `ProximityDimension.allCases` order.
    public let proximity: [ProximityProfile]
    public let motives: [ValueCount]
    public let benefits: [ValueCount]
    /// Every tie of the innovation with its mentions, strong ties first, then by partner label.
    public let ties: [TieEvidence]
    /// Weak ties worth strengthening, best first.
    public let tiesToStrengthen: [Suggestion]
    /// Partners (not yet tied to it) worth meeting, best first.
    public let partnersToMeet: [Suggestion]
}

/// A category with how many alters fall into it, split by tie strength.
public struct CategoryCount: Sendable, Equatable {
    /// The value (nil: alters without a value).
    public let category: String?
    public let count: Int
    public let strong: Int
    public let weak: Int

    public init(category: String?, count: Int, strong: Int, weak: Int) {
        self.category = category
        self.count = count
        self.strong = strong
        self.weak = weak
    }
}

/// A coded value (motive, benefit) and the number of ties it was coded for.
public struct ValueCount: Sendable, Equatable {
    public let value: String
    public let ties: Int

    public init(value: String, ties: Int) {
        self.value = value
        self.ties = ties
    }
}

/// Openness of an innovation's network (see Docs/Metrics/GroupMixing.md and StructuralHoles.md).
public struct Openness: Sendable {
    /// Node E-I index by region, by partner type (innovations form the group `innovation`) and by sector.
    public let eiRegion: Double
    public let eiPartnerType: Double
    public let eiSector: Double
    /// Blau heterogeneity of the alters' partner types and regions.
    public let blauPartnerType: Double
    public let blauRegion: Double
    /// Share of alters outside its own region / sector.
    public let outsideRegionShare: Double
    public let outsideSectorShare: Double
    /// Burt's measures, unweighted.
    public let egoDensity: Double
    public let constraint: Double
    public let effectiveSize: Double
    public let efficiency: Double
}

/// Position in the whole study network.
public struct Centrality: Sendable {
    public let degree: Int
    public let betweennessNormalized: Double
    public let closeness: Double
    public let pageRank: Double
}

/// Who initiated the innovation's ties (see `InitiatorRole`).
public struct Initiation: Sendable {
    /// Ties by initiating role, in `InitiatorRole.allCases` order.
    public let counts: [InitiatorRole: Int]
    /// Shares of the ties with a coded initiator (NaN when none is coded).
    public let innovationShare: Double
    public let partnerShare: Double
    public let bothShare: Double
    public let thirdShare: Double
    /// `seeking` (the innovation initiated more ties than partners did), `sought` (the reverse),
    /// `balanced` (equally many, at least one each), `joint` (every coded tie started by both or a
    /// third party), or `uncoded`.
    public let pattern: String
}

/// Who started a tie, from the innovation's point of view.
public enum InitiatorRole: String, Sendable, CaseIterable {
    case innovation, partner, both, third, unknown
}

extension Study {
    /// The role coded most often among a tie's mentions, seen from the innovation; equal counts go to the
    /// role of the earliest such mention; `unknown` where no mention codes an initiator. (The one
    /// definition: the report's initiation and the timeline read it.)
    func initiatorRole(of mentions: [Int], innovation v: Int) -> InitiatorRole {
        var counts: [InitiatorRole: Int] = [:]
        var first: [InitiatorRole: Int] = [:]
        for (position, m) in mentions.enumerated() {
            let role: InitiatorRole
            switch self.mentions.initiator(m) {
            case .source?: role = Int(self.mentions.source[m]) == v ? .innovation : .partner
            case .target?: role = Int(self.mentions.target[m]) == v ? .innovation : .partner
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
}

/// Coded levels of one proximity dimension over the mentions of the innovation's ties.
public struct ProximityProfile: Sendable {
    public let dimension: ProximityDimension
    public let low: Int
    public let medium: Int
    public let high: Int
    public let uncoded: Int
    /// Mean level on the 1 (low) – 3 (high) scale; NaN when nothing is coded.
    public let mean: Double
}

/// One tie of an innovation with the interview evidence behind it.
public struct TieEvidence: Sendable {
    public let tie: Int
    /// The other end.
    public let partner: Int
    public let strength: Strength
    public let strongVotes: Int
    public let weakVotes: Int
    public let isBridge: Bool
    /// Span of the local bridge (NaN when it is none).
    public let localBridgeSpan: Double
    public let initiator: InitiatorRole
    public let since: Int?
    public let mentions: [Int]
}

/// A suggested action with its reasons (stable keys, translated on the pages).
public struct Suggestion: Sendable, Equatable {
    /// The partner.
    public let partner: Int
    /// The tie concerned (for ties to strengthen), else `nil`.
    public let tie: Int?
    /// Reason keys: `bridge`, `local_bridge`, `broker`; `new_partner_type`, `new_region`, `new_sector`,
    /// `new_community`, `lower_constraint`, `introduced`.
    public let reasons: [String]
    /// Actors who could introduce (for partners to meet): common neighbours, strong ties first, then by label.
    public let introducers: [Int]
    public let score: Double
}
