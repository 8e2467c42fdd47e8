import Foundation
import WeakTiesStudy

/// The attributes of one element, in document order, under their qualified names (`attr.name`,
/// `xml:space`, `r:id`). A few per element, so a linear lookup beats hashing.
struct XMLAttributes {
    var names: [String] = []
    var values: [String] = []

    init() {}

    init(_ dictionary: [String: String]) {
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { names.append(name); values.append(value) }
    }

    subscript(_ name: String) -> String? {
        for i in names.indices where names[i] == name { return values[i] }
        return nil
    }

    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }
}

/// A streaming, byte-level XML scanner for UTF-8 documents: elements (local names), attributes,
/// character data (entity and character references resolved, CDATA as text), comments and
/// processing instructions skipped. It checks what a reader of network files must not get wrong
/// (matching tags, one root, quoted attributes, known entities, valid UTF-8) and refuses documents
/// that declare entities; external DTDs are never read. Memory is one 1 MiB block plus the longest
/// token. Foundation's `XMLParser` (libxml2) is kept for documents in other encodings (see
/// `XMLInput`): on a 78 MB GraphML file this scanner reads in well under half the time, because it
/// creates no `NSString`s or dictionaries per element.
struct XMLScanner {
    enum Outcome { case done, otherEncoding(String) }

    static let blockSize = 1 << 20
    // Needles, allocated once (not per token).
    private static let greaterThan: [UInt8] = [UInt8(ascii: ">")]
    private static let lessThan: [UInt8] = [UInt8(ascii: "<")]

    private var buffer: [UInt8] = []
    private var position = 0
    /// Absolute file offset of `buffer[0]`.
    private var base = 0
    private var line = 1
    /// Absolute offset where the current line starts.
    private var lineStart = 0
    private var atEnd = false
    private var stack: [String] = []
    private var sawRoot = false
    private var rootClosed = false
    private var attributes = XMLAttributes()
    private let file: String
    private let read: (inout [UInt8]) throws -> Bool

    /// Scans `path`. - Throws: `InputOutputError`, `ImportFailure` (located, with the element path).
    static func scan(path: String, file: String, handler: XMLHandler) throws -> Outcome {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputOutputError(path: file, message: "cannot open the file") }
        defer { try? handle.close() }
        var scanner = XMLScanner(file: file) { buffer in
            guard let data = try handle.read(upToCount: XMLScanner.blockSize), !data.isEmpty else { return false }
            buffer.append(contentsOf: data)
            return true
        }
        return try scanner.run(handler)
    }

    /// Scans XML held in memory.
    static func scan(data: Data, file: String, handler: XMLHandler) throws -> Outcome {
        var delivered = false
        var scanner = XMLScanner(file: file) { buffer in
            if delivered { return false }
            delivered = true
            buffer.append(contentsOf: data)
            return true
        }
        return try scanner.run(handler)
    }

    private init(file: String, read: @escaping (inout [UInt8]) throws -> Bool) {
        self.file = file
        self.read = read
    }

    /// `buffer[start..<end]` as a string. `String(decoding:)` on a buffer pointer is the fast,
    /// specialised path; it repairs invalid UTF-8 with U+FFFD (3 bytes for every 1–3 bad ones), so a
    /// changed length means the bytes were not UTF-8.
    private func string(_ start: Int, _ end: Int) -> String? {
        let s = buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
        return s.utf8.count == end - start ? s : nil
    }

    private static func string(_ bytes: [UInt8]) -> String? {
        let s = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        return s.utf8.count == bytes.count ? s : nil
    }

    // MARK: Errors and positions

    private func location(at offset: Int) -> XMLPosition {
        XMLPosition(line: line, column: base + offset - lineStart + 1)
    }

    private func fail(_ message: String, at offset: Int? = nil) -> ImportFailure {
        let p = location(at: offset ?? position)
        let path = stack.joined(separator: "/")
        return ImportFailure.at(file, p.line, p.column, "\(message) (in \(path.isEmpty ? "the document" : path))")
    }

    /// Counts the line breaks in `buffer[from..<to]` (consumed bytes).
    private mutating func advanceLines(_ from: Int, _ to: Int) {
        guard from < to else { return }
        // memchr over the consumed bytes (the hot loop of every token).
        let (count, lastBreak) = buffer.withUnsafeBufferPointer { p -> (Int, Int) in
            var count = 0, last = -1
            var cursor = p.baseAddress! + from
            let end = p.baseAddress! + to
            while cursor < end, let hit = memchr(cursor, 10, end - cursor) {
                let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                count += 1
                last = at - p.baseAddress!
                cursor = at + 1
            }
            return (count, last)
        }
        if count > 0 { line += count; lineStart = base + lastBreak + 1 }
    }

    /// Makes sure `count` bytes from `position` are buffered (or the file ended). Returns whether they are.
    private mutating func ensure(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            if atEnd { return false }
            if position > 0 && position >= buffer.count / 2 {
                buffer.removeSubrange(0..<position)
                base += position
                position = 0
            }
            if try !read(&buffer) { atEnd = true }
        }
        return true
    }

    /// The offset of `needle` at or after `from`, reading more of the file as needed.
    private mutating func find(_ needle: [UInt8], from: Int) throws -> Int? {
        var start = from
        while true {
            let n = needle.count
            if buffer.count - start >= n {
                let found = buffer.withUnsafeBufferPointer { p -> Int? in
                    let base = p.baseAddress!
                    var cursor = base + start
                    let last = base + (p.count - n)
                    while cursor <= last, let hit = memchr(cursor, Int32(needle[0]), last - cursor + 1) {
                        let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                        var k = 1
                        while k < n && at[k] == needle[k] { k += 1 }
                        if k == n { return at - base }
                        cursor = at + 1
                    }
                    return nil
                }
                if let found { return found }
                start = max(start, buffer.count - n + 1)
            }
            if atEnd { return nil }
            let relative = start - position
            let had = buffer.count - position
            _ = try ensure(had + 1)
            start = position + relative
            if buffer.count - position <= had { return nil }
        }
    }

    // MARK: Scanning

    private mutating func run(_ handler: XMLHandler) throws -> Outcome {
        while try ensure(1) {
            if buffer[position] == UInt8(ascii: "<") {
                guard try ensure(2) else { throw fail("unexpected end of file after '<'") }
                switch buffer[position + 1] {
                case UInt8(ascii: "?"):
                    guard let end = try find(Array("?>".utf8), from: position + 2) else { throw fail("unterminated processing instruction") }
                    let body = string(position + 2, end) ?? ""
                    if body.hasPrefix("xml "), let encoding = XMLScanner.declaredEncoding(body),
                       !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
                        return .otherEncoding(encoding)
                    }
                    advanceLines(position, end + 2); position = end + 2
                case UInt8(ascii: "!"):
                    try markup(handler)
                case UInt8(ascii: "/"):
                    try endTag(handler)
                default:
                    try startTag(handler)
                }
            } else {
                try text(handler)
            }
        }
        if let open = stack.last { throw fail("unexpected end of file: <\(open)> is not closed") }
        if !sawRoot { throw ImportFailure.at(file, line, nil, "no root element: the document is empty") }
        return .done
    }

    static func declaredEncoding(_ declaration: String) -> String? {
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE …>`.
    private mutating func markup(_ handler: XMLHandler) throws {
        _ = try ensure(9)
        let start = position
        if buffer[start...].starts(with: Array("<!--".utf8)) {
            guard let end = try find(Array("-->".utf8), from: position + 4) else { throw fail("unterminated comment") }
            advanceLines(position, end + 3); position = end + 3
        } else if buffer[start...].starts(with: Array("<![CDATA[".utf8)) {
            guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
            guard let end = try find(Array("]]>".utf8), from: position + 9) else { throw fail("unterminated CDATA section") }
            guard let text = string(position + 9, end) else { throw fail("invalid UTF-8") }
            handler.characters(text)
            advanceLines(position, end + 3); position = end + 3
        } else if buffer[start...].starts(with: Array("<!DOCTYPE".utf8)) {
            // An internal subset ends with "]>", else the declaration ends at ">". Offsets are relative
            // to `position`, which moves when the buffer is compacted.
            var offset = 9
            var inSubset = false
            while true {
                guard try ensure(offset + 1) else { throw fail("unterminated DOCTYPE") }
                let byte = buffer[position + offset]
                if byte == UInt8(ascii: "[") { inSubset = true }
                if byte == UInt8(ascii: "]") { inSubset = false }
                if byte == UInt8(ascii: ">") && !inSubset { break }
                if inSubset && byte == UInt8(ascii: "<") {
                    _ = try ensure(offset + 8)
                    if buffer[(position + offset)...].starts(with: Array("<!ENTITY".utf8)) {
                        advanceLines(position, position + offset)
                        position += offset
                        throw fail("the document declares XML entities; refused (entity expansion can exhaust memory, as in the billion-laughs attack)")
                    }
                }
                offset += 1
            }
            advanceLines(position, position + offset + 1); position += offset + 1
        } else {
            throw fail("unknown markup declaration")
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
          || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<"))
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The start of the local part of the qualified name in `start..<end`.
    private func localStart(_ start: Int, _ end: Int) -> Int {
        var i = end
        while i > start { if buffer[i - 1] == UInt8(ascii: ":") { return i }; i -= 1 }
        return start
    }

    private mutating func startTag(_ handler: XMLHandler) throws {
        // Buffer the whole tag (it ends at the first '>' outside quotes).
        var offset = 1
        var quote: UInt8 = 0
        while true {
            let scanned = buffer.withUnsafeBufferPointer { p -> (Int, Bool, Bool) in
                var i = position + offset
                while i < p.count {
                    let b = p[i]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        quote = b
                    } else if b == UInt8(ascii: ">") {
                        return (i, true, false)
                    } else if b == UInt8(ascii: "<") {
                        return (i, false, true)
                    }
                    i += 1
                }
                return (i, false, false)
            }
            if scanned.2 { throw fail("'<' inside a tag", at: scanned.0) }
            if scanned.1 { offset = scanned.0 - position; break }
            offset = scanned.0 - position
            guard try ensure(offset + 1) else { throw fail("unexpected end of file inside a tag") }
        }
        let end = position + offset
        let tagStart = position
        var i = position + 1
        while i < end && XMLScanner.isNameByte(buffer[i]) { i += 1 }
        guard i > position + 1 else { throw fail("a tag without a name") }
        guard let name = string(localStart(position + 1, i), i) else { throw fail("invalid UTF-8 in a name") }
        if rootClosed { throw fail("a second root element <\(name)>") }
        attributes.removeAll()
        var selfClosing = false
        while i < end {
            let b = buffer[i]
            if XMLScanner.isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: "/") {
                guard i + 1 == end else { throw fail("unexpected '/' in a tag", at: i) }
                selfClosing = true
                i += 1
                continue
            }
            let nameStart = i
            while i < end && XMLScanner.isNameByte(buffer[i]) { i += 1 }
            guard i > nameStart else { throw fail("unexpected character in a tag", at: i) }
            let nameEnd = i
            while i < end && XMLScanner.isSpace(buffer[i]) { i += 1 }
            guard i < end && buffer[i] == UInt8(ascii: "=") else { throw fail("attribute without a value", at: nameStart) }
            i += 1
            while i < end && XMLScanner.isSpace(buffer[i]) { i += 1 }
            guard i < end, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else { throw fail("attribute value not in quotes", at: i) }
            let q = buffer[i]
            let valueStart = i + 1
            var valueEnd = valueStart
            while valueEnd < end && buffer[valueEnd] != q { valueEnd += 1 }
            guard let attribute = string(nameStart, nameEnd) else { throw fail("invalid UTF-8 in a name", at: nameStart) }
            attributes.names.append(attribute)
            attributes.values.append(try decode(valueStart, valueEnd, attribute: true))
            i = valueEnd + 1
        }
        sawRoot = true
        stack.append(name)
        let at = location(at: tagStart)
        if let message = handler.startElement(name, attributes: attributes, at: at) { throw fail(message, at: tagStart) }
        advanceLines(position, end + 1)
        position = end + 1
        if selfClosing { try close(name, handler, at: at) }
    }

    private mutating func close(_ name: String, _ handler: XMLHandler, at: XMLPosition) throws {
        if let message = handler.endElement(name, at: at) { throw fail(message) }
        stack.removeLast()
        if stack.isEmpty { rootClosed = true }
    }

    private mutating func endTag(_ handler: XMLHandler) throws {
        guard let end = try find(XMLScanner.greaterThan, from: position + 2) else { throw fail("unexpected end of file inside an end tag") }
        var nameEnd = end
        while nameEnd > position + 2 && XMLScanner.isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
        let nameStart = localStart(position + 2, nameEnd)
        // Compared as bytes with the open element: no string is made for a matching end tag.
        guard let open = stack.last, open.utf8.elementsEqual(buffer[nameStart..<nameEnd]) else {
            let name = string(nameStart, nameEnd) ?? "?"
            guard let open = stack.last else { throw fail("end tag </\(name)> without a start tag") }
            throw fail("end tag </\(name)> does not match <\(open)>")
        }
        let at = location(at: position)
        advanceLines(position, end + 1)
        position = end + 1
        try close(open, handler, at: at)
    }

    private mutating func text(_ handler: XMLHandler) throws {
        let end = try find(XMLScanner.lessThan, from: position) ?? buffer.count
        if stack.isEmpty {
            // Outside the root only white space may stand.
            for i in position..<end where !XMLScanner.isSpace(buffer[i]) {
                throw fail(sawRoot ? "text after the root element" : "text before the root element", at: i)
            }
        } else {
            handler.characters(try decode(position, end, attribute: false))
        }
        advanceLines(position, end)
        position = end
    }

    /// Bytes as text with entity and character references resolved; in attribute values, TAB, CR and
    /// LF become spaces (XML's attribute-value normalisation).
    private func decode(_ start: Int, _ end: Int, attribute: Bool) throws -> String {
        var plain = true
        for i in start..<end {
            let b = buffer[i]
            if b == UInt8(ascii: "&") || (attribute && (b == 0x09 || b == 0x0A || b == 0x0D)) || b == 0x0D { plain = false; break }
        }
        if plain {
            guard let s = string(start, end) else { throw fail("invalid UTF-8", at: start) }
            return s
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = buffer[i]
            if b == UInt8(ascii: "&") {
                guard let semicolon = buffer[i..<end].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else {
                    throw fail("'&' that starts no reference (write &amp;)", at: i)
                }
                let name = string(i + 1, semicolon) ?? ""
                var scalar: UInt32?
                switch name {
                case "lt": scalar = 60
                case "gt": scalar = 62
                case "amp": scalar = 38
                case "quot": scalar = 34
                case "apos": scalar = 39
                default:
                    if name.hasPrefix("#x") { scalar = UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst(), radix: 10) }
                    else { throw fail("undeclared entity '&\(name);'", at: i) }
                }
                guard let value = scalar, let unicode = Unicode.Scalar(value), value != 0 else { throw fail("invalid character reference '&\(name);'", at: i) }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
                i = semicolon + 1
            } else if b == 0x0D {
                // CRLF and lone CR are read as LF (XML's end-of-line handling).
                out.append(attribute ? 0x20 : 0x0A)
                i += (i + 1 < end && buffer[i + 1] == 0x0A) ? 2 : 1
            } else if attribute && (b == 0x09 || b == 0x0A) {
                out.append(0x20); i += 1
            } else {
                out.append(b); i += 1
            }
        }
        guard let s = XMLScanner.string(out) else { throw fail("invalid UTF-8", at: start) }
        return s
    }
}
