import Dispatch
import Foundation
import WeakTiesGraph

/// Writers for the formats other network tools open. Each writes every node and edge attribute
/// column the format can carry; ids and text are escaped for the format; output is deterministic.
public enum GraphExport {
    /// GraphML (networkx, igraph, Gephi, yEd, Cytoscape): one typed `<key>` per attribute column
    /// (`string`, `double`, `long`, `boolean`); missing values are left out, as GraphML intends.
    public static func graphML(_ graph: Graph) -> String { String(decoding: graphMLBytes(graph), as: UTF8.self) }

    /// The GraphML document as UTF-8 bytes (what `graphML` returns as text).
    /// - Complexity: O((n + m) × attribute columns).
    public static func graphMLBytes(_ graph: Graph) -> [UInt8] {
        var all: [UInt8] = []
        writeGraphML(graph) { all.append(contentsOf: $0) }
        return all
    }

    /// Writes the GraphML document in pieces of about 1 MiB to `sink` (a 1M-edge export is hundreds
    /// of MB: it is never held whole). - Complexity: O((n + m) × attribute columns); memory O(1 MiB).
    public static func writeGraphML(_ graph: Graph, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try writeGraphML(graph, chunkedFrom: 100_000, to: sink)
    }

    /// `writeGraphML`, formatted in chunks on all cores where the graph has `chunkedFrom` nodes and
    /// edges or more.
    static func writeGraphML(_ graph: Graph, chunkedFrom: Int, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        // Bytes written straight into one buffer: ids escaped once, `<data key="…">` prefixes made
        // once per column, numbers formatted in place, text escaped in runs.
        var out = OutputBytes(capacity: (1 << 20) + (1 << 16))
        func flushIfFull() throws {
            guard out.count >= 1 << 20 else { return }
            try sink(out.bytes)
            out.removeAll()
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ")
        out.append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        out.append("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        for (i, column) in graph.nodeAttributes.columns.enumerated() {
            out.append("  <key id=\"n\(i)\" for=\"node\" attr.name=\(xmlAttribute(column.name)) attr.type=\"\(xmlTypeName(column.values))\"/>\n")
        }
        for (i, column) in graph.edgeAttributes.columns.enumerated() {
            out.append("  <key id=\"e\(i)\" for=\"edge\" attr.name=\(xmlAttribute(column.name)) attr.type=\"\(xmlTypeName(column.values))\"/>\n")
        }
        out.append("  <graph id=\"G\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n")
        // Node ids as quoted, escaped attribute values, in one arena.
        var ids = OutputBytes(capacity: graph.nodeCount * 12 + 64)
        var idOffsets = [Int](repeating: 0, count: graph.nodeCount + 1)
        for v in 0..<graph.nodeCount {
            ids.append(UInt8(ascii: "\""))
            ids.appendXMLEscaped(graph.nodeIDs[v])
            ids.append(UInt8(ascii: "\""))
            idOffsets[v + 1] = ids.count
        }
        nonisolated(unsafe) let idBytes = ids.bytes  // read-only while the workers run
        let idEnds = idOffsets
        let nodeColumns = graph.nodeAttributes.columns.enumerated().map { ColumnWriter($1.values, key: "n\($0)") }
        let edgeColumns = graph.edgeAttributes.columns.enumerated().map { ColumnWriter($1.values, key: "e\($0)") }
        @Sendable func putID(_ v: Int, _ out: inout OutputBytes) { out.append(UnsafeRawBufferPointer(rebasing: idBytes[idEnds[v]..<idEnds[v + 1]])) }
        @Sendable func node(_ v: Int, _ out: inout OutputBytes) {
            out.append("    <node id="); putID(v, &out); out.append(UInt8(ascii: ">"))
            nodeColumns.withUnsafeBufferPointer { columns in for k in columns.indices { columns[k].write(v, into: &out) } }
            out.append("</node>\n")
        }
        @Sendable func edge(_ e: Int, _ out: inout OutputBytes) {
            out.append("    <edge id=\"e"); out.append(decimal: e); out.append("\" source="); putID(Int(graph.edgeSources[e]), &out)
            out.append(" target="); putID(Int(graph.edgeTargets[e]), &out); out.append(UInt8(ascii: ">"))
            edgeColumns.withUnsafeBufferPointer { columns in for k in columns.indices { columns[k].write(e, into: &out) } }
            out.append("</edge>\n")
        }
        // Large graphs are formatted in chunks on all cores, two chunks per core and round, and handed
        // to the sink in order: the same bytes as one pass, memory bounded by the chunks.
        let items = graph.nodeCount + graph.edgeCount
        let workers = items >= chunkedFrom ? max(2, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        if workers > 1 {
            try out.withBytesFlushed(sink)
            let chunk = 4096
            var buffers = (0..<workers).map { _ in OutputBytes(capacity: 1 << 20) }
            var start = 0
            while start < items {
                let rounds = min(workers, (items - start + chunk - 1) / chunk)
                let first = start
                buffers.withUnsafeMutableBufferPointer { slots in
                    nonisolated(unsafe) let slots = slots
                    DispatchQueue.concurrentPerform(iterations: rounds) { w in
                        slots[w].removeAll()
                        let from = first + w * chunk, to = min(items, from + chunk)
                        for i in from..<to {
                            if i < graph.nodeCount { node(i, &slots[w]) } else { edge(i - graph.nodeCount, &slots[w]) }
                        }
                    }
                }
                for w in 0..<rounds { try sink(buffers[w].bytes) }
                start += rounds * chunk
            }
        } else {
            for v in 0..<graph.nodeCount {
                node(v, &out)
                try flushIfFull()
            }
            for e in 0..<graph.edgeCount {
                edge(e, &out)
                try flushIfFull()
            }
        }
        out.append("  </graph>\n</graphml>\n")
        try sink(out.bytes)
        withExtendedLifetime(ids) {}  // `idBytes` points into it
    }

    /// One column's `<data>` elements (missing values left out).
    private struct ColumnWriter: Sendable {
        let values: AttributeValues
        let open: [UInt8]

        init(_ values: AttributeValues, key: String) {
            self.values = values
            open = Array("<data key=\"\(key)\">".utf8)
        }

        @inline(__always)
        func write(_ i: Int, into out: inout OutputBytes) {
            switch values {
            case .string(let v):
                guard let text = v[i] else { return }
                out.append(open); out.appendXMLEscaped(text)
            case .int(let v):
                guard let n = v[i] else { return }
                out.append(open); out.append(decimal: n)
            case .double(let v):
                guard !v[i].isNaN else { return }
                out.append(open); out.append(String(v[i]))
            case .bool(let v):
                guard let b = v[i] else { return }
                out.append(open); out.append(b ? ("true" as StaticString) : ("false" as StaticString))
            }
            out.append("</data>")
        }
    }

    /// networkx node-link JSON (`nx.node_link_graph(data, edges="edges")`): typed values, missing
    /// values as `null`.
    public static func nodeLinkJSON(_ graph: Graph) -> String {
        func value(_ values: AttributeValues, _ i: Int) -> JSONValue {
            switch values {
            case .string(let v): .string(v[i])
            case .double(let v): v[i].isNaN ? .null : .double(v[i])
            case .int(let v): .int(v[i])
            case .bool(let v): .bool(v[i])
            }
        }
        let nodes: [JSONValue] = (0..<graph.nodeCount).map { v in
            .object([("id", .string(graph.nodeIDs[v]))] + graph.nodeAttributes.columns.map { ($0.name, value($0.values, v)) })
        }
        let edges: [JSONValue] = (0..<graph.edgeCount).map { e in
            .object([("source", .string(graph.nodeIDs[Int(graph.edgeSources[e])])),
                      ("target", .string(graph.nodeIDs[Int(graph.edgeTargets[e])]))]
                    + graph.edgeAttributes.columns.map { ($0.name, value($0.values, e)) })
        }
        return JSONValue.object([
            ("directed", .bool(graph.isDirected)), ("multigraph", .bool(false)), ("graph", .object([])),
            ("nodes", .array(nodes)), ("edges", .array(edges)),
        ]).serialized(indent: 1) + "\n"
    }

    /// Pajek `.net`: vertices numbered from 1 with quoted labels (the `label` column, else the id),
    /// `*Edges` or `*Arcs` with the `weight` column where present (else 1). Pajek carries no other
    /// attributes.
    public static func pajek(_ graph: Graph) -> String {
        var labels = graph.nodeIDs
        if case .string(let values)? = graph.nodeAttributes["label"]?.values {
            labels = zip(values, graph.nodeIDs).map { $0 ?? $1 }
        }
        var out = "*Vertices \(graph.nodeCount)\n"
        for (v, label) in labels.enumerated() {
            let clean = label.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: "")
            out += "\(v + 1) \"\(clean)\"\n"
        }
        out += graph.isDirected ? "*Arcs\n" : "*Edges\n"
        return out + oneBasedWeightedEdges(graph)
    }

    /// One line per edge, `source target weight` with 1-based node numbers, as Pajek and UCINET DL
    /// write them; the weight is the `weight` column, 1 where none is coded.
    static func oneBasedWeightedEdges(_ graph: Graph) -> String {
        var out = ""
        let weights = edgeWeights(graph)
        for e in 0..<graph.edgeCount {
            out += "\(graph.edgeSources[e] + 1) \(graph.edgeTargets[e] + 1) \(NumberFormat.text(weights[e]))\n"
        }
        return out
    }

    /// The `weight` column with 1 where none is coded (the default of Pajek, UCINET and Gephi).
    static func edgeWeights(_ graph: Graph) -> [Double] {
        guard case .double(let w)? = graph.edgeAttributes["weight"]?.values else {
            return [Double](repeating: 1, count: graph.edgeCount)
        }
        return w.map { $0.isNaN ? 1 : $0 }
    }

    /// GraphML's and GEXF's name of a column's type.
    static func xmlTypeName(_ values: AttributeValues) -> String {
        switch values {
        case .string: "string"
        case .double: "double"
        case .int: "long"
        case .bool: "boolean"
        }
    }

    /// XML attribute value in double quotes, escaped; characters XML 1.0 forbids are dropped.
    static func xmlAttribute(_ s: String) -> String { "\"" + xmlText(s) + "\"" }

    /// XML character data, escaped (`&`, `<`, `>`, `'`, `"`); characters XML 1.0 forbids are dropped,
    /// line breaks kept as `&#10;`/`&#13;` so they survive attribute normalisation.
    public static func xmlText(_ s: String) -> String {
        // Most text needs no escape: one pass over the bytes decides (0xEF may start U+FFFE/U+FFFF).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return s
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        var utf8 = Array(s.utf8)[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0xEF where utf8.count >= 2 && utf8[utf8.startIndex] == 0xBF && (utf8[utf8.startIndex + 1] == 0xBE || utf8[utf8.startIndex + 1] == 0xBF):
                utf8 = utf8.dropFirst(2)  // U+FFFE, U+FFFF: not XML characters
            default:
                if byte < 0x20 { continue }  // other C0 controls: not XML 1.0 characters
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

}
