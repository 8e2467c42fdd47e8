import WeakTiesGraph

/// QAP graph correlation of ties with "same group".
extension Graph {
    /// QAP graph correlation of the ties with "same group": Pearson's r over the unordered pairs of
    /// nodes of known group (diagonal left out), between y = 1 where the pair is tied and x = 1 where
    /// both nodes share a group — `sna::gcor(Y, X, mode = "graph")` in R. With P pairs, m ties, S
    /// same-group pairs and I same-group ties, r = (P·I − m·S) / √(m(P − m) · S(P − S)); NaN where
    /// either variable is constant. Undirected, simple view (repeated ties count once, loops not at all).
    ///
    /// Its QAP test — relabelling the nodes, i.e. permuting the group labels over the nodes of known
    /// group — changes only I, and r grows with I while the E-I index falls with it: so on a simple
    /// undirected graph (a study's) its permutation p-values are the E-I test's with the sides
    /// swapped (`eiIndexTest`), from the same permutations. (The E-I index counts parallel edges and
    /// arcs, this correlation the simple view: on other graphs the two tests differ.)
    /// - Complexity: O(n + m).
    public func sameGroupCorrelation(groups: [String?]) throws(MetricError) -> Double {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        var sizes: [String: Double] = [:]
        for g in groups.compactMap({ $0 }) { sizes[g, default: 0] += 1 }
        let k = sizes.values.reduce(0, +)
        let pairs = k * (k - 1) / 2
        let same = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        let simple = SimpleAdjacency(self, undirectedView: true)
        var ties = 0.0, inside = 0.0
        for v in 0..<nodeCount {
            guard let gv = groups[v] else { continue }
            for i in simple.offsets[v]..<simple.offsets[v + 1] {
                let w = Int(simple.neighbors[i])
                guard w > v, let gw = groups[w] else { continue }
                ties += 1
                if gv == gw { inside += 1 }
            }
        }
        let denominator = (ties * (pairs - ties) * same * (pairs - same)).squareRoot()
        guard denominator > 0 else { return .nan }
        return (pairs * inside - ties * same) / denominator
    }
}
