import WeakTiesGraph

/// The null hypothesis of a QAP regression's permutation test (as R `sna::netlm` names them).
public enum QAPNull: String, Sendable, CaseIterable {
    /// Double semi-partialling (Dekker, Krackhardt & Snijders 2007): each predictor's residuals on the
    /// other predictors are permuted. Robust to correlated predictors. `sna::netlm`'s default
    /// (`nullhyp = "qap"`, the same as `"qapspp"`).
    case dsp
    /// The dependent matrix is permuted (Krackhardt 1988; `nullhyp = "qapy"`).
    case y
}

/// A QAP regression of tie presence on "same group" indicators: ordinary least squares over the
/// unordered pairs of actors (dyads), with p-values from relabelling the actors.
public struct QAPRegression: Sendable {
    /// One fitted coefficient (the intercept or a predictor's) with its permutation p-values.
    public struct Coefficient: Sendable, Equatable {
        /// `intercept`, or the name given with the predictor (`same_region`).
        public let name: String
        /// The OLS estimate; for a predictor, the difference in tie probability that sharing a group
        /// makes, the other predictors held fixed.
        public let estimate: Double
        /// The usual OLS standard error, from the residual variance on dyads − p degrees of freedom
        /// (p coefficients, the intercept included); 0 for a perfect fit.
        public let standardError: Double
        /// estimate / standard error: the test statistic (as `sna::netlm`'s default `"t-value"`).
        public let t: Double
        /// Share of the permutations with a statistic ≥, ≤ the observed one, and with |statistic| ≥
        /// |observed| (two-sided). The observed labelling is counted, so no p-value is 0.
        public let pGreaterOrEqual: Double
        /// Share of the permutations with a statistic ≤ the observed one (the observed counted); NaN
        /// when no permutation was run.
        public let pLessOrEqual: Double
        /// Share of the permutations with |statistic| ≥ |observed| (the observed counted); NaN when no
        /// permutation was run.
        public let pTwoSided: Double
    }

    /// The intercept first, then one coefficient per predictor, in the order given.
    public let coefficients: [Coefficient]
    /// Unordered pairs of distinct actors: the regression's observations.
    public let dyads: Int
    /// Tied pairs (the dependent variable's ones).
    public let ties: Int
    /// Share of the variance of tie presence over the dyads that the fit explains; NaN when tie
    /// presence is constant (no tie, or every pair tied).
    public let rSquared: Double
    /// R² adjusted for the number of coefficients p: `1 − (1 − R²)(dyads − 1)/(dyads − p)`; NaN with R².
    public let adjustedRSquared: Double
    /// The null hypothesis the p-values were computed under.
    public let null: QAPNull
    /// Number of relabellings drawn (the observed labelling not included); 0 leaves every p-value NaN.
    public let permutations: Int
    /// Seed of the `SplitMix64` generator that drew the relabellings.
    public let seed: UInt64
}

/// QAP (MRQAP) regression of tie presence on "same group" indicators.
extension Graph {
    /// QAP regression (MRQAP) of tie presence on "same group" indicators: y = 1 where a pair of nodes is
    /// tied (undirected, simple view: repeated ties count once, loops not at all), x_k = 1 where both
    /// nodes have the same known value of predictor k (0 where either value is unknown), with an
    /// intercept; ordinary least squares over the n(n − 1)/2 pairs, so the coefficient of x_k is the
    /// difference in tie probability it makes with the other predictors held fixed — the linear
    /// probability model `sna::netlm(y, list(x1, …), mode = "graph", nullhyp = "qapspp" | "qapy")`
    /// fits, to the last digits on the coefficients and t-values (tested against R).
    ///
    /// The p-values come from `permutations` seeded relabellings of the nodes (the same for every
    /// coefficient): `.dsp` permutes each predictor's residuals on the others (Dekker et al. 2007), `.y`
    /// the ties. Every quantity of a fit is a sum over pairs of two "same group" indicators, and such a
    /// sum is Σ over the cells of the two labellings' cross-table of C(count, 2): so no n × n matrix
    /// is built, and a permutation costs O(p²·n + p·m) for p coefficients (the dense way, as in R, costs
    /// O(p²·n²)).
    /// - Throws: `MetricError.invalidParameter` with fewer than three nodes, no predictor, or
    ///   predictors that are constant or collinear (the fit is undefined: a region column with one value,
    ///   two identical columns); `MetricError.attributeCount` when a predictor has not one value per node.
    public func qapRegression(predictors: [(name: String, groups: [String?])], null: QAPNull = .dsp,
                              permutations: Int = 1000, seed: UInt64 = 1) throws(MetricError) -> QAPRegression {
        let n = nodeCount
        guard n >= 3 else { throw .invalidParameter("a QAP regression needs at least 3 actors") }
        guard !predictors.isEmpty else { throw .invalidParameter("a QAP regression needs at least one predictor") }
        guard permutations >= 0 else { throw .invalidParameter("permutations must be 0 or more") }
        // Labellings: column 0 the intercept (one group), then each predictor's groups as 0-based
        // indices, −1 where unknown (such a node is "same" as nobody).
        var labels: [[Int32]] = [[Int32](repeating: 0, count: n)]
        var groupCounts = [1]
        for predictor in predictors {
            guard predictor.groups.count == n else { throw .attributeCount(expected: n, actual: predictor.groups.count) }
            var index: [String: Int32] = [:]
            labels.append(predictor.groups.map { value in
                guard let value else { return -1 }
                if let i = index[value] { return i }
                let i = Int32(index.count)
                index[value] = i
                return i
            })
            groupCounts.append(max(index.count, 1))
        }
        let p = labels.count
        let names = ["intercept"] + predictors.map(\.name)

        // Tied pairs, once each.
        let simple = SimpleAdjacency(self, undirectedView: true)
        var tieEnds: [(Int32, Int32)] = []
        for v in 0..<n {
            for i in simple.offsets[v]..<simple.offsets[v + 1] where Int(simple.neighbors[i]) > v {
                tieEnds.append((Int32(v), simple.neighbors[i]))
            }
        }
        let ties = Double(tieEnds.count)
        let dyads = Double(n) * Double(n - 1) / 2
        var counter = PairCounter(nodes: n)

        // The observed fit: X'X (G), X'y (b), y'y = Σy = ties.
        let identity = Array(0..<n)
        var g = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for a in 0..<p {
            for c in a..<p {
                g[a][c] = counter.sameInBoth(labels[a], groupCounts[a], labels[c], groupCounts[c])
                g[c][a] = g[a][c]
            }
        }
        let b = labels.map { Self.tiesSame($0, tieEnds) }
        guard let fit = OLS(gram: g, xy: b, yy: ties, observations: dyads) else {
            throw .invalidParameter("the predictors (\(predictors.map(\.name).joined(separator: ", "))) are constant or collinear: "
                + "each needs two actors sharing a value and two not sharing one, and no predictor may repeat another")
        }
        let observed = fit.t
        let totalSquares = ties - ties * ties / dyads
        let rSquared = totalSquares > 0 ? 1 - fit.residualSquares / totalSquares : .nan
        let adjusted = 1 - (1 - rSquared) * (dyads - 1) / (dyads - Double(p))

        // DSP: each coefficient's predictor regressed on the others, once (γ, and e'e which a
        // permutation does not change).
        let others = (0..<p).map { k in (0..<p).filter { $0 != k } }
        var gamma: [[Double]] = [], residualSquares: [Double] = []
        if null == .dsp {
            for k in 0..<p {
                let o = others[k]
                guard let partial = OLS(gram: o.map { l in o.map { g[l][$0] } }, xy: o.map { g[$0][k] }, yy: g[k][k], observations: dyads) else {
                    throw .invalidParameter("the predictors are collinear")
                }
                gamma.append(partial.beta)
                residualSquares.append(partial.residualSquares)
            }
        }

        var greater = [Int](repeating: 1, count: p), less = greater, absolute = greater
        var rng = SplitMix64(seed: seed)
        var sigma = identity, inverse = identity
        // Each predictor's labels read through the permutation once per permutation, so the loops over
        // the ties and the nodes read one array each instead of two dependent loads (counts, so the
        // same values: regional model, 3 predictors, 50,000 ties: 0.77 → 0.6 CPU s by perf).
        var permuted = labels
        var h = g
        for _ in 0..<permutations {
            // Fisher–Yates written out, so the sequence never depends on the standard library's choice.
            var i = n
            while i > 1 {
                let j = Int(rng.next() % UInt64(i))
                i -= 1
                sigma.swapAt(i, j)
            }
            // Permuted labelling of column c: node v gets labels[c][sigma[v]].
            var statistic = [Double](repeating: .nan, count: p)
            switch null {
            case .y:
                // y permuted by σ (y(σi, σj), as R's rmperm) is X permuted by σ⁻¹: X'X stays, X'y counts
                // the ties whose ends share a label read through σ⁻¹.
                for v in 0..<n { inverse[sigma[v]] = v }
                for c in 0..<p { Self.permute(labels[c], by: inverse, into: &permuted[c]) }
                let xy = permuted.map { Self.tiesSame($0, tieEnds) }
                if let f = OLS(gram: g, xy: xy, yy: ties, observations: dyads) { statistic = f.t }
            case .dsp:
                for c in 0..<p { Self.permute(labels[c], by: sigma, into: &permuted[c]) }
                let permutedTies = permuted.map { Self.tiesSame($0, tieEnds) }
                // h[l][c] = Σ_pairs x_l · x_c∘σ.
                for l in 0..<p {
                    for c in 0..<p {
                        h[l][c] = c == 0 ? g[l][0] : counter.sameInBoth(labels[l], groupCounts[l], permuted[c], groupCounts[c])
                    }
                }
                for k in 0..<p {
                    // Regress y on [X without k, e_k∘σ], where e_k = x_k − X_{−k}γ_k.
                    let o = others[k], gk = gamma[k]
                    var gram = o.map { l in o.map { g[l][$0] } + [h[l][k] - zip(o, gk).reduce(0) { $0 + $1.1 * h[l][$1.0] }] }
                    gram.append(gram.indices.map { gram[$0][o.count] } + [residualSquares[k]])
                    let xy = o.map { b[$0] } + [permutedTies[k] - zip(o, gk).reduce(0) { $0 + $1.1 * permutedTies[$1.0] }]
                    if let f = OLS(gram: gram, xy: xy, yy: ties, observations: dyads) { statistic[k] = f.t[o.count] }
                }
            }
            for k in 0..<p where !statistic[k].isNaN {
                let tolerance = 1e-9 * max(1, abs(observed[k]))
                if statistic[k] >= observed[k] - tolerance { greater[k] += 1 }
                if statistic[k] <= observed[k] + tolerance { less[k] += 1 }
                if abs(statistic[k]) >= abs(observed[k]) - tolerance { absolute[k] += 1 }
            }
        }
        let total = Double(permutations + 1)
        let coefficients = (0..<p).map { k in
            QAPRegression.Coefficient(
                name: names[k], estimate: fit.beta[k], standardError: fit.standardError[k], t: observed[k],
                pGreaterOrEqual: permutations == 0 ? .nan : Double(greater[k]) / total,
                pLessOrEqual: permutations == 0 ? .nan : Double(less[k]) / total,
                pTwoSided: permutations == 0 ? .nan : Double(absolute[k]) / total)
        }
        return QAPRegression(coefficients: coefficients, dyads: Int(dyads), ties: tieEnds.count, rSquared: rSquared,
                             adjustedRSquared: adjusted, null: null, permutations: permutations, seed: seed)
    }

    /// `labels` read through `permutation`: node v gets `labels[permutation[v]]`.
    static func permute(_ labels: [Int32], by permutation: [Int], into out: inout [Int32]) {
        labels.withUnsafeBufferPointer { labels in
            permutation.withUnsafeBufferPointer { permutation in
                out.withUnsafeMutableBufferPointer { out in
                    for v in 0..<out.count { out[v] = labels[permutation[v]] }
                }
            }
        }
    }

    /// Tied pairs whose ends share a known label of `labels`.
    static func tiesSame(_ labels: [Int32], _ ties: [(Int32, Int32)]) -> Double {
        var count = 0
        labels.withUnsafeBufferPointer { labels in
            ties.withUnsafeBufferPointer { ties in
                for (u, w) in ties {
                    let a = labels[Int(u)]
                    if a >= 0 && a == labels[Int(w)] { count += 1 }
                }
            }
        }
        return Double(count)
    }
}

/// Counts the pairs of nodes that share a known label in one labelling and in another (a permuted one,
/// `QAPRegression.permute`): Σ over the cells of the cross-table of C(count, 2), in O(n).
private struct PairCounter {
    var cells: [Int32] = []
    var touched: [Int] = []
    var table: [Int: Int32] = [:]

    init(nodes: Int) { touched.reserveCapacity(nodes) }

    mutating func sameInBoth(_ a: [Int32], _ groupsA: Int, _ c: [Int32], _ groupsC: Int) -> Double {
        var pairs = 0.0
        // A dense cross-table where the groups are few (regions × partner types), a dictionary otherwise.
        if groupsA * groupsC <= 1 << 20 {
            if cells.count < groupsA * groupsC { cells = [Int32](repeating: 0, count: groupsA * groupsC) }
            for v in a.indices {
                let x = a[v], y = c[v]
                guard x >= 0, y >= 0 else { continue }
                let cell = Int(x) * groupsC + Int(y)
                if cells[cell] == 0 { touched.append(cell) }
                cells[cell] += 1
            }
            for cell in touched {
                let k = Double(cells[cell])
                pairs += k * (k - 1) / 2
                cells[cell] = 0
            }
            touched.removeAll(keepingCapacity: true)
        } else {
            for v in a.indices {
                let x = a[v], y = c[v]
                guard x >= 0, y >= 0 else { continue }
                table[Int(x) * groupsC + Int(y), default: 0] += 1
            }
            for k in table.values { pairs += Double(k) * Double(k - 1) / 2 }
            table.removeAll(keepingCapacity: true)
        }
        return pairs
    }
}

/// Ordinary least squares from the sufficient statistics X'X, X'y, y'y: coefficients, standard
/// errors and t-values; nil where X'X is singular (relative pivot below 1e-10).
private struct OLS {
    let beta: [Double]
    let standardError: [Double]
    let t: [Double]
    let residualSquares: Double

    init?(gram: [[Double]], xy: [Double], yy: Double, observations: Double) {
        let p = xy.count
        // Gauss–Jordan with partial pivoting on [X'X | I].
        var m = gram.enumerated().map { i, row in row + (0..<p).map { $0 == i ? 1.0 : 0.0 } }
        let scale = (0..<p).map { abs(gram[$0][$0]) }.max() ?? 0
        guard scale > 0 else { return nil }
        for column in 0..<p {
            let pivot = (column..<p).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            guard abs(m[pivot][column]) > 1e-10 * scale else { return nil }
            m.swapAt(column, pivot)
            let d = m[column][column]
            for j in 0..<(2 * p) { m[column][j] /= d }
            for row in 0..<p where row != column {
                let factor = m[row][column]
                if factor != 0 { for j in 0..<(2 * p) { m[row][j] -= factor * m[column][j] } }
            }
        }
        let inverse = m.map { Array($0[p...]) }
        let beta = inverse.map { row in zip(row, xy).reduce(0) { $0 + $1.0 * $1.1 } }
        let residualSquares = max(0, yy - zip(beta, xy).reduce(0) { $0 + $1.0 * $1.1 })
        let variance = residualSquares / (observations - Double(p))
        self.beta = beta
        self.residualSquares = residualSquares
        standardError = (0..<p).map { (variance * inverse[$0][$0]).squareRoot() }
        t = zip(beta, standardError).map { $1 > 0 ? $0 / $1 : .nan }
    }
}
