import Testing
import TestSupport
@testable import WeakTiesIO

/// The byte-level reader of `mentions_json` must give what the general JSON reader gives, or leave
/// the text to it.
@Suite struct FlatMentionJSONTests {
    private func general(_ text: String) -> [[(String, String)]]? {
        guard case .array(let items)? = try? JSONReader.parse(text, file: "t") else { return nil }
        var rows: [[(String, String)]] = []
        for item in items {
            guard case .object(let members) = item else { return nil }
            var row: [(String, String)] = []
            for (key, value) in members {
                guard case .string(let cell) = value else { return nil }
                row.append((key, cell))
            }
            rows.append(row)
        }
        return rows
    }

    private func same(_ a: [[(String, String)]], _ b: [[(String, String)]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.count == y.count && zip(x, y).allSatisfy { Array($0.0.utf8) == Array($1.0.utf8) && Array($0.1.utf8) == Array($1.1.utf8) }
        }
    }

    @Test func equalsTheGeneralReaderOnSeededMentionLists() {
        var rng = SeededRandom(seed: 8)
        let pieces = ["a", "Zitat", "\"", "\\", "/", "\n", "\r", "\t", "é", "漢", "🙂", " ", ",", ":", "{", "}", "[", "]", "\u{1}", "\u{7F}"]
        let keys = ["source", "target", "quote", "coder", "interview", "proximity_spatial", "Motiv, Nutzen"]
        var fast = 0
        for _ in 0..<3_000 {
            var rows: [[(String, String)]] = []
            for _ in 0..<Int(rng.next() % 4) {
                var row: [(String, String)] = []
                for key in keys where rng.next() % 3 != 0 {
                    row.append((key, (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()))
                }
                rows.append(row)
            }
            var text = "["
            for (r, row) in rows.enumerated() {
                text += (r > 0 ? (rng.next() % 2 == 0 ? "," : " ,\n ") : "") + "{"
                for (k, (key, value)) in row.enumerated() {
                    var escapedKey = "", escapedValue = ""
                    JSONValue.escape(key, into: &escapedKey)
                    JSONValue.escape(value, into: &escapedValue)
                    text += (k > 0 ? "," : "") + escapedKey + (rng.next() % 2 == 0 ? ":" : " : ") + escapedValue
                }
                text += "}"
            }
            text += "]"
            let expected = general(text)
            if let read = FlatMentionJSON.rows(text) {
                fast += 1
                #expect(expected.map { same($0, read) } == true, "\(text.debugDescription)")
                #expect(same(read, rows), "\(text.debugDescription)")
            }
        }
        #expect(fast > 1_000, "the byte path reads most lists (\(fast) of 3,000)")
    }

    @Test func leavesEverythingElseToTheGeneralReader() {
        for text in ["", "[", "[{}", "{}", "[1]", "[{\"a\":1}]", "[{\"a\":{\"b\":\"c\"}}]", "[{\"a\":\"\\u00e9\"}]",
                     "[{\"a\":\"b\"},]", "[{\"a\":\"b\",}]", "[{\"a\" \"b\"}]", "[{\"a\":\"b\"}] x", "[{\"a\":\"b\",\"a\":\"c\"}]",
                     "[{\"a\":\"line\nbreak\"}]", "[{\"a\":\"\\x\"}]", "[{\"a\":\"b\"", "[{\"a\":\"b\\"] {
            #expect(FlatMentionJSON.rows(text) == nil, "\(text.debugDescription)")
        }
        #expect(FlatMentionJSON.rows("[]")?.isEmpty == true)
        #expect(FlatMentionJSON.rows(" [ { } ] ")?.map(\.count) == [0])
    }
}
