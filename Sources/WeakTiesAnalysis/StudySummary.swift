import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// The numbers `weakties validate` reports about a study.
public struct StudySummary: Sendable, Equatable {
    public let actors: Int
    public let innovations: Int
    public let partners: Int
    public let unknownKind: Int
    public let ties: Int
    public let strongTies: Int
    public let weakTies: Int
    public let mentions: Int
    public let interviews: Int
    public let coders: Int
    public let components: Int
    public let largestComponent: Int
    public let isolates: Int
    public let warnings: [String]
    public let notices: [String]
    public let files: [SourceFile]
    public let options: StudyOptions

    /// Summarises `study`. - Complexity: O(n + m + mentions).
    public init(_ study: Study) {
        // No weights asked for: this cannot throw.
        self.init(try! StudyMetrics(study: study))
    }

    /// Summarises the study of `metrics`, reading its components there.
    public init(_ metrics: StudyMetrics) {
        let study = metrics.study
        let components = metrics.components
        actors = study.actors.count
        innovations = study.innovationCount
        partners = study.partnerCount
        unknownKind = actors - innovations - partners
        ties = study.ties.count
        strongTies = study.strongTieCount
        weakTies = study.weakTieCount
        mentions = study.mentions.count
        interviews = study.distinctValues(ofMentionColumn: TieField.interview.rawValue).count
        coders = study.distinctValues(ofMentionColumn: TieField.coder.rawValue).count
        self.components = components.count
        largestComponent = components.largestSize
        isolates = metrics.isolates
        warnings = study.warnings.map(\.description)
        notices = study.notices.map(\.description)
        files = study.sources
        options = study.options
    }
}
