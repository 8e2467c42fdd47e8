import WeakTiesStudy

/// Does the ranking mean something? Hide the ties formed after a year, rank candidates on the network
/// as it was, and count how many of the ties that did form come out on top — beside the classic link
/// prediction scores and a random ranking.
public struct MatchBacktest: Sendable {
    /// A ranking method and how it did.
    public struct Method: Sendable, Equatable {
        /// `score` (the matching score) or a link prediction score (`common_neighbors`, `jaccard`,
        /// `adamic_adar`, `resource_allocation`), or `random` (the expectation of a random ranking).
        public let name: String
        /// Precision@k and recall@k for each k of `ks`, micro-averaged over the innovations evaluated.
        public let precision: [Double]
        /// Recall@k for each k of `ks`: hits in the first k over all predictable later ties of the
        /// innovations evaluated, from 0 to 1; NaN when no innovation was evaluated.
        public let recall: [Double]
    }

    /// The last year of the network the ranking sees.
    public let year: Int
    /// The cut-offs k of precision@k and recall@k, ascending.
    public let ks: [Int]
    /// Ties with a year up to `year` (the network ranked on), after it, and without a year (left out of
    /// both: when they formed is unknown).
    public let earlierTies: Int
    /// Ties that began after `year` (hidden from the ranking).
    public let laterTies: Int
    /// Ties without a year (no mention codes `since`).
    public let tiesWithoutYear: Int
    /// Later ties that could be predicted (between an innovation and a partner both in the earlier
    /// network) and those that could not (an end was not in it yet).
    public let predictableTies: Int
    /// Later innovation–partner ties with an end that had no tie up to `year`.
    public let unpredictableTies: Int
    /// Later ties between two partners or two innovations (not what the matching proposes).
    public let otherLaterTies: Int
    /// Innovations in the earlier network with at least one predictable later tie.
    public let innovationsEvaluated: Int
    /// The matching on the earlier network (its candidates were ranked).
    public let matching: Matching
    /// How each ranking did: `score`, `common_neighbors`, `jaccard`, `adamic_adar`,
    /// `resource_allocation`, then `random`.
    public let methods: [Method]

    /// Runs the backtest with the study's actors and the given weights (no filters).
    /// - Throws: `MatchError` (weights); `MetricError` from the communities of the earlier network.
    /// - Complexity: one `Matching` per call; O(n + m + Σ deg) per innovation evaluated.
    public init(metrics: StudyMetrics, year: Int, ks: [Int] = [1, 3, 5, 10], weights: MatchWeights = MatchWeights(),
                seed: UInt64 = 1) throws {
        let study = metrics.study
        let years = (0..<study.ties.count).map { study.earliestYear(ofTie: $0) }
        let matching = try Matching(metrics: metrics, keepingTies: { years[$0].map { $0 <= year } ?? false },
                                    weights: weights, options: .init(seed: seed))
        let graph = matching.graph
        self.year = year
        let ks = ks.sorted()
        self.ks = ks
        earlierTies = graph.edgeCount
        laterTies = years.count { ($0 ?? Int.min) > year }
        tiesWithoutYear = years.count { $0 == nil }

        // Predictable later ties per innovation.
        var positives: [Int: Set<Int>] = [:]
        var predictable = 0, unpredictable = 0, other = 0
        for t in 0..<study.ties.count {
            guard let y = years[t], y > year else { continue }
            let a = Int(study.ties.source[t]), b = Int(study.ties.target[t])
            let (i, p): (Int, Int)
            if study.actors[a].kind == .innovation && matching.isPartner(b) { (i, p) = (a, b) }
            else if study.actors[b].kind == .innovation && matching.isPartner(a) { (i, p) = (b, a) }
            else { other += 1; continue }  // between two partners or two innovations: not what the matching proposes
            if graph.degree(of: Int32(i)) > 0 && graph.degree(of: Int32(p)) > 0 {
                positives[i, default: []].insert(p)
                predictable += 1
            } else {
                unpredictable += 1
            }
        }
        predictableTies = predictable
        unpredictableTies = unpredictable
        otherLaterTies = other
        self.matching = matching

        let names = ["score", "common_neighbors", "jaccard", "adamic_adar", "resource_allocation"]
        var hits = [[Int]](repeating: [Int](repeating: 0, count: ks.count), count: names.count)
        // Expected hits of a random ranking in the first k: min(k, candidates) × positives / candidates.
        var randomHits = [Double](repeating: 0, count: ks.count)
        var evaluated = 0, positiveCount = 0
        let actors = study.actors
        for i in positives.keys.sorted() {
            let targets = positives[i]!
            let pool = matching.candidates(for: i).filter { graph.degree(of: Int32($0.partner)) > 0 }
            guard !pool.isEmpty else { continue }
            evaluated += 1
            positiveCount += targets.count
            let values: [(MatchCandidate) -> Double] = [
                { $0.score }, { Double($0.commonNeighbors) }, { $0.jaccard.isNaN ? -1 : $0.jaccard },
                { $0.adamicAdar }, { $0.resourceAllocation },
            ]
            for (m, value) in values.enumerated() {
                let ranked = pool.sorted { a, b in
                    let va = value(a), vb = value(b)
                    if va != vb { return va > vb }
                    return Actor.byLabel(actors[a.partner], actors[b.partner])
                }
                for (kk, k) in ks.enumerated() {
                    hits[m][kk] += ranked.prefix(k).count { targets.contains($0.partner) }
                }
            }
            let share = Double(targets.count) / Double(pool.count)
            for (kk, k) in ks.enumerated() {
                randomHits[kk] += Double(min(k, pool.count)) * share
            }
        }
        innovationsEvaluated = evaluated
        var methods = names.enumerated().map { m, name in
            Method(name: name,
                   precision: ks.enumerated().map { kk, k in evaluated == 0 ? .nan : Double(hits[m][kk]) / Double(k * evaluated) },
                   recall: ks.indices.map { kk in positiveCount == 0 ? .nan : Double(hits[m][kk]) / Double(positiveCount) })
        }
        methods.append(Method(
            name: "random",
            precision: ks.enumerated().map { kk, k in evaluated == 0 ? .nan : randomHits[kk] / Double(k * evaluated) },
            recall: ks.indices.map { kk in positiveCount == 0 ? .nan : randomHits[kk] / Double(positiveCount) }))
        self.methods = methods
    }
}
