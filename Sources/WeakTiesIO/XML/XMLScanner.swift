#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

/// A start tag as bytes: the element's local name and its attributes (qualified names; values with
/// references resolved and attribute-value normalisation applied), all valid UTF-8. The pointers are
/// valid only during `XMLByteHandler.startElement`.
struct XMLRawTag {
    let name: UnsafeBufferPointer<UInt8>
    let names: ArraySlice<UnsafeBufferPointer<UInt8>>
    let values: ArraySlice<UnsafeBufferPointer<UInt8>>

    /// The value of the attribute whose qualified name is `name`, if present.
    @inline(__always)
    subscript(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for i in names.indices where XMLBytes.equal(names[i], name) { return values[i] }
        return nil
    }
}

/// Receives `XMLScanner`'s events as bytes (valid only during the call; always valid UTF-8), so a
/// reader makes strings only for what it keeps. Returning a message stops parsing with a located error.
protocol XMLByteHandler: AnyObject {
    func startElement(_ tag: XMLRawTag, at position: XMLPosition) -> String?
    /// `name` is the local name.
    func endElement(_ name: UnsafeBufferPointer<UInt8>, at position: XMLPosition) -> String?
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

enum XMLBytes {
    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        bytes.count == name.utf8CodeUnitCount && (bytes.count == 0 || memcmp(bytes.baseAddress!, name.utf8Start, bytes.count) == 0)
    }

    /// Text of bytes already known to be valid UTF-8.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Whether every byte is ASCII (eight at a time).
    @inline(__always)
    static func isASCII(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let raw = UnsafeRawPointer(p)
        var i = 0
        var or: UInt64 = 0
        while i + 8 <= count { or |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < count { or |= UInt64(p[i]); i += 1 }
        return or & 0x8080_8080_8080_8080 == 0
    }

    /// The offset of the first control character XML 1.0 forbids (below U+0020 other than TAB, LF, CR),
    /// or nil. Eight bytes at a time: `(x − 0x20…) & ~x & 0x80…` flags every word holding a byte below
    /// 0x20 (and a few others, checked byte by byte), so text without controls costs one pass of loads.
    @inline(__always)
    static func forbiddenControl(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080 != 0 {
                for k in i..<(i + 8) where isForbiddenControl(p[k]) { return k }
            }
            i += 8
        }
        while i < count { if isForbiddenControl(p[i]) { return i }; i += 1 }
        return nil
    }

    @inline(__always)
    static func isForbiddenControl(_ b: UInt8) -> Bool { b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D }

    /// The message for a forbidden control byte.
    static func controlMessage(_ b: UInt8) -> String {
        "character U+\(String(format: "%04X", b)) is not allowed in XML (control characters other than tab and line breaks)"
    }

    /// Whether the bytes are valid UTF-8 (ASCII decided eight bytes at a time; else a decoding check:
    /// `String(decoding:)` repairs invalid UTF-8, which changes the length).
    @inline(__always)
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        if isASCII(p, count) { return true }
        return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self).utf8.count == count
    }
}

/// The scanner's byte buffer: one allocation reused for the whole file (grown only for a token longer
/// than a block), read into directly.
final class XMLScanBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes after `count`.
    func reserve(extra: Int) {
        guard count + extra > capacity else { return }
        (base, capacity) = grownByteAllocation(base, count: count, capacity: capacity, needed: count + extra)
    }

    /// Drops the first `n` bytes.
    func dropFirst(_ n: Int) {
        guard n > 0 else { return }
        if count > n { (base).update(from: base + n, count: count - n) }
        count -= n
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        reserve(extra: bytes.count)
        if bytes.count > 0 { UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        count += bytes.count
    }
}

/// A streaming, byte-level XML scanner for UTF-8 documents: elements (local names), attributes,
/// character data (entity and character references resolved, CDATA as text), comments and
/// processing instructions skipped. It checks what a reader of network files must not get wrong
/// (matching tags, one root, quoted attributes, known entities, valid UTF-8) and refuses documents
/// that declare entities; external DTDs are never read. Memory is one 1 MiB block plus the longest
/// token. Foundation's `XMLParser` (libxml2) is kept for documents in other encodings (see
/// `XMLInput`).
///
/// Events go to an `XMLByteHandler` as bytes (no string per element, attribute or value: element
/// names are interned, ASCII is checked eight bytes at a time, references are decoded only where a
/// value holds `&` or a line break), or through `StringEvents` to an `XMLHandler` as strings.
struct XMLScanner {
    enum Outcome { case done, otherEncoding(String) }

    static let blockSize = 1 << 20

    private let buffer = XMLScanBuffer(capacity: XMLScanner.blockSize * 2)
    private var position = 0
    /// Absolute file offset of `buffer[0]`.
    private var base = 0
    private var line = 1
    /// Absolute offset where the current line starts.
    private var lineStart = 0
    private var atEnd = false
    /// Open elements, as codes of `elementNames`.
    private var stack: [Int32] = []
    private var elementCodes = ByteInterner()
    private var elementNames: [String] = []
    private var elementBytes: [[UInt8]] = []
    private var sawRoot = false
    private var rootClosed = false
    /// The current tag's attributes: name and value ranges in `buffer`, or (a decoded value) in `scratch`.
    private var ranges: [(nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int, decoded: Bool)] = []
    /// How many of `ranges` belong to the current tag (the arrays are overwritten, not emptied).
    private var rangeCount = 0
    private var scratch: [UInt8] = []
    private var rawNames: [UnsafeBufferPointer<UInt8>] = []
    private var rawValues: [UnsafeBufferPointer<UInt8>] = []
    private let file: String
    private let read: (XMLScanBuffer) throws -> Bool


    /// Scans `path`. - Throws: `InputOutputError`, `ImportFailure` (located, with the element path).
    static func scan(path: String, file: String, handler: XMLHandler) throws -> Outcome {
        try scan(path: path, file: file, byteHandler: StringEvents(handler))
    }

    /// Scans `path`, events as bytes. - Throws: `InputOutputError`, `ImportFailure`.
    static func scan(path: String, file: String, byteHandler: XMLByteHandler) throws -> Outcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputOutputError(path: file, message: "cannot open the file") }
        defer { close(fd) }
        var offset = 0
        var scanner = XMLScanner(file: file) { buffer in
            buffer.reserve(extra: XMLScanner.blockSize)
            while true {
                let n = pread(fd, buffer.base + buffer.count, XMLScanner.blockSize, off_t(offset))
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw InputOutputError(path: file, message: "cannot read the file: \(String(cString: strerror(errno)))") }
                buffer.count += n
                offset += n
                return n > 0
            }
        }
        return try scanner.run(byteHandler)
    }

    /// Scans XML held in memory.
    static func scan(data: Data, file: String, handler: XMLHandler) throws -> Outcome {
        var delivered = false
        var scanner = XMLScanner(file: file) { buffer in
            if delivered { return false }
            delivered = true
            data.withUnsafeBytes { buffer.append($0) }
            return true
        }
        return try scanner.run(StringEvents(handler))
    }

    private init(file: String, read: @escaping (XMLScanBuffer) throws -> Bool) {
        self.file = file
        self.read = read
    }

    @inline(__always) private var p: UnsafeMutablePointer<UInt8> { buffer.base }
    @inline(__always) private func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.base + start, count: end - start)
    }

    /// `buffer[start..<end]` as a string, or `nil` where the bytes are not UTF-8.
    private func string(_ start: Int, _ end: Int) -> String? {
        XMLBytes.isValidUTF8(p + start, end - start) ? XMLBytes.string(bytes(start, end)) : nil
    }

    private func startsWith(_ offset: Int, _ literal: StaticString) -> Bool {
        buffer.count - offset >= literal.utf8CodeUnitCount && memcmp(p + offset, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    // MARK: Errors and positions

    private func location(at offset: Int) -> XMLPosition {
        XMLPosition(line: line, column: base + offset - lineStart + 1)
    }

    private var path: String { stack.map { elementNames[Int($0)] }.joined(separator: "/") }

    private func fail(_ message: String, at offset: Int? = nil) -> ImportFailure {
        let position = location(at: offset ?? self.position)
        let path = self.path
        return ImportFailure.at(file, position.line, position.column, "\(message) (in \(path.isEmpty ? "the document" : path))")
    }

    /// Counts the line breaks in `buffer[from..<to]` (consumed bytes).
    @inline(__always)
    private mutating func advanceLines(_ from: Int, _ to: Int) {
        guard from < to else { return }
        var count = 0, last = -1
        var cursor = p + from
        let end = p + to
        while cursor < end, let hit = memchr(cursor, 10, end - cursor) {
            let at = hit.assumingMemoryBound(to: UInt8.self)
            count += 1
            last = at - p
            cursor = at + 1
        }
        if count > 0 { line += count; lineStart = base + last + 1 }
    }

    /// Makes sure `count` bytes from `position` are buffered (or the file ended). Returns whether they are.
    private mutating func ensure(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            if atEnd { return false }
            if position > 0 && position >= buffer.count / 2 {
                buffer.dropFirst(position)
                base += position
                position = 0
            }
            if try !read(buffer) { atEnd = true }
        }
        return true
    }

    /// The offset of `needle` at or after `from`, reading more of the file as needed.
    private mutating func find(_ needle: StaticString, from: Int) throws -> Int? {
        var start = from
        let n = needle.utf8CodeUnitCount
        let first = Int32(needle.utf8Start[0])
        while true {
            if buffer.count - start >= n {
                var cursor = p + start
                let last = p + (buffer.count - n)
                while cursor <= last, let hit = memchr(cursor, first, last - cursor + 1) {
                    let at = hit.assumingMemoryBound(to: UInt8.self)
                    if n == 1 || memcmp(at + 1, needle.utf8Start + 1, n - 1) == 0 { return at - p }
                    cursor = at + 1
                }
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

    private mutating func run(_ handler: XMLByteHandler) throws -> Outcome {
        while try ensure(1) {
            if p[position] == UInt8(ascii: "<") {
                guard try ensure(2) else { throw fail("unexpected end of file after '<'") }
                switch p[position + 1] {
                case UInt8(ascii: "?"):
                    guard let end = try find("?>", from: position + 2) else { throw fail("unterminated processing instruction") }
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
        if let open = stack.last { throw fail("unexpected end of file: <\(elementNames[Int(open)])> is not closed") }
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
    private mutating func markup(_ handler: XMLByteHandler) throws {
        _ = try ensure(9)
        if startsWith(position, "<!--") {
            guard let end = try find("-->", from: position + 4) else { throw fail("unterminated comment") }
            advanceLines(position, end + 3); position = end + 3
        } else if startsWith(position, "<![CDATA[") {
            guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
            guard let end = try find("]]>", from: position + 9) else { throw fail("unterminated CDATA section") }
            guard XMLBytes.isValidUTF8(p + position + 9, end - position - 9) else { throw fail("invalid UTF-8") }
            if let k = XMLBytes.forbiddenControl(p + position + 9, end - position - 9) {
                throw fail(XMLBytes.controlMessage(p[position + 9 + k]), at: position + 9 + k)
            }
            handler.characters(bytes(position + 9, end))
            advanceLines(position, end + 3); position = end + 3
        } else if startsWith(position, "<!DOCTYPE") {
            // An internal subset ends with "]>", else the declaration ends at ">". Offsets are relative
            // to `position`, which moves when the buffer is compacted.
            var offset = 9
            var inSubset = false
            while true {
                guard try ensure(offset + 1) else { throw fail("unterminated DOCTYPE") }
                let byte = p[position + offset]
                if byte == UInt8(ascii: "[") { inSubset = true }
                if byte == UInt8(ascii: "]") { inSubset = false }
                if byte == UInt8(ascii: ">") && !inSubset { break }
                if inSubset && byte == UInt8(ascii: "<") {
                    _ = try ensure(offset + 8)
                    if startsWith(position + offset, "<!ENTITY") {
                        advanceLines(position, position + offset)
                        position += offset
                        throw fail(XMLInput.entityMessage)
                    }
                }
                offset += 1
            }
            advanceLines(position, position + offset + 1); position += offset + 1
        } else {
            throw fail("unknown markup declaration")
        }
    }

    @inline(__always)
    private static func isNameByte(_ b: UInt8) -> Bool {
        !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
          || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<"))
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The start of the local part of the qualified name in `start..<end`.
    private func localStart(_ start: Int, _ end: Int) -> Int {
        var i = end
        while i > start { if p[i - 1] == UInt8(ascii: ":") { return i }; i -= 1 }
        return start
    }

    /// The code of the element name in `start..<end` (interned: one string per distinct name).
    private mutating func elementCode(_ start: Int, _ end: Int) throws -> Int32 {
        // A document uses a few names: compared directly before hashing.
        let length = end - start
        if elementBytes.count <= 16 {
            for (code, name) in elementBytes.enumerated() where name.count == length {
                if name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p + start, length) == 0 }) { return Int32(code) }
            }
        }
        // Checked before interning: a name that fails must not stay interned without its string.
        guard XMLBytes.isValidUTF8(p + start, length) else { throw fail("invalid UTF-8 in a name", at: start) }
        if let k = XMLBytes.forbiddenControl(p + start, length) { throw fail(XMLBytes.controlMessage(p[start + k]), at: start + k) }
        let (code, isNew) = elementCodes.intern(bytes(start, end))
        if isNew {
            let name = XMLBytes.string(bytes(start, end))
            elementNames.append(name)
            elementBytes.append(Array(bytes(start, end)))
        }
        return code
    }

    /// A start tag read in one pass, where it lies wholly in the buffer and takes the common form:
    /// attributes `name="value"` (no spaces around `=`) whose values need no decoding. Returns the
    /// offset of its `>`, or `nil` (nothing delivered) for anything else, which `startTag` then reads
    /// in full, with its checks and messages.
    @inline(__always)
    private mutating func quickStartTag() -> (end: Int, nameStart: Int, nameEnd: Int, code: Int32, selfClosing: Bool)? {
        let count = buffer.count
        var i = position + 1
        while i < count && XMLScanner.isNameByte(p[i]) { i += 1 }
        guard i > position + 1, i < count else { return nil }
        let nameStart = localStart(position + 1, i), nameEnd = i
        guard let code = try? elementCode(nameStart, nameEnd), !rootClosed else { return nil }
        rangeCount = 0
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
        while i < count {
            let b = p[i]
            if XMLScanner.isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: ">") { return (i, nameStart, nameEnd, code, false) }
            if b == UInt8(ascii: "/") {
                guard i + 1 < count, p[i + 1] == UInt8(ascii: ">") else { return nil }
                return (i + 1, nameStart, nameEnd, code, true)
            }
            let attributeStart = i
            var high: UInt8 = 0
            while i < count && XMLScanner.isNameByte(p[i]) { high |= p[i]; i += 1 }
            guard i > attributeStart, i + 1 < count, p[i] == UInt8(ascii: "="),
                  p[i + 1] == UInt8(ascii: "\"") || p[i + 1] == UInt8(ascii: "'") else { return nil }
            let attributeEnd = i
            let quote = p[i + 1]
            let valueStart = i + 2
            i = valueStart
            while i < count {
                let c = p[i]
                if c == quote { break }
                // What attribute-value normalisation or a reference would change: read in full.
                if c <= UInt8(ascii: "&") && (c == UInt8(ascii: "&") || c < 0x20) { return nil }
                high |= c
                i += 1
            }
            guard i < count else { return nil }
            if high >= 0x80 {
                guard XMLBytes.isValidUTF8(p + attributeStart, attributeEnd - attributeStart),
                      XMLBytes.isValidUTF8(p + valueStart, i - valueStart) else { return nil }
            }
            addRange((attributeStart, attributeEnd, valueStart, i, false))
            i += 1
        }
        return nil
    }

    private mutating func startTag(_ handler: XMLByteHandler) throws {
        if let tag = quickStartTag() {
            try deliverStartTag(handler, end: tag.end, nameStart: tag.nameStart, nameEnd: tag.nameEnd, code: tag.code,
                                selfClosing: tag.selfClosing)
            return
        }
        // Buffer the whole tag (it ends at the first '>' outside quotes).
        var offset = 1
        var quote: UInt8 = 0
        while true {
            var i = position + offset
            let count = buffer.count
            var found = false
            while i < count {
                let b = p[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: ">") {
                    found = true
                    break
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: "<") {
                    throw fail("'<' inside a tag", at: i)
                }
                i += 1
            }
            offset = i - position
            if found { break }
            guard try ensure(offset + 1) else { throw fail("unexpected end of file inside a tag") }
        }
        let end = position + offset
        var i = position + 1
        while i < end && XMLScanner.isNameByte(p[i]) { i += 1 }
        guard i > position + 1 else { throw fail("a tag without a name") }
        let nameStart = localStart(position + 1, i), nameEnd = i
        let code = try elementCode(nameStart, nameEnd)
        if rootClosed { throw fail("a second root element <\(elementNames[Int(code)])>") }
        rangeCount = 0
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
        var selfClosing = false
        while i < end {
            let b = p[i]
            if XMLScanner.isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: "/") {
                guard i + 1 == end else { throw fail("unexpected '/' in a tag", at: i) }
                selfClosing = true
                i += 1
                continue
            }
            let attributeStart = i
            while i < end && XMLScanner.isNameByte(p[i]) { i += 1 }
            guard i > attributeStart else { throw fail("unexpected character in a tag", at: i) }
            let attributeEnd = i
            while i < end && XMLScanner.isSpace(p[i]) { i += 1 }
            guard i < end && p[i] == UInt8(ascii: "=") else { throw fail("attribute without a value", at: attributeStart) }
            i += 1
            while i < end && XMLScanner.isSpace(p[i]) { i += 1 }
            guard i < end, p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "'") else { throw fail("attribute value not in quotes", at: i) }
            let q = p[i]
            let valueStart = i + 1
            var valueEnd = valueStart
            // The tag ends outside quotes, so the closing quote is before `end`.
            if let hit = memchr(p + valueStart, Int32(q), end - valueStart) {
                valueEnd = hit.assumingMemoryBound(to: UInt8.self) - p
            } else {
                valueEnd = end
            }
            guard XMLBytes.isValidUTF8(p + attributeStart, attributeEnd - attributeStart) else { throw fail("invalid UTF-8 in a name", at: attributeStart) }
            if let k = XMLBytes.forbiddenControl(p + attributeStart, valueEnd - attributeStart) {
                throw fail(XMLBytes.controlMessage(p[attributeStart + k]), at: attributeStart + k)
            }
            if needsDecoding(valueStart, valueEnd, attribute: true) {
                let from = scratch.count
                try decode(valueStart, valueEnd, attribute: true, into: &scratch)
                addRange((attributeStart, attributeEnd, from, scratch.count, true))
            } else {
                guard XMLBytes.isValidUTF8(p + valueStart, valueEnd - valueStart) else { throw fail("invalid UTF-8", at: valueStart) }
                addRange((attributeStart, attributeEnd, valueStart, valueEnd, false))
            }
            i = valueEnd + 1
        }
        try deliverStartTag(handler, end: end, nameStart: nameStart, nameEnd: nameEnd, code: code, selfClosing: selfClosing)
    }

    /// Hands the start tag at `position` (its `>` at `end`, its attributes in `ranges`) to `handler`.
    @inline(__always)
    private mutating func deliverStartTag(_ handler: XMLByteHandler, end: Int, nameStart: Int, nameEnd: Int, code: Int32,
                                          selfClosing: Bool) throws {
        let tagStart = position
        sawRoot = true
        stack.append(code)
        let at = location(at: tagStart)
        // The pointer arrays are moved out (and back) so they stay unique, and overwritten: no
        // allocation and no emptying per tag.
        var names = rawNames, values = rawValues
        rawNames = []; rawValues = []
        let count = rangeCount
        while names.count < count { names.append(UnsafeBufferPointer(start: nil, count: 0)); values.append(UnsafeBufferPointer(start: nil, count: 0)) }
        let message: String? = scratch.withUnsafeBufferPointer { decoded in
            for k in 0..<count {
                let r = ranges[k]
                names[k] = bytes(r.nameStart, r.nameEnd)
                values[k] = r.decoded ? UnsafeBufferPointer(rebasing: decoded[r.valueStart..<r.valueEnd]) : bytes(r.valueStart, r.valueEnd)
            }
            return handler.startElement(XMLRawTag(name: bytes(nameStart, nameEnd), names: names[0..<count], values: values[0..<count]), at: at)
        }
        rawNames = names; rawValues = values
        if let message { throw fail(message, at: tagStart) }
        advanceLines(position, end + 1)
        position = end + 1
        if selfClosing { try closeElement(handler, nameStart, nameEnd, at: at) }
    }

    @inline(__always)
    private mutating func addRange(_ range: (nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int, decoded: Bool)) {
        if rangeCount < ranges.count { ranges[rangeCount] = range } else { ranges.append(range) }
        rangeCount += 1
    }

    /// Ends the open element, named by `buffer[nameStart..<nameEnd]` (its local name).
    private mutating func closeElement(_ handler: XMLByteHandler, _ nameStart: Int, _ nameEnd: Int, at: XMLPosition) throws {
        if let message = handler.endElement(bytes(nameStart, nameEnd), at: at) { throw fail(message) }
        stack.removeLast()
        if stack.isEmpty { rootClosed = true }
    }

    private mutating func endTag(_ handler: XMLByteHandler) throws {
        guard let end = try find(">", from: position + 2) else { throw fail("unexpected end of file inside an end tag") }
        var nameEnd = end
        while nameEnd > position + 2 && XMLScanner.isSpace(p[nameEnd - 1]) { nameEnd -= 1 }
        let nameStart = localStart(position + 2, nameEnd)
        // Compared as bytes with the open element: no string is made for a matching end tag.
        guard let open = stack.last, elementBytes[Int(open)].withUnsafeBufferPointer({ open in
            open.count == nameEnd - nameStart && (open.count == 0 || memcmp(open.baseAddress!, p + nameStart, open.count) == 0)
        }) else {
            let name = string(nameStart, nameEnd) ?? "?"
            guard let open = stack.last else { throw fail("end tag </\(name)> without a start tag") }
            throw fail("end tag </\(name)> does not match <\(elementNames[Int(open)])>")
        }
        let at = location(at: position)
        advanceLines(position, end + 1)
        position = end + 1
        try closeElement(handler, nameStart, nameEnd, at: at)
    }

    private mutating func text(_ handler: XMLByteHandler) throws {
        let end = try find("<", from: position) ?? buffer.count
        if stack.isEmpty {
            // Outside the root only white space may stand.
            for i in position..<end where !XMLScanner.isSpace(p[i]) {
                throw fail(sawRoot ? "text after the root element" : "text before the root element", at: i)
            }
        } else if needsDecoding(position, end, attribute: false) {
            scratch.removeAll(keepingCapacity: true)
            try decode(position, end, attribute: false, into: &scratch)
            scratch.withUnsafeBufferPointer { handler.characters($0) }
        } else {
            guard XMLBytes.isValidUTF8(p + position, end - position) else { throw fail("invalid UTF-8", at: position) }
            if let k = XMLBytes.forbiddenControl(p + position, end - position) { throw fail(XMLBytes.controlMessage(p[position + k]), at: position + k) }
            handler.characters(bytes(position, end))
        }
        advanceLines(position, end)
        position = end
    }

    /// Whether `buffer[start..<end]` holds a reference or a character attribute-value normalisation
    /// or end-of-line handling changes.
    @inline(__always)
    private func needsDecoding(_ start: Int, _ end: Int, attribute: Bool) -> Bool {
        var i = start
        while i < end {
            let b = p[i]
            if b <= 0x0D && (b == 0x0D || (attribute && (b == 0x09 || b == 0x0A))) { return true }
            if b == UInt8(ascii: "&") { return true }
            i += 1
        }
        return false
    }

    /// The byte a predefined entity (`lt`, `gt`, `amp`, `quot`, `apos`) stands for, from its name's bytes.
    @inline(__always)
    static func predefinedEntity(_ name: UnsafePointer<UInt8>, _ count: Int) -> UInt8? {
        switch count {
        case 2 where name[1] == UInt8(ascii: "t"):
            return name[0] == UInt8(ascii: "l") ? 60 : name[0] == UInt8(ascii: "g") ? 62 : nil
        case 3 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p"):
            return 38
        case 4 where name[0] == UInt8(ascii: "q") && name[1] == UInt8(ascii: "u") && name[2] == UInt8(ascii: "o") && name[3] == UInt8(ascii: "t"):
            return 34
        case 4 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "p") && name[2] == UInt8(ascii: "o") && name[3] == UInt8(ascii: "s"):
            return 39
        default:
            return nil
        }
    }

    /// Bytes with entity and character references resolved, appended to `out`; in attribute values,
    /// TAB, CR and LF become spaces (XML's attribute-value normalisation). Checked to be UTF-8.
    private func decode(_ start: Int, _ end: Int, attribute: Bool, into out: inout [UInt8]) throws {
        let from = out.count
        out.reserveCapacity(from + end - start)
        var i = start
        while i < end {
            let b = p[i]
            if b == UInt8(ascii: "&") {
                var semicolon = i + 1
                while semicolon < end && p[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
                guard semicolon < end, semicolon - i <= 12 else {
                    throw fail("'&' that starts no reference (write &amp;)", at: i)
                }
                // The five predefined entities by their bytes (most references are these): no String.
                if let byte = XMLScanner.predefinedEntity(p + i + 1, semicolon - i - 1) {
                    out.append(byte)
                    i = semicolon + 1
                    continue
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
                // XML 1.0's Char: a reference may not name a character the document could not hold
                // (`&#1;` in an id stripped on export would make two ids equal).
                switch value {
                case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: break
                default: throw fail("character reference '&\(name);' names U+\(String(format: "%04X", value)), which XML does not allow", at: i)
                }
                out.append(contentsOf: String(Character(unicode)).utf8)
                i = semicolon + 1
            } else if b == 0x0D {
                // CRLF and lone CR are read as LF (XML's end-of-line handling).
                out.append(attribute ? 0x20 : 0x0A)
                i += (i + 1 < end && p[i + 1] == 0x0A) ? 2 : 1
            } else if attribute && (b == 0x09 || b == 0x0A) {
                out.append(0x20); i += 1
            } else {
                out.append(b); i += 1
            }
        }
        let valid = out.withUnsafeBufferPointer { XMLBytes.isValidUTF8($0.baseAddress! + from, $0.count - from) }
        guard valid else { throw fail("invalid UTF-8", at: start) }
        if let k = XMLBytes.forbiddenControl(p + start, end - start) { throw fail(XMLBytes.controlMessage(p[start + k]), at: start + k) }
    }
}

/// Delivers the scanner's byte events to an `XMLHandler` as strings (names made once each).
final class StringEvents: XMLByteHandler {
    let handler: XMLHandler
    /// Events' state in a struct: one access per event.
    private var state = State()

    private struct State {
        var attributes = XMLAttributes()
        var nameBytes: [[UInt8]] = []
        var nameStrings: [String] = []
        var names = ByteInterner()

        /// The string of a name: compared with the few names seen first, else interned.
        mutating func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let n = bytes.count
            if nameBytes.count <= 32 {
                for i in nameBytes.indices where nameBytes[i].count == n {
                    if n == 0 || nameBytes[i].withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, n) == 0 }) {
                        return nameStrings[i]
                    }
                }
                if nameBytes.count < 32 {
                    nameBytes.append(Array(bytes))
                    nameStrings.append(XMLBytes.string(bytes))
                    return nameStrings[nameStrings.count - 1]
                }
            }
            let (code, isNew) = names.intern(bytes)
            if isNew { nameStrings.append(XMLBytes.string(bytes)) }
            return nameStrings[32 + Int(code)]
        }

        mutating func attributes(_ tag: XMLRawTag) -> XMLAttributes {
            attributes.names.removeAll(keepingCapacity: true)
            attributes.values.removeAll(keepingCapacity: true)
            for i in tag.names.indices {
                attributes.names.append(name(tag.names[i]))
                attributes.values.append(XMLBytes.string(tag.values[i]))
            }
            return attributes
        }
    }

    init(_ handler: XMLHandler) { self.handler = handler }

    func startElement(_ tag: XMLRawTag, at position: XMLPosition) -> String? {
        let (name, attributes) = (state.name(tag.name), state.attributes(tag))
        return handler.startElement(name, attributes: attributes, at: position)
    }

    func endElement(_ name: UnsafeBufferPointer<UInt8>, at position: XMLPosition) -> String? {
        handler.endElement(state.name(name), at: position)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) { handler.characters(XMLBytes.string(text)) }
}
