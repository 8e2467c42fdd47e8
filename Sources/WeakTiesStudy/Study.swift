import WeakTiesGraph

/// An innovation or partner, from the nodes table or created for an id the ties table names.
public struct Actor: Sendable, Equatable {
    /// The id, trimmed and NFC-normalised.
    public let id: String
    /// Display name (the id where the nodes table gives none).
    public let label: String
    public let kind: ActorKind
    /// The nodes table's `partner_type`, verbatim (`nil` where empty or not given).
    public let partnerType: String?
    public let region: String?
    public let sector: String?
    /// Long established (`true`) or new (`false`); `nil` where not coded.
    public let established: Bool?
    /// Year founded.
    public let founded: Int?
    /// Every other nodes-table column, by column name (empty cells included as "").
    public let attributes: [String: String]
    /// Whether the nodes table declares this actor (false: created from the ties table).
    public let isDeclared: Bool
    /// Where the nodes table declares it, or where the ties table first names it.
    public let location: SourceLocation
}

/// One coded mention of a tie: one row of a ties table.
public struct Mention: Sendable, Equatable {
    public let index: Int
    public let source: Int32
    public let target: Int32
    /// The aggregated tie this mention belongs to.
    public let tie: Int32
    public let strength: Strength
    /// The strength as coded, verbatim (`stark`, `4`, …).
    public let codedStrength: String
    public let interview: String
    public let coder: String
    public let quote: String
    public let initiator: Initiator?
    public let since: Int?
    /// Coded proximity per dimension (`nil` where not coded).
    public let proximity: [ProximityDimension: ProximityLevel]
    public let motive: String
    public let benefit: String
    public let weight: Double?
    /// Every column that is no known field, by column name.
    public let extra: [String: String]
    /// File and line of the row.
    public let location: SourceLocation
}

/// An undirected tie: all mentions of one unordered pair, aggregated.
public struct Tie: Sendable, Equatable {
    public let index: Int
    /// The ends, oriented as in the tie's first mention.
    public let source: Int32
    public let target: Int32
    /// Strength decided by the study's `StrengthRule`.
    public let strength: Strength
    public let strongVotes: Int
    public let weakVotes: Int
    /// Indices of its mentions, in input order.
    public let mentions: ArraySlice<Int32>
}

/// Every mention, column by column: the cells of every input column verbatim plus the parsed values.
public struct MentionTable: Sendable {
    /// Column names: the known fields under their canonical names (`source`, `strength`, …) followed by
    /// every other column under its name as first written.
    public let columnNames: [String]
    /// The verbatim cells of each column, dictionary-encoded.
    public let cells: [TextColumn]
    public let source: [Int32]
    public let target: [Int32]
    public let tie: [Int32]
    public let strength: [Strength]
    /// Raw value of `Initiator` cases in `Initiator.allCases` order, 255 where not coded.
    let initiatorCodes: [UInt8]
    /// 0 where not coded.
    let sinceYears: [Int16]
    /// Per dimension (in `ProximityDimension.allCases` order): level raw value, 0 where not coded.
    let proximityLevels: [[UInt8]]
    /// NaN where not coded.
    public let weight: [Double]
    /// Index of the file (in `Study.sources`) and line of each row.
    public let fileIndex: [Int16]
    public let line: [Int32]
    let files: [String]
    let columnIndex: [String: Int]

    /// Number of mentions.
    public var count: Int { source.count }

    /// The column index of `name`, if present.
    public func column(named name: String) -> Int? { columnIndex[name] }

    /// The verbatim cell of `column` in mention `row` ("" where the column is absent).
    public func text(_ column: String, _ row: Int) -> String {
        guard let c = columnIndex[column] else { return "" }
        return cells[c][row]
    }

    public func initiator(_ row: Int) -> Initiator? {
        let code = initiatorCodes[row]
        return code == 255 ? nil : Initiator.allCases[Int(code)]
    }

    public func since(_ row: Int) -> Int? { sinceYears[row] == 0 ? nil : Int(sinceYears[row]) }

    public func proximity(_ dimension: ProximityDimension, _ row: Int) -> ProximityLevel? {
        let d = ProximityDimension.allCases.firstIndex(of: dimension)!
        return ProximityLevel(rawValue: Int(proximityLevels[d][row]))
    }

    public func location(_ row: Int) -> SourceLocation {
        SourceLocation(file: files[Int(fileIndex[row])], line: Int(line[row]))
    }

    /// Mention `row` as a value with every field. - Complexity: O(columns).
    public subscript(row: Int) -> Mention {
        var proximity: [ProximityDimension: ProximityLevel] = [:]
        for dimension in ProximityDimension.allCases {
            if let level = self.proximity(dimension, row) { proximity[dimension] = level }
        }
        var extra: [String: String] = [:]
        for (c, name) in columnNames.enumerated() where TieField(rawValue: name) == nil {
            extra[name] = cells[c][row]
        }
        return Mention(
            index: row, source: source[row], target: target[row], tie: tie[row], strength: strength[row],
            codedStrength: text(TieField.strength.rawValue, row),
            interview: text(TieField.interview.rawValue, row), coder: text(TieField.coder.rawValue, row),
            quote: text(TieField.quote.rawValue, row), initiator: initiator(row), since: since(row),
            proximity: proximity, motive: text(TieField.motive.rawValue, row),
            benefit: text(TieField.benefit.rawValue, row), weight: weight[row].isNaN ? nil : weight[row],
            extra: extra, location: location(row))
    }
}

/// The aggregated ties, column by column; the mentions of tie `t` are
/// `mentionIndices[mentionOffsets[t]..<mentionOffsets[t + 1]]` (CSR layout, input order).
public struct TieTable: Sendable {
    public let source: [Int32]
    public let target: [Int32]
    public let strength: [Strength]
    public let strongVotes: [Int32]
    public let weakVotes: [Int32]
    public let mentionOffsets: [Int]
    public let mentionIndices: [Int32]

    public var count: Int { source.count }

    public subscript(t: Int) -> Tie {
        Tie(index: t, source: source[t], target: target[t], strength: strength[t],
            strongVotes: Int(strongVotes[t]), weakVotes: Int(weakVotes[t]),
            mentions: mentionIndices[mentionOffsets[t]..<mentionOffsets[t + 1]])
    }
}

/// A file that was read into the study.
public struct SourceFile: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable { case ties, nodes }
    public let path: String
    public let role: Role
    public let rows: Int
    public let encoding: String
    public let delimiter: String
}

/// A coded study: actors, mentions with full provenance, and the aggregated undirected ties.
///
/// Actor `i` is node `i` of `graph()`, tie `t` is edge `t`: the domain and the graph share indices.
public struct Study: Sendable {
    public let actors: [Actor]
    public let mentions: MentionTable
    public let ties: TieTable
    /// Columns of the nodes table (known fields by canonical name, then extra columns as written).
    public let nodeColumns: [String]
    /// Warnings and notices raised while importing (never errors: those fail the import).
    public let diagnostics: [Diagnostic]
    public let sources: [SourceFile]
    public let options: StudyOptions
    let actorIndexByID: [String: Int32]

    /// The actor with id `id` (compared after trimming and NFC normalisation).
    public func actorIndex(of id: String) -> Int32? { actorIndexByID[CellParser.normalizedID(id)] }

    /// Warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// Notices only.
    public var notices: [Diagnostic] { diagnostics.filter { $0.severity == .notice } }

    /// Number of innovations.
    public var innovationCount: Int { actors.count { $0.kind == .innovation } }
    /// Number of partners.
    public var partnerCount: Int { actors.count { $0.kind == .partner } }
    /// Number of strong ties.
    public var strongTieCount: Int { ties.strength.count { $0 == .strong } }
    /// Number of weak ties.
    public var weakTieCount: Int { ties.strength.count { $0 == .weak } }

    /// Distinct non-empty values of a mention column, sorted.
    public func distinctValues(ofMentionColumn name: String) -> [String] {
        guard let c = mentions.column(named: name) else { return [] }
        let column = mentions.cells[c]
        var used = [Bool](repeating: false, count: column.values.count)
        for code in column.codes { used[Int(code)] = true }
        return Set(column.values.indices.filter { used[$0] && !column.values[$0].isEmpty }.map { column.values[$0] }).sorted()
    }
}

/// Options that shape how mentions become ties.
public struct StudyOptions: Sendable, Equatable, Codable {
    /// Numeric strengths at or above this are strong (default 3 on the 1–5 scale).
    public var strongThreshold: Double
    /// How a pair's mentions decide its strength.
    public var strengthRule: StrengthRule
    /// Which coders' mentions make ties where several coded one interview.
    public var consensus: ConsensusRule
    /// Actor aliases applied at import (alias → canonical id); empty: none.
    public var aliases: AliasTable

    public init(strongThreshold: Double = 3, strengthRule: StrengthRule = .majority, consensus: ConsensusRule = .union,
                aliases: AliasTable = AliasTable()) {
        self.strongThreshold = strongThreshold
        self.strengthRule = strengthRule
        self.consensus = consensus
        self.aliases = aliases
    }
}

extension Study {
    /// The value of a node attribute for every actor, trimmed, `nil` where empty: `region`, `sector`,
    /// `partner_type` (lower-cased, as the contract's vocabulary), `kind` (`nil` for unknown) or any
    /// extra nodes-table column (matched like a header). `nil` when there is no such attribute.
    /// - Complexity: O(n).
    public func nodeAttributeValues(_ attribute: String) -> [String?]? {
        let values: [String?]
        switch normalizedHeaderName(attribute) {
        case "region": values = actors.map(\.region)
        case "sector": values = actors.map(\.sector)
        case "partner_type": values = actors.map { $0.partnerType?.lowercased() }
        case "kind": values = actors.map { $0.kind == .unknown ? nil : $0.kind.rawValue }
        default:
            guard let name = nodeColumns.first(where: { normalizedHeaderName($0) == normalizedHeaderName(attribute) }) else {
                return nil
            }
            values = actors.map { $0.attributes[name] }
        }
        return values.map { value in
            guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
            return trimmed
        }
    }

    /// Names `nodeAttributeValues` accepts, for messages.
    public var nodeAttributeNames: [String] {
        ["region", "sector", "partner_type", "kind"] + nodeColumns.filter { NodeField(rawValue: $0) == nil }
    }
}
