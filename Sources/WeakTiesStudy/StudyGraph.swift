import WeakTiesGraph

extension Study {
    /// The study as an undirected graph: node `i` is actor `i`, edge `t` is tie `t`.
    ///
    /// Node attributes: `label`, `kind`, the nodes table's known columns (`partner_type`, `region`,
    /// `sector`, `established`, `founded`) and every extra column. Edge attributes: `strength`
    /// (`strong`/`weak`), `mentions`, `strong_votes`, `weak_votes`, `interviews` and `coders` (distinct
    /// values, sorted, joined by "; "), `since` (earliest year coded), and `weight` (mean of the coded
    /// weights, NaN where none; a strength, not a distance) when the ties table has a weight column.
    /// With `attributes: false` only the structure is built (ids, CSR), for callers that need no columns.
    ///
    /// With `provenance: true` (exports), every other mention column is summarised per tie as well:
    /// `coded_strengths`, `quotes`, `initiators`, `proximity_*`, `motives`, `benefits` and every extra
    /// column of the ties tables under its own name (prefixed `mention_` where that name is taken),
    /// each as the distinct non-empty values, sorted, joined by "; " — except `initiators` and
    /// `proximity_*`, which are the distinct normalised codes in vocabulary order (`target; both`,
    /// `medium; high`: `3` and `hoch` are both `high`). `extraEdgeAttributes` are added
    /// last (the exporters' per-tie `mentions_json`).
    /// - Complexity: O(n + m + mentions × columns).
    public func graph(attributes: Bool = true, provenance: Bool = false,
                      extraEdgeAttributes: [AttributeColumn] = []) -> Graph {
        // Actor ids are distinct and indexed already.
        var builder = GraphBuilder(directed: false, ids: actors.map(\.id), indexByID: actorIndexByID)
        builder.reserveCapacity(nodes: actors.count, edges: ties.count)
        for t in 0..<ties.count {
            // Ends are valid actor indices by construction.
            _ = try! builder.addEdge(ties.source[t], ties.target[t])
        }
        guard attributes else { return try! builder.build() }
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
        builder.setEdgeAttribute("mentions", .int(mentionCounts))
        builder.setEdgeAttribute("strong_votes", .int(ties.strongVotes.map { Int($0) }))
        builder.setEdgeAttribute("weak_votes", .int(ties.weakVotes.map { Int($0) }))
        for field in [TieField.interview, .coder] {
            guard let c = mentions.column(named: field.rawValue) else { continue }
            builder.setEdgeAttribute(field.rawValue + "s", .string(distinctTexts(of: mentions.cells[c])))
        }
        builder.setEdgeAttribute("since", .int((0..<ties.count).map(earliestYear(ofTie:))))
        if let weights = tieWeights { builder.setEdgeAttribute("weight", .double(weights)) }
        if provenance {
            var taken: Set<String> = ["strength", "mentions", "strong_votes", "weak_votes", "interviews", "coders",
                                      "since", "weight", "mentions_json"]
            for (c, name) in mentions.columnNames.enumerated() {
                let attribute: String
                switch TieField(rawValue: name) {
                case .source?, .target?, .interview?, .coder?, .since?, .weight?: continue
                case .strength?: attribute = "coded_strengths"
                case .quote?: attribute = "quotes"
                case .initiator?:
                    // Normalised: `beide`, `partner` and `target` are `both` and `target` (the codings as
                    // written stay in mentions_json).
                    taken.insert("initiators")
                    builder.setEdgeAttribute("initiators", .string(distinctNormalised(names: Initiator.allCases.map(\.rawValue)) {
                        mentions.initiator($0).map { Initiator.allCases.firstIndex(of: $0)! }
                    }))
                    continue
                case .motive?: attribute = "motives"
                case .benefit?: attribute = "benefits"
                case .some(let field):
                    if let dimension = ProximityDimension.allCases.first(where: { $0.columnName == field.rawValue }) {
                        // Normalised levels, low to high: `3` and `high` are both `high`.
                        taken.insert(field.rawValue)
                        builder.setEdgeAttribute(field.rawValue, .string(distinctNormalised(names: ProximityLevel.allCases.map(\.name)) {
                            mentions.proximity(dimension, $0).map { $0.rawValue - 1 }
                        }))
                        continue
                    }
                    attribute = field.rawValue
                case nil: attribute = taken.contains(name) ? "mention_" + name : name
                }
                taken.insert(attribute)
                builder.setEdgeAttribute(attribute, .string(distinctTexts(of: mentions.cells[c])))
            }
        }
        for column in extraEdgeAttributes { builder.setEdgeAttribute(column.name, column.values) }
        // Columns have one value per node/edge by construction.
        return try! builder.build()
    }

    /// Per tie, the verbatim cells of every mention column, in input order: `(columnNames, rows)` where
    /// `rows[t]` lists tie `t`'s mentions, each with one cell per column name.
    /// - Complexity: O(mentions × columns).
    public func mentionCells(ofTie t: Int) -> [[String]] {
        ties.mentionIndices[ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1]].map { m in
            mentions.cells.map { $0[Int(m)] }
        }
    }

    /// Per tie: the distinct coded values of a vocabulary (`value(mention)` is the value's index in
    /// `names`, nil where not coded), in vocabulary order, joined by "; " (`nil` where none is coded).
    func distinctNormalised(names: [String], _ value: (Int) -> Int?) -> [String?] {
        (0..<ties.count).map { t in
            var seen = [Bool](repeating: false, count: names.count)
            for m in ties.mentionIndices[ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1]] {
                if let v = value(Int(m)) { seen[v] = true }
            }
            let joined = names.indices.filter { seen[$0] }.map { names[$0] }.joined(separator: "; ")
            return joined.isEmpty ? nil : joined
        }
    }

    /// Per tie: the distinct non-empty values of a mention column, sorted and joined by "; "
    /// (`nil` where all are empty). Works on dictionary codes, so most ties need no string work.
    func distinctTexts(of column: TextColumn) -> [String?] {
        var codes: [Int32] = []
        return (0..<ties.count).map { t in
            codes.removeAll(keepingCapacity: true)
            for m in ties.mentionIndices[ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1]] {
                let code = column.codes[Int(m)]
                if !column.values[Int(code)].isEmpty && !codes.contains(code) { codes.append(code) }
            }
            switch codes.count {
            case 0: return nil
            case 1: return column.values[Int(codes[0])]
            default: return codes.map { column.values[Int($0)] }.sorted().joined(separator: "; ")
            }
        }
    }
}
