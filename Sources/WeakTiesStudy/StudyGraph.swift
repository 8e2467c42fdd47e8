import WeakTiesGraph

extension Study {
    /// The study as an undirected graph: node `i` is actor `i`, edge `t` is tie `t`.
    ///
    /// Node attributes: `label`, `kind`, the nodes table's known columns (`partner_type`, `region`,
    /// `sector`, `established`, `founded`) and every extra column. Edge attributes: `strength`
    /// (`strong`/`weak`), `mentions`, `strong_votes`, `weak_votes`, `interviews` and `coders` (distinct
    /// values, sorted, joined by "; "), `since` (earliest year coded), and `weight` (mean of the coded
    /// weights, NaN where none; a strength, not a distance) when the ties table has a weight column.
    /// - Complexity: O(n + m + mentions).
    public func graph() -> Graph {
        var builder = GraphBuilder(directed: false)
        builder.reserveCapacity(nodes: actors.count, edges: ties.count)
        for actor in actors { builder.addNode(actor.id) }
        for t in 0..<ties.count {
            // Ends are valid actor indices by construction.
            _ = try! builder.addEdge(ties.source[t], ties.target[t])
        }
        builder.setNodeAttribute("label", .string(actors.map(\.label)))
        builder.setNodeAttribute("kind", .string(actors.map(\.kind.rawValue)))
        builder.setNodeAttribute("partner_type", .string(actors.map(\.partnerType)))
        builder.setNodeAttribute("region", .string(actors.map(\.region)))
        builder.setNodeAttribute("sector", .string(actors.map(\.sector)))
        builder.setNodeAttribute("established", .bool(actors.map(\.established)))
        builder.setNodeAttribute("founded", .int(actors.map(\.founded)))
        for name in nodeColumns where NodeField(rawValue: name) == nil {
            builder.setNodeAttribute(name, .string(actors.map { $0.attributes[name] }))
        }

        builder.setEdgeAttribute("strength", .string(ties.strength.map { $0.name }))
        let counts = (0..<ties.count).map { ties.mentionOffsets[$0 + 1] - ties.mentionOffsets[$0] }
        builder.setEdgeAttribute("mentions", .int(counts))
        builder.setEdgeAttribute("strong_votes", .int(ties.strongVotes.map { Int($0) }))
        builder.setEdgeAttribute("weak_votes", .int(ties.weakVotes.map { Int($0) }))
        for column in [TieField.interview, .coder] where mentions.column(named: column.rawValue) != nil {
            builder.setEdgeAttribute(column.rawValue + "s", .string((0..<ties.count).map { t in
                let values = Set(ties[t].mentions.map { mentions.text(column.rawValue, Int($0)) }).filter { !$0.isEmpty }
                return values.isEmpty ? nil : values.sorted().joined(separator: "; ")
            }))
        }
        builder.setEdgeAttribute("since", .int((0..<ties.count).map { t in
            ties[t].mentions.compactMap { mentions.since(Int($0)) }.min()
        }))
        if mentions.column(named: TieField.weight.rawValue) != nil {
            builder.setEdgeAttribute("weight", .double((0..<ties.count).map { t in
                let coded = ties[t].mentions.map { mentions.weight[Int($0)] }.filter { !$0.isNaN }
                return coded.isEmpty ? .nan : coded.reduce(0, +) / Double(coded.count)
            }))
        }
        // Columns have one value per node/edge by construction.
        return try! builder.build()
    }
}
