import Dispatch
import Foundation
import WeakTiesGraph

// The GraphML writer (the reader is GraphMLReader.swift beside it).
extension GraphExport {
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

    /// The `attr.name`s of `names` (one domain's columns): each an XML NMTOKEN, as the GraphML schema
    /// requires — a character a name may not hold (space, `/`, `(`, …) becomes `_` (an empty name is
    /// `_`) — and unique within the domain (a repeat gets `_2`, `_3`, …). Names that are NMTOKENs
    /// already stay as they are.
    static func graphMLNames(_ names: [String]) -> [String] {
        var taken = Set(names.filter(isNMToken))
        return names.map { name in
            if isNMToken(name) { return name }
            var token = String(String.UnicodeScalarView(name.unicodeScalars.map { isNameCharacter($0) ? $0 : "_" }))
            if token.isEmpty { token = "_" }
            var candidate = token, n = 1
            while taken.contains(candidate) {
                n += 1
                candidate = "\(token)_\(n)"
            }
            taken.insert(candidate)
            return candidate
        }
    }

    /// Whether `name` can be restored from a key written for it: `graphMLNames` of the name alone,
    /// or that with a `_N` suffix.
    static func isGraphMLName(_ written: String, of name: String) -> Bool {
        guard let token = graphMLNames([name]).first, token != name else { return false }
        if written == token { return true }
        guard written.hasPrefix(token + "_") else { return false }
        let suffix = written.dropFirst(token.count + 1)
        return !suffix.isEmpty && suffix.allSatisfy(\.isASCII) && Int(suffix) != nil
    }

    static func isNMToken(_ name: String) -> Bool { !name.isEmpty && name.unicodeScalars.allSatisfy(isNameCharacter) }

    /// XML 1.0 (fifth edition) NameChar.
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A, 0x5F, 0xB7: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x37D, 0x37F...0x1FFF, 0x200C...0x200D, 0x203F...0x2040,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: true
        default: false
        }
    }

    /// Writes the GraphML document in pieces of about 1 MiB to `sink` (a 1M-edge export is hundreds
    /// of MB: it is never held whole). - Complexity: O((n + m) × attribute columns); memory O(1 MiB).
    public static func writeGraphML(_ graph: Graph, graphData: [(name: String, value: String)] = [],
                                    to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try writeGraphML(graph, chunkedFrom: 100_000, graphData: graphData, to: sink)
    }

    /// `writeGraphML`, formatted in chunks on all cores where the graph has `chunkedFrom` nodes and
    /// edges or more.
    static func writeGraphML(_ graph: Graph, chunkedFrom: Int, graphData: [(name: String, value: String)] = [],
                             to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
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
        // attr.name is an NMTOKEN (the GraphML schema); a column name that is not one is written as one,
        // with the name itself in the key's <desc> (our reader restores it from there).
        func key(_ id: String, _ domain: String, _ name: String, _ written: String, _ type: String) {
            out.append("  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\(xmlAttribute(written)) attr.type=\"\(type)\"")
            if written == name {
                out.append("/>\n")
            } else {
                out.append("><desc>")
                out.appendXMLCharacterData(name)
                out.append("</desc></key>\n")
            }
        }
        let nodeNames = graphMLNames(graph.nodeAttributes.columns.map(\.name))
        for (i, column) in graph.nodeAttributes.columns.enumerated() {
            key("n\(i)", "node", column.name, nodeNames[i], xmlTypeName(column.values))
        }
        let edgeNames = graphMLNames(graph.edgeAttributes.columns.map(\.name))
        for (i, column) in graph.edgeAttributes.columns.enumerated() {
            key("e\(i)", "edge", column.name, edgeNames[i], xmlTypeName(column.values))
        }
        let graphNames = graphMLNames(graphData.map(\.name))
        for (i, item) in graphData.enumerated() {
            key("g\(i)", "graph", item.name, graphNames[i], "string")
        }
        out.append("  <graph id=\"G\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n")
        for (i, item) in graphData.enumerated() {
            out.append("    <data key=\"g\(i)\">")
            out.appendXMLCharacterData(item.value)
            out.append("</data>\n")
        }
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
                out.append(open); out.appendXMLCharacterData(text)
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
}
