import WeakTiesAnalysis
import WeakTiesIO

/// `weakties validate`'s output: the summary as JSON and as aligned text.
extension StudySummary {
    /// The summary as the JSON object `weakties validate` prints for JSON output.
    public var json: JSONValue {
        .object([
            ("nodes", .int(actors)), ("ties", .int(ties)), ("strong_ties", .int(strongTies)),
            ("weak_ties", .int(weakTies)), ("mentions", .int(mentions)), ("innovations", .int(innovations)),
            ("partners", .int(partners)), ("unknown_kind", .int(unknownKind)), ("interviews", .int(interviews)),
            ("coders", .int(coders)), ("components", .int(components)), ("largest_component", .int(largestComponent)),
            ("isolates", .int(isolates)),
            ("strength_rule", .string(options.strengthRule.rawValue)), ("strong_threshold", .double(options.strongThreshold)),
            ("consensus", .string(options.consensus.description)), ("aliases", .int(options.aliases.canonical.count)),
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
            row("ties", ties, "\(strongTies) strong, \(weakTies) weak (rule: \(options.strengthRule.rawValue)"
                + (options.consensus == .union ? "" : ", consensus: \(options.consensus)") + ")"),
            row("mentions", mentions, "from \(interviews) interview\(interviews == 1 ? "" : "s") by \(coders) coder\(coders == 1 ? "" : "s")"),
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
