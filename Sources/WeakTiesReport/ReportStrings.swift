import Foundation

/// The language of a report's pages.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, de
}

/// A report language's texts (headings, labels, explanations, partner types) and number format,
/// loaded from the bundled `lang/<code>.json`.
public struct ReportStrings: @unchecked Sendable {
    public let language: ReportLanguage
    /// The nested texts as read (`heading.summary`, `explain.constraint`, …): the templates' `t`.
    public let tree: [String: Any]

    /// Loads the bundled texts. - Throws: `ReportTemplateError` when the resource is missing or broken.
    public init(_ language: ReportLanguage) throws {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/lang"),
              let data = try? Data(contentsOf: url),
              let tree = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw ReportTemplateError.missingResource("lang/\(language.rawValue).json") }
        self.language = language
        self.tree = tree
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
        var node: Any = tree
        for part in path.split(separator: ".") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return path }
            node = next
        }
        return node as? String ?? path
    }

    /// Partner types and other categories by their translated name (the value itself where untranslated).
    public func category(_ value: String) -> String {
        let path = "partner_type." + value
        let translated = text(path)
        return translated == path ? value : translated
    }

    /// A number with `digits` decimals in the language's format; "–" for NaN, "∞" for infinity.
    public func decimal(_ value: Double, digits: Int = 2) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        var text = String(format: "%.\(digits)f", value)
        if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text.replacingOccurrences(of: ".", with: self.text("number.decimal"))
    }

    /// A share (0–1) as a whole percentage: `62%` in English, `62 %` in German; "–" for NaN.
    public func percent(_ value: Double) -> String {
        if value.isNaN { return "–" }
        return String(format: "%.0f", (value * 100).rounded()) + text("number.percent_space") + text("number.percent")
    }
}

/// Templates or texts that cannot be used.
public enum ReportTemplateError: Error, Equatable, CustomStringConvertible {
    case missingResource(String)
    case unreadableTemplate(path: String)
    case invalidTemplate(name: String, message: String)

    public var description: String {
        switch self {
        case .missingResource(let name): "the bundled report resource '\(name)' is missing (a broken installation)"
        case .unreadableTemplate(let path): "\(path): cannot read the template"
        case let .invalidTemplate(name, message): "\(name): invalid mustache template: \(message)"
        }
    }
}
