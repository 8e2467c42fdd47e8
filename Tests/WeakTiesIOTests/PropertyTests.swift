import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy

/// Characters that exist in both UTF-8 and Windows-1252, with their Windows-1252 bytes.
private let windows1252: [Character: UInt8] = ["ä": 0xE4, "ö": 0xF6, "ü": 0xFC, "ß": 0xDF, "é": 0xE9, "€": 0x80, "„": 0x84, "“": 0x93, "–": 0x96, "Ä": 0xC4]
private let textAlphabet: [Character] = Array("abcxyzAB ,;\t\"\n\r") + Array(windows1252.keys) + ["'", "=", "-"]
private let idAlphabet: [Character] = Array("abcKMG -,;\"") + Array(windows1252.keys)

private struct RandomMention {
    var source: String, target: String, strength: String, quote: String, interview: String
}

private func randomText(_ alphabet: [Character], _ length: ClosedRange<Int>, _ rng: inout SeededRandom) -> String {
    String((0..<Int.random(in: length, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
}

/// Writes rows as delimited text: quoting where needed (or everywhere), a chosen line ending.
private func writeTable(_ rows: [[String]], delimiter: Character, quoteAll: Bool, lineEnding: String) -> String {
    rows.map { row in
        row.map { field in
            let needs = quoteAll || field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || field.isEmpty && row.count == 1
            return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: String(delimiter))
    }.joined(separator: lineEnding) + lineEnding
}

@Suite struct ImportPropertyTests {
    /// Random tie tables, written with random delimiters, quoting, line endings and encodings, import to
    /// the graph a brute-force aggregation of the same mentions gives.
    @Test func randomTablesImportToTheSameGraphInEveryDialect() throws {
        var rng = SeededRandom(seed: 2026)
        let dir = TemporaryDirectory()
        for round in 0..<150 {
            let actorCount = Int.random(in: 2...8, using: &rng)
            var ids: [String] = []
            while ids.count < actorCount {
                // Ids must survive trimming unchanged and stay distinct; pad some with spaces to test trimming.
                let id = "n" + randomText(idAlphabet, 0...6, &rng).trimmingCharacters(in: .whitespacesAndNewlines)
                if !ids.contains(id) { ids.append(id) }
            }
            var mentions: [RandomMention] = []
            for _ in 0..<Int.random(in: 1...25, using: &rng) {
                let a = Int.random(in: 0..<actorCount, using: &rng)
                var b = Int.random(in: 0..<actorCount, using: &rng)
                if b == a { b = (a + 1) % actorCount }
                let spelling = ["strong", "weak", "Stark", "SCHWACH", "1", "2", "3", "4", "5", " weak "].randomElement(using: &rng)!
                mentions.append(RandomMention(
                    source: Bool.random(using: &rng) ? "  " + ids[a] : ids[a], target: ids[b], strength: spelling,
                    quote: randomText(textAlphabet, 0...30, &rng), interview: "I\(Int.random(in: 1...3, using: &rng))"))
            }
            // Brute-force expectation: strength votes per unordered pair, majority with ties strong.
            var votes: [String: (strong: Int, weak: Int, quotes: [String])] = [:]
            for m in mentions {
                let a = m.source.trimmingCharacters(in: .whitespaces), b = m.target
                let key = "\(min(a, b))|\(max(a, b))"
                let isStrong = ["strong", "stark", "3", "4", "5"].contains(m.strength.trimmingCharacters(in: .whitespaces).lowercased())
                var v = votes[key] ?? (0, 0, [])
                if isStrong { v.strong += 1 } else { v.weak += 1 }
                v.quotes.append(m.quote)
                votes[key] = v
            }
            let expectedTies = votes.map { key, v in
                "tie \(key) \(v.strong >= v.weak ? "strong" : "weak") \(v.strong)/\(v.weak) \(v.quotes.sorted())"
            }.sorted()

            var rows = [["source", "target", "strength", "quote", "interview"]]
            rows += mentions.map { [$0.source, $0.target, $0.strength, $0.quote, $0.interview] }
            let delimiter: Character = [",", ";", "\t"].randomElement(using: &rng)!
            let text = writeTable(rows, delimiter: delimiter, quoteAll: Bool.random(using: &rng),
                                  lineEnding: ["\n", "\r\n"].randomElement(using: &rng)!)
            let encoding = Int.random(in: 0..<3, using: &rng)
            let bytes: [UInt8]
            switch encoding {
            case 0: bytes = Array(text.utf8)
            case 1: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            default: bytes = text.flatMap { c in windows1252[c].map { [$0] } ?? Array(String(c).utf8) }
            }
            let path = dir.write("round\(round).csv", bytes: bytes)
            let study = try StudyLoader.load(ties: [path])
            let ties = canonicalDescription(study).filter { $0.hasPrefix("tie ") }
            #expect(ties == expectedTies, "round \(round), delimiter \(delimiter), encoding \(encoding)")
            #expect(study.mentions.count == mentions.count)
            #expect(Set(study.actors.map(\.id)) == Set(mentions.flatMap { [$0.source.trimmingCharacters(in: .whitespaces), $0.target] }))
            #expect(study.mentions.cells[study.mentions.column(named: "quote")!].values.count <= mentions.count + 1)
            for (i, m) in mentions.enumerated() { #expect(study.mentions.text("quote", i) == m.quote) }
        }
    }
}

struct RecordCollector: CSVRecordSink {
    var records: [[String]] = []
    mutating func add(_ record: CSVRecordView) {
        records.append((0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) })
    }
}

/// Our scanner against Python's `csv` module on thousands of generated files.
@Suite struct CSVDifferentialTests {
    static let python = which("python3")

    /// Reads a file with our scanner; `nil` if it reports a problem.
    func scan(_ path: String, delimiter: UInt8) -> [[String]]? {
        do {
            let scanner = try CSVScanner(path: path, blockSize: 7)  // tiny blocks: every state crosses a block edge
            try scanner.prepare(delimiter: delimiter)
            var collector = RecordCollector()
            try scanner.scan(into: &collector)
            return collector.records
        } catch {
            return nil
        }
    }

    @Test(.enabled(if: python != nil, "python3 not found: the differential test against Python's csv module is skipped"))
    func agreesWithPythonCSV() throws {
        var rng = SeededRandom(seed: 77)
        let dir = TemporaryDirectory()
        let alphabet: [String] = ["a", "b", "ä", "€", " ", "\"", "\"", ",", ";", "\n", "\r", "\r\n", "\t", "x"]
        let count = 3000
        var delimiters: [UInt8] = []
        for i in 0..<count {
            let length = Int.random(in: 0...40, using: &rng)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            dir.write("f\(i).csv", text)
            dir.write("g\(i).csv", text + "\"")
            delimiters.append([UInt8(ascii: ","), UInt8(ascii: ";"), 9].randomElement(using: &rng)!)
        }
        let script = """
            import csv, json, sys
            d = sys.argv[1]; delims = sys.argv[2]; out = {}
            for i, delim in enumerate(delims.split(',')):
                for prefix in ("f", "g"):
                    with open(f"{d}/{prefix}{i}.csv", newline='', encoding='utf-8') as f:
                        out[f"{prefix}{i}"] = list(csv.reader(f, delimiter=chr(int(delim)), strict=False))
            json.dump(out, open(f"{d}/python.json", "w"))
            """
        let scriptPath = dir.write("reader.py", script)
        let result = try runProcess(Self.python!, [scriptPath, dir.path, delimiters.map { String($0) }.joined(separator: ",")])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/python.json"))
        let python = try JSONSerialization.jsonObject(with: data) as! [String: [[String]]]
        // Python yields [] for an empty line and [''] for a line holding only "", our scanner a record of
        // one empty field for both: blank records are compared as absent.
        func normalized(_ records: [[String]]) -> [[String]] { records.filter { $0 != [] && $0 != [""] } }
        var compared = 0, unterminated = 0
        for i in 0..<count {
            let content = (try? String(contentsOfFile: dir.path + "/f\(i).csv", encoding: .utf8)) ?? ""
            if let ours = scan(dir.path + "/f\(i).csv", delimiter: delimiters[i]) {
                #expect(normalized(ours) == normalized(python["f\(i)"]!), "file \(i) \(content.debugDescription)")
                compared += 1
            } else {
                // Python's lenient mode accepts a quote left open at the end of the file; we reject it.
                // Closing that quote must make both readers agree.
                unterminated += 1
                let closed = scan(dir.path + "/g\(i).csv", delimiter: delimiters[i])
                #expect(closed.map(normalized) == normalized(python["g\(i)"]!), "file \(i) \(content.debugDescription)")
            }
        }
        #expect(compared > count / 2 && unterminated > 0)
    }
}
