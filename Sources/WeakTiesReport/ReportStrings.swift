import WeakTiesAnalysis
import Foundation

/// The language of a report's pages.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// English texts (`lang/en.json`): decimal point, `62%`.
    case en
    /// German texts (`lang/de.json`): decimal comma, `62 %`.
    case de
}

/// A report language's texts (headings, labels, explanations, partner types) and number format,
/// loaded from the bundled `lang/<code>.json`.
public struct ReportStrings: @unchecked Sendable {
    /// The language the texts were loaded for.
    public let language: ReportLanguage
    /// The nested texts as read (`heading.summary`, `explain.constraint`, …): the templates' `t`.
    public let tree: [String: Any]
    let decimalSeparator: String
    let percentSuffix: String
    /// Every text by its dotted key path, flattened once: `text(_:)` is asked thousands of times per
    /// page (walking the tree with casts took 2.5 % of the regional model's report).
    let flat: [String: String]

    /// Loads the bundled texts. - Throws: `ReportTemplateError` when the resource is missing or broken.
    public init(_ language: ReportLanguage) throws {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/lang"),
              let data = try? Data(contentsOf: url),
              let tree = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw ReportTemplateError.missingResource("lang/\(language.rawValue).json") }
        self.language = language
        self.tree = tree
        let number = tree["number"] as? [String: Any] ?? [:]
        decimalSeparator = number["decimal"] as? String ?? "."
        percentSuffix = (number["percent_space"] as? String ?? "") + (number["percent"] as? String ?? "%")
        var flat: [String: String] = [:]
        func walk(_ node: [String: Any], _ prefix: String) {
            for (key, value) in node {
                if let child = value as? [String: Any] { walk(child, prefix + key + ".") } else if let text = value as? String { flat[prefix + key] = text }
            }
        }
        walk(tree, "")
        self.flat = flat
    }

    /// Every key path of the texts (`heading.summary`, …), sorted: both languages must have the same.
    public var keyPaths: [String] {
        func walk(_ node: [String: Any], _ prefix: String) -> [String] {
            node.flatMap { key, value -> [String] in
                if let child = value as? [String: Any] { return walk(child, prefix + key + ".") }
                return [prefix + key]
            }
        }
        return walk(tree, "").sorted()
    }

    /// The text at a dotted key path (the key path itself where missing, so a gap is visible).
    public func text(_ path: String) -> String {
        if let text = flat[path] { return text }
        // Empty parts (`.title.overview`, `a..b`) are skipped, as a walk of the tree would.
        let parts = path.split(separator: ".").joined(separator: ".")
        return parts == path ? path : flat[parts] ?? path
    }

    /// Partner types and other categories by their translated name (the value itself where untranslated).
    public func category(_ value: String) -> String {
        let path = "partner_type." + value
        let translated = text(path)
        return translated == path ? value : translated
    }

    /// `template` with its `{name}` placeholders filled from `values` in one pass, so a value that
    /// itself contains `{…}` (a coder's name) is never filled again; unknown names stay as written.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A number with `digits` decimals (0–6) in the language's format, rounded half away from zero;
    /// "–" for NaN, "∞" for infinity, "−" as the minus sign. Byte-level: `String(format:)` and
    /// `replacingOccurrences` made this a third of the report's page time.
    public func decimal(_ value: Double, digits: Int = 2) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        let scale = [1.0, 10, 100, 1_000, 10_000, 100_000, 1_000_000][min(max(digits, 0), 6)]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value.description }
        let units = Int(scaled), whole = units / Int(scale), fraction = units % Int(scale)
        var text = (units > 0 && value < 0 ? "−" : "") + String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// A p-value: three decimals, "< 0.001" below that (in the language's format); "–" for NaN.
    public func pValue(_ value: Double) -> String {
        if value.isNaN { return "–" }
        return value < 0.001 ? "< " + decimal(0.001, digits: 3) : decimal(value, digits: 3)
    }

    /// A p-value as a clause: "p = 0.640", "p < 0.001".
    public func pClause(_ value: Double) -> String {
        value.isNaN ? "p = –" : value < 0.001 ? "p " + pValue(value) : "p = " + pValue(value)
    }

    /// A share (0–1) as a whole percentage: `62%` in English, `62 %` in German; "–" for NaN.
    public func percent(_ value: Double) -> String {
        if value.isNaN { return "–" }
        return decimal(value * 100, digits: 0) + percentSuffix
    }
}

/// Templates or texts that cannot be used.
public enum ReportTemplateError: Error, Equatable, CustomStringConvertible {
    /// A bundled resource (`lang/<code>.json`, `templates/<name>.mustache`) is missing or broken, or a
    /// page's template could not be found: a broken installation.
    case missingResource(String)
    /// A user's template file exists but cannot be read as UTF-8 text.
    case unreadableTemplate(path: String)
    /// A template does not parse: `name` is its path (with line and column where the parser gives
    /// them), `message` the parser's error.
    case invalidTemplate(name: String, message: String)

    public var description: String {
        switch self {
        case .missingResource(let name): "the bundled report resource '\(name)' is missing (a broken installation)"
        case .unreadableTemplate(let path): "\(path): cannot read the template"
        case let .invalidTemplate(name, message): "\(name): invalid mustache template: \(message)"
        }
    }
}
