import Foundation
import Testing
import TestSupport
@testable import WeakTiesRender
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite(.serialized) struct GraphvizRendererTests {
    let dot = #"graph G { start=7; a [label="Café \"Ü\" <x>"]; a -- b [style=dashed]; b -- c; }"#

    @Test func rendersSVGDeterministically() throws {
        let first = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg)
        let second = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("Café &quot;Ü&quot; &lt;x&gt;"))
        // Well-formed XML.
        let parser = XMLParser(data: first)
        parser.shouldResolveExternalEntities = false
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }

    @Test func renderingDoesNotDependOnEarlierRendersInTheProcess() throws {
        // sfdp and the prism overlap removal draw from the C library's random generators; before they
        // were reset per render, the second layout of a graph in a process differed from the first.
        let graph = "graph G { start=5; overlap=prism; " + (0..<120).map { "v\($0) -- v\(($0 * 13 + 7) % 120);" }.joined() + " }"
        let first = try GraphvizRenderer.render(dot: graph, engine: .sfdp, format: .svg)
        _ = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg)
        #expect(try GraphvizRenderer.render(dot: graph, engine: .sfdp, format: .svg) == first)
        #expect(try GraphvizRenderer.render(dot: graph, engine: .sfdp, format: .svg) == first)
    }

    /// Exercises the command lane, which needs the Graphviz command (Debian's `graphviz`, installed by
    /// `make test`) and two cores; skipped (and listed as skipped) where either is missing.
    @Test(.enabled(if: GraphvizRenderer.graphvizCommand != nil && ProcessInfo.processInfo.activeProcessorCount > 1,
                   "needs the Graphviz command on PATH and two cores"))
    func batchOnTwoCoresGivesTheSameBytesAsInProcess() throws {
        // One large graph (sent to the Graphviz command on a machine with two cores) and small ones.
        let big = "graph B { start=3; overlap=prism; " + (0..<300).map { "n\($0) -- n\(($0 * 37 + 11) % 300);" }.joined() + " }"
        let jobs = [RenderJob(dot: big, engine: .sfdp)] + (0..<6).map { i in
            RenderJob(dot: "graph S\(i) { root=a; a -- b; a -- c\(i); b -- c\(i); }", engine: i % 2 == 0 ? .twopi : .neato)
        }
        let parallel = try GraphvizRenderer.render(batch: jobs, format: .svg)
        let sequential = try GraphvizRenderer.render(batch: jobs, format: .svg, parallel: false)
        #expect(parallel.count == jobs.count)
        for (i, (a, b)) in zip(parallel, sequential).enumerated() { #expect(a == b, "job \(i) differs") }
        // A malformed job fails with Graphviz's message whichever lane it was in.
        #expect(throws: RenderError.self) {
            try GraphvizRenderer.render(batch: [RenderJob(dot: big, engine: .sfdp), RenderJob(dot: "graph { a -- ", engine: .neato)], format: .svg)
        }
    }

    @Test(arguments: [(RenderFormat.png, [UInt8]([0x89, 0x50, 0x4E, 0x47])), (.pdf, Array("%PDF".utf8))])
    func binaryFormatsStartWithTheirMagicBytes(format: RenderFormat, magic: [UInt8]) throws {
        let data = try GraphvizRenderer.render(dot: dot, engine: .dot, format: format)
        #expect(Array(data.prefix(magic.count)) == magic)
    }

    @Test func malformedDOTIsASwiftError() {
        #expect {
            try GraphvizRenderer.render(dot: "graph G { a -- }", format: .svg)
        } throws: { error in
            guard case RenderError.syntax(let message) = error else { return false }
            return message.contains("syntax error")
        }
    }

    @Test func everyEngineLaysOutAndRenders() throws {
        for engine in LayoutEngine.allCases {
            let svg = String(decoding: try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg), as: UTF8.self)
            // Every node and edge of the graph is drawn, each as its own group with its name as title.
            #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 3, "\(engine)")
            #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 2, "\(engine)")
            for title in ["<title>a</title>", "<title>b</title>", "<title>c</title>", "<title>a&#45;&#45;b</title>", "<title>b&#45;&#45;c</title>"] {
                #expect(svg.contains(title), "\(engine): \(title)")
            }
            // Laid out: the nodes are not all at one point.
            let positions = Set(svg.split(separator: "<ellipse").dropFirst().map { $0.prefix(60) })
            #expect(positions.count == 3, "\(engine)")
        }
    }

    @Test func layoutRoundTripKeepsEveryNode() throws {
        let laidOut = String(decoding: try GraphvizRenderer.render(dot: dot, engine: .dot, format: .dot), as: UTF8.self)
        for node in ["a", "b", "c"] { #expect(laidOut.contains("\t\(node)\t[") || laidOut.contains("\t\(node) [")) }
        // The laid-out DOT is itself valid DOT.
        #expect(try GraphvizRenderer.render(dot: laidOut, engine: .neato, format: .svg).count > 0)
    }

    /// Resident memory stays flat over 500 renders (no leak in the choke point). Measured in a process
    /// of its own (`weakties-bench render-memory`), since other tests allocate in this one.
    /// Not under a sanitizer (`make test-sanitize` sets WEAKTIES_SANITIZER): AddressSanitizer keeps
    /// freed memory in quarantine and ThreadSanitizer shadows it, so resident memory grows by design.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["WEAKTIES_SANITIZER"] != nil,
                    "resident memory is not comparable under a sanitizer"))
    func fiveHundredRendersKeepMemoryFlat() throws {
        let binary = builtProduct("weakties-bench")
        try #require(FileManager.default.isExecutableFile(atPath: binary))
        let result = try runProcess(binary, ["render-memory", "500"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let before = json["rss_before_kb"] as! Int, after = json["rss_after_kb"] as! Int
        #expect(after - before < 8_000, "RSS grew from \(before) kB to \(after) kB over 500 renders")
    }
}

@Suite(.serialized) struct DOTRoundTripTests {
    static let hostile = [
        "Café \"Zum Ü\"", "back\\slash \\N \\G", "line\nbreak", "<script>alert('x')</script>", "a & b; c",
        "-- -> { } [ ] ; = ,", "graph", "node", "\u{1F331} Garten", "tab\tand\r\ncrlf", "\"", "",
    ]

    func hostileGraph(directed: Bool) throws -> Graph {
        var b = GraphBuilder(directed: directed)
        for (i, label) in Self.hostile.enumerated() { b.addNode("id \(i) \(label)") }
        for i in 1..<Self.hostile.count { try b.addEdge(0, Int32(i)) }
        b.setNodeAttribute("label", .string(Self.hostile))
        b.setNodeAttribute("kind", .string(Self.hostile.map { _ in "partner" }))
        b.setEdgeAttribute("quote", .string(Self.hostile.dropFirst().map { $0 }))
        return try b.build()
    }

    @Test(arguments: [false, true])
    func graphvizParsesEveryDOTWeWrite(directed: Bool) throws {
        let g = try hostileGraph(directed: directed)
        let dot = DOTWriter.write(g, graphAttributes: [("start", "3")])
        let laidOut = String(decoding: try GraphvizRenderer.render(dot: dot, engine: .neato, format: .dot), as: UTF8.self)
        // Every node survives the round trip through Graphviz's parser.
        for v in 0..<g.nodeCount { #expect(laidOut.contains(DOTWriter.quote(g.nodeIDs[v])) || laidOut.contains(g.nodeIDs[v])) }
        let svg = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;"))
        let parser = XMLParser(data: svg)
        parser.shouldResolveExternalEntities = false
        #expect(parser.parse())
        #expect(svg == (try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg)))
    }

    @Test func quoting() {
        #expect(DOTWriter.quote("a\"b\\c\nd\re") == #""a\"b\\c\nde""#)
        #expect(DOTWriter.quote("\u{7}x") == "\" x\"")
    }
}

import WeakTiesGraph
import WeakTiesIO
