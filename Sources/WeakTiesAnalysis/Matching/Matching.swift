import Foundation
import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// Who should meet whom: the effect of a new weak tie between an innovation and a partner it has no tie
/// to, computed exactly on the study graph with that tie added, a transparent score combining the
/// effects, and the classic link-prediction scores beside it. Docs/Matching.md has the definitions.
///
/// Gains are computed on the unweighted graph: a tie that does not exist yet has no coded weight, and
/// a new weak tie is one more contact. Constraint, effective size, common neighbours, the link
/// prediction scores and the reach gained are local (O(deg(p)) per candidate after O(n + m) per
/// innovation); betweenness needs all shortest paths and is computed only for the candidates shown
/// (see `betweennessGain`).
public struct Matching: Sendable {
    /// The network the gains are computed on (the study's, or a part of it for a backtest).
    public let graph: Graph
    /// The study whose actors are matched (all of them, also for a backtest).
    public let study: Study
    /// The weights of the score's terms.
    public let weights: MatchWeights
    /// Which candidates are considered.
    public let filters: MatchFilters
    /// The study tie of each edge of `graph`.
    let tieOfEdge: [Int]
    let isWeakEdge: [Bool]
    let types: [String?], regions: [String?], sectors: [String?]
    /// Louvain community of every actor on `graph` (seeded).
    public let community: [Int32]
    let options: Options
    /// Each actor's type, region and sector as a small code (−1: none), so a candidate is scored without
    /// hashing strings; and its position in label order (the tie-breaker of every ranking).
    let codes: GroupCodes
    let labelRank: [Int32]
    /// The graph's neighbour lists as plain arrays (`offsets[v]..<offsets[v+1]` into `adjacent`): the
    /// per-candidate loops read them through local copies, without a reference-counted `Neighbors` per
    /// call (measured: 28 % of `match` for all innovations of a 50k-tie study was retain/release).
    let offsets: [Int32]
    let adjacent: [Int32]
    /// Every actor, highest degree first (then by index): the order in which `candidates(for:limit:)`
    /// visits actors more than two steps from the innovation.
    let degreeOrder: [Int32]
    /// Each actor's connected component (`Graph.connectedComponents`): an actor in another component
    /// than the innovation is unreachable without a search.
    let component: [Int32]
    /// The betweenness baseline (see `betweennessBaseline`).
    let baseline = Once<[Double]>()

    struct GroupCodes: Sendable {
        let type: [Int32], region: [Int32], sector: [Int32]
        let typeCount: Int, regionCount: Int, sectorCount: Int

        init(types: [String?], regions: [String?], sectors: [String?]) {
            func encode(_ values: [String?]) -> ([Int32], Int) {
                var index: [String: Int32] = [:]
                let codes = values.map { v -> Int32 in
                    guard let v else { return -1 }
                    if let k = index[v] { return k }
                    let k = Int32(index.count)
                    index[v] = k
                    return k
                }
                return (codes, index.count)
            }
            (type, typeCount) = encode(types)
            (region, regionCount) = encode(regions)
            (sector, sectorCount) = encode(sectors)
        }
    }

    /// How betweenness gains are computed.
    public struct Options: Sendable, Equatable {
        /// Worker threads of the betweenness runs.
        public var threads: Int
        /// Above this many ties, betweenness is estimated from `samples` sources (the same sources
        /// before and after, so the difference is a paired estimate); at or below it, exact.
        public var exactUpTo: Int
        /// Sampled source actors for the estimate above `exactUpTo` ties (at most every actor).
        public var samples: Int
        /// Seed of the source sample and the communities.
        public var seed: UInt64

        /// Options with the given values (defaults: one thread, exact up to 20,000 ties, 256 samples,
        /// seed 1).
        public init(threads: Int = 1, exactUpTo: Int = 20_000, samples: Int = 256, seed: UInt64 = 1) {
            self.threads = threads
            self.exactUpTo = exactUpTo
            self.samples = samples
            self.seed = seed
        }
    }

    /// Matching on the whole study. Communities are the study's (`metrics.communities()`, computed with
    /// the study's weights); everything else is unweighted.
    /// - Throws: `MatchError.negativeWeight`; `MetricError` from the communities.
    public init(metrics: StudyMetrics, weights: MatchWeights = MatchWeights(), filters: MatchFilters = MatchFilters(),
                options: Options = Options()) throws {
        try self.init(metrics: metrics, graph: metrics.graph, tieOfEdge: Array(0..<metrics.graph.edgeCount),
                      community: try metrics.communities().communityOfNode, weights: weights, filters: filters, options: options)
    }

    /// Matching on the study's actors with only the ties `keep` accepts (for a backtest: the network as
    /// it was in a year). Communities are recomputed on that network (Louvain, unweighted, seeded).
    public init(metrics: StudyMetrics, keepingTies keep: (Int) -> Bool, weights: MatchWeights = MatchWeights(),
                filters: MatchFilters = MatchFilters(), options: Options = Options()) throws {
        let full = metrics.graph
        var builder = GraphBuilder(directed: false)
        builder.reserveCapacity(nodes: full.nodeCount, edges: full.edgeCount)
        for id in full.nodeIDs { _ = builder.addNode(id) }
        var tieOfEdge: [Int] = []
        for t in 0..<full.edgeCount where keep(t) {
            _ = try builder.addEdge(full.edgeSources[t], full.edgeTargets[t])
            tieOfEdge.append(t)
        }
        let graph = try builder.build()
        try self.init(metrics: metrics, graph: graph, tieOfEdge: tieOfEdge,
                      community: try graph.louvainCommunities(seed: options.seed).communityOfNode,
                      weights: weights, filters: filters, options: options)
    }

    /// The one place both entry points share: groups, codes, label order and neighbour lists.
    private init(metrics: StudyMetrics, graph: Graph, tieOfEdge: [Int], community: [Int32], weights: MatchWeights,
                 filters: MatchFilters, options: Options) throws {
        try weights.validate()
        self.study = metrics.study
        self.graph = graph
        self.weights = weights
        self.filters = filters
        self.options = options
        self.tieOfEdge = tieOfEdge
        self.community = community
        isWeakEdge = tieOfEdge.map { metrics.isWeak[$0] }
        types = try metrics.groups(by: "partner_type")
        regions = try metrics.groups(by: "region")
        sectors = try metrics.groups(by: "sector")
        codes = GroupCodes(types: types, regions: regions, sectors: sectors)
        labelRank = metrics.labelRanks
        offsets = graph.outOffsets
        adjacent = graph.neighborColumn()
        component = graph.connectedComponents().componentOfNode
        let offsets = self.offsets
        degreeOrder = (0..<Int32(graph.nodeCount)).sorted { a, b in
            let da = offsets[Int(a) + 1] - offsets[Int(a)], db = offsets[Int(b) + 1] - offsets[Int(b)]
            return da != db ? da > db : a < b
        }
    }

    /// The innovations, by label.
    public var innovations: [Int] {
        study.actors.indices.filter { study.actors[$0].kind == .innovation }.sorted { labelRank[$0] < labelRank[$1] }
    }

    /// Whether `actor` can be proposed as a partner: a partner (or an actor of unknown kind).
    func isPartner(_ actor: Int) -> Bool { study.actors[actor].kind != .innovation }

    // MARK: - Candidates

    /// The candidates for `innovation` that pass the filters, best first (score, then label), at most
    /// `limit` (none for a limit of 0 or less); with `betweenness`, the betweenness gain of each candidate returned is computed as well
    /// (costly: two shortest-path runs per candidate; see `betweennessGain`).
    /// - Complexity: O(n + m + Σ_p deg(p)) without betweenness.
    public func candidates(for innovation: Int, limit: Int? = nil, betweenness: Bool = false) -> [MatchCandidate] {
        if let limit, limit <= 0 { return [] }
        let context = EgoContext(self, innovation)
        // Score every candidate without allocating, keep the best, then gather the details of those.
        let better = { (a: (score: Double, rank: Int32, partner: Int32), b: (score: Double, rank: Int32, partner: Int32)) in
            a.score != b.score ? a.score > b.score : a.rank < b.rank
        }
        var scored: [(score: Double, rank: Int32, partner: Int32)] = []
        if let limit {
            // The `limit` best so far, best first (the order is strict: ranks are unique, so the list is
            // the one a full sort would give, in whatever order the actors are visited). First the
            // actors within two steps of the innovation. Then the farther ones, highest degree first: such
            // an actor has no common neighbour and leaves the constraint where any such actor does; only
            // its reach needs a pass over its ties, and r ≤ deg + 1. The score grows with reach and with
            // each new group (weights are ≥ 0, and rounding keeps the order), so where the bound with
            // its own groups scores below the worst kept, its pass is skipped, and where the bound with
            // every group new does, so is every actor after it (fewer ties). Regional model, 2,491
            // innovations × 10,500 actors, the suggestions' CPU time (perf): 3.3 s scoring every actor;
            // 1.0 s with the first bound on a scan in index order; 0.75 s in degree order with the second.
            let far = farPass(context)
            let drop = constraintDrop(context.holesBefore.constraint, far.constraintAfter)
            scored.reserveCapacity(limit + 1)
            func keep(_ p: Int, _ pass: NeighbourPass) {
                let item = (score: components(p, pass, context).score(weights), rank: labelRank[p], partner: Int32(p))
                if scored.count == limit {
                    guard better(item, scored[limit - 1]) else { return }
                    scored.removeLast()
                }
                scored.insert(item, at: scored.firstIndex { better(item, $0) } ?? scored.count)
            }
            for q in context.withinTwoList {
                let p = Int(q)
                guard p != innovation, isPartner(p), !context.isAlter[p], passes(innovation, p, context) else { continue }
                keep(p, neighbourPass(innovation, p, context))
            }
            for q in degreeOrder {
                let p = Int(q)
                guard p != innovation, !context.withinTwo[p], isPartner(p) else { continue }
                let reach = Int(offsets[p + 1] - offsets[p]) + 1
                if scored.count == limit {
                    let ceiling = MatchComponents(newPartnerType: 1, newRegion: 1, newSector: 1, newCommunity: 1, constraintDrop: drop,
                                                  reach: Double(reach) / Double(reach + 5), introduced: 0, betweenness: 0)
                    if ceiling.score(weights) < scored[limit - 1].score { break }
                }
                guard passes(innovation, p, context) else { continue }
                if scored.count == limit {
                    let bound = NeighbourPass(common: 0, reached: reach, constraintAfter: far.constraintAfter, effectiveSizeAfter: far.effectiveSizeAfter)
                    if components(p, bound, context).score(weights) < scored[limit - 1].score { continue }
                }
                keep(p, neighbourPass(innovation, p, context))
            }
        } else {
            for p in 0..<graph.nodeCount where p != innovation && isPartner(p) && !context.isAlter[p] {
                guard passes(innovation, p, context) else { continue }
                scored.append((components(p, neighbourPass(innovation, p, context), context).score(weights), labelRank[p], Int32(p)))
            }
            scored.sort(by: better)
        }
        let distances = hopDistances(from: innovation, to: scored.map { Int($0.partner) }, context)
        var result = zip(scored, distances).map { candidate(innovation, Int($0.partner), context, distance: $1) }
        if betweenness || weights.betweenness > 0 {
            // The score's betweenness term applies to the candidates already chosen (documented).
            let before = betweennessBaseline()
            result = result.map { c in c.withBetweenness(before: before[innovation], after: betweennessAfter(innovation, c.partner), weights: weights) }
            result.sort { a, b in a.score != b.score ? a.score > b.score : labelRank[a.partner] < labelRank[b.partner] }
        }
        return result
    }

    /// The gains of one pair (no filters; `nil` when they are already tied or the same actor).
    public func candidate(innovation: Int, partner: Int) -> MatchCandidate? {
        guard innovation != partner else { return nil }
        let context = EgoContext(self, innovation)
        guard !context.isAlter[partner] else { return nil }
        return candidate(innovation, partner, context, distance: hopDistances(from: innovation, to: [partner], context)[0])
    }

    /// Scores of many pairs of one innovation at once (for event plans): `nil` for pairs already tied
    /// or that the filters exclude.
    public func candidates(for innovation: Int, among partners: [Int]) -> [MatchCandidate?] {
        let context = EgoContext(self, innovation)
        let chosen = partners.filter { p in p != innovation && !context.isAlter[p] && passes(innovation, p, context) }
        let distance = Dictionary(zip(chosen, hopDistances(from: innovation, to: chosen, context)), uniquingKeysWith: { a, _ in a })
        return partners.map { p in distance[p].map { candidate(innovation, p, context, distance: $0) } }
    }

    func passes(_ i: Int, _ p: Int, _ context: EgoContext) -> Bool {
        if let allowed = filters.partners, !allowed.contains(p) { return false }
        if filters.excluded.contains(ActorPair(i, p)) { return false }
        if !filters.partnerTypes.isEmpty, !filters.partnerTypes.contains(types[p] ?? "") { return false }
        if !filters.regions.isEmpty, !filters.regions.contains(regions[p] ?? "") { return false }
        if filters.sameRegion, regions[i] == nil || regions[p] != regions[i] { return false }
        if !filters.proximity.isEmpty {
            // Some tie of p to one of i's partners codes one of the proximities at the level asked for.
            var found = false
            for e in graph.edges(of: Int32(p)) where context.isAlter[Int(graph.opposite(of: Int32(p), along: e))] {
                if tieHasProximity(tieOfEdge[Int(e)]) { found = true; break }
            }
            if !found { return false }
        }
        return true
    }

    func tieHasProximity(_ t: Int) -> Bool {
        for m in study.ties.mentionIndices[study.ties.mentionOffsets[t]..<study.ties.mentionOffsets[t + 1]] {
            for requirement in filters.proximity {
                if let level = study.mentions.proximity(requirement.dimension, Int(m)), level >= requirement.level { return true }
            }
        }
        return false
    }

    /// What one innovation's ego network looks like, computed once per innovation and reused for each
    /// candidate: its alters, the actors within two steps, Burt's per-alter sums.
    struct EgoContext {
        let innovation: Int
        var isAlter: [Bool]
        var withinTwo: [Bool]
        /// The actors `withinTwo` marks (alters among them), each once.
        var withinTwoList: [Int32] = []
        /// S_j = Σ_{q ∈ N(i) ∩ N(j)} 1/deg(q) for each alter j (0 elsewhere).
        var indirect: [Double]
        /// Σ_{j ∈ N(i)} (1 + S_j)².
        var constraintSum: Double
        /// Ties among the alters.
        var altersTies: Int
        var degree: Int
        /// Which partner types (of its partners), regions, sectors and communities (of it and its
        /// partners) the innovation has, as flags by code.
        var hasType: [Bool], hasRegion: [Bool], hasSector: [Bool], hasCommunity: [Bool]

        init(_ matching: Matching, _ i: Int) {
            let graph = matching.graph
            let n = graph.nodeCount
            innovation = i
            isAlter = [Bool](repeating: false, count: n)
            withinTwo = isAlter
            indirect = [Double](repeating: 0, count: n)
            let alters = graph.neighbors(of: Int32(i)).map(Int.init)
            degree = alters.count
            for a in alters { isAlter[a] = true; withinTwo[a] = true; withinTwoList.append(Int32(a)) }
            var ties = 0
            for j in alters {
                var s = 0.0
                for q in graph.neighbors(of: Int32(j)) where Int(q) != i {
                    if !withinTwo[Int(q)] { withinTwo[Int(q)] = true; withinTwoList.append(q) }
                    if isAlter[Int(q)] {
                        ties += 1
                        s += 1 / Double(graph.degree(of: q))
                    }
                }
                indirect[j] = s
            }
            withinTwo[i] = false
            altersTies = ties / 2
            var sum = 0.0
            for j in alters { sum += (1 + indirect[j]) * (1 + indirect[j]) }
            constraintSum = sum
            let codes = matching.codes
            hasType = [Bool](repeating: false, count: codes.typeCount)
            hasRegion = [Bool](repeating: false, count: codes.regionCount)
            hasSector = [Bool](repeating: false, count: codes.sectorCount)
            hasCommunity = [Bool](repeating: false, count: Int((matching.community.max() ?? -1) + 1))
            for a in alters where codes.type[a] >= 0 { hasType[Int(codes.type[a])] = true }
            for a in alters + [i] {
                if codes.region[a] >= 0 { hasRegion[Int(codes.region[a])] = true }
                if codes.sector[a] >= 0 { hasSector[Int(codes.sector[a])] = true }
                if matching.community[a] >= 0 { hasCommunity[Int(matching.community[a])] = true }
            }
        }

        /// Burt's constraint and effective size of the innovation (unweighted) before the tie.
        var holesBefore: (constraint: Double, effectiveSize: Double) {
            guard degree > 0 else { return (.nan, .nan) }
            let N = Double(degree)
            return (constraintSum / (N * N), N - 2 * Double(altersTies) / N)
        }
    }

    /// What one pass over p's neighbours gives, without allocating: common neighbours, actors newly
    /// within two steps, and Burt's constraint and effective size of the innovation with the tie added.
    struct NeighbourPass {
        let common: Int
        let reached: Int
        let constraintAfter: Double
        let effectiveSizeAfter: Double
    }

    /// The constraint update of Docs/Matching.md: partners of the innovation tied to p gain
    /// 1/(deg(p)+1) in their indirect sum, p adds its own term, the denominator becomes (deg(i)+1)².
    /// The graph is simple (ties are aggregated), so no neighbour is seen twice.
    func neighbourPass(_ i: Int, _ p: Int, _ context: EgoContext) -> NeighbourPass {
        let offsets = self.offsets, adjacent = self.adjacent
        let isAlter = context.isAlter, withinTwo = context.withinTwo, indirect = context.indirect
        let start = Int(offsets[p]), end = Int(offsets[p + 1])
        let delta = 1 / Double(end - start + 1)
        var constraintSum = context.constraintSum
        var sP = 0.0
        var common = 0, reached = withinTwo[p] ? 0 : 1
        for k in start..<end {
            let q = Int(adjacent[k])
            if isAlter[q] {
                common += 1
                let dq = Double(offsets[q + 1] - offsets[q])
                let old = 1 + indirect[q], new = old + delta
                constraintSum += new * new - old * old
                sP += 1 / dq
            } else if q != i && !withinTwo[q] {
                reached += 1
            }
        }
        return pass(context, constraintSum: constraintSum, sP: sP, common: common, reached: reached)
    }

    /// What `neighbourPass` gives for every actor more than two steps from the innovation, but its
    /// reach: no common neighbour, so the same constraint and effective size (the same operations, so
    /// the same bits). Reach is left 0.
    func farPass(_ context: EgoContext) -> NeighbourPass {
        pass(context, constraintSum: context.constraintSum, sP: 0, common: 0, reached: 0)
    }

    /// The end of a pass: p's own constraint term added, the sums divided by the new degree.
    @inline(__always)
    func pass(_ context: EgoContext, constraintSum: Double, sP: Double, common: Int, reached: Int) -> NeighbourPass {
        let N = Double(context.degree + 1)
        return NeighbourPass(common: common, reached: reached, constraintAfter: (constraintSum + (1 + sP) * (1 + sP)) / (N * N),
                             effectiveSizeAfter: N - 2 * Double(context.altersTies + common) / N)
    }

    /// Whether p's group code is one the innovation lacks.
    func isNew(_ code: Int32, _ has: [Bool]) -> Bool { code >= 0 && !has[Int(code)] }

    /// The score's terms of the pair.
    func components(_ p: Int, _ pass: NeighbourPass, _ context: EgoContext) -> MatchComponents {
        func flag(_ value: Bool) -> Double { value ? 1 : 0 }
        return MatchComponents(
            newPartnerType: flag(isNew(codes.type[p], context.hasType)), newRegion: flag(isNew(codes.region[p], context.hasRegion)),
            newSector: flag(isNew(codes.sector[p], context.hasSector)), newCommunity: flag(isNew(community[p], context.hasCommunity)),
            constraintDrop: constraintDrop(context.holesBefore.constraint, pass.constraintAfter),
            reach: Double(pass.reached) / Double(pass.reached + 5),
            introduced: Double(min(pass.common, 3)) / 3, betweenness: 0)
    }

    /// The pair with every detail: the pass's values, the common neighbours and reached actors by name
    /// (a second, arithmetic-free walk over p's neighbours), link prediction, introducers.
    func candidate(_ i: Int, _ p: Int, _ context: EgoContext, distance d: Int32) -> MatchCandidate {
        let pass = neighbourPass(i, p, context)
        var common: [Int] = []
        var reached: [Int] = context.withinTwo[p] ? [] : [p]
        var adamicAdar = 0.0, resourceAllocation = 0.0
        for q32 in graph.neighbors(of: Int32(p)) {
            let q = Int(q32)
            if context.isAlter[q] {
                common.append(q)
                let dq = Double(graph.degree(of: q32))
                adamicAdar += 1 / log(dq)
                resourceAllocation += 1 / dq
            } else if q != i && !context.withinTwo[q] {
                reached.append(q)
            }
        }
        let before = context.holesBefore
        let union = context.degree + graph.degree(of: Int32(p)) - common.count

        // Reached actors by partner type and region, the largest group first.
        var groupCounts: [ReachedGroup.Key: Int] = [:]
        for q in reached { groupCounts[ReachedGroup.Key(partnerType: types[q], region: regions[q]), default: 0] += 1 }
        let groups = groupCounts.map { ReachedGroup(partnerType: $0.key.partnerType, region: $0.key.region, count: $0.value) }
            .sorted { a, b in
                if a.count != b.count { return a.count > b.count }
                if (a.partnerType == nil) != (b.partnerType == nil) { return b.partnerType == nil }
                if a.partnerType != b.partnerType { return (a.partnerType ?? "") < (b.partnerType ?? "") }
                if (a.region == nil) != (b.region == nil) { return b.region == nil }
                return (a.region ?? "") < (b.region ?? "")
            }

        let components = self.components(p, pass, context)
        return MatchCandidate(
            innovation: i, partner: p, distance: d < 0 ? nil : Int(d),
            commonNeighbors: common.count,
            jaccard: union == 0 ? .nan : Double(common.count) / Double(union),
            adamicAdar: adamicAdar, resourceAllocation: resourceAllocation,
            constraintBefore: before.constraint, constraintAfter: pass.constraintAfter,
            effectiveSizeBefore: before.effectiveSize, effectiveSizeAfter: pass.effectiveSizeAfter,
            betweennessBefore: nil, betweennessAfter: nil,
            newPartnerType: isNew(codes.type[p], context.hasType) ? types[p] : nil,
            newRegion: isNew(codes.region[p], context.hasRegion) ? regions[p] : nil,
            newSector: isNew(codes.sector[p], context.hasSector) ? sectors[p] : nil,
            newCommunity: isNew(community[p], context.hasCommunity) ? Int(community[p]) : nil,
            reachGained: reached.count, reachedGroups: groups,
            introducers: introducers(i, p, common), components: components,
            score: components.score(weights))
    }

    /// Relative drop of constraint (before − after) / before; with no contacts before, 1 (the first
    /// contact removes all isolation).
    func constraintDrop(_ before: Double, _ after: Double) -> Double {
        before.isNaN ? 1 : (before - after) / before
    }

    /// Common neighbours who can introduce: both of their ties strong first, then one, then none; then
    /// by label. Each with its tie to the candidate and the first quote on it.
    func introducers(_ i: Int, _ p: Int, _ common: [Int]) -> [Introducer] {
        func tie(_ a: Int, _ b: Int) -> Int? {
            for e in graph.edges(of: Int32(a)) where Int(graph.opposite(of: Int32(a), along: e)) == b { return Int(e) }
            return nil
        }
        let list: [Introducer] = common.compactMap { z in
            guard let toPartner = tie(z, p), let toInnovation = tie(i, z) else { return nil }
            let t = tieOfEdge[toPartner]
            var quote: (String, Int)? = nil
            for m in study.ties.mentionIndices[study.ties.mentionOffsets[t]..<study.ties.mentionOffsets[t + 1]] {
                let text = study.mentions.text("quote", Int(m))
                if !text.isEmpty { quote = (text, Int(m)); break }
            }
            return Introducer(actor: z, tieToPartner: t, tieToInnovation: tieOfEdge[toInnovation],
                              partnerTieStrong: !isWeakEdge[toPartner], innovationTieStrong: !isWeakEdge[toInnovation],
                              quote: quote?.0, quoteMention: quote?.1)
        }
        return list.sorted { a, b in
            if a.strongTies != b.strongTies { return a.strongTies > b.strongTies }
            if a.partnerTieStrong != b.partnerTieStrong { return a.partnerTieStrong }
            return labelRank[a.actor] < labelRank[b.actor]
        }
    }

    // MARK: - Betweenness

    var betweennessOptions: BetweennessOptions {
        BetweennessOptions(threads: options.threads,
                           sampleSources: graph.edgeCount > options.exactUpTo ? min(options.samples, graph.nodeCount) : nil,
                           seed: options.seed, edgeScores: false)
    }

    /// Whether betweenness gains are exact on this network (else estimated from sampled sources).
    public var betweennessIsExact: Bool { graph.edgeCount <= options.exactUpTo || options.samples >= graph.nodeCount }

    /// Normalised betweenness of every actor on `graph`, computed on first use and kept: `candidates`
    /// with betweenness for every innovation of a study ran one whole Brandes pass per innovation for
    /// the same baseline (one candidate with betweenness for each of 100 innovations / 3,000 ties, whole
    /// `weakties match` process: 2.96 → 1.55 s).
    func betweennessBaseline() -> [Double] {
        baseline.value {
            guard let result = try? graph.betweenness(betweennessOptions) else {
                return [Double](repeating: .nan, count: graph.nodeCount)
            }
            return result.normalized(nodeCount: graph.nodeCount).nodes.values
        }
    }

    /// A value computed once on first use, shared by copies of the matching (thread-safe; the lock is
    /// held while computing, so concurrent first readers wait instead of computing it twice).
    final class Once<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value?

        func value(_ compute: () -> Value) -> Value {
            lock.lock()
            defer { lock.unlock() }
            if let stored { return stored }
            let value = compute()
            stored = value
            return value
        }
    }

    /// The innovation's normalised betweenness on the graph with the tie i–p added: a full Brandes run
    /// (exact up to `options.exactUpTo` ties, else from the same sampled sources as the baseline).
    /// - Complexity: O(nm) exact; O(km) with k sampled sources.
    public func betweennessAfter(_ i: Int, _ p: Int) -> Double {
        guard let added = try? graph.adding(edgeBetween: Int32(i), and: Int32(p)) else { return .nan }
        var options = betweennessOptions
        options.sampleSources = graph.edgeCount > self.options.exactUpTo ? min(self.options.samples, graph.nodeCount) : nil
        guard let result = try? added.betweenness(options) else { return .nan }
        return result.normalized(nodeCount: added.nodeCount).nodes.values[i]
    }
}

extension Matching {
    /// Hop distances from the innovation to each of `targets` (−1 where unreachable), the same as
    /// `hopDistances(from:offsets:adjacent:)` gives. For a few targets (the report's suggestions) each is
    /// found from its own end: within two steps of the innovation it is 1 or 2 (the context knows);
    /// farther, a search from the target level by level meets an actor two steps from the innovation
    /// first at level L (an alter met first would have a neighbour at level L − 1 within two steps), so
    /// the distance is L + 2, and only the ball of radius L around the target is searched. A full
    /// search from the innovation for every candidate was 0.65 of 20 CPU seconds of the regional
    /// model's report (2,491 innovations × 10,500 actors) though only 3 distances per innovation are
    /// read; for more than 16 targets one search from the innovation is kept.
    func hopDistances(from i: Int, to targets: [Int], _ context: EgoContext) -> [Int32] {
        if targets.count > 16 {
            let all = Matching.hopDistances(from: i, offsets: offsets, adjacent: adjacent)
            return targets.map { all[$0] }
        }
        let offsets = self.offsets, adjacent = self.adjacent, withinTwo = context.withinTwo
        return targets.map { p -> Int32 in
            if p == i { return 0 }
            if context.isAlter[p] { return 1 }
            if withinTwo[p] { return 2 }
            guard component[p] == component[i] else { return -1 }
            var seen: Set<Int32> = [Int32(p)]
            var frontier: [Int32] = [Int32(p)], next: [Int32] = []
            var level: Int32 = 0
            while !frontier.isEmpty {
                level += 1
                next.removeAll(keepingCapacity: true)
                for v in frontier {
                    for k in Int(offsets[Int(v)])..<Int(offsets[Int(v) + 1]) {
                        let w = adjacent[k]
                        if withinTwo[Int(w)] { return level + 2 }
                        if seen.insert(w).inserted { next.append(w) }
                    }
                }
                swap(&frontier, &next)
            }
            return -1  // not reached: the same component holds a path
        }
    }

    /// Hop distances from `source` on neighbour lists (−1 where unreachable). Iterative BFS, O(n + m).
    static func hopDistances(from source: Int, offsets: [Int32], adjacent: [Int32]) -> [Int32] {
        let n = offsets.count - 1
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var head = 0, tail = 1
        queue[0] = Int32(source)
        distance[source] = 0
        while head < tail {
            let v = Int(queue[head])
            head += 1
            let next = distance[v] + 1
            for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(adjacent[k])
                if distance[w] < 0 {
                    distance[w] = next
                    queue[tail] = Int32(w)
                    tail += 1
                }
            }
        }
        return distance
    }
}

/// A graph with a tie added, for the betweenness gains of the matching.
extension Graph {
    /// The same graph with one more undirected edge (same node indices; the new edge is the last).
    public func adding(edgeBetween a: Int32, and b: Int32) throws(GraphBuildError) -> Graph {
        var builder = GraphBuilder(directed: isDirected)
        builder.reserveCapacity(nodes: nodeCount, edges: edgeCount + 1)
        for id in nodeIDs { _ = builder.addNode(id) }
        for e in 0..<edgeCount { _ = try builder.addEdge(edgeSources[e], edgeTargets[e]) }
        _ = try builder.addEdge(a, b)
        return try builder.build()
    }
}
