import WeakTiesGraph

/// Writes GEXF 1.3 (Gephi's own format).
///
/// Nodes carry their `label` as the GEXF label and every other node attribute as a typed `attvalue`;
/// nodes are coloured (`viz:color`) by a categorical attribute with `CategoryPalette`, as maps are.
/// Nodes start with their first dated tie (none where a tie of theirs is undated). Edges carry
/// `weight` (where coded) as the GEXF weight, `since` as the start of the tie's time
/// interval (`start="2014"`, `mode="dynamic" timeformat="integer"`, so Gephi's timeline shows when
/// ties began: the one-interval form of a spell; a `<spells>` list without `end` would make networkx's
/// `read_gexf` fail), and every
/// other edge attribute as a typed `attvalue`. Missing values are left out. Output is deterministic.
/// With `positions` (a map's layout), each node also gets `viz:position`, `viz:size` and `viz:shape`,
/// so Gephi opens the picture the map draws.
public enum GEXFWriter {
    /// A node's place in a drawing, for `viz:position` and `viz:size`: its centre in points, y growing
    /// upwards (Graphviz's and Gephi's orientation), its radius in points, and whether it is drawn as
    /// a box (`viz:shape` square; otherwise disc).
    public struct VizPlacement: Sendable, Equatable {
        /// The centre's horizontal coordinate, in points.
        public var x: Double
        /// The centre's vertical coordinate, in points, upwards.
        public var y: Double
        /// Half the node's smaller extent, in points (Gephi's node size).
        public var size: Double
        /// Drawn as a box (innovations on our maps) rather than a disc.
        public var square: Bool

        /// A placement from its centre, radius and shape.
        public init(x: Double, y: Double, size: Double, square: Bool) {
            self.x = x
            self.y = y
            self.size = size
            self.square = square
        }
    }

    /// The GEXF text of `graph`; colours by `colorBy` (else `kind`, where the graph lacks it).
    /// - Complexity: O((n + m) × attribute columns) plus O(n log n) for the colours.
    /// `graphData` (how the study was built: consensus rule, strength rule, …) goes into the
    /// `<meta><description>` as `name: value; …`.
    ///
    /// `weight`: what the GEXF `weight` of an edge is — nil (the default) the coded `weight` column
    /// where coded; `.strength` (2 strong, 1 weak) or `.mentions` for Gephi's edge thickness and
    /// weighted statistics, the coded weight then kept as the attribute `coded_weight`.
    ///
    /// `positions`: per node (by index), where a drawing puts it; nodes without one get no `viz`
    /// position (Gephi places them at random).
    public static func write(_ graph: Graph, colorBy: String = "partner_type", palette: [String] = CategoryPalette.colors,
                             graphData: [(name: String, value: String)] = [], weight: EdgeValue? = nil,
                             positions: [VizPlacement?]? = nil) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        if graphData.isEmpty {
            out += "  <meta><creator>WeakTies</creator></meta>\n"
        } else {
            let description = graphData.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
            out += "  <meta><creator>WeakTies</creator><description>\(MarkupEscaping.xml.escape(description))</description></meta>\n"
        }
        var since: [Int?]?
        if case .int(let years)? = graph.edgeAttributes["since"]?.values, years.contains(where: { $0 != nil }) { since = years }
        var weights: [Double]?
        if case .double(let w)? = graph.edgeAttributes["weight"]?.values { weights = w }
        let chosen = weight.map { $0 != .weight } ?? false
        if let weight, chosen { weights = GraphExport.edgeValues(graph, weight) }
        out += "  <graph defaultedgetype=\"\(graph.isDirected ? "directed" : "undirected")\""
        out += since == nil ? " mode=\"static\">\n" : " mode=\"dynamic\" timeformat=\"integer\">\n"

        let nodeColumns = graph.nodeAttributes.columns.filter { $0.name != "label" }
        // With a chosen GEXF weight, the coded weight stays as an attribute, under a name the GEXF
        // weight does not take.
        let edgeColumns = graph.edgeAttributes.columns.compactMap { column -> AttributeColumn? in
            if column.name == "since" { return nil }
            if column.name == "weight" { return chosen ? AttributeColumn(name: "coded_weight", values: column.values) : nil }
            return column
        }
        for (cls, columns) in [("node", nodeColumns), ("edge", edgeColumns)] where !columns.isEmpty {
            out += "    <attributes class=\"\(cls)\" mode=\"static\">\n"
            for (i, column) in columns.enumerated() {
                out += "      <attribute id=\"\(cls.prefix(1))\(i)\" title=\(GraphExport.xmlAttribute(column.name)) type=\"\(GraphExport.xmlTypeName(column.values))\"/>\n"
            }
            out += "    </attributes>\n"
        }
        var labels = graph.nodeIDs
        if case .string(let values)? = graph.nodeAttributes["label"]?.values { labels = zip(values, graph.nodeIDs).map { $0 ?? $1 } }
        var groups: [String?] = []
        for name in [colorBy, "kind"] {
            if case .string(let values)? = graph.nodeAttributes[name]?.values, values.contains(where: { $0 != nil }) {
                groups = values
                break
            }
        }
        let colors = groups.isEmpty ? [String](repeating: CategoryPalette.unknown, count: graph.nodeCount)
            : CategoryPalette.colors(for: groups)

        // A node appears with its first dated tie (Gephi's timeline then shows actors joining); one with
        // an undated tie, or none, is there from the start (no `start`).
        var nodeStart = [Int?](repeating: nil, count: graph.nodeCount)
        if let since {
            var undated = [Bool](repeating: false, count: graph.nodeCount)
            for e in 0..<graph.edgeCount {
                for v in [Int(graph.edgeSources[e]), Int(graph.edgeTargets[e])] {
                    if let year = since[e] { nodeStart[v] = min(nodeStart[v] ?? year, year) } else { undated[v] = true }
                }
            }
            for v in 0..<graph.nodeCount where undated[v] { nodeStart[v] = nil }
        }
        out += "    <nodes count=\"\(graph.nodeCount)\">\n"
        for v in 0..<graph.nodeCount {
            out += "      <node id=\(GraphExport.xmlAttribute(graph.nodeIDs[v])) label=\(GraphExport.xmlAttribute(labels[v]))"
            if let year = nodeStart[v] { out += " start=\"\(year)\"" }
            out += ">"
            attvalues(nodeColumns, v, "n", into: &out)
            let (r, g, b) = rgb(colors[v])
            out += "<viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\"/>"
            if let place = positions?[v] {
                out += "<viz:position x=\"\(NumberFormat.text(place.x))\" y=\"\(NumberFormat.text(place.y))\" z=\"0\"/>"
                out += "<viz:size value=\"\(NumberFormat.text(place.size))\"/><viz:shape value=\"\(place.square ? "square" : "disc")\"/>"
            }
            out += "</node>\n"
        }
        out += "    </nodes>\n    <edges count=\"\(graph.edgeCount)\">\n"
        for e in 0..<graph.edgeCount {
            out += "      <edge id=\"\(e)\" source=\(GraphExport.xmlAttribute(graph.nodeIDs[Int(graph.edgeSources[e])])) "
            out += "target=\(GraphExport.xmlAttribute(graph.nodeIDs[Int(graph.edgeTargets[e])]))"
            if let w = weights?[e], !w.isNaN { out += " weight=\"\(NumberFormat.text(w))\"" }
            if let year = since?[e] { out += " start=\"\(year)\"" }
            out += ">"
            attvalues(edgeColumns, e, "e", into: &out)
            out += "</edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    private static func attvalues(_ columns: [AttributeColumn], _ index: Int, _ prefix: String, into out: inout String) {
        var opened = false
        for (i, column) in columns.enumerated() {
            guard let text = column.values.text(at: index) else { continue }
            if !opened { out += "<attvalues>"; opened = true }
            out += "<attvalue for=\"\(prefix)\(i)\" value=\(GraphExport.xmlAttribute(text))/>"
        }
        if opened { out += "</attvalues>" }
    }

    /// `#RRGGBB` as components (grey for anything else).
    static func rgb(_ hex: String) -> (Int, Int, Int) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return (221, 221, 221) }
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }
}
