import Foundation
import WeakTiesStudy

/// Reads GraphML (networkx, igraph, graph-tool, Gephi, yEd, yFiles for HTML) into a `NetworkData`.
///
/// Keys give attribute names (`attr.name`, else the key id) and defaults; values are kept as text as
/// written. Nested graphs (yEd groups) are read flat: group nodes are nodes. A `<data>` holding markup
/// instead of text (yEd graphics) is skipped, except that the first `y:NodeLabel` text of a node
/// becomes its `label` where no `label` key exists. `directed` on an edge overrides `edgedefault`.
/// Hyperedges and ports are skipped with a warning.
/// - Complexity: O(file size); memory O(n + m) × attributes.
public enum GraphMLReader {
    /// - Throws: `InputOutputError` or `ImportFailure` (located: line, column, element path).
    public static func read(path: String, file: String? = nil) throws -> NetworkData {
        let handler = Handler(file: file ?? path)
        try XMLInput.parse(path: path, file: file ?? path, handler: handler)
        return handler.finish()
    }

    private final class Handler: XMLHandler {
        struct Key { var name: String; var domain: String; var defaultValue: String? }
        var network: NetworkData
        var keys: [String: Key] = [:]
        var currentKey: String?
        var graphDirected: [Bool] = []
        var sawRoot = false
        var elementStack: [(kind: Character, index: Int)] = []  // "n" node, "e" edge
        var dataKey: String?
        var dataDepth = 0
        var depth = 0
        var dataHasMarkup = false
        var text = ""
        var inNodeLabel = false
        var nodeLabelText = ""
        var yedLabels: [Int: String] = [:]
        var hyperedges = 0
        /// Attribute column of each key id, per domain (one lookup per `<data>`).
        var nodeColumnOfKey: [String: Int] = [:]
        var edgeColumnOfKey: [String: Int] = [:]

        init(file: String) { network = NetworkData(file: file, format: "GraphML") }

        func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
            depth += 1
            if !sawRoot {
                sawRoot = true
                if name != "graphml" { return "expected a <graphml> root element, found <\(name)>" }
                return nil
            }
            if dataKey != nil {
                dataHasMarkup = true
                if name == "NodeLabel", case ("n", let v)? = elementStack.last.map({ ($0.kind, $0.index) }), yedLabels[v] == nil {
                    inNodeLabel = true
                    nodeLabelText = ""
                }
                return nil
            }
            switch name {
            case "key":
                guard let id = attributes["id"] else { return "<key> without an id" }
                let attrName = attributes["attr.name"].flatMap { $0.isEmpty ? nil : $0 } ?? id
                keys[id] = Key(name: attrName, domain: attributes["for"] ?? "all", defaultValue: nil)
                currentKey = id
                text = ""
            case "default":
                text = ""
            case "graph":
                let directed = attributes["edgedefault"].map { $0 != "undirected" } ?? (graphDirected.last ?? true)
                if graphDirected.isEmpty { network.isDirected = directed }
                graphDirected.append(directed)
            case "node":
                guard let id = attributes["id"] else { return "<node> without an id" }
                network.addNode(id, line: position.line)
                elementStack.append(("n", network.nodeIDs.count - 1))
            case "edge":
                guard let source = attributes["source"], let target = attributes["target"] else {
                    return "<edge> needs source and target"
                }
                let directed = attributes["directed"].map { $0 == "true" || $0 == "1" }
                network.addEdge(source, target, directed: directed ?? graphDirected.last, line: position.line)
                if let id = attributes["id"] { network.edgeAttributes.set("id", id) }
                elementStack.append(("e", network.edgeSources.count - 1))
            case "hyperedge":
                hyperedges += 1
            case "data":
                guard let key = attributes["key"] else { return "<data> without a key" }
                dataKey = key
                dataDepth = depth
                dataHasMarkup = false
                text = ""
            default:
                break
            }
            return nil
        }

        func endElement(_ name: String, at position: XMLPosition) -> String? {
            defer { depth -= 1 }
            if let key = dataKey {
                if depth == dataDepth {
                    dataKey = nil
                    guard let owner = elementStack.last, !dataHasMarkup else { return nil }
                    if owner.kind == "n" && network.nodeAttributes.rowCount == owner.index + 1 {
                        let column: Int
                        if let c = nodeColumnOfKey[key] { column = c } else {
                            column = network.nodeAttributes.columnIndex(keys[key]?.name ?? key)
                            nodeColumnOfKey[key] = column
                        }
                        network.nodeAttributes.set(column: column, text)
                    } else if owner.kind == "n" {
                        setNodeAttribute(owner.index, keys[key]?.name ?? key, text)
                    } else if network.edgeAttributes.rowCount == owner.index + 1 {
                        let column: Int
                        if let c = edgeColumnOfKey[key] { column = c } else {
                            column = network.edgeAttributes.columnIndex(keys[key]?.name ?? key)
                            edgeColumnOfKey[key] = column
                        }
                        network.edgeAttributes.set(column: column, text)
                    }
                } else if name == "NodeLabel" && inNodeLabel {
                    inNodeLabel = false
                    if let owner = elementStack.last, owner.kind == "n" {
                        yedLabels[owner.index] = nodeLabelText.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                }
                return nil
            }
            switch name {
            case "node", "edge": elementStack.removeLast()
            case "graph": graphDirected.removeLast()
            case "default": if let k = currentKey { keys[k]?.defaultValue = text }
            case "key": currentKey = nil
            default: break
            }
            return nil
        }

        /// A data element after a nested graph: the node's row is not the last one any more.
        func setNodeAttribute(_ row: Int, _ name: String, _ value: String) {
            var columns = network.nodeAttributes
            // Rare (data after a nested <graph>); rebuild the one cell through a temporary copy.
            var rebuilt = TextAttributeColumns()
            for r in 0..<columns.rowCount {
                rebuilt.startRow()
                for n in columns.names { rebuilt.set(n, columns.value(n, r)) }
                if r == row { rebuilt.set(name, value) }
            }
            columns = rebuilt
            network.nodeAttributes = columns
        }

        func characters(_ string: String) {
            // One call per value is the rule: take the string itself rather than appending to "".
            if inNodeLabel { nodeLabelText += string } else if dataKey != nil || currentKey != nil {
                if text.isEmpty { text = string } else { text += string }
            }
        }

        func finish() -> NetworkData {
            for (_, key) in keys.sorted(by: { $0.key < $1.key }) {
                guard let value = key.defaultValue else { continue }
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
