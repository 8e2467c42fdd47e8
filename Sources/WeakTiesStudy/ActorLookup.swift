import Foundation

/// Finds actors by what people type: the id or the label, ignoring case, accents, `-`/`_` and repeated
/// spaces ("repair cafe cracau" finds "Repair-Café Cracau"); on a miss, the nearest names to suggest.
///
/// The folded names are built on the first lookup that is not an exact id (folding every id and label
/// of a 10,000-actor study took 0.14 s, a seventh of `weakties match` for one innovation given by id).
public final class ActorLookup: @unchecked Sendable {
    /// The study looked in.
    public let study: Study
    let byID: [String: Int]
    let lock = NSLock()
    var tables: (byFolded: [String: [Int]], folded: [(text: String, actor: Int)])?

    /// A lookup over the actors of `study`; ids are indexed at once, folded names on first need.
    public init(study: Study) {
        self.study = study
        var byID: [String: Int] = [:]
        for (k, actor) in study.actors.enumerated() { byID[actor.id] = k }
        self.byID = byID
    }

    /// Folded id or label → actors (several when two actors fold to the same text), and every folded
    /// name; built once.
    var folding: (byFolded: [String: [Int]], folded: [(text: String, actor: Int)]) {
        lock.lock()
        defer { lock.unlock() }
        if let tables { return tables }
        var byFolded: [String: [Int]] = [:]
        var folded: [(String, Int)] = []
        for (k, actor) in study.actors.enumerated() {
            for text in Set([actor.id, actor.label]).sorted() {
                let f = Self.fold(text)
                if byFolded[f]?.contains(k) != true { byFolded[f, default: []].append(k) }
                folded.append((f, k))
            }
        }
        tables = (byFolded, folded)
        return (byFolded, folded)
    }

    /// Lower case, accents removed (ß → ss), `-`, `_`, `.` and runs of white space as one space, trimmed.
    public static func fold(_ text: String) -> String {
        let base = text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
        var out = ""
        var space = false
        for ch in base {
            if ch.isWhitespace || ch == "-" || ch == "_" || ch == "." {
                space = !out.isEmpty
            } else {
                if space { out.append(" "); space = false }
                out.append(ch)
            }
        }
        return out
    }

    /// The actor with this id (exactly, after trimming and NFC), else the one actor whose id or label
    /// folds to the same text. - Throws: `ActorLookupError` (unknown, with suggestions; or ambiguous).
    public func find(_ name: String) throws(ActorLookupError) -> Int {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if let k = byID[trimmed] { return k }
        let matches = folding.byFolded[Self.fold(trimmed)] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw .ambiguous(name: trimmed, candidates: matches.map { study.actors[$0].id }.sorted())
        }
        throw .unknown(name: trimmed, suggestions: suggestions(for: trimmed).map { study.actors[$0].id })
    }

    /// Up to `limit` actors whose id or label is nearest to `name`: containing it (or contained in it)
    /// first, then by edit distance on the folded texts (at most a third of the name's length, at least 1).
    public func suggestions(for name: String, limit: Int = 3) -> [Int] {
        let f = Self.fold(name)
        guard !f.isEmpty else { return [] }
        var best: [Int: Int] = [:]  // actor → rank (smaller is nearer)
        let maxDistance = max(1, f.count / 3)
        for (text, actor) in folding.folded {
            var rank: Int? = nil
            if text.contains(f) || f.contains(text) && !text.isEmpty { rank = 0 }
            else if abs(text.count - f.count) <= maxDistance {
                let d = Self.editDistance(f, text, limit: maxDistance)
                if d <= maxDistance { rank = d }
            }
            if let rank, rank < best[actor, default: .max] { best[actor] = rank }
        }
        let actors = study.actors
        let ranked = best.sorted { (a: (key: Int, value: Int), b: (key: Int, value: Int)) -> Bool in
            if a.value != b.value { return a.value < b.value }
            let la = actors[a.key].label.lowercased(), lb = actors[b.key].label.lowercased()
            return la != lb ? la < lb : actors[a.key].id < actors[b.key].id
        }
        return ranked.prefix(limit).map { $0.key }
    }

    /// The name in `names` closest to `name` by edit distance (case-insensitive; ties: the smaller name),
    /// if within a third of its length (at least 2): for "did you mean" hints.
    public static func nearest(to name: String, among names: some Sequence<String>) -> String? {
        let target = name.lowercased()
        let limit = max(2, target.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in names {
            let d = editDistance(candidate.lowercased(), target, limit: limit)
            guard d <= limit else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) { best = (d, candidate) }
        }
        return best?.name
    }

    /// Levenshtein distance, stopping early above `limit` (returns limit + 1 then).
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous = Array(0...y.count), current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    // MARK: - Lists of actors and pairs

    /// An attendee list: a column `id` (or `actor`, `name`, `label`; else the first column) and
    /// optionally `role` or `kind` (`innovation`/`partner`; it decides for actors of unknown kind and
    /// must agree with the study's kind otherwise; empty: the actor's kind). Every name that cannot be found is reported with its location and suggestions.
    /// - Throws: `ImportFailure`.
    public func attendees(_ table: CodedTable) throws(ImportFailure) -> (innovations: [Int], partners: [Int]) {
        let nameColumn = column(table, ["id", "actor", "name", "label"]) ?? 0
        let roleColumn = column(table, ["role", "kind", "rolle"])
        var errors = ErrorCollector()
        var innovations: [Int] = [], partners: [Int] = []
        for row in 0..<table.rowCount {
            let name = table.columns[nameColumn][row]
            if name.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let at = SourceLocation(file: table.file, line: Int(table.rowLines[row]), column: nameColumn + 1)
            do {
                let k = try find(name)
                var isInnovation = study.actors[k].kind == .innovation
                if let roleColumn {
                    let role = table.columns[roleColumn][row].trimmingCharacters(in: .whitespaces).lowercased()
                    let kind = study.actors[k].kind
                    switch role {
                    case "": break
                    case "innovation", "partner":
                        let listed: ActorKind = role == "innovation" ? .innovation : .partner
                        if kind != .unknown && kind != listed {
                            errors.add(SourceLocation(file: table.file, line: at.line, column: roleColumn + 1),
                                       "'\(study.actors[k].label)' is \(kind == .innovation ? "an innovation" : "a partner") in the study, not \(listed == .innovation ? "an innovation" : "a partner")")
                            continue
                        }
                        isInnovation = listed == .innovation
                    default:
                        errors.add(SourceLocation(file: table.file, line: at.line, column: roleColumn + 1),
                                   "unknown role '\(role)' (expected innovation or partner)")
                        continue
                    }
                }
                if isInnovation { innovations.append(k) } else { partners.append(k) }
            } catch {
                errors.add(at, error.description)
            }
        }
        try errors.throwIfAny()
        return (innovations, partners)
    }

    /// A list of pairs: columns `innovation` and `partner` (or `source`/`target`; else the first two
    /// columns). Each pair is returned innovation first where one end is an innovation.
    /// - Throws: `ImportFailure` (unknown names, a missing second column, an actor paired with itself).
    public func pairs(_ table: CodedTable) throws(ImportFailure) -> [(innovation: Int, partner: Int, location: SourceLocation)] {
        let first = column(table, ["innovation", "source", "ego", "from"]) ?? 0
        let second = column(table, ["partner", "target", "alter", "to"]) ?? (first == 0 ? 1 : 0)
        var errors = ErrorCollector()
        guard second < table.columns.count, first != second else {
            errors.add(SourceLocation(file: table.file, line: table.headerLine), "a list of pairs needs two columns (innovation, partner)")
            try errors.throwIfAny()
            return []
        }
        var result: [(Int, Int, SourceLocation)] = []
        for row in 0..<table.rowCount {
            let line = Int(table.rowLines[row])
            var ends: [Int] = []
            for c in [first, second] {
                let name = table.columns[c][row]
                do { ends.append(try find(name)) } catch {
                    errors.add(SourceLocation(file: table.file, line: line, column: c + 1), error.description)
                }
            }
            guard ends.count == 2 else { continue }
            let at = SourceLocation(file: table.file, line: line)
            if ends[0] == ends[1] { errors.add(at, "an actor cannot be paired with itself"); continue }
            if study.actors[ends[0]].kind != .innovation && study.actors[ends[1]].kind == .innovation { ends.swapAt(0, 1) }
            result.append((ends[0], ends[1], at))
        }
        try errors.throwIfAny()
        return result
    }

    func column(_ table: CodedTable, _ names: [String]) -> Int? {
        let header = table.header.map { Self.fold($0) }
        for name in names { if let k = header.firstIndex(of: name) { return k } }
        return nil
    }
}

/// A name that does not identify one actor.
public enum ActorLookupError: Error, Equatable, CustomStringConvertible {
    /// No actor has this id, and no actor's id or label folds to it; `suggestions` are the ids of the
    /// nearest actors (at most three, possibly none).
    case unknown(name: String, suggestions: [String])
    /// Several actors fold to this name; `candidates` are their ids, sorted.
    case ambiguous(name: String, candidates: [String])

    public var description: String {
        switch self {
        case let .unknown(name, suggestions):
            "no actor '\(name)'" + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)")
        case let .ambiguous(name, candidates):
            "'\(name)' names several actors: \(candidates.map { "'\($0)'" }.joined(separator: ", ")); give the id"
        }
    }
}
