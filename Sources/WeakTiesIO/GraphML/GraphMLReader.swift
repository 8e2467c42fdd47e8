import Foundation
import WeakTiesStudy

/// Reads GraphML (networkx, igraph, graph-tool, Gephi, yEd, yFiles for HTML) into a `NetworkData`.
///
/// Keys give attribute names (`attr.name`, else the key id; the key's `<desc>` where our writer put a
/// name there that is not an NMTOKEN) and defaults; values are kept as text as
/// written. Nested graphs (yEd groups) are read flat: group nodes are nodes. A `<data>` holding markup
/// instead of text (yEd graphics) is skipped, except that the first `y:NodeLabel` text of a node
/// becomes its `label` where no `label` key exists. `directed` on an edge overrides `edgedefault`.
/// Hyperedges and ports are skipped with a warning.
/// - Complexity: O(file size); memory O(n + m) × attributes.
@_spi(Benchmark) public enum GraphMLReader {
    /// - Throws: `InputOutputError` or `ImportFailure` (located: line, column, element path).
    public static func read(path: String, file: String? = nil) throws -> NetworkData {
        // One sequential reader. (A speculative second half on the other core saved 20–23 % of
        // `weakties validate` on a 341 MB export of a 500k-tie study, below the quarter that would
        // pay for its complexity; it was removed, see Docs/Design.md.)
        var reader = Reader(file: file ?? path)
        reader.network.limitCells(path: path)
        let handler = Handler(reader: reader)
        try XMLInput.parse(path: path, file: file ?? path, byteHandler: handler)
        var network = handler.finish()
        network.encoding = XMLInput.encodingName(path: path)
        return network
    }

    /// Distinct byte strings of one kind (ids, one column's values), each decoded once, and where each
    /// is stored (its endpoint or column code, -1 until first stored): a repeat costs a hash of its bytes.
    /// Values are told apart by their bytes, as the CSV reader does; ids are compared after normalising
    /// (`NetworkTables`, `StudyAssembler`).
    struct Strings {
        var codes = ByteInterner()
        var strings: [String] = []
        var stored: [Int32] = []
        /// How many values of the column this interner added (-1 once forgotten). Where the column
        /// holds others too (a rebuild, or cells set as text), values are looked up as strings.
        var appended = 0

        @inline(__always)
        mutating func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let (code, isNew) = codes.intern(bytes)
            if isNew { strings.append(XMLBytes.string(bytes)); stored.append(-1) }
            return Int(code)
        }

        /// The code of the value `bytes` in column `column` of `attributes`, added there on first sight.
        @inline(__always)
        mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, in attributes: inout TextAttributeColumns) -> Int32 {
            let i = index(bytes)
            var code = stored[i]
            if code < 0 {
                if attributes.distinct[column].count == appended {
                    code = attributes.appendDistinct(strings[i], column: column)
                    appended += 1
                } else {
                    code = attributes.code(of: strings[i], column: column)
                }
                stored[i] = code
            }
            return code
        }

        /// Forgets where values are stored (their columns were rebuilt).
        mutating func forget() {
            for i in stored.indices { stored[i] = -1 }
            appended = -1
        }
    }

    /// Element names GraphML gives meaning to (compared as bytes, no string per element).
    enum Element { case graphml, key, `default`, desc, graph, node, edge, hyperedge, data, nodeLabel, other }

    @inline(__always)
    static func element(_ name: UnsafeBufferPointer<UInt8>) -> Element {
        switch name.count {
        case 3: if XMLBytes.equal(name, "key") { return .key }
        case 4:
            if XMLBytes.equal(name, "edge") { return .edge }
            if XMLBytes.equal(name, "node") { return .node }
            if XMLBytes.equal(name, "data") { return .data }
            if XMLBytes.equal(name, "desc") { return .desc }
        case 5: if XMLBytes.equal(name, "graph") { return .graph }
        case 7:
            if XMLBytes.equal(name, "graphml") { return .graphml }
            if XMLBytes.equal(name, "default") { return .default }
        case 9:
            if XMLBytes.equal(name, "hyperedge") { return .hyperedge }
            if XMLBytes.equal(name, "NodeLabel") { return .nodeLabel }
        default: break
        }
        return .other
    }

    /// A growable byte buffer that is emptied without freeing (the text of the current value).
    struct Bytes {
        private var storage: [UInt8] = [UInt8](repeating: 0, count: 256)
        private(set) var count = 0

        @inline(__always) mutating func removeAll() { count = 0 }

        @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count > 0 else { return }
            if count + bytes.count > storage.count {
                storage.append(contentsOf: repeatElement(0, count: max(storage.count, bytes.count)))
            }
            let at = count
            storage.withUnsafeMutableBufferPointer { UnsafeMutableRawPointer($0.baseAddress! + at).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
            count += bytes.count
        }

        @inline(__always) func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }

        var string: String { withBytes(XMLBytes.string) }
    }

    /// The event handler: state lives in a struct, so each event is one access to it.
    private final class Handler: XMLByteHandler {
        var reader: Reader
        init(reader: Reader) { self.reader = reader }
        func startElement(_ tag: XMLRawTag, at position: XMLPosition) -> String? { reader.startElement(tag, at: position) }
        func endElement(_ name: UnsafeBufferPointer<UInt8>, at position: XMLPosition) -> String? { reader.endElement(name, at: position) }
        func characters(_ text: UnsafeBufferPointer<UInt8>) { reader.characters(text) }
        func finish() -> NetworkData { reader.finish() }
    }

    private struct Reader {
        struct Key {
            var name: String
            var domain: String
            var defaultValue: String?
            /// Declared by a `<key>` (not only named by a `<data>`).
            var declared: Bool
            /// Attribute column of the key, per domain (-1 until its first `<data>`).
            var nodeColumn = -1
            var edgeColumn = -1
        }
        var network: NetworkData
        /// Key ids (interned bytes) → `keys`.
        var keyCodes = ByteInterner()
        var keys: [Key] = []
        var keyIDs: [String] = []
        var currentKey: Int?
        var graphDirected: [Bool] = []
        var sawRoot = false
        var elementStack: [(kind: Character, index: Int)] = []  // "n" node, "e" edge
        var dataKey: Int?
        var dataDepth = 0
        var depth = 0
        var dataHasMarkup = false
        var text = Bytes()
        var inNodeLabel = false
        var nodeLabelText = Bytes()
        var yedLabels: [Int: String] = [:]
        var hyperedges = 0
        var ids = Strings()
        /// Distinct values per attribute column.
        var nodeValues: [Strings] = []
        var edgeValues: [Strings] = []
        var edgeIDColumn = -1

        init(file: String) { network = NetworkData(file: file, format: "GraphML") }

        /// The index of key id `bytes` in `keys` (an undeclared key is named by its id).
        mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let (code, isNew) = keyCodes.intern(bytes)
            if isNew {
                let id = XMLBytes.string(bytes)
                keyIDs.append(id)
                keys.append(Key(name: id, domain: "all", defaultValue: nil, declared: false))
            }
            return Int(code)
        }

        mutating func startElement(_ tag: XMLRawTag, at position: XMLPosition) -> String? {
            depth += 1
            let element = GraphMLReader.element(tag.name)
            if !sawRoot {
                sawRoot = true
                if element != .graphml { return "expected a <graphml> root element, found <\(XMLBytes.string(tag.name))>" }
                return nil
            }
            if dataKey != nil {
                dataHasMarkup = true
                if element == .nodeLabel, case ("n", let v)? = elementStack.last.map({ ($0.kind, $0.index) }), yedLabels[v] == nil {
                    inNodeLabel = true
                    nodeLabelText.removeAll()
                }
                return nil
            }
            switch element {
            case .key:
                guard let id = tag["id"] else { return "<key> without an id" }
                let k = key(id)
                let attrName = tag["attr.name"].flatMap { $0.isEmpty ? nil : XMLBytes.string($0) } ?? keyIDs[k]
                // A key declared again starts afresh (its columns are looked up again by name).
                keys[k] = Key(name: attrName, domain: tag["for"].map(XMLBytes.string) ?? "all", defaultValue: nil, declared: true)
                currentKey = k
                text.removeAll()
            case .default, .desc:
                text.removeAll()
            case .graph:
                let directed = tag["edgedefault"].map { !XMLBytes.equal($0, "undirected") } ?? (graphDirected.last ?? true)
                if graphDirected.isEmpty { network.isDirected = directed }
                graphDirected.append(directed)
            case .node:
                guard let id = tag["id"] else { return "<node> without an id" }
                if let refused = network.cellLimitMessage { return refused }
                network.addNode(ids.strings[ids.index(id)], line: position.line)
                elementStack.append(("n", network.nodeIDs.count - 1))
            case .edge:
                if let refused = network.cellLimitMessage { return refused }
                guard let source = tag["source"], let target = tag["target"] else {
                    return "<edge> needs source and target"
                }
                let directed = tag["directed"].map { XMLBytes.equal($0, "true") || XMLBytes.equal($0, "1") }
                let s = ids.index(source), t = ids.index(target)
                if ids.stored[s] < 0 { ids.stored[s] = network.appendEndpoint(ids.strings[s]) }
                if ids.stored[t] < 0 { ids.stored[t] = network.appendEndpoint(ids.strings[t]) }
                network.addEdge(source: ids.stored[s], target: ids.stored[t], directed: directed ?? graphDirected.last, line: position.line)
                if let id = tag["id"] {
                    if edgeIDColumn < 0 { edgeIDColumn = network.edgeAttributes.columnIndex("id"); Reader.grow(&edgeValues, to: edgeIDColumn) }
                    let code = edgeValues[edgeIDColumn].code(id, column: edgeIDColumn, in: &network.edgeAttributes)
                    network.edgeAttributes.set(column: edgeIDColumn, code: code)
                }
                elementStack.append(("e", network.edgeSources.count - 1))
            case .hyperedge:
                hyperedges += 1
            case .data:
                guard let k = tag["key"] else { return "<data> without a key" }
                if let refused = network.cellLimitMessage { return refused }
                dataKey = key(k)
                dataDepth = depth
                dataHasMarkup = false
                text.removeAll()
            default:
                break
            }
            return nil
        }

        static func grow(_ values: inout [Strings], to column: Int) {
            while values.count <= column { values.append(Strings()) }
        }

        /// Sets column `name` of the last row of `attributes` (nodes or edges) to the text read: the key's
        /// column found once (`column`, -1 until then), each distinct value decoded and coded once.
        @inline(__always)
        static func setLastRow(_ text: Bytes, name: String, column: inout Int, values: inout [Strings],
                               in attributes: inout TextAttributeColumns) {
            if column < 0 {
                column = attributes.columnIndex(name)
                grow(&values, to: column)
            }
            let code = text.withBytes { values[column].code($0, column: column, in: &attributes) }
            attributes.set(column: column, code: code)
        }

        mutating func endElement(_ name: UnsafeBufferPointer<UInt8>, at position: XMLPosition) -> String? {
            defer { depth -= 1 }
            if let key = dataKey {
                if depth == dataDepth {
                    dataKey = nil
                    guard let owner = elementStack.last, !dataHasMarkup else { return nil }
                    if owner.kind == "n" && network.nodeAttributes.rowCount == owner.index + 1 {
                        Reader.setLastRow(text, name: keys[key].name, column: &keys[key].nodeColumn,
                                          values: &nodeValues, in: &network.nodeAttributes)
                    } else if owner.kind == "n" {
                        setNodeAttribute(owner.index, keys[key].name, text.string)
                    } else if network.edgeAttributes.rowCount == owner.index + 1 {
                        Reader.setLastRow(text, name: keys[key].name, column: &keys[key].edgeColumn,
                                          values: &edgeValues, in: &network.edgeAttributes)
                    }
                } else if GraphMLReader.element(name) == .nodeLabel && inNodeLabel {
                    inNodeLabel = false
                    if let owner = elementStack.last, owner.kind == "n" {
                        yedLabels[owner.index] = nodeLabelText.string.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                }
                return nil
            }
            switch GraphMLReader.element(name) {
            case .node, .edge: elementStack.removeLast()
            case .graph: graphDirected.removeLast()
            case .default: if let k = currentKey { keys[k].defaultValue = text.string }
            case .desc:
                // Our writer keeps a column name that is not an NMTOKEN here, and writes attr.name as one.
                if let k = currentKey {
                    let description = text.string
                    if GraphExport.isGraphMLName(keys[k].name, of: description) { keys[k].name = description }
                }
            case .key: currentKey = nil
            default: break
            }
            return nil
        }

        /// A data element after a nested graph: the node's row is not the last one any more.
        mutating func setNodeAttribute(_ row: Int, _ name: String, _ value: String) {
            // Rare (data after a nested <graph>): the cell is set in place, as text (O(1); rebuilding
            // the table here made 5,000 such nodes take seconds). The column's byte interner no longer
            // knows every value it holds, so it looks values up as text from now on.
            network.nodeAttributes.set(name, row: row, value)
            let c = network.nodeAttributes.columnIndex(name)
            if c < nodeValues.count && nodeValues[c].appended >= 0 { nodeValues[c].forget() }
        }

        mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if inNodeLabel { nodeLabelText.append(bytes) } else if dataKey != nil || currentKey != nil {
                text.append(bytes)
            }
        }

        mutating func finish() -> NetworkData {
            for (k, key) in zip(keyIDs, keys).sorted(by: { $0.0 < $1.0 }) {
                _ = k
                guard key.declared, let value = key.defaultValue else { continue }
                if key.domain == "node" || key.domain == "all" { network.nodeAttributes.fillMissing(key.name, with: value) }
                if key.domain == "edge" || key.domain == "all" { network.edgeAttributes.fillMissing(key.name, with: value) }
            }
            if !yedLabels.isEmpty && !network.nodeAttributes.contains("label") {
                let labels = (0..<network.nodeIDs.count).map { yedLabels[$0] }
                var rebuilt = TextAttributeColumns()
                let columns = network.nodeAttributes
                for r in 0..<network.nodeIDs.count {
                    rebuilt.startRow()
                    rebuilt.set("label", labels[r] ?? network.nodeIDs[r])
                    for n in columns.names { rebuilt.set(n, columns.value(n, r)) }
                }
                network.nodeAttributes = rebuilt
            }
            if hyperedges > 0 { network.warn(0, "\(hyperedges) hyperedges skipped (a tie joins two actors)") }
            return network
        }
    }
}
