#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable output buffer of bytes for the writers: appends are pointer copies (no `String`
/// concatenation, no per-append uniqueness check), cleared without freeing between flushes.
struct OutputBytes {
    /// Owns the memory (freed with the last copy of the buffer).
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private let storage: Storage
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    /// The bytes written so far (valid until the next append).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Hands the bytes written so far to `sink` and empties the buffer.
    mutating func withBytesFlushed(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if count > 0 { try sink(bytes) }
        count = 0
    }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        (base, capacity) = grownByteAllocation(storage.base, count: count, capacity: capacity, needed: needed)
        storage.base = base
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The UTF-8 of `string`.
    @inline(__always)
    mutating func append(_ string: String) {
        // Read in place where the text is contiguous UTF-8 (native strings): no copy, no retain.
        if string.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) != nil { return }
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// `n` in decimal.
    mutating func append(decimal n: Int) {
        reserve(20)
        var magnitude = n.magnitude
        if n < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, filled from the end
        let written: Int = withUnsafeMutableBytes(of: &digits) { scratch in
            var i = scratch.count
            repeat {
                i -= 1
                scratch[i] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude > 0
            let length = scratch.count - i
            UnsafeMutableRawPointer(base + count).copyMemory(from: scratch.baseAddress! + i, byteCount: length)
            return length
        }
        count += written
    }


    /// `string` as XML character data (and attribute value): `&`, `<`, `>`, `"`, `'` escaped, line
    /// breaks and tabs as character references (they survive attribute normalisation), other C0
    /// controls and U+FFFE/U+FFFF (not XML 1.0 characters) dropped. Runs of plain bytes are copied whole.
    mutating func appendXMLEscaped(_ string: String) {
        // Read in place where the text is contiguous UTF-8 (native strings): no copy, no retain.
        if string.utf8.withContiguousStorageIfAvailable({ appendXMLEscaped(bytes: $0) }) != nil { return }
        var string = string
        string.withUTF8 { appendXMLEscaped(bytes: $0) }
    }

    private mutating func appendXMLEscaped(bytes s: UnsafeBufferPointer<UInt8>) {
        MarkupEscaping.xml.escape(s, into: &self)
    }

    /// `string` as XML element content (`MarkupEscaping.xmlCharacterData`: quotes, tabs and line feeds
    /// as they are); never for attribute values.
    mutating func appendXMLCharacterData(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ MarkupEscaping.xmlCharacterData.escape($0, into: &self) }) != nil { return }
        var string = string
        string.withUTF8 { MarkupEscaping.xmlCharacterData.escape($0, into: &self) }
    }
}

extension OutputBytes: EscapedBytesSink {}
