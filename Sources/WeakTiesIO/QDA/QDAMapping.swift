import Foundation
import WeakTiesStudy
import Yams

/// How a REFI-QDA code system maps onto the ties table: which top-level codes name partners,
/// innovations, strength, initiator, proximity, motive and benefit. Read from a small YAML file
/// (the command line's QDA mapping option); every key is optional and defaults to the code system described in
/// Docs/QDA.md:
///
/// ```yaml
/// partner: Partner            # Partner/<name>      → target (a partner)
/// innovation: Innovation      # Innovation/<name>   → source (an innovation)
/// documents:                  # document name → innovation, for documents without an Innovation code
///   "Interview KR-01": Repair-Café Cracau
/// strength: Strength          # Strength/strong|weak (or stark, schwach, 1–5)
/// initiator: Initiator        # Initiator/source|target|both|third|unknown
/// proximity: Proximity        # Proximity/<dimension>/<level>, e.g. Proximity/spatial/high
/// motive: Motive              # Motive/<text>
/// benefit: Benefit            # Benefit/<text>
/// ```
public struct QDAMapping: Sendable, Equatable, Codable {
    /// The code whose subcodes name partners: each `Partner/<name>` on a selection makes a tie with
    /// `<name>` as its target.
    public var partner = "Partner"
    /// The code whose subcodes name innovations (`Innovation/<name>`, the tie's source), on the
    /// selection or on the whole document.
    public var innovation = "Innovation"
    /// Innovation by document name, for documents coded without an innovation (a code wins over it).
    public var documents: [String: String] = [:]
    /// The code of a tie's strength (`Strength/<value>`; the first on the selection).
    public var strength = "Strength"
    /// The code of who initiated the tie (`Initiator/<role>`; the first on the selection).
    public var initiator = "Initiator"
    /// The code of proximity levels by dimension (`Proximity/<dimension>/<level>`).
    public var proximity = "Proximity"
    /// The code of motives (`Motive/<text>`; several on one selection are joined with `; `).
    public var motive = "Motive"
    /// The code of benefits (`Benefit/<text>`; several on one selection are joined with `; `).
    public var benefit = "Benefit"

    /// The default code system (Docs/QDA.md).
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case partner, innovation, documents, strength, initiator, proximity, motive, benefit }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = QDAMapping()
        partner = try c.decodeIfPresent(String.self, forKey: .partner) ?? d.partner
        innovation = try c.decodeIfPresent(String.self, forKey: .innovation) ?? d.innovation
        documents = try c.decodeIfPresent([String: String].self, forKey: .documents) ?? [:]
        strength = try c.decodeIfPresent(String.self, forKey: .strength) ?? d.strength
        initiator = try c.decodeIfPresent(String.self, forKey: .initiator) ?? d.initiator
        proximity = try c.decodeIfPresent(String.self, forKey: .proximity) ?? d.proximity
        motive = try c.decodeIfPresent(String.self, forKey: .motive) ?? d.motive
        benefit = try c.decodeIfPresent(String.self, forKey: .benefit) ?? d.benefit
    }

    /// The deepest nesting a mapping file may have (indentation columns, `- ` markers and open
    /// brackets counted together, a safe overestimate of the parser's recursion depth).
    static let maximumNesting = 64

    /// The first line whose nesting exceeds `maximumNesting`, and that nesting; nil when none does.
    static func excessiveNesting(_ text: String) -> (line: Int, depth: Int)? {
        var flow = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var depth = 0, peak = flow, leading = true, inQuote: Character? = nil
            var previous: Character = " "
            characters: for c in line {
                if let q = inQuote { if c == q { inQuote = nil }; previous = c; continue }
                switch c {
                case " " where leading, "-" where leading: depth += 1
                case "#" where previous == " " || leading: break characters  // a comment to the end of the line
                case "\"", "'": inQuote = c; leading = false
                case "[", "{": flow += 1; leading = false
                case "]", "}": flow = max(0, flow - 1); leading = false
                default: leading = false
                }
                peak = max(peak, depth + flow)
                previous = c
            }
            if peak > maximumNesting { return (index + 1, peak) }
        }
        return nil
    }

    /// Reads a mapping file. - Throws: `InputOutputError`, or `ImportFailure` with the YAML error's
    /// line and column, or an unknown key.
    /// Files over 1 MiB or nested deeper than `maximumNesting` are refused before they are parsed.
    public static func read(path: String) throws -> QDAMapping {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputOutputError(path: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read the file (UTF-8 expected)" : "no such file")
        }
        // Yams parses recursively: bound the nesting before handing it the text (a 20 kB file nested
        // thousands deep overflowed the stack). A mapping file needs three levels.
        guard data.count <= 1 << 20 else { throw ImportFailure.at(path, 0, nil, "a mapping file of \(data.count) bytes is too large (at most 1 MiB)") }
        if let (line, depth) = Self.excessiveNesting(text) {
            throw ImportFailure.at(path, line, nil, "nested \(depth) levels deep; refused (a mapping file needs at most 3, the limit is \(Self.maximumNesting))")
        }
        do {
            if let node = try Yams.compose(yaml: text), case .mapping(let mapping) = node {
                let known = Set(CodingKeys.allCases.map(\.rawValue))
                for (key, _) in mapping {
                    if let name = key.string, !known.contains(name) {
                        throw ImportFailure.at(path, key.mark?.line ?? 0, key.mark?.column,
                            "unknown key '\(name)' (expected \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                }
            }
            return try YAMLDecoder().decode(QDAMapping.self, from: text)
        } catch let failure as ImportFailure {
            throw failure
        } catch let error as YamlError {
            throw ImportFailure.at(path, 0, nil, "not valid YAML: \(error)")
        } catch {
            throw ImportFailure.at(path, 0, nil, "not a mapping of the expected keys: \(error)")
        }
    }
}
