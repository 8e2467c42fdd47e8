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
}

extension StudyOverview {
    init(study: Study, graph g: Graph, metrics: StudyReport.Metrics, isWeak: [Bool], regions: [String?], types: [String?]) {
        let interviewColumn = study.mentions.column(named: TieField.interview.rawValue)
        var interviews = Set<String>()
        var coders: [String: (Int, Set<String>)] = [:]
        let coderColumn = study.mentions.column(named: TieField.coder.rawValue)
        for m in 0..<study.mentions.count {
            let interview = interviewColumn.map { study.mentions.cells[$0][m] } ?? ""
            if !interview.isEmpty { interviews.insert(interview) }
            guard let c = coderColumn else { continue }
            let coder = study.mentions.cells[c][m]
            var entry = coders[coder, default: (0, [])]
            entry.0 += 1
            if !interview.isEmpty { entry.1.insert(interview) }
            coders[coder] = entry
        }
        let weak = isWeak.count { $0 }
        let bridges = metrics.bridges
        let local = (0..<g.edgeCount).filter { !metrics.span[$0].isNaN }
        let n = Double(g.nodeCount)
        self.init(
            actors: study.actors.count, innovations: study.innovationCount, partners: study.partnerCount,
            ties: g.edgeCount, strongTies: g.edgeCount - weak, weakTies: weak, mentions: study.mentions.count,
            interviews: interviews.count, components: metrics.components,
            density: g.nodeCount > 1 ? Double(g.edgeCount) / (n * (n - 1) / 2) : .nan,
            transitivity: metrics.transitivity,
            weakTieShare: g.edgeCount == 0 ? .nan : Double(weak) / Double(g.edgeCount),
            granovetter: GranovetterCounts(bridges: bridges.count, weakBridges: bridges.count { isWeak[Int($0)] },
                                           localBridges: local.count, weakLocalBridges: local.count { isWeak[$0] }),
            eiRegion: metrics.networkEIRegion, eiPartnerType: metrics.networkEIType,
            coders: coders.map { CoderCount(coder: $0.key, mentions: $0.value.0, interviews: $0.value.1.count) }
                .sorted { $0.coder < $1.coder },
            strengthDisagreements: (0..<study.ties.count).count { study.ties.strongVotes[$0] > 0 && study.ties.weakVotes[$0] > 0 },
            undeclaredActors: study.actors.count { !$0.isDeclared },
            warnings: study.warnings, notices: study.notices)
    }
}
