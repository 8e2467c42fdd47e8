import Foundation
import WeakTiesGraph

/// An innovation or partner, from the nodes table or created for an id the ties table names.
public struct Actor: Sendable, Equatable {
    /// The id, trimmed and NFC-normalised.
    public let id: String
    /// Display name (the id where the nodes table gives none).
    public let label: String
    /// As the nodes table declares it; otherwise inferred from the ties (named in a source column
    /// headed `innovation`: innovation; in a target column headed `partner`, or tied to an innovation:
    /// partner), else `unknown`.
    public let kind: ActorKind
    /// The nodes table's `partner_type`, verbatim (`nil` where empty or not given).
    public let partnerType: String?
    /// The nodes table's `region`, verbatim (`nil` where empty or not given).
    public let region: String?
    /// The nodes table's `sector`, verbatim (`nil` where empty or not given).
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
    /// Its index in `Study.mentions` (input order: files as given, then rows).
    public let index: Int
    /// Actor index of the end in the source column (after aliases).
    public let source: Int32
    /// Actor index of the end in the target column (after aliases).
    public let target: Int32
    /// The aggregated tie this mention belongs to.
    public let tie: Int32
    /// This mention's strength (a number is strong at or above `StudyOptions.strongThreshold`).
    public let strength: Strength
    /// The strength as coded, verbatim (`stark`, `4`, …).
    public let codedStrength: String
    /// The interview cell, verbatim ("" where empty or the column is absent).
    public let interview: String
    /// The coder cell, verbatim ("" where empty or the column is absent).
    public let coder: String
    /// The quote cell, verbatim ("" where empty or the column is absent).
    public let quote: String
    /// Who started the tie; `nil` where not coded.
    public let initiator: Initiator?
    /// The year the tie began; `nil` where not coded.
    public let since: Int?
    /// Coded proximity per dimension (`nil` where not coded).
    public let proximity: [ProximityDimension: ProximityLevel]
    /// The motive cell, verbatim: a list separated by `,` or `;` (see `CellParser.listValues`).
    public let motive: String
    /// The benefit cell, verbatim: a list separated by `,` or `;` (see `CellParser.listValues`).
    public let benefit: String
    /// The coded weight (non-negative, a strength); `nil` where not coded.
    public let weight: Double?
    /// Every column that is no known field, by column name.
    public let extra: [String: String]
    /// File and line of the row.
    public let location: SourceLocation
}

/// An undirected tie: all mentions of one unordered pair, aggregated.
public struct Tie: Sendable, Equatable {
    /// Its index in `Study.ties`, which is its edge index in `Study.graph()`.
    public let index: Int
    /// The ends, oriented as in the tie's first mention.
    public let source: Int32
    /// The other end (actor index).
    public let target: Int32
    /// Strength decided by the study's `StrengthRule`.
    public let strength: Strength
    /// Number of its mentions coded strong.
    public let strongVotes: Int
    /// Number of its mentions coded weak.
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
    /// Actor index of each mention's source end (after aliases).
    public let source: [Int32]
    /// Actor index of each mention's target end (after aliases).
    public let target: [Int32]
    /// Index of the tie each mention belongs to.
    public let tie: [Int32]
    /// Each mention's parsed strength.
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
    /// The physical line on which each mention's row starts.
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

    /// Who started the tie of mention `row`; `nil` where not coded.
    public func initiator(_ row: Int) -> Initiator? {
        let code = initiatorCodes[row]
        return code == 255 ? nil : Initiator.allCases[Int(code)]
    }

    /// The year mention `row`'s tie began; `nil` where not coded.
    public func since(_ row: Int) -> Int? { sinceYears[row] == 0 ? nil : Int(sinceYears[row]) }

    /// Mention `row`'s coded proximity on `dimension`; `nil` where not coded.
    public func proximity(_ dimension: ProximityDimension, _ row: Int) -> ProximityLevel? {
        let d = ProximityDimension.allCases.firstIndex(of: dimension)!
        return ProximityLevel(rawValue: Int(proximityLevels[d][row]))
    }

    /// File and line of mention `row` (no column).
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
    /// Actor index of each tie's first end (as oriented in its first mention).
    public let source: [Int32]
    /// Actor index of each tie's other end.
    public let target: [Int32]
    /// Each tie's strength, decided by the study's `StrengthRule`.
    public let strength: [Strength]
    /// Number of each tie's mentions coded strong.
    public let strongVotes: [Int32]
    /// Number of each tie's mentions coded weak.
    public let weakVotes: [Int32]
    /// CSR offsets into `mentionIndices`; `count + 1` entries.
    public let mentionOffsets: [Int]
    /// Mention indices of every tie, tie after tie, each tie's in input order.
    public let mentionIndices: [Int32]

    /// Number of ties.
    public var count: Int { source.count }

    /// Tie `t` as a value.
    public subscript(t: Int) -> Tie {
        Tie(index: t, source: source[t], target: target[t], strength: strength[t],
            strongVotes: Int(strongVotes[t]), weakVotes: Int(weakVotes[t]),
            mentions: mentionIndices[mentionOffsets[t]..<mentionOffsets[t + 1]])
    }
}

/// A file that was read into the study.
public struct SourceFile: Sendable, Equatable, Codable {
    /// What the file held.
    public enum Role: String, Sendable, Codable {
        /// A ties table (mentions).
        case ties
        /// The nodes table (actors).
        case nodes
    }
    /// The file name as shown in messages.
    public let path: String
    /// Whether it was a ties or the nodes table.
    public let role: Role
    /// Data rows read (header aside), before the consensus rule set any aside.
    public let rows: Int
    /// How the file was decoded (`utf-8`, `windows-1252`, …).
    public let encoding: String
    /// The delimiter, as text (`,`, `;`, `\t`); for a network file, the format read.
    public let delimiter: String
}

/// A coded study: actors, mentions with full provenance, and the aggregated undirected ties.
///
/// Actor `i` is node `i` of `graph()`, tie `t` is edge `t`: the domain and the graph share indices.
public struct Study: Sendable {
    /// Every actor, indexed like the graph's nodes: declared ones first (nodes-table order), then those
    /// created from the ties tables in order of first mention.
    public let actors: [Actor]
    /// Every mention the consensus rule kept, in input order (files as given, then rows).
    public let mentions: MentionTable
    /// The aggregated undirected ties, in order of first mention.
    public let ties: TieTable
    /// Columns of the nodes table (known fields by canonical name, then extra columns as written).
    public let nodeColumns: [String]
    /// Warnings and notices raised while importing (never errors: those fail the import).
    public let diagnostics: [Diagnostic]
    /// The files read: the ties tables in the order given, then the nodes table if any.
    public let sources: [SourceFile]
    /// The options the study was built with.
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

    /// Options with the given settings; the defaults: threshold 3, majority rule, union of coders, no aliases.
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
        return values.map(Study.trimmed)
    }

    /// `value` without leading and trailing spaces, tabs and other Unicode space separators (as
    /// `trimmingCharacters(in: .whitespaces)`), nil where nothing is left. Goes through Foundation only
    /// where an end is such a character: that call took 0.9 of the regional report's CPU seconds
    /// (2,491 innovations, 10,000 actors), nearly all on values with nothing to trim.
    public static func trimmed(_ value: String?) -> String? {
        guard let value, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.isASCII ? s == " " || s == "\t" : CharacterSet.whitespaces.contains(s) }
        if !isSpace(first) && !isSpace(last) { return value }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Names `nodeAttributeValues` accepts, for messages.
    public var nodeAttributeNames: [String] {
        ["region", "sector", "partner_type", "kind"] + nodeColumns.filter { NodeField(rawValue: $0) == nil }
    }
}
