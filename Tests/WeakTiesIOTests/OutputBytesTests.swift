import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesGraph

/// The GraphML writer's byte buffer must write what the string helpers write.
@Suite struct OutputBytesTests {
    @Test func escapingMatchesXMLTextAndNumbersMatchString() throws {
        var rng = SeededRandom(seed: 5)
        // Every ASCII character, and characters whose UTF-8 starts with 0xEF (only U+FFFE/U+FFFF are dropped).
        let alphabet: [String] = ["a", "&", "<", ">", "\"", "'", "\n", "\r", "\t", "\u{1}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "漢", "🙂", " ",
                                  "\u{FEFF}", "\u{F000}"] + (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for _ in 0..<5_000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            var out = OutputBytes(capacity: 1)
            out.appendXMLEscaped(text)
            #expect(Array(out.bytes) == Array(GraphExport.xmlText(text).utf8), "\(text.debugDescription)")
        }
        // Element content: quotes, tab and LF as they are, the rest as `.xml` (a GraphML export's
        // `mentions_json` is mostly quotes); read back by the scanner as the text without the dropped
        // characters (C0 controls but tab, LF, CR; U+FFFE, U+FFFF).
        let directory = TemporaryDirectory()
        for round in 0..<200 {
            let text = (0..<Int(rng.next() % 16)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            var out = OutputBytes(capacity: 1)
            out.appendXMLCharacterData(text)
            let written = Array(out.bytes)
            #expect(written == Array(MarkupEscaping.xmlCharacterData.escape(text).utf8))
            #expect(!written.contains(where: { $0 == UInt8(ascii: "<") || $0 == 0x0D }), "\(text.debugDescription)")
            if text.contains("\"") { #expect(written.contains(UInt8(ascii: "\"")), "quotes stay quotes") }
            let document = Array("<graphml><graph edgedefault=\"undirected\"><key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/><node id=\"a\"><data key=\"d0\">".utf8)
                + written + Array("</data></node></graph></graphml>".utf8)
            let path = directory.write("r\(round).graphml", bytes: document)
            let network = try GraphMLReader.read(path: path)
            let column = try #require(network.nodeAttributes.names.firstIndex(of: "label"))
            let code = network.nodeAttributes.codes[column][0]
            let read = code < 0 ? "" : network.nodeAttributes.distinct[column][Int(code)]
            let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter {
                !($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) && $0 != "\u{FFFE}" && $0 != "\u{FFFF}"
            }))
            #expect(Array(read.utf8) == Array(kept.utf8), "\(text.debugDescription) read as \(read.debugDescription)")
        }
        var out = OutputBytes(capacity: 1)
        for n in [0, 7, -7, 10, 1_000_000, Int.max, Int.min, -1] {
            out.removeAll()
            out.append(decimal: n)
            #expect(Array(out.bytes) == Array(String(n).utf8))
        }
    }
}

@Suite struct GraphMLWriterChunkTests {
    @Test func chunkedWritingGivesTheSameBytes() throws {
        var builder = GraphBuilder(directed: false)
        let n = 3_000
        for v in 0..<n { builder.addNode(v % 7 == 0 ? "a<&\"\(v)\"" : "n\(v)") }
        var rng = SeededRandom(seed: 3)
        var edges = Set<[Int32]>()
        while edges.count < 9_000 {
            let u = Int32(rng.next() % UInt64(n)), v = Int32(rng.next() % UInt64(n))
            if u != v && edges.insert([min(u, v), max(u, v)]).inserted { _ = try builder.addEdge(u, v) }
        }
        builder.setNodeAttribute("label", .string((0..<n).map { $0 % 5 == 0 ? nil : "L\n\($0)" }))
        builder.setNodeAttribute("founded", .int((0..<n).map { $0 % 3 == 0 ? nil : -$0 }))
        builder.setEdgeAttribute("weight", .double((0..<edges.count).map { $0 % 4 == 0 ? .nan : Double($0) / 7 }))
        builder.setEdgeAttribute("flag", .bool((0..<edges.count).map { $0 % 3 == 0 ? nil : $0 % 2 == 0 }))
        let graph = try builder.build()
        var chunked: [UInt8] = [], whole: [UInt8] = []
        GraphExport.writeGraphML(graph, chunkedFrom: 0) { chunked += $0 }
        GraphExport.writeGraphML(graph, chunkedFrom: .max) { whole += $0 }
        #expect(chunked == whole)
        #expect(whole == GraphExport.graphMLBytes(graph))
    }
}
