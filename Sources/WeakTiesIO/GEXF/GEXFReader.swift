import Foundation
import WeakTiesStudy

/// Reads GEXF 1.1–1.3 (Gephi) into a `NetworkData`, whatever namespace URI variant the file uses.
///
/// Nodes: `label`, every attvalue under its attribute's title (defaults applied), and the viz data as
/// `viz_color` (`#RRGGBB`, alpha as `viz_alpha` where given), `viz_x`, `viz_y`, `viz_z`, `viz_size`,
/// `viz_shape`; hierarchy parents (`pid`) as `pid`. Edges: `weight` (GEXF's default 1 where some
/// edges have a weight and others not), `label`, `id`, `type` (directed, undirected, mutual), attvalues,
/// and time: the edge's `start` (or its first spell's start) as `since`, every spell as `spells` text.
/// - Complexity: O(file size); memory O(n + m) × attributes.
@_spi(Benchmark) public enum GEXFReader {
    /// - Throws: `InputOutputError` or `ImportFailure` (located: line, column, element path).
    public static func read(path: String, file: String? = nil) throws -> NetworkData {
        let handler = Handler(file: file ?? path)
        handler.network.limitCells(path: path)
        try XMLInput.parse(path: path, file: file ?? path, handler: handler)
        var network = handler.finish()
        network.encoding = XMLInput.encodingName(path: path)
        return network
    }

    private final class Handler: XMLHandler {
        struct Attribute { var title: String; var defaultValue: String? }
        var network: NetworkData
        var sawRoot = false
        var attributeClass = "node"
        var attributes: [String: [String: Attribute]] = ["node": [:], "edge": [:]]
        var currentAttribute: String?
        var inDefault = false
        var text = ""
        var owners: [(kind: Character, index: Int)] = []
        var spells: [String] = []
        var hasWeight = false
        var inCreator = false
        var creator = ""

        init(file: String) { network = NetworkData(file: file, format: "GEXF") }

        func startElement(_ name: String, attributes a: XMLAttributes, at position: XMLPosition) -> String? {
            if !sawRoot {
                sawRoot = true
                return name == "gexf" ? nil : "expected a <gexf> root element, found <\(name)>"
            }
            let owner = owners.last
            switch name {
            case "graph":
                network.isDirected = a["defaultedgetype"] == "directed"
            case "attributes":
                attributeClass = a["class"] == "edge" ? "edge" : "node"
            case "attribute":
                guard let id = a["id"] else { return "<attribute> without an id" }
                attributes[attributeClass, default: [:]][id] = Attribute(title: a["title"] ?? id, defaultValue: nil)
                currentAttribute = id
            case "default":
                inDefault = true
                text = ""
            case "creator":
                inCreator = true
            case "node":
                guard let id = a["id"] else { return "<node> without an id" }
                if let refused = network.cellLimitMessage { return refused }
                network.addNode(id, line: position.line)
                if let label = a["label"] { network.nodeAttributes.set("label", label) }
                if let pid = a["pid"] { network.nodeAttributes.set("pid", pid) }
                owners.append(("n", network.nodeIDs.count - 1))
            case "edge":
                guard let source = a["source"], let target = a["target"] else { return "<edge> needs source and target" }
                if let refused = network.cellLimitMessage { return refused }
                let directed: Bool? = switch a["type"] { case "directed"?: true; case "undirected"?, "mutual"?: false; default: nil }
                network.addEdge(source, target, directed: directed, line: position.line)
                if let id = a["id"] { network.edgeAttributes.set("id", id) }
                if let label = a["label"] { network.edgeAttributes.set("label", label) }
                if let type = a["type"] { network.edgeAttributes.set("type", type) }
                if let weight = a["weight"] { network.edgeAttributes.set("weight", weight); hasWeight = true }
                if let start = a["start"] ?? a["startopen"] { network.edgeAttributes.set("since", start) }
                if let end = a["end"] ?? a["endopen"] { network.edgeAttributes.set("end", end) }
                owners.append(("e", network.edgeSources.count - 1))
                spells = []
            case "attvalue":
                guard let owner, let key = a["for"] ?? a["id"] else { return nil }
                if let refused = network.cellLimitMessage { return refused }
                let cls = owner.kind == "n" ? "node" : "edge"
                let title = attributes[cls]?[key]?.title ?? key
                set(owner, title, a["value"] ?? "")
            case "spell":
                guard let owner, owner.kind == "e" else { return nil }
                spells.append((a["start"] ?? a["startopen"] ?? "") + "–" + (a["end"] ?? a["endopen"] ?? ""))
                if spells.count == 1, let start = a["start"] ?? a["startopen"], network.edgeAttributes.value("since", owner.index) == nil {
                    network.edgeAttributes.set("since", start)
                }
            case "color":
                guard let owner else { return nil }
                if let hex = a["hex"] {
                    set(owner, "viz_color", hex.uppercased())
                } else {
                    let c = [a["r"], a["g"], a["b"]].map { Int($0 ?? "") ?? 0 }.map { min(255, max(0, $0)) }
                    set(owner, "viz_color", "#" + c.map { String(format: "%02X", $0) }.joined())
                }
                if let alpha = a["a"] { set(owner, "viz_alpha", alpha) }
            case "position":
                guard let owner, owner.kind == "n" else { return nil }
                for axis in ["x", "y", "z"] { if let v = a[axis] { set(owner, "viz_" + axis, v) } }
            case "size", "thickness", "shape":
                guard let owner, let v = a["value"] else { return nil }
                set(owner, "viz_" + name, v)
            default:
                break
            }
            return nil
        }

        /// Sets an attribute of the innermost node or edge (a node's row is the last one unless nested
        /// nodes followed it; then its cell is written through a copy).
        func set(_ owner: (kind: Character, index: Int), _ name: String, _ value: String) {
            if owner.kind == "e" {
                network.edgeAttributes.set(name, value)
            } else if network.nodeAttributes.rowCount == owner.index + 1 {
                network.nodeAttributes.set(name, value)
            } else {
                // A value after the node's children (a nested node): set in place, O(1).
                network.nodeAttributes.set(name, row: owner.index, value)
            }
        }

        func endElement(_ name: String, at position: XMLPosition) -> String? {
            switch name {
            case "node": owners.removeLast()
            case "edge":
                if spells.count > 0 { network.edgeAttributes.set("spells", spells.joined(separator: "; ")) }
                owners.removeLast()
            case "default":
                inDefault = false
                if let id = currentAttribute { attributes[attributeClass]?[id]?.defaultValue = text }
            case "attribute": currentAttribute = nil
            case "creator": inCreator = false
            default: break
            }
            return nil
        }

        func characters(_ string: String) {
            if inDefault { text += string } else if inCreator { creator += string }
        }

        func finish() -> NetworkData {
            for (cls, byID) in attributes {
                for (_, attribute) in byID.sorted(by: { $0.key < $1.key }) {
                    guard let value = attribute.defaultValue else { continue }
                    if cls == "node" { network.nodeAttributes.fillMissing(attribute.title, with: value) }
                    else { network.edgeAttributes.fillMissing(attribute.title, with: value) }
                }
            }
            if hasWeight { network.edgeAttributes.fillMissing("weight", with: "1") }
            // Our own colours are derived from an attribute (see GEXFWriter): not data to keep.
            if creator == "WeakTies" { network.nodeAttributes.remove("viz_color") }
            return network
        }
    }
}
