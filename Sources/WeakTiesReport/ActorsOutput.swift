import Foundation
import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesStudy

/// Output formats of `weakties actors`.
public enum ActorsFormat: String, Sendable, CaseIterable {
    /// Plain text for reading: one line per actor, or each suggestion with its evidence.
    case text
    /// Spreadsheet-safe CSV with a header row; the suggestions' CSV is the alias table to edit.
    case csv
    /// A JSON array of actors, or an object with the suggestions and how they were found.
    case json
}

/// Formats the study's actors and merge suggestions. The suggestions' CSV is an alias table
/// (`alias,canonical_id`, then score and evidence) to edit and give back at import.
public struct ActorsOutput: Sendable {
    /// The study whose actors and mentions are listed.
    public let study: Study

    /// Formats the actors of `study`.
    public init(study: Study) { self.study = study }

    /// Mentions of each actor and the first three places (file:line) that name it.
    func occurrences(of actors: Set<Int>) -> [Int: (count: Int, places: [String])] {
        var result: [Int: (count: Int, places: [String])] = [:]
        let m = study.mentions
        for row in 0..<m.count {
            for end in [Int(m.source[row]), Int(m.target[row])] where actors.contains(end) {
                var entry = result[end, default: (0, [])]
                entry.count += 1
                if entry.places.count < 3 { entry.places.append(m.location(row).description) }
                result[end] = entry
            }
        }
        return result
    }

    func place(_ v: Int, _ occurrences: [Int: (count: Int, places: [String])]) -> String {
        var places = occurrences[v]?.places ?? []
        if study.actors[v].isDeclared { places.insert(study.actors[v].location.description + " (nodes table)", at: 0) }
        return places.joined(separator: "; ")
    }

    // MARK: - Actors

    static let actorColumns = ["id", "label", "kind", "partner_type", "region", "sector", "mentions", "ties", "declared", "where"]

    /// Every actor with its kind, attributes, mentions and ties, by id.
    public func actors(format: ActorsFormat) -> String {
        let all = Set(study.actors.indices)
        let seen = occurrences(of: all)
        var degree = [Int](repeating: 0, count: study.actors.count)
        for t in 0..<study.ties.count { degree[Int(study.ties.source[t])] += 1; degree[Int(study.ties.target[t])] += 1 }
        let order = study.actors.indices.sorted { study.actors[$0].id < study.actors[$1].id }
        switch format {
        case .csv:
            var csv = CSVWriter()
            csv.header(Self.actorColumns)
            for v in order {
                let a = study.actors[v]
                csv.row([.text(a.id), .text(a.label), .text(a.kind.rawValue), .text(a.partnerType ?? ""), .text(a.region ?? ""),
                         .text(a.sector ?? ""), .number(String(seen[v]?.count ?? 0)), .number(String(degree[v])),
                         .text(a.isDeclared ? "true" : "false"), .text(place(v, seen))])
            }
            return csv.output
        case .json:
            return JSONValue.array(order.map { v in
                let a = study.actors[v]
                return .object([("id", .string(a.id)), ("label", .string(a.label)), ("kind", .string(a.kind.rawValue)),
                                ("partner_type", .string(a.partnerType)), ("region", .string(a.region)), ("sector", .string(a.sector)),
                                ("mentions", .int(seen[v]?.count ?? 0)), ("ties", .int(degree[v])), ("declared", .bool(a.isDeclared)),
                                ("where", .string(place(v, seen)))])
            }).serialized(indent: 2) + "\n"
        case .text:
            var out = ""
            for v in order {
                let a = study.actors[v]
                let tags = [a.kind.rawValue, a.partnerType, a.region].compactMap { $0 }.joined(separator: ", ")
                out += "\(a.id) (\(tags)): \(seen[v]?.count ?? 0) mentions, \(degree[v]) ties\n"
            }
            return out
        }
    }

    // MARK: - Merge suggestions

    static let suggestionColumns = ["alias", "canonical_id", "score", "reasons", "alias_mentions", "alias_where",
                                    "canonical_mentions", "canonical_where"]

    /// The suggestions: CSV (an alias table to edit), JSON or text with the evidence of each.
    public func merges(_ merges: MergeSuggestions, format: ActorsFormat) -> String {
        let involved = Set(merges.suggestions.flatMap { [$0.alias, $0.canonical] })
        let seen = occurrences(of: involved)
        let s = merges.suggestions
        switch format {
        case .csv:
            var csv = CSVWriter()
            csv.header(Self.suggestionColumns)
            for m in s {
                csv.row([.text(study.actors[m.alias].id), .text(study.actors[m.canonical].id), NumberFormat.cell((m.score * 1000).rounded() / 1000),
                         .text(m.reasons.joined(separator: "; ")), .number(String(seen[m.alias]?.count ?? 0)), .text(place(m.alias, seen)),
                         .number(String(seen[m.canonical]?.count ?? 0)), .text(place(m.canonical, seen))])
            }
            return csv.output
        case .json:
            return JSONValue.object([
                ("minimum_score", NumberFormat.json(merges.options.minimumScore)),
                ("compared_pairs", .int(merges.comparedPairs)), ("skipped_blocks", .int(merges.skippedBlocks)),
                ("suggestions", .array(s.map { m in
                    .object([("alias", .string(study.actors[m.alias].id)), ("canonical_id", .string(study.actors[m.canonical].id)),
                             ("score", NumberFormat.json((m.score * 1000).rounded() / 1000)),
                             ("reasons", .array(m.reasons.map { .string($0) })),
                             ("alias_mentions", .int(seen[m.alias]?.count ?? 0)), ("alias_where", .string(place(m.alias, seen))),
                             ("canonical_mentions", .int(seen[m.canonical]?.count ?? 0)), ("canonical_where", .string(place(m.canonical, seen)))])
                })),
            ]).serialized(indent: 2) + "\n"
        case .text:
            if s.isEmpty { return "No actor ids look like the same organisation (score ≥ \(merges.options.minimumScore); \(merges.comparedPairs) pairs compared).\n" }
            var out = "\(s.count) ids look like another actor (score ≥ \(merges.options.minimumScore); \(merges.comparedPairs) pairs compared):\n"
            for m in s {
                out += "  '\(study.actors[m.alias].id)' → '\(study.actors[m.canonical].id)'  score \(String(format: "%.2f", m.score))"
                    + (m.reasons.isEmpty ? "" : "  (\(m.reasons.joined(separator: "; ")))") + "\n"
                out += "      \(seen[m.alias]?.count ?? 0) mentions: \(place(m.alias, seen))\n"
                out += "      \(seen[m.canonical]?.count ?? 0) mentions: \(place(m.canonical, seen))\n"
            }
            return out
        }
    }
}
