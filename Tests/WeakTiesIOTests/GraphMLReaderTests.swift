import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy

/// The GraphML reader reads the scanner's byte events; documents in other encodings go through
/// `XMLParser` with the same handler. Both paths must read a document alike.
@Suite struct GraphMLReaderTests {
    /// Keys with defaults, an undeclared key, entities and character references, CRLF, a value split
    /// by a comment and CDATA, a yEd label, a directed edge, an edge id, a nested graph, non-ASCII text.
    static let document = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">\r
          <key id="d0" for="node" attr.name="region" attr.type="string"><default>Viersen</default></key>\r
          <key id="d1" for="edge" attr.name="strength" attr.type="string"/>\r
          <key id="d2" for="all" attr.name="note"><desc>ignored</desc><default>none</default></key>\r
          <key id="g" for="node"/>\r
          <graph id="G" edgedefault="undirected">\r
            <node id="A &amp; B"><data key="d0">Krefeld</data><data key="d2">x<!-- c -->y<![CDATA[<z>]]></data></node>\r
            <node id="M&#252;ller"><data key="nokey">free</data><data key="g"><y:ShapeNode><y:NodeLabel> Label M </y:NodeLabel></y:ShapeNode></data></node>\r
            <node id="C"><data key="d0">M&#xF6;nchengladbach</data><graph id="inner"><node id="D"/></graph><data key="d2">after</data></node>\r
            <edge id="e0" source="A &amp; B" target="M&#252;ller"><data key="d1">strong</data></edge>\r
            <edge source="C" target="D" directed="true"><data key="d1">weak</data><data key="d2">line&#10;break</data></edge>\r
            <edge id="e2" source="D" target="A &amp; B"/>\r
          </graph>\r
        </graphml>\r

        """

    static func summary(_ network: NetworkData) -> [String] {
        var out = ["directed \(network.isDirected)", "nodes \(network.nodeIDs)", "sources \(Array(network.edgeSources))",
                   "targets \(Array(network.edgeTargets))", "edgeDirected \(network.edgeDirected)"]
        for (c, name) in network.nodeAttributes.names.enumerated() { out.append("node \(name) \(network.nodeAttributes.values[c])") }
        for (c, name) in network.edgeAttributes.names.enumerated() { out.append("edge \(name) \(network.edgeAttributes.values[c])") }
        return out
    }

    @Test func bytePathAndXMLParserPathReadAlike() throws {
        let dir = TemporaryDirectory()
        let utf8 = try GraphMLReader.read(path: dir.write("a.graphml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Self.document))
        // The same document in ISO-8859-1 (its non-ASCII characters are references, so the bytes are the same).
        let latin = try GraphMLReader.read(path: dir.write("b.graphml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + Self.document))
        #expect(Self.summary(utf8) == Self.summary(latin))
        #expect(utf8.nodeIDs == ["A & B", "Müller", "C", "D"])
        let nodes = utf8.nodeAttributes
        #expect(nodes.value("region", 2) == "Mönchengladbach" && nodes.value("region", 1) == "Viersen")
        #expect(nodes.value("note", 0) == "xy<z>" && nodes.value("note", 2) == "after" && nodes.value("note", 1) == "none")
        #expect(nodes.value("nokey", 1) == "free" && nodes.value("label", 1) == "Label M" && nodes.value("label", 0) == "A & B")
        #expect(utf8.edgeAttributes.value("id", 0) == "e0" && utf8.edgeAttributes.value("id", 1) == nil)
        #expect(utf8.edgeAttributes.value("note", 1) == "line\nbreak" && utf8.edgeAttributes.value("strength", 0) == "strong")
        #expect(utf8.edgeDirected == [false, true, false] && !utf8.isDirected)
        #expect(utf8.edgeLines == [11, 12, 13] && utf8.nodeLines == [8, 9, 10, 10])
    }

    @Test func anEdgeAttributeNamedDirectedInAMixedGraphIsKept() throws {
        let dir = TemporaryDirectory()
        let path = dir.write("d.graphml", """
            <graphml><key id="k" for="edge" attr.name="directed"/><graph edgedefault="undirected">
            <edge source="a" target="b" directed="true"><data key="k">yes</data></edge>
            <edge source="b" target="c"/><edge source="c" target="a"><data key="k"></data></edge>
            </graph></graphml>
            """)
        let tables = NetworkTables.tables(try GraphMLReader.read(path: path))
        let directed = try #require(tables.ties.header.firstIndex(of: "directed"))
        #expect((0..<3).map { tables.ties.columns[directed][$0] } == ["yes", "", ""])
    }

    /// Ends that differ only where normalising changes them (surrounding spaces, NFD) are one actor:
    /// an edge between them is a self-loop, dropped with its line; other edges keep their ends.
    @Test func endsAreComparedAfterNormalising() throws {
        let dir = TemporaryDirectory()
        let path = dir.write("n.graphml", """
            <graphml><graph edgedefault="undirected">
            <edge source="a" target=" a"/>
            <edge source="Cafe\u{301}" target="Café"/>
            <edge source="a" target="b"/>
            </graph></graphml>
            """)
        let tables = NetworkTables.tables(try GraphMLReader.read(path: path))
        #expect(tables.ties.rowCount == 1 && tables.ties.rowLines == [4])
        #expect(tables.ties.diagnostics.map(\.description).contains { $0.contains("2 self-loops dropped") && $0.contains("lines 2, 3") })
        let plain = dir.write("p.graphml", "<graphml><graph><edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"b\"/></graph></graphml>")
        let plainTables = NetworkTables.tables(try GraphMLReader.read(path: plain))
        #expect(plainTables.ties.rowCount == 1 && plainTables.ties.columns[0][0] == "a" && plainTables.ties.columns[1][0] == "b")
    }

    /// Large networks build the two tables on two cores: the same tables and diagnostics, in the order
    /// reader, nodes, ties, as a small network built the same way gives.
    @Test func largeNetworkTablesMatchTheirSmallCounterpart() throws {
        func network(edges: Int) -> NetworkData {
            var net = NetworkData(file: "n.graphml", format: "GraphML")
            net.warn(0, "from the reader")
            for v in 0..<10 {
                net.addNode("n\(v)", line: v + 1)
                net.nodeAttributes.set("founded", v == 3 ? "long ago" : "19\(50 + v)")
            }
            for e in 0..<edges {
                net.addEdge("n\(e % 10)", e == 7 ? "n7" : "n\((e * 3 + 1) % 10)", line: 20 + e)
                net.edgeAttributes.set("since", e == 5 ? "soon" : "2020")
            }
            return net
        }
        let small = NetworkTables.tables(network(edges: 100)), large = NetworkTables.tables(network(edges: 60_000))
        let messages = large.ties.diagnostics.map(\.description)
        #expect(messages == small.ties.diagnostics.map(\.description))
        #expect(messages.count == 5 && messages[0].contains("from the reader") && messages[1].contains("node attribute 'founded'")
                && messages[2].contains("edge attribute 'since'") && messages[3].contains("no tie strength")
                && messages[4].contains("1 self-loop dropped"), "\(messages)")
        #expect(large.ties.rowCount == 59_999 && large.nodes?.rowCount == 10 && large.nodes?.header == small.nodes?.header)
        #expect(large.ties.header == small.ties.header && Array(large.ties.rowLines.prefix(99)) == small.ties.rowLines)
    }

    /// Edges that carry their mentions (`mentions_json`, as `weakties export` writes) become those rows;
    /// one whose list is unreadable or names other ends is read as one mention, with a warning.
    @Test func mentionsJSONBecomesRowsAndBadListsAreReadAsOneMention() throws {
        let dir = TemporaryDirectory()
        let good = "[{&quot;source&quot;:&quot;a&quot;,&quot;target&quot;:&quot;b&quot;,&quot;quote&quot;:&quot;q1&quot;},"
            + "{&quot;source&quot;:&quot;b&quot;,&quot;target&quot;:&quot;a&quot;,&quot;quote&quot;:&quot;q2&quot;}]"
        let other = "[{&quot;source&quot;:&quot;x&quot;,&quot;target&quot;:&quot;y&quot;}]"
        let path = dir.write("m.graphml", """
            <graphml><key id="m" for="edge" attr.name="mentions_json"/><graph edgedefault="undirected">
            <edge source="a" target="b"><data key="m">\(good)</data></edge>
            <edge source="b" target="c"><data key="m">not json</data></edge>
            <edge source="c" target="d"><data key="m">\(other)</data></edge>
            <edge source="d" target="a"/>
            </graph></graphml>
            """)
        let ties = NetworkTables.tables(try GraphMLReader.read(path: path)).ties
        #expect(ties.rowLines == [2, 2, 3, 4, 5])
        let quote = try #require(ties.header.firstIndex(of: "quote"))
        #expect((0..<5).map { ties.columns[quote][$0] } == ["q1", "q2", "", "", ""])
        #expect(ties.diagnostics.map(\.description).contains { $0.contains("2 edges have a 'mentions_json' that is not a list of mentions of their ends") })
    }

    /// A column rebuilt for data after a nested graph keeps each value once when later rows set it.
    @Test func valuesAfterANestedGraphAreStoredOnce() throws {
        let dir = TemporaryDirectory()
        let path = dir.write("nested.graphml", """
            <graphml><key id="d0" for="node" attr.name="color"/><graph edgedefault="undirected">
            <node id="a"><graph><node id="b"/></graph><data key="d0">red</data></node>
            <node id="c"><data key="d0">red</data></node><node id="d"><data key="d0">blue</data></node></graph></graphml>
            """)
        let network = try GraphMLReader.read(path: path)
        let c = try #require(network.nodeAttributes.names.firstIndex(of: "color"))
        #expect(network.nodeAttributes.distinct[c] == ["red", "blue"] && network.nodeAttributes.codes[c] == [0, -1, 0, 1])
    }

    @Test func invalidUTF8AndBadReferencesAreLocated() throws {
        let dir = TemporaryDirectory()
        let prefix: String = "<graphml><graph>" + (0..<17).map { "<e\($0)/>" }.joined()
        var badName: [UInt8] = Array((prefix + "<x").utf8)
        badName += [0xFF] + Array(" a=\"1\"/><x".utf8)
        badName += [0xFF] + Array("/></graph></graphml>".utf8)
        let cases: [([UInt8], String)] = [
            (Array("<graphml><graph><node id=\"a\"><data key=\"x\">ok".utf8) + [0xFF] + Array("</data></node></graph></graphml>".utf8),
             "1:44: error: invalid UTF-8 (in graphml/graph/node/data)"),
            (Array("<graphml><graph>\n<node id=\"".utf8) + [0xC3] + Array("\"/></graph></graphml>".utf8),
             "2:11: error: invalid UTF-8 (in graphml/graph)"),
            (Array("<graphml><graph><edge source=\"a\" target=\"b&amp\"/></graph></graphml>".utf8),
             "1:43: error: '&' that starts no reference (write &amp;) (in graphml/graph)"),
            (Array("<graphml><graph><edge source=\"a\"/></graph></graphml>".utf8),
             "1:17: error: <edge> needs source and target (in graphml/graph/edge)"),
            // An element name that is not UTF-8, among more than 16 names (interned, not compared).
            (badName, "1:\(prefix.count + 2): error: invalid UTF-8 in a name (in graphml/graph)"),
        ]
        for (bytes, expected) in cases {
            let path = dir.write("u.graphml", bytes: bytes)
            do {
                _ = try GraphMLReader.read(path: path)
                Issue.record("accepted: \(expected)")
            } catch let failure as ImportFailure {
                #expect(failure.description == path + ":" + expected)
            }
        }
    }

    @Test func longValuesAndTagsAcrossBlocksAreReadWhole() throws {
        let dir = TemporaryDirectory()
        // Values longer than the scanner's block, and many edges so tags straddle block boundaries.
        let long = String(repeating: "é", count: XMLScanner.blockSize)
        var text = "<graphml><key id=\"d\" for=\"edge\" attr.name=\"w\"/><graph edgedefault=\"directed\"><node id=\"\(long)\"/>\n"
        for i in 0..<40_000 { text += "<edge source=\"n\(i)\" target=\"n\(i + 1)\"><data key=\"d\">\(i % 7)</data></edge>\n" }
        text += "</graph></graphml>\n"
        let network = try GraphMLReader.read(path: dir.write("long.graphml", text))
        #expect(network.nodeIDs == [long] && network.edgeSources.count == 40_000 && network.isDirected)
        #expect(network.edgeTargets[39_999] == "n40000" && network.edgeAttributes.value("w", 39_999) == "1")
        #expect(network.edgeLines[39_999] == 40_001)
    }

    /// attr.names are NMTOKENs, unique per domain; a name is restored from the <desc> only where the
    /// written name is what the writer makes of it (a foreign description does not rename a key).
    @Test func attributeNamesBecomeNMTokensAndComeBack() throws {
        #expect(GraphExport.graphMLNames(["my column", "my_column", "my/column", "", "ok.name-1", "Größe"])
            == ["my_column_2", "my_column", "my_column_3", "_", "ok.name-1", "Größe"])
        #expect(GraphExport.isGraphMLName("my_column_3", of: "my/column") && !GraphExport.isGraphMLName("label", of: "a label"))
        #expect(!GraphExport.isGraphMLName("my_column", of: "my_column"))
        let dir = TemporaryDirectory()
        let path = dir.write("k.graphml", """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="d0" for="node" attr.name="my_column_2" attr.type="string"><desc>my column</desc></key>
            <key id="d1" for="node" attr.name="label" attr.type="string"><desc>The label yEd shows</desc></key>
            <graph edgedefault="undirected"><desc>a graph</desc><node id="a"><data key="d0">x</data><data key="d1">A</data></node></graph>
            </graphml>
            """)
        let network = try GraphMLReader.read(path: path)
        #expect(network.nodeAttributes.names.sorted() == ["label", "my column"])
    }
}

/// A large document (20,000 edges, nodes declared late, a hyperedge): every element read, located.
@Suite struct LargeGraphMLTests {
    static func document(edges: Int, middle: String = "", tail: String = "") -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        text += "<key id=\"d0\" for=\"node\" attr.name=\"region\"><default>none</default></key>\n"
        text += "<key id=\"d1\" for=\"edge\" attr.name=\"strength\"/>\n<graph edgedefault=\"undirected\">\n"
        for v in 0..<200 { text += "  <node id=\"n\(v)\"><data key=\"d0\">R&amp;\(v % 3)</data></node>\n" }
        for e in 0..<edges {
            if e == edges / 2 { text += middle }
            text += "  <edge source=\"n\(e % 200)\" target=\"n\((e * 7 + 1) % 200)\"\(e % 5 == 0 ? " directed=\"true\"" : "")\(e % 3 == 1 ? " id=\"e\(e % 1000)\"" : "")><data key=\"d1\">\(e % 3 == 0 ? "strong" : "weak")</data></edge>\n"
            if e % 1000 == 999 { text += "  <node id=\"late\(e)\"><data key=\"d0\">x\(e)</data><data key=\"other\">y</data></node>\n" }
        }
        return text + tail + "</graph>\n</graphml>\n"
    }

    @Test func everyNodeAndEdgeIsReadWithItsLine() throws {
        let dir = TemporaryDirectory()
        let network = try GraphMLReader.read(path: dir.write("h.graphml", Self.document(edges: 20_000, tail: "<hyperedge/>\n")))
        #expect(network.edgeSourceCodes.count == 20_000)
        #expect(network.nodeIDs.count == 220)
        let lastLine: Int32 = 20_224  // 5 lines before the nodes, 200 nodes, 20,000 edges, 19 late nodes before the last edge
        #expect(network.edgeLines.last == lastLine)
        #expect(network.diagnostics.contains { $0.message.contains("hyperedge") })
        #expect(network.edgeAttributes.value("strength", 19_999) == "weak" && network.nodeAttributes.value("region", 0) == "R&0")
    }

    @Test func errorsDeepInALargeFileAreLocated() throws {
        let dir = TemporaryDirectory()
        for (middle, tail, after) in [("", "<edge source=\"n1\"/>\n", 20_000), ("<edge target=\"n1\"/>\n", "", 10_000),
                                      ("", "<node id=\"x\"></edge>\n", 20_000)] {
            let path = dir.write("e.graphml", Self.document(edges: 20_000, middle: middle, tail: tail))
            do {
                _ = try GraphMLReader.read(path: path)
                Issue.record("accepted")
            } catch let failure as ImportFailure {
                let line = failure.description.split(separator: ":").dropFirst().first.flatMap { Int($0) } ?? 0
                #expect(line > after, "\(failure.description)")
            }
        }
    }
}
