import Foundation
import WeakTiesIO

/// A mustache renderer for the report's templates that gives swift-mustache's output byte for byte,
/// without its cost: templates compiled once into tokens, the variables turned once into typed values
/// (`TemplateValue`), pages written into one byte buffer.
///
/// Why it exists (measured, regional model of 2,491 innovations, release build, 2 cores, `perf`):
/// swift-mustache spent 7.4 of the report's 38.6 CPU seconds rendering the pages — each name looked up
/// level by level up the context stack with a protocol cast from `Any` at every level (conformance-cache
/// lookups were 5 % of all samples), and every token's output built as a string of its own. The same
/// pages from this engine: see `Docs/Report.md` ("Performance").
///
/// What it covers: the mustache of the spec that the bundled templates use and most hand-written ones
/// do — variables (`{{x}}`, `{{{x}}}`, `{{&x}}`, dotted names, `.`), sections and inverted sections,
/// comments, partials (with the indentation of standalone ones), standalone lines, and swift-mustache's
/// `{{% CONTENT_TYPE: … }}` pragma. A template with anything else (transforms `f(x)`, set delimiters,
/// inheritance, dynamic partials) or that does not parse makes `init` return nil, and the report renders
/// with swift-mustache as before (which then reports the error with its line and column).
///
/// The parser follows swift-mustache 2.1.1's (`Template+Parser.swift`) step by step, quirks included
/// (whitespace before a tag, standalone detection, indentation added per token): the same tokens give
/// the same bytes. `TemplateEngineTests` renders the example study's pages, hand-made edge cases and
/// seeded random templates with both and compares them byte for byte.
struct TemplateEngine: Sendable {
    /// Escaping of `{{x}}`, by content type.
    enum Escaping: Sendable {
        /// `TEXT`, and every `{{{x}}}` / `{{&x}}`.
        case none
        /// swift-mustache's `HTML` (the default): the five characters, compared as whole characters.
        case mustacheHTML
        /// The report's `WEAKTIES_HTML` (`ReportTemplates.HTMLContentType`).
        case weaktiesHTML
        /// The report's `MARKDOWN` (`ReportTemplates.MarkdownContentType`).
        case markdown

        init?(named name: String) {
            switch name {
            case "HTML": self = .mustacheHTML
            case "TEXT": self = .none
            case "WEAKTIES_HTML": self = .weaktiesHTML
            case "MARKDOWN": self = .markdown
            default: return nil
            }
        }

        func escape(_ text: String) -> String {
            switch self {
            case .none: text
            case .weaktiesHTML: MarkupEscaping.html.escape(text)
            case .markdown: ReportTemplates.MarkdownContentType().escapeText(text)
            case .mustacheHTML:
                // As swift-mustache's `String.htmlEscape`: character by character (a `<` with a combining
                // mark is one character, and not `<`).
                text.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" || $0 == "\"" || $0 == "'" })
                    ? text.reduce(into: "") { out, c in
                        switch c {
                        case "<": out += "&lt;"
                        case ">": out += "&gt;"
                        case "&": out += "&amp;"
                        case "\"": out += "&quot;"
                        case "'": out += "&#39;"
                        default: out.append(c)
                        }
                    }
                    : text
            }
        }
    }

    /// A name as looked up: `.` (the current value), or parts that climb the context stack for the
    /// first part (not with a leading `.`).
    struct Name: Sendable, Equatable {
        let parts: [String]
        let climbs: Bool
        init(_ text: String) {
            parts = text == "." ? [] : text.split(separator: ".").map(String.init)
            climbs = !(text.first == "." && text != ".")
        }
    }

    indirect enum Token: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Token], inverted: Bool)
        case partial(String, indentation: [UInt8]?)
        case contentType(Escaping)
    }

    /// Parsing stopped: a feature this engine leaves to swift-mustache, or a template that does not parse.
    struct Unsupported: Error {}

    let templates: [String: [Token]]

    /// The engine for `templates` (name → text), or nil where one of them needs swift-mustache.
    init?(templates texts: [String: String]) {
        var compiled: [String: [Token]] = [:]
        for (name, text) in texts {
            var parser = Parser(text)
            guard let tokens = try? Self.parse(&parser, state: ParserState()) else { return nil }
            compiled[name] = tokens
        }
        templates = compiled
    }

    /// `template` rendered with `context` (its values as the report makes them, or already
    /// `TemplateValue`s from `prepared`); nil for an unknown template.
    func render(_ context: [String: Any], template name: String) -> String? {
        guard let tokens = templates[name] else { return nil }
        var stack = [TemplateValue(context)]
        var out: [UInt8] = []
        out.reserveCapacity(64 << 10)
        render(tokens, stack: &stack, escaping: .mustacheHTML, indentation: [], into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Rendering (Template+Render.swift)

    private func render(_ tokens: [Token], stack: inout [TemplateValue], escaping: Escaping, indentation: [UInt8],
                        into out: inout [UInt8]) {
        var escaping = escaping
        let start = out.count
        for token in tokens {
            let tokenStart = out.count
            switch token {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case let .variable(name, escaped):
                guard let value = lookup(name, in: stack) else { break }
                var text = value.text
                if escaped { text = escaping.escape(text) }
                out.append(contentsOf: text.utf8)
            case let .section(name, inner, inverted):
                let value = lookup(name, in: stack)
                if let list = value, let items = list.items {
                    if inverted {
                        guard items.isEmpty else { break }
                        stack.append(list)
                        render(inner, stack: &stack, escaping: escaping, indentation: indentation, into: &out)
                        stack.removeLast()
                    } else {
                        for item in items {
                            stack.append(item)
                            render(inner, stack: &stack, escaping: escaping, indentation: indentation, into: &out)
                            stack.removeLast()
                        }
                    }
                    break
                }
                switch value {
                case .bool(let flag)?:
                    if flag != inverted { render(inner, stack: &stack, escaping: escaping, indentation: indentation, into: &out) }
                case .some(let other):
                    guard !inverted else { break }
                    stack.append(other)
                    render(inner, stack: &stack, escaping: escaping, indentation: indentation, into: &out)
                    stack.removeLast()
                case nil:
                    if inverted { render(inner, stack: &stack, escaping: escaping, indentation: indentation, into: &out) }
                }
            case let .partial(name, indented):
                guard let partial = templates[name] else { break }
                // A partial starts with mustache's default escaping, as in swift-mustache.
                render(partial, stack: &stack, escaping: .mustacheHTML, indentation: indented.map { indentation + $0 } ?? indentation, into: &out)
            case .contentType(let type):
                escaping = type
            }
            // swift-mustache indents a token's output (not each line of it) when what this template
            // rendered so far ends with a line break ("\r\n" is one character there, and not "\n").
            if !indentation.isEmpty, out.count > tokenStart, tokenStart > start, out[tokenStart - 1] == 0x0A,
               !(tokenStart - 2 >= start && out[tokenStart - 2] == 0x0D) {
                out.insert(contentsOf: indentation, at: tokenStart)
            }
        }
    }

    private func lookup(_ name: Name, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        func walk(_ value: TemplateValue) -> TemplateValue? {
            var value = value
            for part in name.parts.dropFirst() {
                guard let child = value.child(part) else { return nil }
                value = child
            }
            return value
        }
        if !name.climbs { return stack.last.flatMap { $0.child(first) }.flatMap(walk) }
        for value in stack.reversed() {
            if let child = value.child(first) { return walk(child) }
        }
        return nil
    }

    // MARK: Parsing (Template+Parser.swift, Parser.swift)

    struct Parser {
        let chars: [Character]
        var position = 0
        init(_ text: String) { chars = Array(text) }
        var reachedEnd: Bool { position == chars.count }
        var current: Character { reachedEnd ? "\0" : chars[position] }
        @discardableResult
        mutating func read(while accept: (Character) -> Bool) -> String {
            let start = position
            while position < chars.count, accept(chars[position]) { position += 1 }
            return String(chars[start..<position])
        }
        /// `string` next (consumed) or not (left); fewer characters left than `string` has is an error.
        mutating func read(string: String) throws -> Bool {
            let wanted = Array(string)
            guard chars.count - position >= wanted.count else { throw Unsupported() }
            guard chars[position..<position + wanted.count].elementsEqual(wanted) else { return false }
            position += wanted.count
            return true
        }
    }

    struct ParserState {
        var sectionName: String?
        var newLine = true
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let plainNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private static func parse(_ parser: inout Parser, state: ParserState) throws -> [Token] {
        var tokens: [Token] = []
        var state = state
        var whiteSpaceBefore = ""
        func text(_ s: String) -> Token { .text(Array(s.utf8)) }
        while !parser.reachedEnd {
            if state.newLine { whiteSpaceBefore = parser.read(while: { $0 == " " || $0 == "\t" }) }
            let before = try readUntilDelimiterOrNewline(&parser)
            if parser.current.isNewline {
                tokens.append(text(whiteSpaceBefore + before + String(parser.current)))
                state.newLine = true
                parser.position += 1
                continue
            }
            if !before.isEmpty {
                tokens.append(text(whiteSpaceBefore + before))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if parser.reachedEnd { break }
            var setNewLine = false
            switch parser.current {
            case "#", "^":
                let inverted = parser.current == "^"
                parser.position += 1
                let name = try parseName(&parser)
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let inner = try parse(&parser, state: ParserState(sectionName: name, newLine: setNewLine && state.newLine))
                tokens.append(.section(Name(name), inner, inverted: inverted))
            case "/":
                parser.position += 1
                let name = try parseName(&parser)
                guard name == state.sectionName else { throw Unsupported() }
                if !isStandalone(&parser, state: state), !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                }
                return tokens
            case "!":
                parser.position += 1
                try skipComment(&parser)
                setNewLine = isStandalone(&parser, state: state)
            case "{", "&":
                let triple = parser.current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                parser.position += 1
                let name = try parseName(&parser)
                if triple {
                    guard !parser.reachedEnd else { throw Unsupported() }
                    guard parser.current == "}" else { throw Unsupported() }
                    parser.position += 1
                }
                tokens.append(.variable(Name(name), escaped: false))
            case ">":
                parser.position += 1
                parser.read(while: \.isWhitespace)
                guard parser.current != "*" else { throw Unsupported() }
                let name = try parsePartialName(&parser)
                if !whiteSpaceBefore.isEmpty { tokens.append(text(whiteSpaceBefore)) }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: Array(whiteSpaceBefore.utf8)))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "%":
                parser.position += 1
                tokens.append(.contentType(try readContentType(&parser)))
                setNewLine = isStandalone(&parser, state: state)
            case "<", "$", "=":
                // Inheritance and set delimiters: swift-mustache's.
                throw Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                tokens.append(.variable(Name(try parseName(&parser)), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return tokens
    }

    private static func readUntilDelimiterOrNewline(_ parser: inout Parser) throws -> String {
        var total = ""
        while !parser.reachedEnd {
            total += parser.read(while: { $0 != "\n" && $0 != "\r\n" && $0 != "{" })
            if parser.current.isNewline { break }
            if parser.current == "{" {
                if try parser.read(string: "{{") { break }
                total.append("{")
                parser.position += 1
            }
        }
        return total
    }

    private static func parseName(_ parser: inout Parser) throws -> String {
        parser.read(while: \.isWhitespace)
        let name = parser.read(while: { nameCharacters.contains($0) })
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: "}}") else { throw Unsupported() }
        // Brackets: a transform (`uppercased(x)`), swift-mustache's.
        guard name.allSatisfy({ plainNameCharacters.contains($0) }) else { throw Unsupported() }
        return name
    }

    private static func parsePartialName(_ parser: inout Parser) throws -> String {
        parser.read(while: \.isWhitespace)
        let name = parser.read(while: { partialNameCharacters.contains($0) })
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: "}}") else { throw Unsupported() }
        return name
    }

    /// Past the comment's closing `}}` (matched as swift-mustache's `read(untilString:)` does).
    private static func skipComment(_ parser: inout Parser) throws {
        let end: [Character] = ["}", "}"]
        var matched = 0
        while !parser.reachedEnd {
            if parser.current == end[matched] {
                matched += 1
                if matched == end.count { parser.position += 1; return }
            } else {
                matched = 0
            }
            parser.position += 1
        }
        throw Unsupported()
    }

    private static func readContentType(_ parser: inout Parser) throws -> Escaping {
        parser.read(while: \.isWhitespace)
        let variable = parser.read(while: { plainNameCharacters.contains($0) })
        parser.read(while: \.isWhitespace)
        guard !parser.reachedEnd, parser.current == ":" else { throw Unsupported() }
        parser.position += 1
        parser.read(while: \.isWhitespace)
        let value = parser.read(while: { plainNameCharacters.contains($0) })
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: "}}"), variable == "CONTENT_TYPE", let type = Escaping(named: value) else { throw Unsupported() }
        return type
    }

    private static func isStandalone(_ parser: inout Parser, state: ParserState) -> Bool {
        guard state.newLine else { return false }
        if parser.reachedEnd { return true }
        var ahead = parser
        ahead.read(while: { $0 == " " || $0 == "\t" })
        guard ahead.current.isNewline else { return false }
        parser.position = ahead.position + 1
        return true
    }
}

/// A template variable as the engine reads it: the report's `[String: Any]` values classified by their
/// exact type when a name reaches them (no copies: dictionaries and arrays are wrapped, not converted).
enum TemplateValue: @unchecked Sendable {
    case text(String)
    case bool(Bool)
    case object([String: Any])
    /// The items, and the array as made (printed as Swift prints it, as swift-mustache does).
    case list([Any], Any)
    case objects([[String: Any]])
    /// Anything else (a number, …): printed with `String(describing:)`, a section opens on it.
    case other(Any)

    init(_ value: Any) {
        // By the value's exact type first: a conditional cast of an array to another array type converts
        // it element by element, and converting every dictionary up front (`mapValues`) cost more than
        // rendering the pages.
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType { self = .text(value as! String); return }
        if type == Self.objectType { self = .object(value as! [String: Any]); return }
        if type == Self.anyListType { self = .list(value as! [Any], value); return }
        if type == Self.objectListType { self = .objects(value as! [[String: Any]]); return }
        if type == Self.boolType { self = .bool(value as! Bool); return }
        switch value {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let object as [String: Any]: self = .object(object)
        case let list as [[String: Any]]: self = .objects(list)
        case let list as [Any]: self = .list(list, value)
        default: self = .other(value)
        }
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let objectType = ObjectIdentifier([String: Any].self)
    private static let anyListType = ObjectIdentifier([Any].self)
    private static let objectListType = ObjectIdentifier([[String: Any]].self)

    /// The items of a list (nil: not a list).
    var items: [TemplateValue]? {
        switch self {
        case .list(let items, _): items.map(TemplateValue.init)
        case .objects(let items): items.map(TemplateValue.object)
        default: nil
        }
    }

    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let members): return members[name].map(TemplateValue.init)
        case .other(let value):
            // swift-mustache reads other values' members by reflection.
            guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name })?.value else { return nil }
            let mirror = Mirror(reflecting: child)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return nil }
                return TemplateValue(wrapped)
            }
            return TemplateValue(child)
        case .text, .bool, .list, .objects: return nil
        }
    }

    /// As `{{x}}` prints it (before escaping).
    var text: String {
        switch self {
        case .text(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .object(let members): String(describing: members)
        case .list(_, let original): String(describing: original)
        case .objects(let items): String(describing: items)
        case .other(let value): Self.describe(value)
        }
    }

    private static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value { return String(describing: wrapped) }
        return String(describing: value)
    }
}
