import Foundation

/// Alternative spellings of actors mapped to one canonical id, read from a table with the columns
/// `alias` and `canonical_id` (other columns — a score, evidence, notes — are ignored).
///
/// Applied at import in every command: ties and metrics use the canonical actor, while each mention
/// keeps the spelling its coder wrote (the ties table's cells are kept verbatim). Chains (a → b → c)
/// resolve to their end; conflicting entries and cycles are located errors, and so is a canonical
/// id the study does not contain (checked at import).
public struct AliasTable: Sendable, Equatable, Codable {
    /// Alias → canonical id, both trimmed and NFC-normalised, chains resolved.
    public private(set) var canonical: [String: String] = [:]
    /// Where each alias is declared.
    public private(set) var locations: [String: SourceLocation] = [:]
    /// The file read (`nil`: no aliases).
    public private(set) var file: String?

    /// An empty table: no aliases, every id is canonical.
    public init() {}

    /// Whether there are no aliases.
    public var isEmpty: Bool { canonical.isEmpty }

    /// The canonical id of `id` (itself where it is no alias); `id` must be normalised.
    @inlinable public func resolve(_ id: String) -> String { canonical[id] ?? id }

    /// Reads the alias table from `table`.
    /// - Throws: `ImportFailure` listing every problem with its location: missing columns, empty
    ///   cells, an alias given two canonical ids, an alias of itself, cycles.
    public init(table: CodedTable) throws(ImportFailure) {
        file = table.file
        var errors = ErrorCollector()
        let names = table.header.map(normalizedHeaderName)
        let aliasColumn = names.firstIndex(of: "alias")
        let canonicalColumn = names.firstIndex(of: "canonical_id") ?? names.firstIndex(of: "canonical")
        guard let aliasColumn, let canonicalColumn else {
            let missing = aliasColumn == nil ? "alias" : "canonical_id"
            errors.add(SourceLocation(file: table.file, line: table.headerLine), "no '\(missing)' column (an alias table has the columns alias,canonical_id)")
            throw ImportFailure(errors: errors.errors)
        }
        // A spreadsheet-safe CSV (ours) writes `'=x` for an id starting with = + - @; read it back as `=x`.
        func id(_ cell: String) -> String {
            var text = CellParser.normalizedID(cell)
            if text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) { text.removeFirst() }
            return text
        }
        var direct: [String: String] = [:]
        for row in 0..<table.rowCount {
            let alias = id(table.columns[aliasColumn][row])
            let target = id(table.columns[canonicalColumn][row])
            let location = table.location(row: row, column: aliasColumn)
            if alias.isEmpty && target.isEmpty { continue }
            if alias.isEmpty { errors.add(location, "empty alias"); continue }
            if target.isEmpty { errors.add(table.location(row: row, column: canonicalColumn), "empty canonical_id for alias '\(alias)'"); continue }
            if alias == target { errors.add(location, "'\(alias)' is given as an alias of itself"); continue }
            if let first = direct[alias] {
                if first != target {
                    errors.add(location, "alias '\(alias)' maps to '\(target)' here but to '\(first)' on line \(locations[alias]!.line)")
                }
                continue
            }
            direct[alias] = target
            locations[alias] = location
        }
        // Chains resolve to their end; a walk that returns to a visited id is a cycle.
        for alias in direct.keys.sorted() {
            var path = [alias]
            var current = direct[alias]!
            while let next = direct[current], !path.contains(current) {
                path.append(current)
                current = next
            }
            if let start = path.firstIndex(of: current) {
                // A cycle: reported once, at its member declared first.
                let cycle = Array(path[start...])
                if cycle.min(by: { locations[$0]! < locations[$1]! }) == alias {
                    let members = (cycle + [current]).map { "'\($0)'" }.joined(separator: " → ")
                    errors.add(locations[alias]!, "aliases form a cycle: \(members)")
                }
                continue
            }
            canonical[alias] = current
        }
        try errors.throwIfAny()
    }
}
