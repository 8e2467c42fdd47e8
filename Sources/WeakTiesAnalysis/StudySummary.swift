import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// The numbers `weakties validate` reports about a study.
public struct StudySummary: Sendable, Equatable {
    /// Number of actors.
    public let actors: Int
    /// Number of innovations.
    public let innovations: Int
    /// Number of partners.
    public let partners: Int
    /// Actors of kind `unknown` (neither innovation nor partner).
    public let unknownKind: Int
    /// Number of ties (aggregated pairs).
    public let ties: Int
    /// Ties whose aggregated strength is strong.
    public let strongTies: Int
    /// Ties whose aggregated strength is weak.
    public let weakTies: Int
    /// Number of coded mentions (rows of the ties tables).
    public let mentions: Int
    /// Distinct non-empty interview ids (0 without an interview column).
    public let interviews: Int
    /// Distinct non-empty coders (0 without a coder column).
    public let coders: Int
    /// Connected components, each isolate one of its own.
    public let components: Int
    /// Number of actors in the largest component (0 for an empty study).
    public let largestComponent: Int
    /// Actors without a tie.
    public let isolates: Int
    /// The study's warnings from loading, as messages.
    public let warnings: [String]
    /// The study's notices from loading, as messages.
    public let notices: [String]
    /// The files read (ties and nodes tables), with their rows, encoding and delimiter.
    public let files: [SourceFile]
    /// The options the study was loaded with (strength threshold and rule, consensus, …).
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
