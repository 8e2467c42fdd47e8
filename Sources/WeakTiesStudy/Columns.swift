/// Normalises a header cell for matching: trimmed, lower-cased, `-` and spaces as `_`.
public func normalizedHeaderName(_ header: String) -> String {
    var name = header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    name = String(name.map { $0 == "-" || $0 == " " ? "_" : $0 })
    return name
}

/// The known columns of the ties table, with their aliases.
public enum TieField: String, Sendable, CaseIterable {
    /// The id of one end, by the contract the innovation (required).
    case source
    /// The id of the other end, by the contract the partner (required).
    case target
    /// The coded strength: `strong`/`weak`, `stark`/`schwach` or 1–5 (required).
    case strength
    /// The interview (document) the mention was coded from.
    case interview
    /// Who coded the mention.
    case coder
    /// The quoted segment that evidences the tie.
    case quote
    /// Who started the tie (`Initiator`).
    case initiator
    /// The year the tie began (four digits).
    case since
    /// Spatial proximity, low/medium/high or 1–3.
    case proximitySpatial = "proximity_spatial"
    /// Cognitive proximity, low/medium/high or 1–3.
    case proximityCognitive = "proximity_cognitive"
    /// Social proximity, low/medium/high or 1–3.
    case proximitySocial = "proximity_social"
    /// Organizational proximity, low/medium/high or 1–3.
    case proximityOrganizational = "proximity_organizational"
    /// Institutional proximity, low/medium/high or 1–3.
    case proximityInstitutional = "proximity_institutional"
    /// Motives for the tie: a list cell (values separated by `,` or `;`).
    case motive
    /// Benefits of the tie: a list cell (values separated by `,` or `;`).
    case benefit
    /// A non-negative number per mention; a tie's weight is the mean over its mentions (a strength).
    case weight

    /// Header names (normalised) that mean this field.
    public var names: [String] {
        switch self {
        case .source: ["source", "innovation", "ego", "from"]
        case .target: ["target", "partner", "alter", "to"]
        case .strength: ["strength", "tie", "staerke", "stärke"]
        case .interview: ["interview", "document", "source_doc"]
        case .coder: ["coder"]
        case .quote: ["quote", "segment", "zitat"]
        case .initiator: ["initiator"]
        case .since: ["since", "year", "seit"]
        case .motive: ["motive", "motiv"]
        case .benefit: ["benefit", "nutzen"]
        default: [rawValue]
        }
    }

    /// Fields a ties table must have.
    public static let required: [TieField] = [.source, .target, .strength]

    /// The proximity dimension of a proximity field.
    public var proximityDimension: ProximityDimension? {
        switch self {
        case .proximitySpatial: .spatial
        case .proximityCognitive: .cognitive
        case .proximitySocial: .social
        case .proximityOrganizational: .organizational
        case .proximityInstitutional: .institutional
        default: nil
        }
    }

    static let byName: [String: TieField] = {
        var map: [String: TieField] = [:]
        for field in allCases { for name in field.names { map[name] = field } }
        return map
    }()

    /// The field a header cell means, if it is a known one.
    public static func field(forHeader header: String) -> TieField? { byName[normalizedHeaderName(header)] }
}

/// The known columns of the nodes table, with their aliases.
public enum NodeField: String, Sendable, CaseIterable {
    /// The actor's id, as the ties table names it (required).
    case id
    /// The display name.
    case label
    /// `innovation` or `partner` (German spellings accepted).
    case kind
    /// The partner type, ideally one of `PartnerType` (other values are kept, with a warning).
    case partnerType = "partner_type"
    /// The actor's region (free text).
    case region
    /// The actor's sector (free text).
    case sector
    /// Whether the actor is long established: a yes/no cell.
    case established
    /// The year founded (four digits).
    case founded

    /// Header names (normalised) that mean this field.
    public var names: [String] {
        switch self {
        case .id: ["id", "actor", "akteur", "node"]
        case .label: ["label", "name", "bezeichnung"]
        case .kind: ["kind", "art"]
        case .partnerType: ["partner_type", "partnertyp", "partner_typ"]
        case .region: ["region"]
        case .sector: ["sector", "sektor", "branche"]
        case .established: ["established", "etabliert"]
        case .founded: ["founded", "gegruendet", "gegründet", "gruendungsjahr", "gründungsjahr"]
        }
    }

    static let byName: [String: NodeField] = {
        var map: [String: NodeField] = [:]
        for field in allCases { for name in field.names { map[name] = field } }
        return map
    }()

    /// The field a header cell means, if it is a known one.
    public static func field(forHeader header: String) -> NodeField? { byName[normalizedHeaderName(header)] }
}

/// Maps the header of a table to known fields; unknown columns are kept as extra columns.
struct HeaderMapping<Field: RawRepresentable & Hashable> where Field.RawValue == String {
    /// Column index of each known field present.
    var columnOf: [Field: Int] = [:]
    /// Indices of the columns that are no known field.
    var extraColumns: [Int] = []

    init(table: CodedTable, field: (String) -> Field?, required: [Field], requiredHint: (Field) -> String,
         errors: inout ErrorCollector) {
        var seenExtra: [String: Int] = [:]
        for (index, header) in table.header.enumerated() {
            if let f = field(header) {
                if let first = columnOf[f] {
                    errors.add(table.headerLocation(column: index),
                        "columns '\(table.header[first])' (\(first + 1)) and '\(header)' (\(index + 1)) both mean '\(f.rawValue)'")
                } else {
                    columnOf[f] = index
                }
            } else {
                // An empty header cell is named after its position (column_N), so several are fine.
                let name = header.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? "column_\(index + 1)" : normalizedHeaderName(header)
                if let first = seenExtra[name] {
                    errors.add(table.headerLocation(column: index),
                        "column '\(header)' (\(index + 1)) repeats column '\(table.header[first])' (\(first + 1))")
                } else {
                    seenExtra[name] = index
                    extraColumns.append(index)
                }
            }
        }
        for f in required where columnOf[f] == nil {
            errors.add(SourceLocation(file: table.file, line: table.headerLine),
                "missing required column '\(f.rawValue)' (\(requiredHint(f)))")
        }
    }
}
