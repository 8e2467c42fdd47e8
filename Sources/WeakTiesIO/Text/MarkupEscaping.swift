/// Where escaped bytes go: runs of plain bytes are handed over whole, replacements as literals.
protocol EscapedBytesSink {
    mutating func append(_ bytes: UnsafeRawBufferPointer)
    mutating func append(_ literal: StaticString)
}

/// The one escaper for XML and HTML text (GraphML, GEXF, the maps' SVG labels and legends, the report's
/// HTML pages). Three dialects of the same loop:
/// - `.xml`: `&`, `<`, `>`, `"`, `'` as `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`; tab and line breaks as
///   `&#9;` `&#10;` `&#13;` (so they survive attribute-value normalisation); other C0 controls and
///   U+FFFE/U+FFFF, which are not XML 1.0 characters, dropped. For character data and attribute values.
/// - `.xmlCharacterData`: element content only: `&`, `<`, `>` escaped, CR as `&#13;` (end-of-line
///   handling would read it as LF), `"`, `'`, tab and LF as they are (they need no escaping between
///   tags); the same characters dropped as `.xml`. A GraphML export's `mentions_json` is mostly
///   quotes: `&quot;` made it 7.7 times the size of its CSV and the scan decode 40 % of it.
/// - `.html`: the five as `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, everything else as it is (what
///   mustache's HTML type escapes).
/// Text that needs nothing is copied in one run (no per-character work beyond a bitmap test).
public enum MarkupEscaping: Sendable {
    /// XML 1.0 character data and attribute values: the five entities, tab and line breaks as
    /// character references, other C0 controls and U+FFFE/U+FFFF dropped.
    case xml
    /// XML 1.0 character data (element content, never attribute values): `&`, `<`, `>` and CR as
    /// references, other C0 controls but tab and LF and U+FFFE/U+FFFF dropped.
    case xmlCharacterData
    /// HTML text and attribute values: the five characters only, as mustache's HTML type escapes.
    case html

    /// `text` escaped.
    public func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { needsWork($0) }) else { return String(decoding: bytes, as: UTF8.self) }
            var out = ByteArraySink()
            out.bytes.reserveCapacity(bytes.count + 32)
            escape(bytes, into: &out)
            return String(decoding: out.bytes, as: UTF8.self)
        }
    }

    /// Whether byte `b` is not copied as it is. A bitmap in constants, not a shared table: writers on
    /// several cores then touch no common reference count per call.
    @inline(__always)
    func needsWork(_ b: UInt8) -> Bool {
        switch self {
        case .xml:
            // Bits 0–63: C0 controls (0x00–0x1F), " (0x22), & (0x26), ' (0x27), < (0x3C), > (0x3E); and
            // 0xEF, which may start U+FFFE/U+FFFF.
            let low: UInt64 = 0x0000_0000_FFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
            if b < 64 { return (low >> UInt64(b)) & 1 != 0 }
            return b == 0xEF
        case .xmlCharacterData:
            // C0 controls but tab (0x09) and LF (0x0A), & (0x26), < (0x3C), > (0x3E); and 0xEF.
            let low: UInt64 = 0x0000_0000_FFFF_F9FF | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
            if b < 64 { return (low >> UInt64(b)) & 1 != 0 }
            return b == 0xEF
        case .html:
            let low: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
            return b < 64 && (low >> UInt64(b)) & 1 != 0
        }
    }

    /// Appends `s` escaped to `sink`.
    @inline(__always)
    func escape<Sink: EscapedBytesSink>(_ s: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let n = s.count
        guard n > 0 else { return }
        let p = s.baseAddress!
        var run = 0
        var i = 0
        while i < n {
            let b = p[i]
            if !needsWork(b) { i += 1; continue }
            if i > run { sink.append(UnsafeRawBufferPointer(start: p + run, count: i - run)) }
            var skip = 1
            switch b {
            case 0x26: sink.append("&amp;")
            case 0x3C: sink.append("&lt;")
            case 0x3E: sink.append("&gt;")
            case 0x22: sink.append("&quot;")
            case 0x27: sink.append(self == .xml ? "&apos;" : "&#39;")
            case 0x0A: sink.append("&#10;")
            case 0x0D: sink.append("&#13;")
            case 0x09: sink.append("&#9;")
            case 0xEF:
                if i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF) {
                    skip = 3  // U+FFFE, U+FFFF: not XML characters
                } else {
                    sink.append(UnsafeRawBufferPointer(start: p + i, count: 1))
                }
            default: break  // other C0 controls: not XML 1.0 characters
            }
            i += skip
            run = i
        }
        if n > run { sink.append(UnsafeRawBufferPointer(start: p + run, count: n - run)) }
    }
}

/// Escaped bytes collected in an array.
struct ByteArraySink: EscapedBytesSink {
    var bytes: [UInt8] = []
    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
