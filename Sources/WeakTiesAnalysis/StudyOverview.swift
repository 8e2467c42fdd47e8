import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// The study as a whole: size, Granovetter's test, openness and data quality.
public struct StudyOverview: Sendable {
    public let actors: Int
    public let innovations: Int
    public let partners: Int
    public let ties: Int
    public let strongTies: Int
    public let weakTies: Int
    public let mentions: Int
    public let interviews: Int
    public let components: Int
    /// Ties / possible ties; NaN with fewer than two actors.
    public let density: Double
    public let transitivity: Double
    public let weakTieShare: Double
    public let granovetter: GranovetterCounts
    /// Whole-network E-I index by region and by partner type (innovations as one group).
    public let eiRegion: Double
    public let eiPartnerType: Double
    public let coders: [CoderCount]
    /// Ties whose mentions disagree on the strength (strong and weak votes).
    public let strengthDisagreements: Int
    /// Actors named in the ties table but missing from the nodes table.
    public let undeclaredActors: Int
    public let warnings: [Diagnostic]
    public let notices: [Diagnostic]
}

/// How much one coder coded.
public struct CoderCount: Sendable, Equatable {
    public let coder: String
    public let mentions: Int
    public let interviews: Int

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
