import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// The study as a whole: size, Granovetter's test, openness and data quality.
public struct StudyOverview: Sendable {
    /// Number of actors (innovations, partners and actors of unknown kind).
    public let actors: Int
    /// Number of innovations.
    public let innovations: Int
    /// Number of partners.
    public let partners: Int
    /// Number of ties (aggregated pairs).
    public let ties: Int
    /// Ties whose aggregated strength is strong.
    public let strongTies: Int
    /// Ties whose aggregated strength is weak.
    public let weakTies: Int
    /// Number of coded mentions (rows of the ties tables).
    public let mentions: Int
    /// Distinct non-empty interview ids among the mentions (0 without an interview column).
    public let interviews: Int
    /// Connected components, each isolate one of its own.
    public let components: Int
    /// Ties / possible ties; NaN with fewer than two actors.
    public let density: Double
    /// 3 × triangles / connected triples; NaN without a connected triple.
    public let transitivity: Double
    /// Share of the ties that are weak, from 0 to 1; NaN without ties.
    public let weakTieShare: Double
    /// Granovetter's test for the study: bridges and local bridges, and how many are weak.
    public let granovetter: GranovetterCounts
    /// Whole-network E-I index by region and by partner type (innovations as one group).
    public let eiRegion: Double
    /// Whole-network E-I index by partner type, from −1 to +1; NaN with fewer than two known groups.
    public let eiPartnerType: Double
    /// Mentions and interviews per coder, sorted by coder (empty without a coder column).
    public let coders: [CoderCount]
    /// Ties whose mentions disagree on the strength (strong and weak votes).
    public let strengthDisagreements: Int
    /// Actors named in the ties table but missing from the nodes table.
    public let undeclaredActors: Int
    /// The study's warnings from loading.
    public let warnings: [Diagnostic]
    /// The study's notices from loading.
    public let notices: [Diagnostic]
}

/// How much one coder coded.
public struct CoderCount: Sendable, Equatable {
    /// The coder as coded (empty for mentions without one).
    public let coder: String
    /// Mentions the coder coded.
    public let mentions: Int
    /// Distinct non-empty interviews among those mentions.
    public let interviews: Int

    /// A coder with its counts.
    public init(coder: String, mentions: Int, interviews: Int) {
        self.coder = coder
        self.mentions = mentions
        self.interviews = interviews
    }
}

extension StudyOverview {
    /// The overview of `metrics`' study: every study-level number read from `metrics`.
    /// - Throws: `MetricError` (none for a study that loaded).
    public init(metrics: StudyMetrics) throws {
        let study = metrics.study
        let interviewColumn = study.mentions.column(named: TieField.interview.rawValue)
        var coders: [String: (Int, Set<String>)] = [:]
        if let c = study.mentions.column(named: TieField.coder.rawValue) {
            for m in 0..<study.mentions.count {
                let interview = interviewColumn.map { study.mentions.cells[$0][m] } ?? ""
                let coder = study.mentions.cells[c][m]
                var entry = coders[coder, default: (0, [])]
                entry.0 += 1
                if !interview.isEmpty { entry.1.insert(interview) }
                coders[coder] = entry
            }
        }
        let weak = metrics.isWeak.count { $0 }
        let ties = metrics.graph.edgeCount
        self.init(
            actors: study.actors.count, innovations: study.innovationCount, partners: study.partnerCount,
            ties: ties, strongTies: ties - weak, weakTies: weak, mentions: study.mentions.count,
            interviews: study.distinctValues(ofMentionColumn: TieField.interview.rawValue).count,
            components: metrics.components.count, density: metrics.density,
            transitivity: metrics.clustering.transitivity, weakTieShare: metrics.weakTieShare,
            granovetter: metrics.granovetter,
            eiRegion: try metrics.networkEIIndex(by: "region"), eiPartnerType: try metrics.networkEIIndex(by: "partner_type"),
            coders: coders.map { CoderCount(coder: $0.key, mentions: $0.value.0, interviews: $0.value.1.count) }
                .sorted { $0.coder < $1.coder },
            strengthDisagreements: (0..<study.ties.count).count { study.ties.strongVotes[$0] > 0 && study.ties.weakVotes[$0] > 0 },
            undeclaredActors: study.actors.count { !$0.isDeclared },
            warnings: study.warnings, notices: study.notices)
    }
}
