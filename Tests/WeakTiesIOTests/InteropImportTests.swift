import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesGraph
import WeakTiesStudy

/// Importers of other tools' network files: round trips of our own exports, the third-party files in
/// `../shared/foreign`, and malformed or hostile files.
@Suite struct InteropImportTests {
    static let exampleTies = repositoryRoot + "/Examples/krefeld-mg/ties.csv"
    static let exampleNodes = repositoryRoot + "/Examples/krefeld-mg/nodes.csv"

    /// Everything a study holds that an export must carry: actors with every attribute, ties with
    /// votes, and each tie's mentions with every cell verbatim.
    static func content(_ study: Study) -> [String] {
        var lines = study.actors.map { a in
            "actor \(a.id) label=\(a.label) kind=\(a.kind.rawValue) type=\(a.partnerType ?? "-") region=\(a.region ?? "-") "
                + "sector=\(a.sector ?? "-") established=\(a.established.map(String.init) ?? "-") founded=\(a.founded.map(String.init) ?? "-") "
                + a.attributes.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        for t in 0..<study.ties.count {
            let tie = study.ties[t]
            lines.append("tie \(study.actors[Int(tie.source)].id)|\(study.actors[Int(tie.target)].id) \(tie.strength.name) \(tie.strongVotes)/\(tie.weakVotes)")
            for row in study.mentionCells(ofTie: t) {
                lines.append("  " + zip(study.mentions.columnNames, row).map { "\($0)=\($1)" }.joined(separator: "|"))
            }
        }
        return lines
    }

    static func write(_ study: Study, _ format: InputFormat, to dir: TemporaryDirectory) throws -> (path: String, nodes: String?) {
        let graph = StudyExport.graph(study)
        switch format {
        case .graphml: return (dir.write("s.graphml", GraphExport.graphML(graph)), nil)
        case .gexf: return (dir.write("s.gexf", GEXFWriter.write(graph)), nil)
        case .json: return (dir.write("s.json", GraphExport.nodeLinkJSON(graph)), nil)
        case .pajek: return (dir.write("s.net", GraphExport.pajek(graph, value: .weight)), nil)
        case .dl: return (dir.write("s.dl", DLWriter.write(graph, value: .weight)), nil)
        case .gephiCSV, .csv, .qda:
            return (dir.write("s.csv", GephiCSVWriter.edges(graph)), dir.write("s-nodes.csv", GephiCSVWriter.nodes(graph)))
        }
    }

    @Test(arguments: [InputFormat.graphml, .gexf, .json, .gephiCSV])
    func exportThenImportGivesTheSameStudy(format: InputFormat) throws {
        let study = try StudyLoader.load(ties: [Self.exampleTies], nodes: Self.exampleNodes)
        let dir = TemporaryDirectory()
        let (path, nodes) = try Self.write(study, format, to: dir)
        // The extension (and, for Gephi CSV, the header) picks the reader.
        let back = try StudyLoader.load(ties: [path], nodes: nodes, format: nil)
        #expect(Self.content(back) == Self.content(study))
        #expect(back.warnings.isEmpty, "\(back.warnings)")
        // And the second export is the first one again, byte for byte, except for actors the ties
        // table created (they come back declared, with empty rather than missing attributes).
        let again = GraphExport.graphML(StudyExport.graph(back))
        let first = GraphExport.graphML(StudyExport.graph(study))
        let differing = zip(first.split(separator: "\n"), again.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.count == study.actors.count { !$0.isDeclared })
    }

    @Test(arguments: [InputFormat.pajek, .dl])
    func structureOnlyFormatsKeepNodesTiesAndWeights(format: InputFormat) throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength,weight\nA b,C,weak,2.5\nC,D,strong,\nA b,C,weak,1.5\n")
        let study = try StudyLoader.load(ties: [ties], nodes: dir.write("n.csv", "id\nA b\nC\nD\nIsolate\n"))
        let (path, _) = try Self.write(study, format, to: dir)
        let back = try StudyLoader.load(ties: [path], format: format)
        #expect(back.actors.map(\.id) == ["A b", "C", "D", "Isolate"])
        #expect(back.ties.count == 2 && back.mentions.count == 2)
        #expect(back.mentions.weight == [2, 1])  // the mean of the coded weights; 1 where none
    }

    // MARK: Foreign files

    /// `../shared/foreign` with the third-party samples, or `nil` (with a visible message) in a clone
    /// without it.
    static let foreign: String? = {
        guard let shared = sharedDirectory, FileManager.default.fileExists(atPath: shared + "/foreign/EXPECTED.tsv") else {
            FileHandle.standardError.write(Data("skipped: ../shared/foreign not found (third-party network files are not part of the repository)\n".utf8))
            return nil
        }
        return shared + "/foreign"
    }()

    /// file, actors, mentions (edges without self-loops; DL symmetric matrices once per pair),
    /// ties (distinct unordered pairs), dropped self-loops. Counts from EXPECTED.tsv.
    static let foreignCounts: [(String, Int, Int, Int, Int)] = [
        ("gephi_les-miserables.gexf", 77, 254, 254, 0),
        ("gephi_us-airports.gexf", 235, 1297, 1297, 0),
        ("gephi_java.gexf", 1538, 8032, 7817, 0),
        ("graphtool_football.graphml", 115, 613, 613, 0),
        ("yed_nested-groups.graphml", 7, 4, 4, 0),
        ("yedlive_yfiles-html.graphml", 4, 3, 2, 1),
        ("pajek_campnet.paj", 18, 44, 35, 0),
        ("pajek_links-example.net", 4, 5, 4, 2),
        ("pajek_utf8-bom.net", 10, 6, 6, 0),
        ("ucinet_bernard-killworth-fraternity.dl", 58, 1934 / 2 + 3306, 1653, 0),
        ("ucinet_thurman-office.dl", 15, 34 + 66 / 2, 52, 0),
        ("ucinet_freeman-eies-messages.dl", 32, 440, 266, 20),
    ]

    // Condition trait: skipped (with the message above) where ../shared/foreign is absent.
    @Test(.enabled(if: foreign != nil, "../shared/foreign not found"), arguments: foreignCounts)
    func readsForeignFiles(file: String, actors: Int, mentions: Int, ties: Int, loops: Int) throws {
        let study = try StudyLoader.load(ties: [Self.foreign! + "/" + file], format: nil)
        #expect(study.actors.count == actors, "\(file)")
        #expect(study.mentions.count == mentions, "\(file)")
        #expect(study.ties.count == ties, "\(file)")
        let loopWarning = study.warnings.first { $0.message.contains("self-loop") }
        #expect(loops == 0 ? loopWarning == nil : loopWarning?.message.hasPrefix("\(loops) self-loop") == true, "\(file)")
        #expect(study.errorsFree)
    }

    @Test(.enabled(if: foreign != nil, "../shared/foreign not found"))
    func foreignQuirksAreReadAsTheFormatDefines() throws {
        let dir = Self.foreign!
        func attribute(_ study: Study, _ id: String, _ name: String) -> String? {
            study.actorIndex(of: id).flatMap { study.actors[Int($0)].attributes[name] }
        }
        // GEXF: attribute titles as names, viz kept, default weight 1 where others have one.
        let lesMis = try StudyLoader.load(ties: [dir + "/gephi_les-miserables.gexf"], format: nil)
        #expect(lesMis.nodeColumns.contains("Modularity Class") && lesMis.nodeColumns.contains("viz_color"))
        #expect(lesMis.mentions.weight.reduce(0, +) == 820)
        // Mojibake stays as written.
        let airports = try StudyLoader.load(ties: [dir + "/gephi_us-airports.gexf"], format: nil)
        #expect(airports.actors.contains { $0.label.contains("OrlÃ©ans") })
        // yEd: labels from y:NodeLabel; CDATA with a TAB kept; group nodes are nodes.
        let yed = try StudyLoader.load(ties: [dir + "/yed_nested-groups.graphml"], format: nil)
        #expect(Set(yed.actors.map(\.label)).isSuperset(of: ["Ivrea", "Turin", "Savona", "Brescia", "Northern Italy"]))
        #expect(yed.actorIndex(of: "n2::n2::n0") != nil)
        // yFiles for HTML: CDATA that looks like markup is text, not a fifth node.
        let html = try StudyLoader.load(ties: [dir + "/yedlive_yfiles-html.graphml"], format: nil)
        #expect(attribute(html, "n0", "description") == "<node id=\"n3\">")
        // Pajek: coordinates after 'ic', arcs and edges mixed, labels as ids, BOM.
        let camp = try StudyLoader.load(ties: [dir + "/pajek_campnet.paj"], format: nil)
        #expect(attribute(camp, "HOLLY", "x") == "0.63046" && attribute(camp, "HOLLY", "ic") == "RGBF1F5D5")
        #expect(camp.mentions.column(named: "directed") != nil)
        let bom = try StudyLoader.load(ties: [dir + "/pajek_utf8-bom.net"], format: nil)
        #expect(bom.actors.first?.id == "Vlado" && bom.actorIndex(of: "Андреј") != nil)
        // DL: labels, two matrices with their level labels.
        let thurman = try StudyLoader.load(ties: [dir + "/ucinet_thurman-office.dl"], format: nil)
        #expect(thurman.actors.first?.id == "ANN")
        #expect(thurman.distinctValues(ofMentionColumn: "relation") == ["THURA", "THURM"])
    }

    @Test func twoModeDLGivesRowAndColumnNodes() throws {
        let dir = TemporaryDirectory()
        let matrix = dir.write("a.dl", "dl nr=2, nc=3\nformat = fullmatrix\nrow labels:\nAnna, Ben\ncolumn labels:\nFest, Ben, Markt\ndata:\n1 0 2\n0 1 0\n")
        let study = try StudyLoader.load(ties: [matrix], format: nil)
        #expect(study.actors.map(\.id) == ["Anna", "Ben", "Fest", "Ben (column)", "Markt"])
        #expect(study.actors.map { $0.attributes["mode"] ?? "" } == ["row", "row", "column", "column", "column"])
        #expect(study.ties.count == 3 && study.mentions.weight == [1, 2, 1])
        let list = dir.write("b.dl", "DL NR=2 NC=2\nFORMAT=EDGELIST2\nDATA:\n1 2 5\n2 1\n")
        #expect(try StudyLoader.load(ties: [list], format: nil).actors.map(\.id) == ["R1", "R2", "C1", "C2"])
    }

    @Test func nodeLinkEdgesMayNameNodesByIndex() throws {
        let dir = TemporaryDirectory()
        let d3 = dir.write("d3.json", "{\"nodes\": [{\"id\": \"Anna\"}, {\"id\": \"Ben\"}, {\"id\": 7}], \"links\": [{\"source\": 0, \"target\": 1, \"value\": 2}, {\"source\": \"Ben\", \"target\": 7}]}")
        let study = try StudyLoader.load(ties: [d3], format: nil)
        #expect(study.actors.map(\.id) == ["Anna", "Ben", "7"])
        #expect(study.ties.count == 2 && study.mentions.text("value", 0) == "2")
    }

    // MARK: Malformed and hostile files

    static let malformed: [(String, String, String)] = [
        ("bad.graphml", "<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"undirected\">\n  <node id=\"a\"/>\n  <edge source=\"a\" target=\"b\">\n</graph></graphml>\n",
         "bad.graphml:6:"),
        ("notgraphml.graphml", "<?xml version=\"1.0\"?>\n<gexf/>\n", "bad"),
        ("bad.gexf", "<gexf><graph><nodes><node label=\"x\"/></nodes></graph></gexf>", "bad.gexf:1:"),
        ("bad.net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 3\n", "bad.net:5:3: error: vertex '3' is not a vertex number from 1 to 2"),
        ("nodata.net", "% nothing\n", "nodata.net:1: error: no *Vertices section"),
        ("bad.dl", "DL N=2\nFORMAT=FULLMATRIX\nDATA:\n0 1\n1 x\n", "bad.dl:5:3: error: 'x' is not a number"),
        ("short.dl", "DL N=2\nDATA:\n0 1\n1\n", "short.dl:4: error: the data ends early"),
        ("bad.json", "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\",}\n]}", "bad.json:3:14: error: expected a member name"),
        ("deep.json", String(repeating: "[", count: 100_000), "deep.json:1:514: error: nesting deeper than 512"),
    ]

    @Test(arguments: malformed)
    func malformedFilesGiveLocatedErrors(name: String, content: String, expected: String) throws {
        let dir = TemporaryDirectory()
        let path = dir.write(name, content)
        do {
            _ = try StudyLoader.load(ties: [path], format: nil)
            Issue.record("\(name) was accepted")
        } catch let failure as ImportFailure {
            let text = failure.description.replacingOccurrences(of: dir.path + "/", with: "")
            if expected == "bad" { return }
            #expect(text.hasPrefix(expected), "\(text)")
        }
    }

    @Test func xmlEntitiesAreNeverExpandedOrResolved() throws {
        let dir = TemporaryDirectory()
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 { lol += " <!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        lol += "]>\n<graphml><graph edgedefault=\"undirected\"><node id=\"&lol9;\"/></graph></graphml>\n"
        let start = Date()
        #expect(throws: ImportFailure.self) { try StudyLoader.load(ties: [dir.write("lol.graphml", lol)], format: nil) }
        #expect(Date().timeIntervalSince(start) < 5)
        // An external DTD is not fetched: the file reads as if it were absent.
        let external = dir.write("xxe.gexf", "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf SYSTEM \"file:///etc/passwd\">\n<gexf><graph><nodes><node id=\"a\" label=\"x\"/></nodes></graph></gexf>\n")
        #expect(try StudyLoader.load(ties: [external], format: nil).actors.map(\.label) == ["x"])
    }

    @Test func xmlInOtherEncodingsGoesThroughXMLParser() throws {
        let dir = TemporaryDirectory()
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph edgedefault=\"undirected\"><node id=\"M".utf8)
        bytes += [0xFC] + Array("ller\"/><node id=\"b\"/><edge source=\"M".utf8) + [0xFC] + Array("ller\" target=\"b\"/></graph></graphml>\n".utf8)
        let study = try StudyLoader.load(ties: [dir.write("latin.graphml", bytes: bytes)], format: nil)
        #expect(study.actors.map(\.id) == ["Müller", "b"] && study.ties.count == 1)
    }

    static let malformedXML: [(String, String)] = [
        ("<graphml><graph><node id=\"a\"></graph></graphml>", "1:30: error: end tag </graph> does not match <node> (in graphml/graph/node)"),
        ("<graphml><graph><node id=a/></graph></graphml>", "1:26: error: attribute value not in quotes (in graphml/graph)"),
        ("<graphml><graph><node id=\"&nbsp;\"/></graph></graphml>", "1:27: error: undeclared entity '&nbsp;' (in graphml/graph)"),
        ("<graphml><graph>\n<node id=\"a\"/>", "2:15: error: unexpected end of file: <graph> is not closed (in graphml/graph)"),
        ("<graphml/><graphml/>", "1:11: error: a second root element <graphml> (in the document)"),
        ("", "1: error: no root element: the document is empty"),
        // Start tags outside the scanner's one-pass form, read in full with the same messages as before it.
        ("<graphml><graph><node id=\"a\" <edge/></graph></graphml>", "1:30: error: '<' inside a tag (in graphml/graph)"),
        ("<graphml><graph><node id=\"a\" / ></graph></graphml>", "1:30: error: unexpected '/' in a tag (in graphml/graph)"),
        ("<graphml><graph><node id=\"a\" id/></graph></graphml>", "1:30: error: attribute without a value (in graphml/graph)"),
        ("<graphml><graph><node id=\"a\" =\"1\"/></graph></graphml>", "1:30: error: unexpected character in a tag (in graphml/graph)"),
    ]

    /// Start tags in and outside the scanner's one-pass form read alike: spaces around `=`, `>` in a
    /// value, a TAB and a CRLF normalised to spaces, a reference, single quotes, a tag over two lines.
    @Test func startTagVariantsReadAlike() throws {
        let dir = TemporaryDirectory()
        let variants = [
            "<node id = \"a b\"/><node id=\"x>y\"/><edge source=\"a b\" target=\"x>y\"/>",
            "<node id=\"a\tb\"/><node id='x&gt;y'/><edge\n source=\"a\r\nb\" target=\"x&#62;y\"/>",
        ]
        for text in variants {
            let path = dir.write("v.graphml", "<graphml><graph edgedefault=\"undirected\">" + text + "</graph></graphml>")
            let study = try StudyLoader.load(ties: [path], format: nil)
            #expect(study.actors.map(\.id) == ["a b", "x>y"] && study.ties.count == 1, "\(text)")
        }
    }

    @Test(arguments: malformedXML)
    func malformedXMLIsLocatedByLineColumnAndElementPath(content: String, expected: String) throws {
        let dir = TemporaryDirectory()
        let path = dir.write("m.graphml", content)
        #expect(throws: ImportFailure.self) { try StudyLoader.load(ties: [path], format: nil) }
        do { _ = try StudyLoader.load(ties: [path], format: nil) } catch let failure as ImportFailure {
            #expect(failure.description == path + ":" + expected)
        }
    }

    /// Every prefix and every byte flip of an export is either read or refused with located errors:
    /// never a crash, never an unlocated message. Seeded, 40 cuts and 40 flips per format.
    @Test(arguments: [InputFormat.graphml, .gexf, .json, .pajek, .dl, .gephiCSV])
    func damagedFilesAreReadOrRefusedNeverCrash(format: InputFormat) throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength,quote,since\nA & B,\"C <c>\",stark,\"say \"\"hi\"\"\",2019\nC <c>,D,weak,-1,\n")
        let study = try StudyLoader.load(ties: [ties], nodes: nil)
        let (path, nodes) = try Self.write(study, format, to: dir)
        let original = [UInt8](FileManager.default.contents(atPath: path)!)
        var rng = SeededRandom(seed: 11)
        for trial in 0..<80 {
            var bytes = original
            if trial < 40 {
                bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
            } else {
                let i = Int(rng.next() % UInt64(bytes.count))
                bytes[i] = [UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "{"), 0xFF, 0x0A, UInt8(ascii: "*")][Int(rng.next() % 7)]
            }
            let damaged = dir.write("damaged." + URL(fileURLWithPath: path).pathExtension, bytes: bytes)
            do {
                _ = try StudyLoader.load(ties: [damaged], nodes: nodes, format: format == .gephiCSV ? .gephiCSV : nil)
            } catch let failure as ImportFailure {
                #expect(!failure.errors.isEmpty && failure.errors.allSatisfy { $0.location.file.hasPrefix(dir.path) }, "\(format) \(trial)")
            }
        }
    }

    @Test func networkFilesAreReadOneAtATimeWithoutANodesTable() throws {
        let dir = TemporaryDirectory()
        let net = dir.write("a.net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 2\n")
        #expect(throws: InputFormatError.self) { try StudyLoader.load(ties: [net, net], format: nil) }
        #expect(throws: InputFormatError.self) { try StudyLoader.load(ties: [net], nodes: net, format: nil) }
        let empty = dir.write("e.net", "*Vertices 1\n1 \"alone\"\n")
        #expect(try StudyLoader.load(ties: [empty], format: nil).actors.count == 1)
    }
}

extension Study {
    fileprivate var errorsFree: Bool { !diagnostics.contains { $0.severity == .error } }
}
