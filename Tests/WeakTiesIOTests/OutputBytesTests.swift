import Testing
import TestSupport
@testable import WeakTiesIO

/// The GraphML writer's byte buffer must write what the string helpers write.
@Suite struct OutputBytesTests {
    @Test func escapingMatchesXMLTextAndNumbersMatchString() {
        var rng = SeededRandom(seed: 5)
        let alphabet: [String] = ["a", "&", "<", ">", "\"", "'", "\n", "\r", "\t", "\u{1}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "漢", "🙂", " "]
        for _ in 0..<2_000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            var out = OutputBytes(capacity: 1)
            out.appendXMLEscaped(text)
            #expect(Array(out.bytes) == Array(GraphExport.xmlText(text).utf8), "\(text.debugDescription)")
        }
        var out = OutputBytes(capacity: 1)
        for n in [0, 7, -7, 10, 1_000_000, Int.max, Int.min, -1] {
            out.removeAll()
            out.append(decimal: n)
            #expect(Array(out.bytes) == Array(String(n).utf8))
        }
    }
}
