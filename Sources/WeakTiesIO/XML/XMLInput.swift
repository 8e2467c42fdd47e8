import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import WeakTiesStudy

/// Where an XML event happened: line and column from the parser. (The element path is added to
/// messages by `XMLInput`, so it is only built when there is an error.)
struct XMLPosition {
    let line: Int
    let column: Int
}

/// Receives the events of `XMLInput.parse`. Returning a message stops parsing with a located error.
protocol XMLHandler: AnyObject {
    func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String?
    func endElement(_ name: String, at position: XMLPosition) -> String?
    func characters(_ text: String)
}

/// Streams an XML file through `XMLScanner` (UTF-8) or Foundation's `XMLParser` (libxml2 on Linux;
/// other encodings), namespace-aware (handlers see local names, so namespace variants of a format
/// read alike), with external entities never resolved and documents that declare entities refused
/// (billion laughs).
enum XMLInput {
    /// The block size of the entity scan before `XMLParser` (which reads the whole file).
    static let prologScanBytes = 1 << 20

    /// Parses `path`, calling `handler`. - Throws: `InputOutputError`, or `ImportFailure` located by
    /// line, column and element path. - Complexity: O(file size); memory O(depth) beyond the handler's.
    static func parse(path: String, file: String, handler: XMLHandler) throws {
        // UTF-8 (nearly every network file): our scanner. UTF-16 and other declared encodings: XMLParser.
        if !isUTF16(firstBytes(path)) {
            switch try XMLScanner.scan(path: path, file: file, handler: handler) {
            case .done: return
            case .otherEncoding(let encoding): try requireCheckableEncoding(encoding, file: file)
            }
        }
        try parseWithXMLParser(path: path, file: file, handler: handler)
    }

    /// The first four bytes of a file (fewer when it is shorter or unreadable).
    static func firstBytes(_ path: String) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) ?? Data()
    }

    /// The encoding of the XML file at `path` as the summary names it: `utf-16le` or `utf-16be` (a
    /// byte-order mark, or zero bytes beside `<`), else the declared encoding in lower case, else `utf-8`.
    static func encodingName(path: String) -> String {
        let head = [UInt8](firstBytes(path))
        if head.count >= 2 {
            if (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0x3C && head[1] == 0) { return "utf-16le" }
            if (head[0] == 0xFE && head[1] == 0xFF) || (head[0] == 0 && head[1] == 0x3C) { return "utf-16be" }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "utf-8" }
        defer { try? handle.close() }
        let prolog = String(decoding: (try? handle.read(upToCount: 256)) ?? Data(), as: UTF8.self)
        guard prolog.hasPrefix("<?xml") || prolog.hasPrefix("\u{FEFF}<?xml"), let end = prolog.range(of: "?>") else { return "utf-8" }
        return XMLScanner.declaredEncoding(String(prolog[..<end.lowerBound]))?.lowercased() ?? "utf-8"
    }

    /// A UTF-16 document: a byte-order mark, or `<` next to a zero byte (XML starts with `<`).
    static func isUTF16(_ head: Data) -> Bool {
        let b = [UInt8](head.prefix(2))
        guard b.count == 2 else { return false }
        return (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0x3C && b[1] == 0) || (b[0] == 0 && b[1] == 0x3C)
    }

    /// `<!ENTITY` as UTF-8 (and every ASCII-compatible encoding), UTF-16 LE and UTF-16 BE.
    static let entityPatterns: [Data] = {
        let ascii = Array("<!ENTITY".utf8)
        return [Data(ascii), Data(ascii.flatMap { [$0, 0] }), Data(ascii.flatMap { [0, $0] })]
    }()

    /// The line of the first entity declaration anywhere in `data` (any of `entityPatterns`), or nil.
    /// Lines are counted by LF bytes, exact for ASCII-compatible encodings and UTF-16.
    static func entityDeclarationLine(in data: Data, linesBefore: Int = 0) -> Int? {
        let hits = entityPatterns.compactMap { data.range(of: $0)?.lowerBound }
        guard let first = hits.min() else { return nil }
        return linesBefore + data[data.startIndex..<first].count { $0 == 10 } + 1
    }

    /// Parses `path`, with events as bytes (`XMLByteHandler`): no strings per element or value. A
    /// document in another encoding goes through `XMLParser`, its events re-encoded as UTF-8 bytes.
    static func parse(path: String, file: String, byteHandler: XMLByteHandler) throws {
        if !isUTF16(firstBytes(path)) {
            switch try XMLScanner.scan(path: path, file: file, byteHandler: byteHandler) {
            case .done: return
            case .otherEncoding(let encoding): try requireCheckableEncoding(encoding, file: file)
            }
        }
        try parseWithXMLParser(path: path, file: file, handler: ByteEvents(byteHandler))
    }

    /// Parses `path` with Foundation's `XMLParser` (any encoding libxml2 knows).
    static func parseWithXMLParser(path: String, file: String, handler: XMLHandler) throws {
        guard let stream = InputStream(fileAtPath: path), let head = FileHandle(forReadingAtPath: path) else {
            throw InputOutputError(path: file, message: "cannot open the file")
        }
        // Entity declarations are looked for in the whole file, in 1 MiB blocks overlapping by a
        // pattern's length (a DOCTYPE after a long comment used to reach libxml2).
        var lines = 0
        var carry = Data()
        while let block = try? head.read(upToCount: prologScanBytes), !block.isEmpty {
            let window = carry + block
            if let line = entityDeclarationLine(in: window, linesBefore: lines) {
                try? head.close()
                throw entityRefusal(file, line)
            }
            let keep = min(window.count, 15)
            lines += window.prefix(window.count - keep).count { $0 == 10 }
            carry = window.suffix(keep)
        }
        try? head.close()
        try run(XMLParser(stream: stream), file: file, handler: handler)
    }

    /// Refuses a declared encoding in which `<!ENTITY` could hide from the byte scan before
    /// `XMLParser` (UTF-7 writes it `+ADwAIQ-ENTITY`; EBCDIC and UTF-32 differently again): only
    /// UTF-16 and the ASCII-compatible single-byte encodings (ISO-8859-*, Windows-125*, Latin-1,
    /// ASCII) go on to libxml2.
    static func requireCheckableEncoding(_ encoding: String, file: String) throws {
        let name = encoding.lowercased().replacingOccurrences(of: "_", with: "-")
        let checkable = name.hasPrefix("utf-16") || name.hasPrefix("iso-8859-") || name.hasPrefix("iso8859-")
            || name.hasPrefix("windows-125") || name.hasPrefix("cp125") || ["latin1", "latin-1", "l1", "us-ascii", "ascii"].contains(name)
        guard checkable else {
            throw ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: file, line: 1),
                "the document is encoded as '\(encoding)', which is not read (entity declarations cannot be checked in it); save it as UTF-8")])
        }
    }

    /// The refusal of entity declarations, the same from our scanner and before `XMLParser`.
    static let entityMessage = "the document declares XML entities; refused (entity expansion can exhaust memory, as in the billion-laughs attack)"

    static func entityRefusal(_ file: String, _ line: Int) -> ImportFailure {
        ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: file, line: line), entityMessage)])
    }

    /// Parses XML held in memory (a part of a ZIP container). - Throws: `ImportFailure`.
    static func parse(data: Data, file: String, handler: XMLHandler) throws {
        if !isUTF16(data.prefix(2)) {
            switch try XMLScanner.scan(data: data, file: file, handler: handler) {
            case .done: return
            case .otherEncoding(let encoding): try requireCheckableEncoding(encoding, file: file)
            }
        }
        if let line = entityDeclarationLine(in: data) { throw entityRefusal(file, line) }
        try run(XMLParser(data: data), file: file, handler: handler)
    }

    private static func run(_ parser: XMLParser, file: String, handler: XMLHandler) throws {
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let proxy = Proxy(handler: handler)
        parser.delegate = proxy
        let ok = parser.parse()
        if let (message, position, path) = proxy.failure {
            throw ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: file, line: position.line, column: position.column),
                "\(message) (in \(path.isEmpty ? "the document" : path))")])
        }
        if !ok {
            let error = parser.parserError as NSError?
            let detail = error.map { Self.describe($0) } ?? "not well-formed XML"
            let path = proxy.stack.joined(separator: "/")
            throw ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)),
                "\(detail) (in \(path.isEmpty ? "the document" : path))")])
        }
    }

    static func describe(_ error: NSError) -> String {
        if let text = error.userInfo[NSLocalizedDescriptionKey] as? String, !text.contains("could not be completed") { return "XML error: \(text)" }
        let code = error.code
        let known: [Int: String] = [
            4: "the document is empty", 5: "the document ends too early", 9: "invalid character",
            23: "expected '>' or '/>'", 26: "undeclared entity", 38: "attribute value not closed",
            41: "attribute without a value", 42: "duplicate attribute", 64: "XML declaration not at the start",
            73: "expected '>'", 76: "end tag does not match the start tag", 77: "expected '>' in a tag",
            111: "entity reference loop", 5_000: "no root element",
        ]
        return "not well-formed XML: " + (known[code] ?? "libxml2 error \(code)")
    }

    private final class Proxy: NSObject, XMLParserDelegate {
        let handler: XMLHandler
        var stack: [String] = []
        var failure: (String, XMLPosition, String)?

        init(handler: XMLHandler) { self.handler = handler }

        func position(_ parser: XMLParser) -> XMLPosition {
            XMLPosition(line: parser.lineNumber, column: parser.columnNumber)
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(elementName)
            if let message = handler.startElement(elementName, attributes: XMLAttributes(attributeDict), at: position(parser)) {
                failure = (message, position(parser), stack.joined(separator: "/"))
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if failure == nil, let message = handler.endElement(elementName, at: position(parser)) {
                failure = (message, position(parser), stack.joined(separator: "/"))
                parser.abortParsing()
            }
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handler.characters(string) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { handler.characters(String(decoding: CDATABlock, as: UTF8.self)) }
    }
}

/// String events (from `XMLParser`) delivered to an `XMLByteHandler` as UTF-8 bytes.
final class ByteEvents: XMLHandler {
    let handler: XMLByteHandler

    init(_ handler: XMLByteHandler) { self.handler = handler }

    func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
        // One arena for the name and every attribute, then pointers into it.
        var arena: [UInt8] = Array(name.utf8)
        var spans: [(Int, Int, Int, Int)] = []
        for i in attributes.names.indices {
            let n = arena.count
            arena += attributes.names[i].utf8
            let v = arena.count
            arena += attributes.values[i].utf8
            spans.append((n, v, v, arena.count))
        }
        let nameCount = name.utf8.count
        return arena.withUnsafeBufferPointer { p in
            handler.startElement(XMLRawTag(
                name: UnsafeBufferPointer(rebasing: p[0..<nameCount]),
                names: spans.map { UnsafeBufferPointer(rebasing: p[$0.0..<$0.1]) }[...],
                values: spans.map { UnsafeBufferPointer(rebasing: p[$0.2..<$0.3]) }[...]), at: position)
        }
    }

    func endElement(_ name: String, at position: XMLPosition) -> String? {
        Array(name.utf8).withUnsafeBufferPointer { handler.endElement($0, at: position) }
    }

    func characters(_ text: String) { Array(text.utf8).withUnsafeBufferPointer { handler.characters($0) } }
}

/// For the benchmark driver only (`@_spi(Benchmark)`, not part of the API): the XML scanner with a handler
/// that does nothing (the scanner's own cost).
@_spi(Benchmark)
public enum XMLScanBenchmark {
    final class Nothing: XMLByteHandler {
        func startElement(_ tag: XMLRawTag, at position: XMLPosition) -> String? { nil }
        func endElement(_ name: UnsafeBufferPointer<UInt8>, at position: XMLPosition) -> String? { nil }
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }

    final class NothingWithStrings: XMLHandler {
        func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? { nil }
        func endElement(_ name: String, at position: XMLPosition) -> String? { nil }
        func characters(_ text: String) {}
    }

    public static func scanOnly(path: String) throws {
        _ = try XMLScanner.scan(path: path, file: path, byteHandler: Nothing())
    }

    /// The scanner delivering strings (as GEXF, XLSX and REFI-QDA read it) to a handler that does nothing.
    public static func scanOnlyWithStrings(path: String) throws {
        _ = try XMLScanner.scan(path: path, file: path, handler: NothingWithStrings())
    }
}
