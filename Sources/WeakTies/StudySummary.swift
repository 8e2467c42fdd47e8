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

    /// Summarises `study`. - Complexity: O(n + m α(n) + mentions).
    public init(_ study: Study) {
        // Components and isolates straight from the tie ends (union–find): building the graph for them
        // hashed every actor id again, 5 % of `validate`'s time on a 500k-tie GraphML file.
        let (componentSizes, isolated) = StudySummary.components(of: study)
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
        self.components = componentSizes.count
        largestComponent = componentSizes.max() ?? 0
        isolates = isolated
        warnings = study.warnings.map(\.description)
        notices = study.notices.map(\.description)
        files = study.sources
        options = study.options
    }

    /// The sizes of the connected components of the study's ties (each isolated actor is one), and the
    /// number of actors with no tie; the same as `graph.connectedComponents()` and degree 0 on
    /// `study.graph()` (tested). Union–find with path halving and union by size.
    static func components(of study: Study) -> (sizes: [Int], isolates: Int) {
        let n = study.actors.count
        let sources = study.ties.source, targets = study.ties.target
        var parent = (0..<Int32(n)).map { $0 }
        var size = [Int32](repeating: 1, count: n)
        var touched = [Bool](repeating: false, count: n)
        parent.withUnsafeMutableBufferPointer { parent in
            func root(_ v: Int32) -> Int32 {
                var v = Int(v)
                while parent[v] != Int32(v) {
                    parent[v] = parent[Int(parent[v])]
                    v = Int(parent[v])
                }
                return Int32(v)
            }
            for t in 0..<sources.count {
                let a = sources[t], b = targets[t]
                touched[Int(a)] = true
                touched[Int(b)] = true
                var ra = root(a), rb = root(b)
                if ra == rb { continue }
                if size[Int(ra)] < size[Int(rb)] { swap(&ra, &rb) }
                parent[Int(rb)] = ra
                size[Int(ra)] += size[Int(rb)]
            }
        }
        var sizes: [Int] = []
        for v in 0..<n where parent[v] == Int32(v) { sizes.append(Int(size[v])) }
        return (sizes, touched.count { !$0 })
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
