import Foundation

/// Whether an actor is a social innovation or one of its partners.
public enum ActorKind: String, Sendable, CaseIterable, Codable {
    /// A social innovation.
    case innovation
    /// A partner of an innovation.
    case partner
    /// Neither declared nor inferable from the ties.
    case unknown
}

/// The partner types of the data contract.
public enum PartnerType: String, Sendable, CaseIterable, Codable {
    /// Public administration.
    case publicAdmin = "public_admin"
    /// Businesses.
    case business
    /// Civil-society organisations.
    case civilSociety = "civil_society"
    /// Welfare organisations.
    case welfare
    /// Research and education.
    case researchEducation = "research_education"
    /// Foundations.
    case foundation
    /// Politics.
    case politics
    /// Media.
    case media
    /// Religious organisations.
    case religious
    /// Individuals (private persons).
    case individual
}

/// Tie strength as coded (`strong`/`weak`, German `stark`/`schwach`, or a number 1–5).
public enum Strength: UInt8, Sendable, CaseIterable, Codable {
    /// A weak tie (`weak`, `schwach`, or a number below the threshold).
    case weak = 0
    /// A strong tie (`strong`, `stark`, or a number at or above the threshold).
    case strong = 1

    /// `strong` or `weak`.
    public var name: String { self == .strong ? "strong" : "weak" }

    /// The accepted spellings, for messages.
    public static let acceptedDescription = "strong, weak, stark, schwach or a number from 1 to 5"

    /// Parses a coded strength. Numbers from 1 to 5 (decimal point or comma) are strong at or above
    /// `strongThreshold`. Returns a message describing the problem for anything else.
    public static func parse(_ text: String, strongThreshold: Double) -> Result<Strength, ValueError> {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "strong", "stark": return .success(.strong)
        case "weak", "schwach": return .success(.weak)
        case "": return .failure(ValueError("missing strength (expected \(acceptedDescription))"))
        default:
            if let number = CellParser.decimal(value) {
                guard (1...5).contains(number) else {
                    return .failure(ValueError("strength \(value) is outside 1–5"))
                }
                return .success(number >= strongThreshold ? .strong : .weak)
            }
            return .failure(ValueError("unknown strength '\(text)' (expected \(acceptedDescription))"))
        }
    }
}

/// A value that breaks the data contract, with a message for the user.
public struct ValueError: Error, Sendable, Equatable {
    /// What is wrong with the value, for the user (without location).
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
}

/// Who started a tie.
public enum Initiator: String, Sendable, CaseIterable, Codable {
    /// The source end (also written `innovation`).
    case source
    /// The target end (also written `partner`).
    case target
    /// Both ends together (`beide`).
    case both
    /// A third party (`dritte`).
    case third
    /// Coded as unknown (`unbekannt`); an empty cell is `nil`, not this.
    case unknown

    static let accepted = "source, target, both, third, unknown, innovation, partner, beide, dritte or unbekannt"

    /// Parses English or German spellings; empty text means "not coded" (`nil`).
    public static func parse(_ text: String) -> Result<Initiator?, ValueError> {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "": return .success(nil)
        case "source", "innovation": return .success(.source)
        case "target", "partner": return .success(.target)
        case "both", "beide": return .success(.both)
        case "third", "dritte", "third party", "dritte partei": return .success(.third)
        case "unknown", "unbekannt": return .success(.unknown)
        default: return .failure(ValueError("unknown initiator '\(text)' (expected \(accepted))"))
        }
    }
}

/// The five proximity dimensions (Boschma): spatial, cognitive, social, organizational, institutional.
public enum ProximityDimension: String, Sendable, CaseIterable, Codable {
    /// Geographical closeness.
    case spatial
    /// A shared knowledge base.
    case cognitive
    /// Personal relations and trust.
    case social
    /// Ties within one organisation or organisational arrangement.
    case organizational
    /// Shared rules, norms and values.
    case institutional

    /// The tie-table column name, e.g. `proximity_spatial`.
    public var columnName: String { "proximity_\(rawValue)" }
}

/// A coded proximity level.
public enum ProximityLevel: Int, Sendable, CaseIterable, Codable, Comparable {
    /// Low (`niedrig`, `gering`, 1).
    case low = 1
    /// Medium (`mittel`, 2).
    case medium = 2
    /// High (`hoch`, 3).
    case high = 3

    /// `low`, `medium` or `high`.
    public var name: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        }
    }

    public static func < (a: ProximityLevel, b: ProximityLevel) -> Bool { a.rawValue < b.rawValue }

    /// Parses `low`/`medium`/`high`, German `niedrig`/`mittel`/`hoch`, or 1–3; empty means not coded.
    public static func parse(_ text: String, column: String) -> Result<ProximityLevel?, ValueError> {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "": return .success(nil)
        case "low", "niedrig", "gering", "1": return .success(.low)
        case "medium", "mittel", "2": return .success(.medium)
        case "high", "hoch", "3": return .success(.high)
        default:
            return .failure(ValueError(
                "unknown \(column) value '\(text)' (expected low, medium, high, niedrig, mittel, hoch or 1–3)"))
        }
    }
}

/// How the mentions of one pair decide the strength of the aggregated tie.
public enum StrengthRule: String, Sendable, CaseIterable, Codable {
    /// Strong if at least half of the mentions say strong (a tied vote counts as strong).
    case majority
    /// Strong if any mention says strong.
    case anyStrong = "any-strong"
    /// Strong only if every mention says strong.
    case allStrong = "all-strong"
    /// The strength of the last mention in input order (files in the order given, then rows).
    case latest

    /// The strength of a tie with `strongVotes` strong and `weakVotes` weak mentions; `latest`, the
    /// strength of its last mention, is read by `.latest` only.
    public func decide(strongVotes: Int, weakVotes: Int, latest: Strength) -> Strength {
        switch self {
        case .majority: strongVotes >= weakVotes ? .strong : .weak
        case .anyStrong: strongVotes > 0 ? .strong : .weak
        case .allStrong: weakVotes == 0 ? .strong : .weak
        case .latest: latest
        }
    }
}

/// Which mentions make ties where several coders coded one interview. Mentions without interview or
/// coder, and interviews one coder coded, are kept under every rule (there is nothing to weigh).
public enum ConsensusRule: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Every mention: a tie any coder coded (the default).
    case union
    /// A pair's mentions in an interview count where more than half of the interview's coders coded
    /// the pair (with two coders: both; an even split is a disagreement to resolve, not a tie).
    case majority
    /// Only pairs every coder of the interview coded.
    case intersection
    /// In the interviews this coder coded, only their mentions; elsewhere every mention.
    case coder(String)

    /// Parses `union`, `majority`, `intersection` or `coder:NAME`.
    public init?(_ text: String) {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch value.lowercased() {
        case "union": self = .union
        case "majority": self = .majority
        case "intersection": self = .intersection
        default:
            guard value.lowercased().hasPrefix("coder:") else { return nil }
            let name = value.dropFirst("coder:".count).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            self = .coder(name)
        }
    }

    /// `union`, `majority`, `intersection` or `coder:NAME`, as parsed.
    public var description: String {
        switch self {
        case .union: "union"
        case .majority: "majority"
        case .intersection: "intersection"
        case .coder(let name): "coder:" + name
        }
    }
}

/// Parsers for the other typed cells of the contract.
public enum CellParser {
    /// The values of a list cell (motive, benefit): separated by `,` or `;`, trimmed, empty ones left
    /// out, in the order written (case kept).
    public static func listValues(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// A four-digit year (`2019`; `2019.0` as spreadsheets write it is accepted); empty is `nil`.
    public static func year(_ text: String, column: String) -> Result<Int?, ValueError> {
        var value = Substring(text.trimmingCharacters(in: .whitespaces))
        if value.isEmpty { return .success(nil) }
        if value.hasSuffix(".0") { value = value.dropLast(2) }
        if value.count == 4, value.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(value), year >= 1000 {
            return .success(year)
        }
        return .failure(ValueError("'\(text)' in column '\(column)' is not a year (expected four digits, e.g. 2019)"))
    }

    /// A plain decimal number as spreadsheets write it: digits, optionally one `.` or `,` followed by
    /// digits (`3`, `3.5`, `3,5`). No sign, exponent, hex or spaces: such cells are errors, not numbers.
    public static func decimal(_ text: String) -> Double? {
        var seenSeparator = false, digitsBefore = 0, digitsAfter = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): if seenSeparator { digitsAfter += 1 } else { digitsBefore += 1 }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if seenSeparator { return nil }
                seenSeparator = true
            default: return nil
            }
        }
        guard digitsBefore > 0, !seenSeparator || digitsAfter > 0,
              let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return nil }
        return value
    }

    /// A yes/no cell: `true`/`false`, `ja`/`nein`, `yes`/`no`, `1`/`0`, `wahr`/`falsch`; empty is `nil`.
    public static func boolean(_ text: String, column: String) -> Result<Bool?, ValueError> {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "": return .success(nil)
        case "true", "ja", "yes", "1", "wahr", "j", "y", "x": return .success(true)
        case "false", "nein", "no", "0", "falsch", "n": return .success(false)
        default:
            return .failure(ValueError("'\(text)' in column '\(column)' is not a yes/no value (expected true, false, yes, no, ja, nein, 1 or 0)"))
        }
    }

    /// A non-negative finite number (decimal point or comma); empty is `nil`.
    public static func weight(_ text: String, column: String) -> Result<Double?, ValueError> {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return .success(nil) }
        if let number = CellParser.decimal(value) { return .success(number) }
        return .failure(ValueError("'\(text)' in column '\(column)' is not a non-negative number"))
    }

    /// An actor kind from the nodes table; empty is `nil`.
    public static func kind(_ text: String) -> Result<ActorKind?, ValueError> {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "": return .success(nil)
        case "innovation", "soziale innovation", "social innovation": return .success(.innovation)
        case "partner", "partnerin", "partnerorganisation": return .success(.partner)
        default: return .failure(ValueError("unknown kind '\(text)' (expected innovation or partner)"))
        }
    }

    /// Trims white space (including no-break spaces) and normalises to Unicode NFC.
    public static func normalizedID(_ text: String) -> String {
        let bytes = text.utf8
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return "" }
        // Edges that are ASCII non-space bytes need no trimming (non-ASCII white space starts with a byte ≥ 0x80).
        let needsTrim = isASCIISpace(firstByte) || isASCIISpace(lastByte) || firstByte >= 0x80 || lastByte >= 0x80
        if !needsTrim && isKnownNFC(text) { return text }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII: only ASCII white space can need trimming.
            guard let first = bytes.firstIndex(where: { !isASCIISpace($0) }) else { return "" }
            let last = bytes.lastIndex(where: { !isASCIISpace($0) })!
            return String(text[first...last])
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return isKnownNFC(trimmed) ? trimmed : trimmed.precomposedStringWithCanonicalMapping
    }

    /// A quick, conservative NFC check: text whose scalars all lie below U+0300 (ASCII and Latin-1,
    /// Latin Extended) or in General Punctuation / Currency Symbols holds no combining marks and no
    /// decomposable singletons, so it is NFC already. Anything else goes through full normalisation.
    static func isKnownNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0x2000...0x20CF).contains(v) { continue }
            return false
        }
        return true
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
