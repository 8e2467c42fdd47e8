/// The text encoding of an input file (see `FileTextDecoder` for how it is decided).
enum TextEncodingMode: Equatable {
    /// Only ASCII so far: both candidate encodings agree.
    case undecided
    case utf8
    case windows1252

    var name: String {
        switch self {
        case .undecided, .utf8: "utf-8"
        case .windows1252: "windows-1252"
        }
    }
}

/// Decodes cell bytes once the encoding is known; UTF-8 stays UTF-8 (never re-decoded as Windows-1252).
enum TextDecoding {
    /// Code points of Windows-1252 bytes 0x80–0x9F; 0 marks the five undefined bytes.
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Offset of the first byte that breaks UTF-8, or `nil` if the bytes are valid UTF-8.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch c {
            case 0xC2...0xDF: length = 2; scalar = UInt32(c & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(c & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(c & 0x07); minimum = 0x10000
            default: return i
            }
            if i + length > b.count { return i }
            for k in 1..<length {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(cc & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minimum = 0
            i += length
        }
        return nil
    }

    /// Counts the valid multi-byte UTF-8 sequences and the bytes that cannot start or continue one,
    /// and where the first such byte is. A sequence cut off by the end of `b` counts as neither.
    ///
    /// `strong` counts the valid sequences that Windows-1252 text practically never forms by accident
    /// but UTF-8 text in European languages is full of: Latin-1 letters and signs led by 0xC2/0xC3
    /// (`ä`, `ü`, `ß`, `é`, `°` …, which Windows-1252 would show as "Ã¤", "Â°"), Latin Extended-A led by
    /// 0xC5 (`œ`, `š`, `ž` …), General Punctuation and Currency led by 0xE2 (`–`, `„`, `“`, `€` …) and
    /// four-byte emoji led by 0xF0 0x9F. Other valid sequences, e.g. "ß“" (0xDF 0x93) or "ä€“"
    /// (0xE4 0x80 0x93), arise by accident in Windows-1252 text and are weak evidence.
    static func utf8Evidence(_ b: UnsafeBufferPointer<UInt8>) -> (valid: Int, strong: Int, invalid: Int, firstInvalid: Int?) {
        var valid = 0, strong = 0, invalid = 0
        var firstInvalid: Int?
        var i = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1; continue }
            let rest = UnsafeBufferPointer(rebasing: b[i..<min(b.count, i + 4)])
            let length: Int
            switch b[i] {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0 && rest.count < length && rest.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) { break }
            if length > 0, rest.count >= length, firstInvalidUTF8(UnsafeBufferPointer(rebasing: rest[0..<length])) == nil {
                valid += 1
                if [0xC2, 0xC3, 0xC5, 0xE2].contains(b[i]) || (b[i] == 0xF0 && b[i + 1] == 0x9F) { strong += 1 }
                i += length
            } else {
                invalid += 1
                if firstInvalid == nil { firstInvalid = i }
                i += 1
            }
        }
        return (valid, strong, invalid, firstInvalid)
    }

    /// Offset of the first byte undefined in Windows-1252, if any.
    static func firstUndefinedWindows1252(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        b.firstIndex { (0x80...0x9F).contains($0) && windows1252High[Int($0 - 0x80)] == 0 }
    }

    static func decodeWindows1252(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in b {
            let code = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Decodes UTF-8 (invalid sequences become U+FFFD); copies the bytes in one go.
    static func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count) { target in
            _ = target.initialize(fromContentsOf: b)
            return b.count
        }
    }
}

/// Decodes the distinct values of one file.
///
/// The encoding is decided from the file's first block (1 MiB) where it holds non-ASCII bytes: valid
/// UTF-8 there means UTF-8, anything else Windows-1252. A file whose first block is pure ASCII is
/// decided at its first non-ASCII value.
struct FileTextDecoder {
    private(set) var mode: TextEncodingMode = .undecided
    /// Set when the file was decided to be Windows-1252: where that was seen.
    private(set) var windows1252Evidence: SourceLocationHint?

    struct SourceLocationHint { let line: Int; let column: Int? }

    init() {}

    /// Decides the encoding from the first bytes of the file: UTF-8 where they hold strong UTF-8
    /// evidence or nothing that breaks UTF-8 (broken bytes beside strong evidence are then reported
    /// as errors: a UTF-8 file is never re-decoded as Windows-1252); Windows-1252 where bytes break
    /// UTF-8 and the only valid sequences are accidental pairs.
    init(sniffing head: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) {
        if TextDecoding.isASCII(head) { return }
        let evidence = TextDecoding.utf8Evidence(head)
        guard evidence.strong == 0, evidence.invalid > 0, let bad = evidence.firstInvalid else {
            mode = .utf8
            return
        }
        mode = .windows1252
        var line = 1
        var previous: UInt8 = 0
        for byte in head[..<bad] {
            if byte == 13 || (byte == 10 && previous != 13) { line += 1 }
            previous = byte
        }
        windows1252Evidence = SourceLocationHint(line: line, column: nil)
    }

    /// Decodes `bytes`; on bytes that are not valid in the file's encoding returns the problem too.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> (String, problem: String?) {
        if TextDecoding.isASCII(bytes) { return (TextDecoding.decodeUTF8(bytes), nil) }
        switch mode {
        case .utf8:
            if let bad = TextDecoding.firstInvalidUTF8(bytes) {
                return (TextDecoding.decodeUTF8(bytes),
                        String(format: "invalid UTF-8 (byte 0x%02X at offset %d of the field) in a file that is UTF-8 elsewhere; re-save the file as UTF-8", bytes[bad], bad))
            }
            return (TextDecoding.decodeUTF8(bytes), nil)
        case .windows1252:
            if let bad = TextDecoding.firstUndefinedWindows1252(bytes) {
                return (TextDecoding.decodeWindows1252(bytes),
                        String(format: "byte 0x%02X is neither UTF-8 nor Windows-1252; re-save the file as UTF-8", bytes[bad]))
            }
            return (TextDecoding.decodeWindows1252(bytes), nil)
        case .undecided:
            let evidence = TextDecoding.utf8Evidence(bytes)
            if evidence.strong > 0 || evidence.invalid == 0 {
                mode = .utf8
                return decode(bytes, line: line, column: column)
            }
            if let bad = TextDecoding.firstUndefinedWindows1252(bytes) {
                return (TextDecoding.decodeUTF8(bytes),
                        String(format: "byte 0x%02X is neither UTF-8 nor Windows-1252; re-save the file as UTF-8", bytes[bad]))
            }
            mode = .windows1252
            windows1252Evidence = SourceLocationHint(line: line, column: column)
            return (TextDecoding.decodeWindows1252(bytes), nil)
        }
    }
}

import Foundation
