import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy

/// Helpers: write tables into a temporary directory and import them.
struct Fixture {
    let dir = TemporaryDirectory()

    func load(_ ties: String, nodes: String? = nil, options: StudyOptions = StudyOptions(), delimiter: UInt8? = nil) throws -> Study {
        let t = dir.write("ties.csv", ties)
        let n = nodes.map { dir.write("nodes.csv", $0) }
        return try StudyLoader.load(ties: [t], nodes: n, options: options, delimiter: delimiter)
    }

    func loadBytes(_ ties: [UInt8], nodes: String? = nil) throws -> Study {
        let t = dir.write("ties.csv", bytes: ties)
        return try StudyLoader.load(ties: [t], nodes: nodes.map { dir.write("nodes.csv", $0) })
    }

    /// The errors of a failing import, with the temporary directory stripped from file names.
    func errors(_ ties: String, nodes: String? = nil, options: StudyOptions = StudyOptions()) -> [String] {
        errors { try load(ties, nodes: nodes, options: options) }
    }

    func errors(bytes: [UInt8]) -> [String] { errors { try loadBytes(bytes) } }

    func errors(_ body: () throws -> Study) -> [String] {
        do {
            _ = try body()
            return ["no error"]
        } catch let failure as ImportFailure {
            return failure.errors.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
        } catch {
            return ["unexpected \(error)"]
        }
    }
}

let header = "source,target,strength,interview,coder,quote"

@Suite struct DelimiterAndEncodingTests {
    @Test(arguments: [",", ";", "\t"])
    func delimiterIsDetected(delimiter: String) throws {
        let rows = [["source", "target", "strength", "quote"], ["A", "B", "strong", "x, y; z\tw"], ["B", "C", "weak", ""]]
        let text = rows.map { $0.map { $0.contains(delimiter) ? "\"\($0)\"" : $0 }.joined(separator: delimiter) }.joined(separator: "\n")
        let study = try Fixture().load(text)
        #expect(study.ties.count == 2)
        #expect(study.mentions.text("quote", 0) == "x, y; z\tw")
        #expect(study.sources[0].delimiter == (delimiter == "\t" ? "\\t" : delimiter))
    }

    @Test func delimitersInsideQuotedHeaderDoNotConfuseDetection() throws {
        let study = try Fixture().load("source;target;strength;\"note, with, commas\"\nA;B;stark;\"1,2\"\n")
        #expect(study.sources[0].delimiter == ";")
        #expect(study.mentions.text("note, with, commas", 0) == "1,2")
    }

    @Test func delimiterFlagOverridesDetection() throws {
        let study = try Fixture().load("source|target|strength\nA|B|weak\n", delimiter: UInt8(ascii: "|"))
        #expect(study.ties.count == 1)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let study = try Fixture().loadBytes([0xEF, 0xBB, 0xBF] + Array("source,target,strength\nA,B,weak\n".utf8))
        #expect(study.mentions.column(named: "source") != nil)
        #expect(study.sources[0].encoding == "utf-8 (BOM)")
    }

    @Test func windows1252IsReadWithANotice() throws {
        // "Stärke" header and "Bäckerei" / "Grüße" in Windows-1252 (0xE4 = ä, 0xFC = ü, 0x80 = €).
        var bytes = Array("source;target;St".utf8) + [0xE4] + Array("rke;quote\n".utf8)
        bytes += Array("Caf".utf8) + [0xE9] + Array(";B".utf8) + [0xE4] + Array("ckerei;schwach;5 ".utf8) + [0x80] + Array("\n".utf8)
        let study = try Fixture().loadBytes(bytes)
        #expect(study.actors.map(\.id) == ["Café", "Bäckerei"])
        #expect(study.mentions.text("quote", 0) == "5 €")
        #expect(study.sources[0].encoding == "windows-1252")
        #expect(study.notices.first?.message == "the file is not UTF-8; read as Windows-1252 (as Excel on Windows saves CSV)")
        #expect(study.notices[0].location.line == 1)
    }

    @Test func invalidUTF8InAUTF8FileIsAnError() {
        let bytes = Array("source,target,strength\nBäcker,B,weak\nC,D".utf8) + [0xE4] + Array(",weak\n".utf8)
        #expect(Fixture().errors(bytes: bytes) == [
            "ties.csv:3:2: error: invalid UTF-8 (byte 0xE4 at offset 1 of the field) in a file that is UTF-8 elsewhere; re-save the file as UTF-8",
        ])
    }

    @Test func bytesThatAreNeitherEncodingAreAnError() {
        let bytes = Array("source,target,strength\nA".utf8) + [0x81] + Array(",B,weak\n".utf8)
        #expect(Fixture().errors(bytes: bytes) == [
            "ties.csv:2:1: error: byte 0x81 is neither UTF-8 nor Windows-1252; re-save the file as UTF-8",
        ])
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndings(ending: String) throws {
        let text = ["source,target,strength,quote", "A,B,weak,\"two\(ending)lines\"", "C,D,strong,x", "E,A,weak,y"].joined(separator: ending) + ending
        let study = try Fixture().load(text)
        #expect(study.mentions.count == 3)
        #expect(study.mentions.text("quote", 0) == "two\(ending)lines")
        #expect(study.mentions.location(1).line == 4)
        #expect(study.mentions.location(2).line == 5)
    }

    @Test func quotedLineBreaksDelimitersAndDoubledQuotes() throws {
        let text = "source,target,strength,quote\nA,B,strong,\"Er sagte: \"\"Klar, kommt vorbei.\"\"\nZweite Zeile\"\nA,C,weak,plain\n"
        let study = try Fixture().load(text)
        #expect(study.mentions.text("quote", 0) == "Er sagte: \"Klar, kommt vorbei.\"\nZweite Zeile")
        #expect(study.mentions.location(1).line == 4)
    }

    @Test func errorsInsideMultiLineRowsPointAtTheFieldsLine() {
        let text = "source,target,quote,strength\nA,B,\"one\ntwo\",mittel\n"
        #expect(Fixture().errors(text) == [
            "ties.csv:3:4: error: unknown strength 'mittel' (expected strong, weak, stark, schwach or a number from 1 to 5)",
        ])
    }
}

@Suite struct RejectionTests {
    @Test func emptyFile() {
        #expect(Fixture().errors("") == ["ties.csv:1:1: error: the file is empty (expected a header row and data rows)"])
    }

    @Test func headerWithoutRows() {
        #expect(Fixture().errors("source,target,strength\n") == ["ties.csv:1: error: no data rows after the header"])
    }

    @Test func missingRequiredColumn() {
        #expect(Fixture().errors("source,partner\nA,B\n") == [
            "ties.csv:1: error: missing required column 'strength' (or one of: tie, staerke, stärke)",
        ])
    }

    @Test func twoColumnsForTheSameField() {
        #expect(Fixture().errors("Innovation,target,source,strength\nA,B,C,weak\n") == [
            "ties.csv:1:3: error: columns 'Innovation' (1) and 'source' (3) both mean 'source'",
        ])
    }

    @Test func rowWithTooManyFields() {
        #expect(Fixture().errors("source,target,strength\nA,B,weak,extra\n") == [
            "ties.csv:2:4: error: row has 4 fields but the header has 3",
        ])
    }

    @Test func unterminatedQuoteReportsWhereItOpens() {
        #expect(Fixture().errors("source,target,strength,quote\nA,B,weak,ok\nA,C,weak,\"never closed\nD,E,weak,x\n") == [
            "ties.csv:3:4: error: unterminated quoted field: the quote opened here is never closed",
        ])
    }

    @Test func nulBytes() {
        #expect(Fixture().errors(bytes: Array("source,target,strength\nA,B,we".utf8) + [0, 0] + Array("ak\n".utf8)) == [
            "ties.csv:2:3: error: NUL byte: this is a binary file, not a CSV text file (export the data as CSV)",
        ])
    }

    @Test func excelWorkbook() {
        #expect(Fixture().errors(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == [
            "ties.csv:1:1: error: this looks like an Excel workbook (.xlsx) or another ZIP file, not CSV: export it as CSV (UTF-8)",
        ])
    }

    @Test func emptyIDsAndSelfLoops() {
        #expect(Fixture().errors("source,target,strength\n ,B,weak\nA,,weak\nA, A ,strong\n") == [
            "ties.csv:2:1: error: empty source id",
            "ties.csv:3:2: error: empty target id",
            "ties.csv:4:2: error: self-loop: 'A' is tied to itself",
        ])
    }

    @Test func unknownValuesListTheAcceptedOnes() {
        let text = """
            source,target,strength,initiator,proximity_social,since,weight
            A,B,mittel,,,,
            A,C,7,,,,
            A,D,weak,jemand,,,
            A,E,weak,,sehr hoch,,
            A,F,weak,,,20x6,
            A,G,weak,,,,-1
            A,H,,,,,
            """
        #expect(Fixture().errors(text) == [
            "ties.csv:2:3: error: unknown strength 'mittel' (expected strong, weak, stark, schwach or a number from 1 to 5)",
            "ties.csv:3:3: error: strength 7 is outside 1–5",
            "ties.csv:4:4: error: unknown initiator 'jemand' (expected source, target, both, third, unknown, innovation, partner, beide, dritte or unbekannt)",
            "ties.csv:5:5: error: unknown proximity_social value 'sehr hoch' (expected low, medium, high, niedrig, mittel, hoch or 1–3)",
            "ties.csv:6:6: error: '20x6' in column 'since' is not a year (expected four digits, e.g. 2019)",
            "ties.csv:7:7: error: '-1' in column 'weight' is not a non-negative number",
            "ties.csv:8:3: error: missing strength (expected strong, weak, stark, schwach or a number from 1 to 5)",
        ])
    }

    @Test func errorsAreCappedAtFiftyPerFile() throws {
        let text = "source,target,strength\n" + (0..<80).map { "A\($0),B,bogus" }.joined(separator: "\n")
        let fixture = Fixture()
        do {
            _ = try fixture.load(text)
            Issue.record("expected a failure")
        } catch let failure as ImportFailure {
            #expect(failure.errors.count == 50)
            #expect(failure.omittedCount == 30)
            #expect(failure.description.hasSuffix("… and 30 more errors"))
        }
    }

    @Test func nodesTableErrors() {
        let nodes = """
            id,label,kind,established,founded
            A,Alpha,innovation,true,2015
            A,Alpha again,innovation,,
            B,Beta,partner,vielleicht,
            b\u{308},B umlaut,thing,,15
            Ä,,partner,,
             ,empty,partner,,
            """
        #expect(Fixture().errors("source,target,strength\nA,B,weak\n", nodes: nodes) == [
            "nodes.csv:3:1: error: duplicate id 'A' (first declared on line 2)",
            "nodes.csv:4:4: error: 'vielleicht' in column 'established' is not a yes/no value (expected true, false, yes, no, ja, nein, 1 or 0)",
            "nodes.csv:5:3: error: unknown kind 'thing' (expected innovation or partner)",
            "nodes.csv:5:5: error: '15' in column 'founded' is not a year (expected four digits, e.g. 2019)",
            "nodes.csv:7:1: error: empty id",
        ])
    }

    @Test func conflictingKindsAfterNormalisation() {
        // "Ä" written precomposed and decomposed is one id, declared with two kinds.
        let nodes = "id,kind\n\u{C4},innovation\nA\u{308} ,partner\n"
        #expect(Fixture().errors("source,target,strength\n\u{C4},B,weak\n", nodes: nodes) == [
            "nodes.csv:3:1: error: id 'Ä' declared again with conflicting kind 'partner' (line 2 says 'innovation')",
        ])
    }

    @Test func errorsOfAllFilesAreReportedTogether() {
        let fixture = Fixture()
        let errors = fixture.errors {
            try fixture.load("source,target,strength\nA,A,weak\n", nodes: "id,kind\nA,robot\n")
        }
        // File by file in the order given (ties tables, then the nodes table).
        #expect(errors == [
            "ties.csv:2:2: error: self-loop: 'A' is tied to itself",
            "nodes.csv:2:2: error: unknown kind 'robot' (expected innovation or partner)",
        ])
    }
}

@Suite struct ValuesAndAggregationTests {
    @Test func headerAliasesInEnglishAndGerman() throws {
        let study = try Fixture().load("Innovation;Partner;Stärke;Document;Zitat;Seit;Motiv;Nutzen\nA;B;stark;I1;„Hallo“;2019;Werte;Raum\n")
        let m = study.mentions[0]
        #expect(m.strength == .strong && m.interview == "I1" && m.quote == "„Hallo“" && m.since == 2019)
        #expect(m.motive == "Werte" && m.benefit == "Raum")
        #expect(study.actors[0].kind == .innovation && study.actors[1].kind == .partner)
    }

    @Test func headerMatchingIgnoresCaseSpacesDashesAndUnderscores() throws {
        let study = try Fixture().load(" SOURCE ,Target,STRENGTH,Proximity Spatial,proximity-cognitive,Source_Doc\nA,B,weak,hoch,2,X\n")
        #expect(study.mentions.proximity(.spatial, 0) == .high)
        #expect(study.mentions.proximity(.cognitive, 0) == .medium)
        #expect(study.mentions[0].interview == "X")
    }

    @Test func germanAndEnglishValues() throws {
        let text = """
            source,target,strength,initiator,proximity_spatial,proximity_institutional
            A,B,STARK,innovation,niedrig,mittel
            A,C,Schwach,Partner,hoch,3
            A,D,strong,beide,low,1
            A,E,weak,dritte,,
            A,F,weak,unbekannt,medium,
            """
        let study = try Fixture().load(text)
        #expect(study.mentions.strength == [.strong, .weak, .strong, .weak, .weak])
        #expect((0..<5).map { study.mentions.initiator($0) } == [.source, .target, .both, .third, .unknown])
        #expect((0..<5).map { study.mentions.proximity(.spatial, $0) } == [.low, .high, .low, nil, .medium])
        #expect((0..<5).map { study.mentions.proximity(.institutional, $0) } == [.medium, .high, .low, nil, nil])
    }

    @Test func numericStrengthsAndThreshold() throws {
        let text = "source,target,strength\nA,B,1\nA,C,2\nA,D,3\nA,E,4\nA,F,5\nA,G,3.5\nA,H,\"2,5\"\n"
        let byDefault = try Fixture().load(text)
        #expect(byDefault.mentions.strength == [.weak, .weak, .strong, .strong, .strong, .strong, .weak])
        let stricter = try Fixture().load(text, options: StudyOptions(strongThreshold: 4))
        #expect(stricter.mentions.strength == [.weak, .weak, .weak, .strong, .strong, .weak, .weak])
        #expect(stricter.mentions[5].codedStrength == "3.5")
    }

    @Test func idsAreTrimmedAndNFCNormalised() throws {
        // Precomposed é, decomposed e + U+0301 and padded spaces all name one actor.
        let text = "source,target,strength\nCaf\u{E9},B,weak\n  Cafe\u{301} ,C,weak\nB,Cafe\u{301},strong\n"
        let study = try Fixture().load(text)
        #expect(study.actors.count == 3)
        #expect(study.actors[0].id == "Caf\u{E9}")
        #expect(study.actors[0].id.unicodeScalars.count == 4)
        #expect(study.ties.count == 2)
        #expect(study.actorIndex(of: "Cafe\u{301}") == 0)
    }

    @Test func mentionsAggregateIntoUndirectedTiesWithProvenance() throws {
        let text = """
            source,target,strength,interview,coder,quote
            A,B,strong,I1,K1,first
            B,A,weak,I2,K2,second
            A,C,weak,I1,K1,third
            A,B,weak,I3,K1,fourth
            """
        let study = try Fixture().load(text)
        #expect(study.ties.count == 2)
        let ab = study.ties[0]
        #expect(ab.source == 0 && ab.target == 1)
        #expect(ab.strongVotes == 1 && ab.weakVotes == 2 && ab.strength == .weak)
        #expect(Array(ab.mentions) == [0, 1, 3])
        #expect(ab.mentions.map { study.mentions[Int($0)].quote } == ["first", "second", "fourth"])
        #expect(ab.mentions.map { study.mentions[Int($0)].interview } == ["I1", "I2", "I3"])
        #expect(ab.mentions.map { study.mentions[Int($0)].coder } == ["K1", "K2", "K1"])
        #expect(ab.mentions.map { study.mentions[Int($0)].location.line } == [2, 3, 5])
        #expect(study.mentions.tie == [0, 0, 1, 0])
    }

    @Test(arguments: [
        (StrengthRule.majority, [Strength.strong, .weak, .strong, .strong]),
        (.anyStrong, [.strong, .strong, .strong, .strong]),
        (.allStrong, [.weak, .weak, .weak, .strong]),
        (.latest, [.weak, .weak, .strong, .strong]),
    ])
    func strengthRules(rule: StrengthRule, expected: [Strength]) throws {
        // Pairs: A–B tied vote 1:1 (strong, then weak), A–C 1:2, A–D 2:1 ending strong, A–E 1:0.
        let text = """
            source,target,strength
            A,B,strong
            B,A,weak
            A,C,strong
            A,C,weak
            C,A,weak
            A,D,weak
            A,D,strong
            A,D,strong
            A,E,stark
            """
        let study = try Fixture().load(text, options: StudyOptions(strengthRule: rule))
        #expect(study.ties.strength == expected)
    }

    @Test func unknownColumnsAreKeptVerbatim() throws {
        let text = "source,target,strength,transcript_page,Notiz (frei),\nA,B,weak,3,\"  spaced, kept  \",x\n"
        let study = try Fixture().load(text)
        #expect(study.mentions.columnNames == ["source", "target", "strength", "transcript_page", "Notiz (frei)", "column_6"])
        let m = study.mentions[0]
        #expect(m.extra == ["transcript_page": "3", "Notiz (frei)": "  spaced, kept  ", "column_6": "x"])
    }

    @Test func thousandsOfColumnsAndHugeFields() throws {
        let extra = (0..<2000).map { "c\($0)" }
        let big = String(repeating: "ä, \"x\"\n", count: 40_000)  // ~300 KB
        let header = (["source", "target", "strength", "quote"] + extra).joined(separator: ",")
        let row = (["A", "B", "weak", "\"" + big.replacingOccurrences(of: "\"", with: "\"\"") + "\""] + extra.map { "v" + $0 }).joined(separator: ",")
        let study = try Fixture().load(header + "\n" + row + "\n" + "B,C,strong\n")
        #expect(study.mentions.text("quote", 0) == big)
        #expect(study.mentions.text("c1999", 0) == "vc1999")
        #expect(study.mentions.text("c1999", 1) == "")
        #expect(study.mentions.location(1).line == 3 + 40_000)
    }

    @Test func blankAndDelimiterOnlyLinesAreSkippedWithAWarning() throws {
        let study = try Fixture().load("source,target,strength\n\nA,B,weak\n,,\n\"\",,\nB,C,weak\n")
        #expect(study.mentions.count == 2)
        #expect(study.mentions.location(1).line == 6)
        #expect(study.warnings.map(\.description).map { $0.components(separatedBy: "/").last! } == [
            "ties.csv:2: warning: skipped 3 blank or delimiter-only lines (2, 4, 5)",
        ])
    }

    @Test func actorsMissingFromTheNodesTableAreCreatedWithAWarning() throws {
        let nodes = "id,label,kind,partner_type,region,district\nI1,Innovation One,innovation,,Krefeld,Cracau\nP1,Partner One,partner,business,Krefeld,\n"
        let ties = "source,target,strength\nI1,P1,weak\nI1,New Partner,strong\nNew Partner,Other,weak\n"
        let study = try Fixture().load(ties, nodes: nodes)
        #expect(study.actors.map(\.id) == ["I1", "P1", "New Partner", "Other"])
        #expect(study.actors.map(\.kind) == [.innovation, .partner, .partner, .unknown])
        #expect(study.actors[0].label == "Innovation One" && study.actors[2].label == "New Partner")
        #expect(study.actors[0].attributes == ["district": "Cracau"])
        #expect(study.actors[1].partnerType == "business")
        #expect(!study.actors[2].isDeclared)
        #expect(study.warnings.count == 1)
        #expect(study.warnings[0].message.hasPrefix("2 actors named in the ties table are missing here and were created: 'New Partner' ("))
        #expect(study.nodeColumns == ["id", "label", "kind", "partner_type", "region", "district"])
    }

    @Test func nodesTableIsAuthoritativeForKind() throws {
        // The header says `innovation`, but the nodes table says B is a partner and A an innovation.
        let study = try Fixture().load("innovation,partner,strength\nB,A,weak\nC,D,weak\n", nodes: "id,kind\nA,innovation\nB,partner\n")
        #expect(study.actors.map(\.kind) == [.innovation, .partner, .innovation, .partner])
    }

    @Test func severalTieTablesAreUnited() throws {
        let fixture = Fixture()
        let a = fixture.dir.write("k1.csv", "source,target,strength,coder,page\nA,B,strong,K1,1\n")
        let b = fixture.dir.write("k2.csv", "Innovation;Partner;Stärke;Coder;Seite\nB;A;schwach;K2;7\n")
        let study = try StudyLoader.load(ties: [a, b])
        #expect(study.ties.count == 1 && study.ties[0].strongVotes == 1 && study.ties[0].weakVotes == 1)
        #expect(study.mentions.columnNames == ["source", "target", "strength", "coder", "page", "Seite"])
        #expect(study.mentions.text("page", 1) == "" && study.mentions.text("Seite", 1) == "7")
        #expect(study.mentions.location(1).file.hasSuffix("k2.csv"))
        #expect(study.mentions.text("coder", 1) == "K2")
    }

    @Test func inputFilesAreNeverModified() throws {
        let fixture = Fixture()
        let text = "source,target,strength\nA,B,weak\n"
        let path = fixture.dir.write("ties.csv", text)
        _ = try StudyLoader.load(ties: [path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: InputOutputError.self) { try StudyLoader.load(ties: ["/nonexistent/ties.csv"]) }
    }

    @Test func studyGraphSharesIndicesAndCarriesAttributes() throws {
        let study = try Fixture().load(
            "source,target,strength,interview,coder,since,weight\nA,B,strong,I2,K1,2019,2\nB,A,weak,I1,K2,2017,4\nB,C,weak,I1,K1,,\n",
            nodes: "id,kind,established,founded,extra\nA,innovation,ja,2015,x\nB,partner,,,\nC,partner,nein,,\n")
        let g = study.graph()
        #expect(g.nodeCount == 3 && g.edgeCount == 2 && !g.isDirected)
        #expect(g.nodeIDs == study.actors.map(\.id))
        #expect(g.edgeSources == study.ties.source && g.edgeTargets == study.ties.target)
        #expect(g.nodeAttributes["established"]?.values == .bool([true, nil, false]))
        #expect(g.nodeAttributes["founded"]?.values == .int([2015, nil, nil]))
        #expect(g.nodeAttributes["extra"]?.values == .string(["x", "", ""]))
        #expect(g.edgeAttributes["mentions"]?.values == .int([2, 1]))
        #expect(g.edgeAttributes["interviews"]?.values == .string(["I1; I2", "I1"]))
        #expect(g.edgeAttributes["coders"]?.values == .string(["K1; K2", "K1"]))
        #expect(g.edgeAttributes["since"]?.values == .int([2017, nil]))
        #expect(g.edgeAttributes["weight"]?.values == .double([3, .nan]))
        #expect(g.edgeAttributes["strength"]?.values == .string(["strong", "weak"]))
    }
}

@Suite struct LargeInputTests {
    /// Tens of thousands of rows cross several scan batches and take the parallel interning path.
    @Test func largeTablesKeepEveryCellAcrossBatches() throws {
        var rng = SeededRandom(seed: 5)
        var text = "source,target,strength,quote,page\n"
        var expected: [(String, String, String)] = []
        for i in 0..<70_000 {
            let a = "A\(Int.random(in: 0..<500, using: &rng))", b = "B\(Int.random(in: 0..<500, using: &rng))"
            let quote = "Zitat \(i % 977), mit \"\"Komma\"\"\nund Zeile"
            expected.append((a, b, "Zitat \(i % 977), mit \"Komma\"\nund Zeile"))
            text += "\(a),\(b),\(i % 3 == 0 ? "stark" : "weak"),\"\(quote)\",\(i)\n"
        }
        let study = try Fixture().load(text)
        #expect(study.mentions.count == 70_000)
        for i in stride(from: 0, to: 70_000, by: 997) {
            #expect(study.actors[Int(study.mentions.source[i])].id == expected[i].0)
            #expect(study.actors[Int(study.mentions.target[i])].id == expected[i].1)
            #expect(study.mentions.text("quote", i) == expected[i].2)
            #expect(study.mentions.text("page", i) == String(i))
            #expect(study.mentions.location(i).line == 2 + 2 * i)
        }
        #expect(study.mentions.cells[study.mentions.column(named: "quote")!].values.count == 978)
    }

    /// A file whose first MiB is ASCII is decided at its first non-ASCII value, however late.
    @Test func encodingIsDecidedAtALateFirstNonASCIIValue() throws {
        var bytes = Array("source;target;strength\n".utf8)
        for i in 0..<60_000 { bytes += Array("Akteur \(i);Partner \(i);weak\n".utf8) }
        bytes += Array("B".utf8) + [0xE4] + Array("ckerei;Caf".utf8) + [0xE9] + Array(";stark\n".utf8)
        let study = try Fixture().loadBytes(bytes)
        #expect(study.actors.suffix(2).map(\.id) == ["Bäckerei", "Café"])
        #expect(study.notices.first?.location.line == 60_002)
        #expect(study.sources[0].encoding == "windows-1252")
    }

    @Test func lateInvalidUTF8InALargeUTF8FileIsAnError() {
        var bytes = Array("source,target,strength\nGrüße,Bäcker,weak\n".utf8)
        for i in 0..<60_000 { bytes += Array("Akteur \(i),Partner \(i),weak\n".utf8) }
        bytes += Array("X".utf8) + [0xFC] + Array(",Y,weak\n".utf8)
        #expect(Fixture().errors(bytes: bytes) == [
            "ties.csv:60003:1: error: invalid UTF-8 (byte 0xFC at offset 1 of the field) in a file that is UTF-8 elsewhere; re-save the file as UTF-8",
        ])
    }
}

@Suite struct MoreContractTests {
    @Test func blankLinesBeforeTheHeaderDoNotConfuseDelimiterDetection() throws {
        let study = try Fixture().load("\n\nsource;target;strength\nA;B, C;weak\n")
        #expect(study.sources[0].delimiter == ";")
        #expect(study.actors.map(\.id) == ["A", "B, C"])
        #expect(study.mentions.location(0).line == 4)
    }

    @Test func severalEmptyHeaderCellsAreNamedByPosition() throws {
        let study = try Fixture().load("source,target,strength,,\nA,B,weak,x,y\n")
        #expect(study.mentions.columnNames == ["source", "target", "strength", "column_4", "column_5"])
        #expect(study.mentions.text("column_5", 0) == "y")
    }

    @Test func repeatedExtraColumnIsAnError() {
        #expect(Fixture().errors("source,target,strength,Page,page\nA,B,weak,1,2\n") == [
            "ties.csv:1:5: error: column 'page' (5) repeats column 'Page' (4)",
        ])
    }

    @Test func utf8WithMoreBrokenBytesThanValidOnesIsStillUTF8() {
        // One real "ä" (strong UTF-8 evidence) and two stray Windows-1252 bytes: errors, never mojibake.
        let bytes = Array("source,target,strength\nBäcker,B".utf8) + [0xFC] + Array(",weak\nC".utf8) + [0xF6] + Array(",D,weak\n".utf8)
        #expect(Fixture().errors(bytes: bytes) == [
            "ties.csv:2:2: error: invalid UTF-8 (byte 0xFC at offset 1 of the field) in a file that is UTF-8 elsewhere; re-save the file as UTF-8",
            "ties.csv:3:1: error: invalid UTF-8 (byte 0xF6 at offset 1 of the field) in a file that is UTF-8 elsewhere; re-save the file as UTF-8",
        ])
    }

    @Test func everyRowWithTheSameInvalidBytesIsReported() {
        let bad = Array("K".utf8) + [0xF6] + Array("ln".utf8)
        let bytes = Array("source,target,strength\nGrüße,A,weak\n".utf8) + bad + Array(",B,weak\n".utf8) + bad + Array(",C,weak\n".utf8)
        #expect(Fixture().errors(bytes: bytes).map { String($0.prefix(13)) } == ["ties.csv:3:1:", "ties.csv:4:1:"])
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x73, 0x00], "ties.csv:1:1: error: the file is UTF-16 encoded: save it as CSV UTF-8"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "ties.csv:1:1: error: this looks like a PDF file, not CSV"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1], "ties.csv:1:1: error: this looks like an old Excel workbook (.xls), not CSV: export it as CSV (UTF-8)"),
    ] as [([UInt8], String)])
    func binaryFormatsAreRecognised(bytes: [UInt8], message: String) {
        #expect(Fixture().errors(bytes: bytes) == [message])
    }

    @Test func missingIDColumnAndSourceTargetColumns() {
        #expect(Fixture().errors("source,target,strength\nA,B,weak\n", nodes: "name,kind\nA,innovation\n") == [
            "nodes.csv:1: error: missing required column 'id' (or one of: actor, akteur, node)",
        ])
        #expect(Fixture().errors("von,nach,strength\nA,B,weak\n") == [
            "ties.csv:1: error: missing required column 'source' (or one of: innovation, ego, from)",
            "ties.csv:1: error: missing required column 'target' (or one of: partner, alter, to)",
        ])
    }

    @Test func readingAndContractErrorsOfOneFileAreReportedTogether() {
        #expect(Fixture().errors("source,target,strength\nA,B,weak,extra\nC,C,weak\nD,E,mittel\n") == [
            "ties.csv:2:4: error: row has 4 fields but the header has 3",
            "ties.csv:3:2: error: self-loop: 'C' is tied to itself",
            "ties.csv:4:3: error: unknown strength 'mittel' (expected strong, weak, stark, schwach or a number from 1 to 5)",
        ])
    }

    @Test func unknownPartnerTypeIsAWarningAndKeptAsWritten() throws {
        let study = try Fixture().load("source,target,strength\nA,B,weak\n",
                                       nodes: "id,kind,partner_type\nA,innovation,\nB,partner,Sportverein\nC,partner,Business\n")
        #expect(study.actors[1].partnerType == "Sportverein")
        #expect(study.warnings.map(\.message).contains {
            $0.hasPrefix("partner_type 'Sportverein' is not one of public_admin, business,")
        })
        #expect(!study.warnings.map(\.message).contains { $0.contains("'Business'") })
    }

    @Test func withoutANodesTableANoticeCountsTheCreatedActors() throws {
        let study = try Fixture().load("innovation,partner,strength\nA,B,weak\nC,A,weak\n")
        #expect(study.notices.map(\.message) == ["no nodes table given: 3 actors created from the ties table"])
        // The column aliases decide: A and C stand under `innovation`, B under `partner`.
        #expect(study.actors.map(\.kind) == [.innovation, .partner, .innovation])
    }

    @Test func actorsTiedToAnInnovationAreItsPartnersWhicheverColumnNamesThem() throws {
        let study = try Fixture().load("source,target,strength\nA,B,weak\nC,A,weak\nD,E,weak\n", nodes: "id,kind\nA,innovation\n")
        #expect(study.actors.map(\.kind) == [.innovation, .partner, .partner, .unknown, .unknown])
    }

    @Test func aDirectoryIsAnIOError() {
        let fixture = Fixture()
        #expect(throws: InputOutputError.self) { try StudyLoader.load(ties: [fixture.dir.path]) }
    }
}

@Suite struct DelimiterEdgeCaseTests {
    @Test func delimiterOnlyLinesBeforeTheHeaderAreIgnoredByDetection() throws {
        let study = try Fixture().load("\t\t\t\n;;\nsource;target;strength\nA;B;weak\n")
        #expect(study.sources[0].delimiter == ";")
        #expect(study.mentions.count == 1)
    }

    @Test func hugeNumbersAreNotWeights() {
        let digits = String(repeating: "9", count: 400)
        #expect(Fixture().errors("source,target,strength,weight\nA,B,weak,\(digits)\n") == [
            "ties.csv:2:4: error: '\(digits)' in column 'weight' is not a non-negative number",
        ])
    }
}
