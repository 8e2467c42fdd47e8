import Foundation
import WeakTiesGraph

// The networkx node-link JSON writer (the reader is NodeLinkReader.swift beside it).
extension GraphExport {
    /// networkx node-link JSON (`nx.node_link_graph(data, edges="edges")`): typed values, missing
    /// values as `null`.
    /// `graphData` goes into the `graph` object (networkx's `G.graph`).
    public static func nodeLinkJSON(_ graph: Graph, graphData: [(name: String, value: String)] = []) -> String {
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
            ("directed", .bool(graph.isDirected)), ("multigraph", .bool(false)), ("graph", .object(graphData.map { ($0.name, .string($0.value)) })),
            ("nodes", .array(nodes)), ("edges", .array(edges)),
        ]).serialized(indent: 1) + "\n"
    }
}
