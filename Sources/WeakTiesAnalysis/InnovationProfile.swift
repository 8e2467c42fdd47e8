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
    /// The actor's id (trimmed, NFC-normalised).
    public let id: String
    /// Display name (the id where the nodes table gives none).
    public let label: String
    /// Its region (trimmed; nil where empty or not given).
    public let region: String?
    /// Its sector (trimmed; nil where empty or not given).
    public let sector: String?
    /// Long established (`true`) or new (`false`); nil where not coded.
    public let established: Bool?
    /// Year founded; nil where not given.
    public let founded: Int?

    /// Its ties, strong and weak, and the share that is weak.
    public let tieCount: Int
    /// Its ties whose aggregated strength is strong.
    public let strongTies: Int
    /// Its ties whose aggregated strength is weak.
    public let weakTies: Int
    /// `weakTies` / `tieCount`, from 0 to 1; NaN without ties.
    public let weakTieShare: Double
    /// Alters by partner type (innovations as `innovation`, unknown as `unknown`) and by region.
    public let partnersByType: [CategoryCount]
    /// Its ties by the alter's region: most ties first, then by region; alters without a region last.
    public let partnersByRegion: [CategoryCount]
    /// Granovetter's test for this innovation's ties.
    public let granovetter: GranovetterCounts
    /// How far its ties reach beyond its own region, sector and partner type, and Burt's measures.
    public let openness: Openness
    /// Its position in the whole network (NaN scores without `InnovationProfiles.Parts.position`).
    public let centrality: Centrality
    /// Who initiated its ties.
    public let initiation: Initiation
    /// Per proximity dimension, in `ProximityDimension.allCases` order.
    public let proximity: [ProximityProfile]
    /// Coded motives (each mention's text split at `,` and `;`), counted once per tie; most ties
    /// first, then alphabetically (case-insensitive). Empty without a motive column.
    public let motives: [ValueCount]
    /// Coded benefits, split and counted as `motives`. Empty without a benefit column.
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
    /// Ties to alters in the category (`strong` + `weak`).
    public let count: Int
    /// Of those, the strong ties.
    public let strong: Int
    /// Of those, the weak ties.
    public let weak: Int

    /// A category with its tie counts.
    public init(category: String?, count: Int, strong: Int, weak: Int) {
        self.category = category
        self.count = count
        self.strong = strong
        self.weak = weak
    }
}

/// A coded value (motive, benefit) and the number of ties it was coded for.
public struct ValueCount: Sendable, Equatable {
    /// The value as coded (trimmed).
    public let value: String
    /// Ties with at least one mention coding it.
    public let ties: Int

    /// A value with its tie count.
    public init(value: String, ties: Int) {
        self.value = value
        self.ties = ties
    }
}

/// Openness of an innovation's network (see Docs/Metrics/GroupMixing.md and StructuralHoles.md).
public struct Openness: Sendable {
    /// Node E-I index by region, by partner type (innovations form the group `innovation`) and by sector.
    public let eiRegion: Double
    /// Node E-I index by partner type, from −1 (all ties within its group) to +1 (all outside); NaN
    /// for an isolate, an actor of unknown group, or with fewer than two known partner types.
    public let eiPartnerType: Double
    /// Node E-I index by sector, from −1 to +1; NaN for an isolate, an actor of unknown sector, or
    /// with fewer than two known sectors.
    public let eiSector: Double
    /// Blau heterogeneity of the alters' partner types and regions.
    public let blauPartnerType: Double
    /// Blau heterogeneity `1 − Σ p²` of its distinct alters' regions, from 0 (one region) towards 1;
    /// NaN without an alter of known region.
    public let blauRegion: Double
    /// Share of alters outside its own region / sector.
    public let outsideRegionShare: Double
    /// Share of its distinct alters of known sector whose sector differs from its own, from 0 to 1;
    /// NaN where its own sector is unknown or no alter has a known one.
    public let outsideSectorShare: Double
    /// Burt's measures, unweighted.
    public let egoDensity: Double
    /// Burt's constraint, with the weights of the `StudyMetrics` (unweighted by default); higher means
    /// fewer structural holes; NaN for an isolate.
    public let constraint: Double
    /// Burt's effective size (non-redundant contacts), weighted as `constraint`; NaN for an isolate.
    public let effectiveSize: Double
    /// Effective size / number of contacts, from 0 to 1; NaN for an isolate.
    public let efficiency: Double
}

/// Position in the whole study network.
public struct Centrality: Sendable {
    /// Number of its ties.
    public let degree: Int
    /// Betweenness normalised by `2/((n−1)(n−2))`, from 0 to 1; NaN without
    /// `InnovationProfiles.Parts.position`.
    public let betweennessNormalized: Double
    /// Wasserman–Faust closeness (0 for an isolate); NaN without `InnovationProfiles.Parts.position`.
    public let closeness: Double
    /// PageRank (damping 0.85; the scores of all actors sum to 1); NaN without
    /// `InnovationProfiles.Parts.position`.
    public let pageRank: Double
}

/// Who initiated the innovation's ties (see `InitiatorRole`).
public struct Initiation: Sendable {
    /// Ties by initiating role, in `InitiatorRole.allCases` order.
    public let counts: [InitiatorRole: Int]
    /// Shares of the ties with a coded initiator (NaN when none is coded).
    public let innovationShare: Double
    /// Share of the coded ties the partner initiated, from 0 to 1 (NaN when none is coded).
    public let partnerShare: Double
    /// Share of the coded ties both sides initiated, from 0 to 1 (NaN when none is coded).
    public let bothShare: Double
    /// Share of the coded ties a third party initiated, from 0 to 1 (NaN when none is coded).
    public let thirdShare: Double
    /// `seeking` (the innovation initiated more ties than partners did), `sought` (the reverse),
    /// `balanced` (equally many, at least one each), `joint` (every coded tie started by both or a
    /// third party), or `uncoded`.
    public let pattern: String
}

/// Who started a tie, from the innovation's point of view.
public enum InitiatorRole: String, Sendable, CaseIterable {
    /// The innovation started the tie.
    case innovation
    /// The other end (partner or other innovation) started it.
    case partner
    /// Both ends started it together.
    case both
    /// A third party brought them together.
    case third
    /// No mention codes who started it (or every mention codes it as unknown).
    case unknown
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
    /// The dimension counted.
    public let dimension: ProximityDimension
    /// Mentions coding the level low.
    public let low: Int
    /// Mentions coding the level medium.
    public let medium: Int
    /// Mentions coding the level high.
    public let high: Int
    /// Mentions without a level for this dimension.
    public let uncoded: Int
    /// Mean level on the 1 (low) – 3 (high) scale; NaN when nothing is coded.
    public let mean: Double
}

/// One tie of an innovation with the interview evidence behind it.
public struct TieEvidence: Sendable {
    /// Index of the tie in the study (edge index in the graph).
    public let tie: Int
    /// The other end.
    public let partner: Int
    /// The aggregated strength (the study's strength rule over its mentions).
    public let strength: Strength
    /// Mentions coding the tie strong.
    public let strongVotes: Int
    /// Mentions coding the tie weak.
    public let weakVotes: Int
    /// Whether the tie is a bridge (its removal disconnects its ends).
    public let isBridge: Bool
    /// Span of the local bridge (NaN when it is none).
    public let localBridgeSpan: Double
    /// The role coded most often among its mentions, seen from the innovation (`unknown` where none
    /// is coded).
    public let initiator: InitiatorRole
    /// The earliest `since` year coded among its mentions; nil where none is coded.
    public let since: Int?
    /// Indices of its mentions (rows of the ties tables) in the study.
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
    /// Ranking score, higher first. Ties to strengthen: 100 for a bridge + a local bridge's span (at
    /// most 20) + other innovations the partner is tied to + its normalised betweenness; partners to
    /// meet: the matching's `MatchCandidate.score`.
    public let score: Double
}
