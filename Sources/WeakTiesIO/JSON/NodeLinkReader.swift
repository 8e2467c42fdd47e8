import Foundation
import WeakTiesStudy

/// Reads networkx node-link JSON (`nx.node_link_data`, D3) into a `NetworkData`: `directed`, `nodes`
/// (each with `id` and attributes) and `edges` or `links` (each with `source`, `target` and
/// attributes). Scalar values are kept as text (numbers as written, `null` as missing); lists and
/// objects as their JSON text. Node ids that are numbers are kept as their text; an edge end that is
/// a number no node has as its id is read as the index of a node in the list (D3's older form).
/// - Complexity: O(file size).
@_spi(Benchmark) public enum NodeLinkReader {
    /// - Throws: `InputOutputError` or `ImportFailure` (located: line and column for syntax errors).
    public static func read(path: String, file: String? = nil) throws -> NetworkData {
        let name = file ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputOutputError(path: name, message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        let root = try JSONReader.parse([UInt8](data), file: name)
        guard case .object(let members) = root else { throw ImportFailure.at(name, 1, 1, "expected a JSON object with 'nodes' and 'edges'") }
        func member(_ key: String) -> JSONValue? { members.first { $0.0 == key }?.1 }
        var network = NetworkData(file: name, format: "node-link JSON")
        network.limitCells(fileBytes: data.count)
        if case .bool(let directed)? = member("directed") { network.isDirected = directed }
        guard case .array(let nodes)? = member("nodes") else { throw ImportFailure.at(name, 1, 1, "no 'nodes' list: not node-link JSON") }
        let edgeKey = member("edges") != nil ? "edges" : "links"
        var edges: [JSONValue] = []
        if let value = member(edgeKey) {
            guard case .array(let list) = value else { throw ImportFailure.at(name, 1, 1, "'\(edgeKey)' is not a list") }
            edges = list
        }
        for (i, node) in nodes.enumerated() {
            guard case .object(let fields) = node, let id = fields.first(where: { $0.0 == "id" })?.1.attributeText else {
                throw ImportFailure.at(name, 1, nil, "node \(i + 1) (of the 'nodes' list) is not an object with an 'id'")
            }
            network.addNode(id, line: 0)
            for (key, value) in fields where key != "id" {
                network.nodeAttributes.set(key, value.attributeText)
                if let refused = network.cellLimitMessage { throw ImportFailure.at(name, 1, nil, "node \(i + 1): " + refused) }
            }
        }
        let ids = Set(network.nodeIDs)
        /// An end: a node id, or (D3's older form) the index of a node in the list where no node has
        /// that number as its id.
        func end(_ value: JSONValue?) -> String? {
            guard let value, let text = value.attributeText else { return nil }
            if case .int(let index) = value, !ids.contains(text), network.nodeIDs.indices.contains(index) { return network.nodeIDs[index] }
            return text
        }
        for (i, edge) in edges.enumerated() {
            guard case .object(let fields) = edge,
                  let source = end(fields.first(where: { $0.0 == "source" })?.1),
                  let target = end(fields.first(where: { $0.0 == "target" })?.1)
            else { throw ImportFailure.at(name, 1, nil, "edge \(i + 1) (of the '\(edgeKey)' list) is not an object with 'source' and 'target'") }
            network.addEdge(source, target, line: 0)
            for (key, value) in fields where key != "source" && key != "target" {
                network.edgeAttributes.set(key, value.attributeText)
                if let refused = network.cellLimitMessage { throw ImportFailure.at(name, 1, nil, "edge \(i + 1): " + refused) }
            }
        }
        return network
    }
}
