import Foundation
import Testing
import TestSupport

/// A strict reader of UCINET's DL language, written from its documentation — UCINET 6 help, "DL
/// language" (http://analytictech.com/ucinet/help/hs5000.htm) and the UCINET 5 User's Guide
/// (Borgatti, Everett & Freeman 1999, §3.3–3.6 full and rectangular matrices and labels, §3.12.2
/// edgelist formats) — so our DL exports are checked against the grammar UCINET reads, not against
/// our own reader:
///
/// - `DL` must be the first word. Phrases are separated by spaces, line breaks, `=` or commas.
/// - `N`, or `NR` and `NC`, give the dimensions and must come before any labels; `NM` the number of
///   matrices (1 here).
/// - `FORMAT = FULLMATRIX | EDGELIST1` (the two we write); `DIAGONAL = PRESENT | ABSENT`.
/// - `LABELS:` (`ROW LABELS:`, `COLUMN LABELS:`) start a list of labels "up to 18 characters in
///   length (if longer they are truncated)", separated as above, in quotes where they hold spaces,
///   "automatically converted to uppercase". A label UCINET would change (longer, lower case) or two
///   labels it would merge are errors here: the ids would not survive.
/// - `DATA:` ends the header. EDGELIST1: each line an ordered pair of node numbers 1…N, optionally
///   followed by the tie's value. FULLMATRIX: NR × NC numbers.
struct DLDocument {
    var n = 0, nr = 0, nc = 0, nm = 1
    var format = "FULLMATRIX"
    var rowLabels: [String] = [], columnLabels: [String] = []
    var edges: [(Int, Int, Double)] = []
    var matrix: [[Double]] = []

    struct GrammarError: Error, CustomStringConvertible { let description: String }

    /// Tokens: quoted labels whole; `=`, `,`, spaces and line breaks separate.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for ch in text {
            if quoted {
                if ch == "\"" { out.append(current); current = ""; quoted = false } else { current.append(ch) }
            } else if ch == "\"" {
                quoted = true
            } else if ch == " " || ch == "\n" || ch == "\r" || ch == "\t" || ch == "=" || ch == "," {
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    init(_ text: String) throws {
        var t = DLDocument.tokens(text)[...]
        func fail(_ message: String) -> GrammarError { GrammarError(description: message) }
        func integer() throws -> Int {
            guard let token = t.popFirst(), let value = Int(token), value >= 0 else { throw fail("expected an integer") }
            return value
        }
        guard t.popFirst()?.uppercased() == "DL" else { throw fail("DL must be the first word") }
        func labels(_ count: Int) throws -> [String] {
            guard count > 0 else { throw fail("labels before the dimension (N, NR or NC)") }
            var list: [String] = []
            for _ in 0..<count {
                guard let label = t.popFirst() else { throw fail("fewer labels than the dimension") }
                guard label.count <= 18 else { throw fail("label '\(label)' longer than 18 characters: UCINET truncates it") }
                guard label == label.uppercased() else { throw fail("label '\(label)' not upper case: UCINET converts it") }
                list.append(label)
            }
            guard Set(list).count == list.count else { throw fail("labels repeat: UCINET would merge actors") }
            return list
        }
        header: while let word = t.popFirst()?.uppercased() {
            switch word {
            case "N": n = try integer(); nr = n; nc = n
            case "NR": nr = try integer()
            case "NC": nc = try integer()
            case "NM": nm = try integer()
            case "FORMAT":
                guard let f = t.popFirst()?.uppercased(), ["FULLMATRIX", "EDGELIST1"].contains(f) else { throw fail("unknown format") }
                format = f
            case "DIAGONAL":
                guard let d = t.popFirst()?.uppercased(), ["PRESENT", "ABSENT"].contains(d) else { throw fail("DIAGONAL needs PRESENT or ABSENT") }
            case "LABELS:": rowLabels = try labels(nr); columnLabels = rowLabels
            case "ROW":
                guard t.popFirst()?.uppercased() == "LABELS:" else { throw fail("ROW without LABELS:") }
                rowLabels = try labels(nr)
            case "COLUMN", "COL":
                guard t.popFirst()?.uppercased() == "LABELS:" else { throw fail("COLUMN without LABELS:") }
                columnLabels = try labels(nc)
            case "DATA:": break header
            default: throw fail("unknown phrase '\(word)' in the header")
            }
        }
        guard nm == 1 else { throw fail("one matrix expected") }
        switch format {
        case "EDGELIST1":
            guard nr == nc else { throw fail("an edge list needs N") }
            // One pair (and value) per line: read the data part line by line.
            let data = text.components(separatedBy: "DATA:").last ?? ""
            for line in data.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count == 2 || fields.count == 3, let i = Int(fields[0]), let j = Int(fields[1]),
                      (1...n).contains(i), (1...n).contains(j) else { throw fail("bad edge line '\(line)'") }
                let value = fields.count == 3 ? Double(fields[2]) : 1
                guard let value else { throw fail("bad value in '\(line)'") }
                edges.append((i, j, value))
            }
        default:
            for _ in 0..<nr {
                var row: [Double] = []
                for _ in 0..<nc {
                    guard let token = t.popFirst(), let value = Double(token) else { throw fail("the matrix ends early or holds a non-number") }
                    row.append(value)
                }
                matrix.append(row)
            }
            guard t.isEmpty else { throw fail("more data than NR × NC") }
        }
    }
}

@Suite struct UCINETGrammarTests {
    /// The example study's DL network and attribute dataset follow the DL grammar UCINET documents:
    /// labels UCINET keeps whole, each tie both ways with the same value (a symmetric matrix), strength
    /// as the value (2 strong, 1 weak); the attribute dataset's rows are the network's actors, its
    /// codes give back each actor's partner type, region and kind.
    @Test func exampleStudyDLFollowsUCINETsGrammar() throws {
        let dir = TemporaryDirectory()
        let dl = dir.path + "/study.dl", json = dir.path + "/study.json"
        try #require(try weakties(["export", exampleTies, "--nodes", exampleNodes, "--output", dl, "--quiet"]).status == 0)
        try #require(try weakties(["export", exampleTies, "--nodes", exampleNodes, "--output", json, "--quiet"]).status == 0)
        let network = try DLDocument(String(contentsOfFile: dl, encoding: .utf8))
        #expect(network.format == "EDGELIST1" && network.n == 123 && network.rowLabels.count == 123)
        #expect(network.edges.count == 2 * 185)
        let pairs = Dictionary(network.edges.map { ("\($0.0) \($0.1)", $0.2) }, uniquingKeysWith: { a, _ in a })
        #expect(network.edges.allSatisfy { pairs["\($0.1) \($0.0)"] == $0.2 }, "every tie both ways with its value")

        // Labels → ids through the map beside; strengths and attributes from the JSON export.
        let map = try String(contentsOfFile: dir.path + "/study-labels.csv", encoding: .utf8)
        let rows = try #require(try? CSVRows.parse(map))
        let idOf = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
        let model = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let nodes = try #require(model["nodes"] as? [[String: Any]]), links = try #require(model["edges"] as? [[String: Any]])
        var strength: [String: String] = [:]
        for link in links {
            let s = link["source"] as! String, t = link["target"] as! String
            strength[s + "|" + t] = link["strength"] as? String
            strength[t + "|" + s] = link["strength"] as? String
        }
        for (i, j, value) in network.edges {
            let key = idOf[network.rowLabels[i - 1]]! + "|" + idOf[network.rowLabels[j - 1]]!
            #expect(strength[key] == (value == 2 ? "strong" : "weak"), "\(key)")
        }

        let paths = (data: dir.path + "/study-attributes.dl", codes: dir.path + "/study-attributes-codes.csv")
        let attributes = try DLDocument(String(contentsOfFile: paths.data, encoding: .utf8))
        #expect(attributes.format == "FULLMATRIX" && attributes.nr == 123 && attributes.rowLabels == network.rowLabels)
        #expect(Array(attributes.columnLabels.prefix(4)) == ["KIND", "PARTNER_TYPE", "REGION", "SECTOR"])
        let codes = try #require(try? CSVRows.parse(String(contentsOfFile: paths.codes, encoding: .utf8)))
        var value: [String: String] = [:]
        for row in codes.dropFirst() where !row[1].isEmpty { value[row[0] + "#" + row[1]] = row[2] }
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as! String, $0) })
        for (r, label) in attributes.rowLabels.enumerated() {
            let node = try #require(byID[idOf[label]!])
            for (c, name) in ["kind", "partner_type", "region"].enumerated() {
                let code = String(Int(attributes.matrix[r][c]))
                #expect(value[name + "#" + code] == ((node[name] as? String) ?? "unknown"), "\(label) \(name)")
            }
        }
        // founded has gaps: left out, and the codes file says so.
        #expect(!attributes.columnLabels.contains("FOUNDED") && codes.contains { $0[0] == "founded" && $0[2].hasPrefix("left out:") })
    }

    @Test func theGrammarReaderRefusesWhatUCINETWouldChange() {
        #expect(throws: DLDocument.GrammarError.self) { try DLDocument("DL N=1\nLABELS:\n\"Repair-Café Cracau Nord\"\nDATA:\n0\n") }
        #expect(throws: DLDocument.GrammarError.self) { try DLDocument("DL N=2\nLABELS:\n\"A\"\n\"a\"\nDATA:\n0 0\n0 0\n") }
        #expect(throws: DLDocument.GrammarError.self) { try DLDocument("LABELS:\n\"A\"\nDL N=1\nDATA:\n0\n") }
        #expect(throws: DLDocument.GrammarError.self) { try DLDocument("DL N=2 FORMAT=EDGELIST1\nDATA:\n1 3\n") }
        #expect((try? DLDocument("DL N=2 FORMAT=EDGELIST1\nLABELS:\n\"A\" \"B\"\nDATA:\n1 2 1.5\n"))?.edges.count == 1)
    }
}

/// Minimal RFC 4180 rows (quoted fields, doubled quotes), for the small CSV files beside the DL.
enum CSVRows {
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, wasQuoted = false
        var chars = Array(text)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" {
                quoted = true; wasQuoted = true
            } else if ch == "," {
                row.append(field); field = ""; wasQuoted = false
            } else if ch == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
            } else if ch != "\r" {
                field.append(ch)
            }
        }
        if !field.isEmpty || wasQuoted || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
