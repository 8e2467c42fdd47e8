import WeakTiesGraph
import WeakTiesIO
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
        let graph = study.graph(attributes: false)
        let components = graph.connectedComponents()
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
        isolates = (0..<graph.nodeCount).count { graph.degree(of: Int32($0)) == 0 }
        warnings = study.warnings.map(\.description)
        notices = study.notices.map(\.description)
        files = study.sources
        options = study.options
    }

    /// The summary as the JSON object of `weakties validate --json`.
    public var json: JSONValue {
        .object([
            ("nodes", .int(actors)), ("ties", .int(ties)), ("strong_ties", .int(strongTies)),
            ("weak_ties", .int(weakTies)), ("mentions", .int(mentions)), ("innovations", .int(innovations)),
            ("partners", .int(partners)), ("unknown_kind", .int(unknownKind)), ("interviews", .int(interviews)),
            ("coders", .int(coders)), ("components", .int(components)), ("largest_component", .int(largestComponent)),
            ("isolates", .int(isolates)),
            ("strength_rule", .string(options.strengthRule.rawValue)), ("strong_threshold", .double(options.strongThreshold)),
            ("files", .array(files.map { file in
                .object([("path", .string(file.path)), ("role", .string(file.role.rawValue)), ("rows", .int(file.rows)),
                         ("encoding", .string(file.encoding)), ("delimiter", .string(file.delimiter))])
            })),
            ("warnings", .array(warnings.map { .string($0) })),
            ("notices", .array(notices.map { .string($0) })),
        ])
    }

    /// The summary as aligned text lines.
    public var text: String {
        func row(_ label: String, _ value: Int, _ detail: String = "") -> String {
            label.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(value).leftPadded(to: 8) + (detail.isEmpty ? "" : "  " + detail)
        }
        var lines = [
            row("actors", actors, "\(innovations) innovations, \(partners) partners" + (unknownKind > 0 ? ", \(unknownKind) of unknown kind" : "")),
            row("ties", ties, "\(strongTies) strong, \(weakTies) weak (rule: \(options.strengthRule.rawValue))"),
            row("mentions", mentions, "from \(interviews) interviews by \(coders) coders"),
            row("components", components, "largest has \(largestComponent) actors" + (isolates > 0 ? ", \(isolates) isolates" : "")),
            row("warnings", warnings.count),
        ]
        lines.insert("files: " + files.map { "\($0.path) (\($0.role.rawValue), \($0.rows) rows, \($0.encoding), '\($0.delimiter)')" }.joined(separator: ", "), at: 0)
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
