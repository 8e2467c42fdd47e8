import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record handed out by `CSVScanner`: views into the scanner's buffers, valid during the callback.
struct CSVRecordView {
    let bytes: UnsafePointer<UInt8>
    let ends: UnsafeBufferPointer<Int>
    let lines: UnsafeBufferPointer<Int32>
    /// The physical line on which the record starts.
    let startLine: Int

    var count: Int { ends.count }

    @inline(__always)
    func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[i] - start)
    }

    /// Whether every field is empty or white space (a blank or delimiter-only line).
    var isBlank: Bool {
        let total = ends.last ?? 0
        if total == 0 { return true }
        // Fast path: a record starting with visible text is not blank.
        if bytes[0] != 32 && bytes[0] != 9 { return false }
        return UnsafeBufferPointer(start: bytes, count: total).allSatisfy { $0 == 32 || $0 == 9 }
    }
}

/// Receives the records of a scan.
protocol CSVRecordSink {
    mutating func add(_ record: CSVRecordView) throws
}

/// A problem that stops scanning a file.
enum CSVScanError: Error, Equatable {
    case nulByte(line: Int, column: Int)
    case unterminatedQuote(line: Int, column: Int)
    case io(String)
}

/// A byte-level RFC 4180 reader over a file read in large blocks.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks (kept verbatim). Records end at
/// LF, CRLF or a lone CR. Lines are counted physically (CRLF counts once). Outside the RFC, it behaves
/// like Python's `csv` module: a quote inside an unquoted field is a literal character, and text after
/// a closing quote is appended to the field. A NUL byte stops the scan (the file is binary).
/// - Complexity: O(bytes); memory O(block size + longest record).
final class CSVScanner {
    private let path: String
    private let fd: Int32
    private let blockSize: Int
    private var block: UnsafeMutablePointer<UInt8>
    private var blockCount = 0
    private var position = 0
    private var atEOF = false

    /// The delimiter in use.
    private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    /// Whether the file started with a UTF-8 byte order mark (skipped).
    private(set) var hadBOM = false


    init(path: String, blockSize: Int = 1 << 20) throws(CSVScanError) {
        self.path = path
        fd = open(path, O_RDONLY)
        if fd < 0 { throw .io(String(cString: strerror(errno))) }
        self.blockSize = blockSize
        block = .allocate(capacity: blockSize)
    }

    deinit {
        close(fd)
        block.deallocate()
    }

    private func fill() throws(CSVScanError) {
        var total = 0
        while total < blockSize {
            let n = read(fd, block + total, blockSize - total)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(String(cString: strerror(errno)))
            }
            if n == 0 { atEOF = true; break }
            total += n
        }
        blockCount = total
        position = 0
        ReadLog.shared.record(path, bytes: total)
    }

    /// Whether the whole file has been read into the current block.
    var isAtEOF: Bool { atEOF }

    /// The first bytes of the file (up to one block), for sniffing. Call before `scan`.
    func prefix() throws(CSVScanError) -> UnsafeBufferPointer<UInt8> {
        if blockCount == 0 && !atEOF { try fill() }
        return UnsafeBufferPointer(start: block, count: blockCount)
    }

    /// Skips a UTF-8 BOM and sets the delimiter (given, or detected from the first record).
    func prepare(delimiter given: UInt8?) throws(CSVScanError) {
        let head = try prefix()
        if head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
            hadBOM = true
            position = 3
        }
        delimiter = given ?? CSVScanner.detectDelimiter(UnsafeBufferPointer(rebasing: head[position...]))
    }

    /// Counts `,` `;` and TAB outside quotes in the first non-blank line and takes the most frequent
    /// (`,` where none occurs; ties go to `;`, then TAB, then `,`, since a German export with `;`
    /// often has commas in unquoted text).
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 9: 0]
        var inQuotes = false
        var lineHasContent = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); lineHasContent = true; continue }
            if inQuotes { continue }
            if b == 10 || b == 13 {
                if lineHasContent { break }
                // A blank or delimiter-only line before the header (skipped by the reader) says nothing.
                for key in counts.keys { counts[key] = 0 }
                continue
            }
            if b != 32 && b != 9 && b != UInt8(ascii: ",") && b != UInt8(ascii: ";") { lineHasContent = true }
            if counts[b] != nil { counts[b]! += 1 }
        }
        var best = UInt8(ascii: ","), bestCount = 0
        for candidate in [UInt8(ascii: ";"), 9, UInt8(ascii: ",")] where counts[candidate]! > bestCount {
            best = candidate
            bestCount = counts[candidate]!
        }
        return best
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Non-zero if any byte of `word` equals the byte repeated in `mask` (SWAR: Mycroft's zero-byte test).
    @inline(__always)
    static func containsByte(_ word: UInt64, _ mask: UInt64) -> UInt64 {
        let x = word ^ mask
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Scans the rest of the file, handing every record (blank ones included) to `sink`.
    ///
    /// The sink is passed `inout` and the record buffers are locals, so the per-byte loop runs
    /// without dynamic exclusivity checks or reference counting.
    func scan<Sink: CSVRecordSink>(into sink: inout Sink) throws {
        let quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13
        let delimiter = self.delimiter
        // Bytes that end a run of plain field content.
        var specialUnquoted = [Bool](repeating: false, count: 256)
        for b in [delimiter, quote, lf, cr, 0] { specialUnquoted[Int(b)] = true }
        var specialQuoted = [Bool](repeating: false, count: 256)
        for b in [quote, lf, cr, 0] { specialQuoted[Int(b)] = true }

        let ones: UInt64 = 0x0101_0101_0101_0101
        let delimiterMask = ones &* UInt64(delimiter), quoteMask = ones &* UInt64(quote)
        let lfMask = ones &* UInt64(lf), crMask = ones &* UInt64(cr)
        var state = State.fieldStart
        var line = 1
        var lastWasCR = false
        var atRecordStart = true
        var recordLine = 1
        var fieldLine: Int32 = 1
        var quoteLine = 0, quoteColumn = 0

        // The record under construction: field bytes, end offset and start line of each field.
        var recordCapacity = 4096
        var record = UnsafeMutablePointer<UInt8>.allocate(capacity: recordCapacity)
        defer { record.deallocate() }
        var recordCount = 0
        var ends: [Int] = []
        var lines: [Int32] = []
        ends.reserveCapacity(64)
        lines.reserveCapacity(64)

        @inline(__always)
        func append(_ source: UnsafePointer<UInt8>, _ count: Int) {
            if recordCount + count > recordCapacity {
                (record, recordCapacity) = grownByteAllocation(record, count: recordCount, capacity: recordCapacity,
                                                               needed: recordCount + count)
            }
            (record + recordCount).update(from: source, count: count)
            recordCount += count
        }
        func endField() {
            ends.append(recordCount)
            lines.append(fieldLine)
        }
        func endRecord() throws {
            endField()
            try ends.withUnsafeBufferPointer { e in
                try lines.withUnsafeBufferPointer { l in
                    try sink.add(CSVRecordView(bytes: UnsafePointer(record), ends: e, lines: l, startLine: recordLine))
                }
            }
            ends.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
            recordCount = 0
            atRecordStart = true
        }

        while true {
            if position >= blockCount {
                if atEOF { break }
                try fill()
                if blockCount == 0 { break }
            }
            let end = blockCount
            var i = position
            while i < end {
                let b = block[i]
                let wasCR = lastWasCR
                lastWasCR = false
                switch state {
                case .fieldStart, .unquoted:
                    if state == .fieldStart {
                        if atRecordStart {
                            if b == lf && wasCR { i += 1; continue }  // LF of a CRLF that ended the last record
                            recordLine = line
                            atRecordStart = false
                        }
                        fieldLine = Int32(line)
                        if b == quote {
                            state = .quoted
                            quoteLine = line
                            quoteColumn = ends.count + 1
                            i += 1
                            continue
                        }
                    }
                    if !specialUnquoted[Int(b)] || b == quote {
                        // Plain run (a quote inside an unquoted field is literal): eight bytes at a time
                        // while none is special, then byte by byte.
                        var j = i + 1
                        while j + 8 <= end {
                            let word = UnsafeRawPointer(block + j).loadUnaligned(as: UInt64.self)
                            if CSVScanner.containsByte(word, delimiterMask) | CSVScanner.containsByte(word, quoteMask)
                                | CSVScanner.containsByte(word, lfMask) | CSVScanner.containsByte(word, crMask)
                                | CSVScanner.containsByte(word, 0) != 0 { break }
                            j += 8
                        }
                        while j < end && !specialUnquoted[Int(block[j])] { j += 1 }
                        append(block + i, j - i)
                        state = .unquoted
                        i = j
                        continue
                    }
                    if b == delimiter {
                        endField()
                        state = .fieldStart
                    } else if b == lf || b == cr {
                        line += 1
                        lastWasCR = b == cr
                        try endRecord()
                        state = .fieldStart
                    } else {
                        throw CSVScanError.nulByte(line: line, column: ends.count + 1)
                    }
                    i += 1
                case .quoted:
                    if !specialQuoted[Int(b)] {
                        var j = i + 1
                        while j + 8 <= end {
                            let word = UnsafeRawPointer(block + j).loadUnaligned(as: UInt64.self)
                            if CSVScanner.containsByte(word, quoteMask) | CSVScanner.containsByte(word, lfMask)
                                | CSVScanner.containsByte(word, crMask) | CSVScanner.containsByte(word, 0) != 0 { break }
                            j += 8
                        }
                        while j < end && !specialQuoted[Int(block[j])] { j += 1 }
                        append(block + i, j - i)
                        i = j
                        continue
                    }
                    if b == quote {
                        state = .afterQuote
                    } else if b == lf {
                        if !wasCR { line += 1 }
                        append(block + i, 1)
                    } else if b == cr {
                        line += 1
                        lastWasCR = true
                        append(block + i, 1)
                    } else {
                        throw CSVScanError.nulByte(line: line, column: ends.count + 1)
                    }
                    i += 1
                case .afterQuote:
                    if b == quote {
                        append(block + i, 1)
                        state = .quoted
                    } else if b == delimiter {
                        endField()
                        state = .fieldStart
                    } else if b == lf || b == cr {
                        line += 1
                        lastWasCR = b == cr
                        try endRecord()
                        state = .fieldStart
                    } else if b == 0 {
                        throw CSVScanError.nulByte(line: line, column: ends.count + 1)
                    } else {
                        append(block + i, 1)
                        state = .unquoted
                    }
                    i += 1
                }
            }
            position = end
        }
        if state == .quoted { throw CSVScanError.unterminatedQuote(line: quoteLine, column: quoteColumn) }
        if !atRecordStart { try endRecord() }
    }
}

/// Counts the bytes read from the files a test watches, so a test can check that an input is read
/// once (not by timing). Watching nothing (always, outside tests) costs one lock per 1 MiB block.
final class ReadLog: @unchecked Sendable {
    static let shared = ReadLog()
    private let lock = NSLock()
    private var watched: [String: Int] = [:]

    /// Starts counting the bytes read from `path` (from 0).
    func watch(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        watched[path] = 0
    }

    /// Bytes read from `path` since `watch` (nil when not watched); stops watching it.
    func stop(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return watched.removeValue(forKey: path)
    }

    func record(_ path: String, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let count = watched[path] { watched[path] = count + bytes }
    }
}
