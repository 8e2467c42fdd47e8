import Foundation
import WeakTiesStudy

/// What an organiser knows about a matching event.
public struct EventRequest: Sendable {
    /// Innovations and partners who attend (actor indices).
    public var innovations: [Int]
    /// Partners who attend (actor indices; repeated ones count once).
    public var partners: [Int]
    /// Rounds of meetings.
    public var rounds: Int
    /// Innovations a partner's table seats in one round (1: one-to-one meetings).
    public var seatsPerTable: Int
    /// Meetings that must take place (innovation, partner); the plan chooses their round.
    public var fixed: [(innovation: Int, partner: Int)]
    /// Pairs that must not meet.
    public var forbidden: Set<ActorPair>
    /// Seed of the tie-breaking between plans of equal total gain.
    public var seed: UInt64

    /// A request with the given values (defaults: one seat per table, no fixed or forbidden pairs, seed 1).
    public init(innovations: [Int], partners: [Int], rounds: Int, seatsPerTable: Int = 1,
                fixed: [(innovation: Int, partner: Int)] = [], forbidden: Set<ActorPair> = [], seed: UInt64 = 1) {
        self.innovations = innovations
        self.partners = partners
        self.rounds = rounds
        self.seatsPerTable = seatsPerTable
        self.fixed = fixed
        self.forbidden = forbidden
        self.seed = seed
    }
}

/// One meeting of an event plan.
public struct Meeting: Sendable, Equatable {
    /// Round, from 1.
    public let round: Int
    /// Actor index of the innovation.
    public let innovation: Int
    /// Actor index of the partner.
    public let partner: Int
    /// The candidate's gains (`nil` for a fixed meeting of a pair already tied).
    public let candidate: MatchCandidate?
    /// Whether the meeting was required (`EventRequest.fixed`) rather than chosen for its gain.
    public let isFixed: Bool
    /// The score this meeting adds (0 for a fixed meeting of tied actors).
    public var gain: Double { candidate?.score ?? 0 }
}

/// A schedule of meetings: each innovation at most once per round, each partner's table with at most
/// `seatsPerTable` innovations per round, no pair twice, fixed meetings included; among all such
/// schedules one of maximal total gain.
public struct EventPlan: Sendable {
    /// The request planned.
    public let request: EventRequest
    /// By round, then partner label, then innovation label.
    public let meetings: [Meeting]
    /// Sum of the meetings' `gain`, fixed meetings included.
    public let totalGain: Double
    /// Pairs with a positive gain that the plan could consider (not tied, not forbidden).
    public let candidatePairs: Int
}

extension Matching {
    /// The event plan of maximal total gain.
    ///
    /// Method (Docs/Matching.md): choosing which pairs meet is a maximum-weight b-matching in the
    /// bipartite graph innovations × partners (an innovation meets at most `rounds` partners, a partner
    /// at most `rounds × seatsPerTable` innovations, each pair once), solved exactly as a min-cost flow
    /// by successive shortest paths (Dijkstra with potentials), stopping at the first augmenting path
    /// that no longer gains. Any such set of pairs can be spread over the rounds (each partner's
    /// meetings split into groups of at most `rounds`, then a proper edge colouring with `rounds`
    /// colours of a bipartite graph of maximum degree `rounds`, König's theorem, by alternating paths),
    /// so the optimum over pairs is the optimum over whole schedules: the plan is optimal across all
    /// rounds, not round by round. Only pairs with a positive score are scheduled; fixed meetings are
    /// kept whatever their score.
    /// - Throws: `MatchError.noInnovations`/`.noPartners`, `.capacity` when fixed meetings exceed what a
    ///   person can attend (naming them), `.invalidPlan` for rounds or seats below 1.
    /// - Complexity: O(F · E log V) for F meetings and E candidate pairs, plus O(n + m + Σ deg) per
    ///   innovation for the gains.
    public func plan(_ request: EventRequest) throws(MatchError) -> EventPlan {
        guard request.rounds >= 1 else { throw .invalidPlan("an event needs at least one round, not \(request.rounds)") }
        guard request.seatsPerTable >= 1 else { throw .invalidPlan("a table needs at least one seat, not \(request.seatsPerTable)") }
        let innovations = Array(Set(request.innovations)).sorted()
        let partners = Array(Set(request.partners)).sorted()
        guard !innovations.isEmpty else { throw .noInnovations("the attendee list") }
        guard !partners.isEmpty else { throw .noPartners("the attendee list") }
        let partnerCapacity = request.rounds * request.seatsPerTable
        let name = { (v: Int) in self.study.actors[v].label }

        // Fixed meetings: distinct, within capacity.
        var fixedPairs: [(Int, Int)] = []
        var seenFixed = Set<ActorPair>()
        var fixedCount: [Int: Int] = [:]
        for (i, p) in request.fixed where seenFixed.insert(ActorPair(i, p)).inserted {
            fixedPairs.append((i, p))
            fixedCount[i, default: 0] += 1
            fixedCount[p, default: 0] += 1
        }
        for i in innovations where fixedCount[i, default: 0] > request.rounds {
            throw .capacity("\(name(i)) has \(fixedCount[i]!) fixed meetings but the event has \(request.rounds) round\(request.rounds == 1 ? "" : "s")")
        }
        for p in partners where fixedCount[p, default: 0] > partnerCapacity {
            throw .capacity("\(name(p)) has \(fixedCount[p]!) fixed meetings but its table seats \(partnerCapacity) over all rounds (\(request.rounds) × \(request.seatsPerTable))")
        }
        for (i, p) in fixedPairs {
            if !innovations.contains(i) { throw .capacity("the fixed meeting \(name(i)) – \(name(p)) names \(name(i)), who is not among the attending innovations") }
            if !partners.contains(p) { throw .capacity("the fixed meeting \(name(i)) – \(name(p)) names \(name(p)), who is not among the attending partners") }
        }

        // Candidate pairs and their gains.
        var gains: [(innovation: Int, partner: Int, candidate: MatchCandidate)] = []
        var candidateOf: [ActorPair: MatchCandidate] = [:]
        for i in innovations {
            for (p, c) in zip(partners, candidates(for: i, among: partners)) {
                guard let c, p != i else { continue }
                let pair = ActorPair(i, p)
                if seenFixed.contains(pair) { candidateOf[pair] = c; continue }
                if request.forbidden.contains(pair) || c.score <= 0 { continue }
                gains.append((i, p, c))
            }
        }

        let innovationIndex = Dictionary(uniqueKeysWithValues: innovations.enumerated().map { ($1, $0) })
        let partnerIndex = Dictionary(uniqueKeysWithValues: partners.enumerated().map { ($1, $0) })
        let picked = EventSolver.choose(
            pairs: gains.map { (innovationIndex[$0.innovation]!, partnerIndex[$0.partner]!, $0.candidate.score) },
            innovationCapacity: innovations.map { request.rounds - fixedCount[$0, default: 0] },
            partnerCapacity: partners.map { partnerCapacity - fixedCount[$0, default: 0] }, seed: request.seed)

        var chosen: [(Int, Int, MatchCandidate?, Bool)] = fixedPairs.map { ($0.0, $0.1, candidateOf[ActorPair($0.0, $0.1)], true) }
        for g in picked {
            chosen.append((gains[g].innovation, gains[g].partner, gains[g].candidate, false))
        }
        // Deterministic order before colouring: by partner label, then innovation label.
        let byLabel = { (a: Int, b: Int) in Actor.byLabel(self.study.actors[a], self.study.actors[b]) }
        chosen.sort { x, y in x.1 != y.1 ? byLabel(x.1, y.1) : byLabel(x.0, y.0) }
        let rounds = EdgeColoring.rounds(
            pairs: chosen.map { ($0.0, $0.1) }, rounds: request.rounds, groupSize: request.rounds)
        var meetings = zip(chosen, rounds).map { c, r in
            Meeting(round: r + 1, innovation: c.0, partner: c.1, candidate: c.2, isFixed: c.3)
        }
        meetings.sort { a, b in
            if a.round != b.round { return a.round < b.round }
            if a.partner != b.partner { return byLabel(a.partner, b.partner) }
            return byLabel(a.innovation, b.innovation)
        }
        return EventPlan(request: request, meetings: meetings, totalGain: meetings.reduce(0) { $0 + $1.gain },
                         candidatePairs: gains.count)
    }
}

/// Which pairs meet: a maximum-weight b-matching by min-cost flow.
enum EventSolver {
    /// The indices of `pairs` (innovation index, partner index, gain > 0) chosen so that innovation k
    /// has at most `innovationCapacity[k]` and partner k at most `partnerCapacity[k]` pairs and the
    /// total gain is maximal. The seed orders the pair edges, which decides between equal optima.
    static func choose(pairs: [(Int, Int, Double)], innovationCapacity: [Int], partnerCapacity: [Int],
                       seed: UInt64) -> [Int] {
        let ni = innovationCapacity.count, np = partnerCapacity.count
        var flow = MinCostFlow(nodeCount: ni + np + 2)
        let source = ni + np, sink = source + 1
        for (k, c) in innovationCapacity.enumerated() { flow.addEdge(source, k, capacity: c, cost: 0) }
        for (k, c) in partnerCapacity.enumerated() { flow.addEdge(ni + k, sink, capacity: c, cost: 0) }
        var rng = SplitMix64(seed: seed)
        var order = Array(pairs.indices)
        // Fisher–Yates with our own generator: the same order on every platform and Swift version.
        if order.count > 1 {
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(k, Int(rng.next() % UInt64(k + 1)))
            }
        }
        var edgeOfPair = [Int](repeating: -1, count: pairs.count)
        for g in order {
            edgeOfPair[g] = flow.addEdge(pairs[g].0, ni + pairs[g].1, capacity: 1, cost: -pairs[g].2)
        }
        flow.maximizeGain(from: source, to: sink)
        return pairs.indices.filter { flow.flow(onEdge: edgeOfPair[$0]) > 0 }
    }
}

/// Spreading chosen pairs over rounds.
enum EdgeColoring {
    /// A round (0-based) for each pair such that no innovation has two pairs in one round and each
    /// partner's pairs, split in input order into groups of `groupSize` (= rounds), have each group at
    /// most once per round — so a partner with d pairs meets at most ⌈d / rounds⌉ innovations a round. Requires every innovation to have at
    /// most `rounds` pairs. König: a bipartite graph of maximum degree Δ has a proper Δ-edge-colouring;
    /// found by flipping alternating two-coloured paths (O(E·V)).
    static func rounds(pairs: [(Int, Int)], rounds: Int, groupSize: Int) -> [Int] {
        // Left vertices: innovations; right vertices: (partner, group of `groupSize` of its pairs).
        struct Group: Hashable { let partner: Int, group: Int }
        var left: [Int: Int] = [:], right: [Group: Int] = [:]
        var pairCount: [Int: Int] = [:]
        var ends: [(Int, Int)] = []
        var vertexCount = 0
        for (i, p) in pairs {
            let u: Int
            if let known = left[i] { u = known } else { u = vertexCount; left[i] = u; vertexCount += 1 }
            let key = Group(partner: p, group: pairCount[p, default: 0] / groupSize)
            pairCount[p, default: 0] += 1
            let v: Int
            if let known = right[key] { v = known } else { v = vertexCount; right[key] = v; vertexCount += 1 }
            ends.append((u, v))
        }
        // at[v][c]: the pair coloured c at v, or -1.
        var at = [[Int]](repeating: [Int](repeating: -1, count: rounds), count: vertexCount)
        var color = [Int](repeating: -1, count: pairs.count)
        for (e, (u, v)) in ends.enumerated() {
            guard let a = (0..<rounds).first(where: { at[u][$0] < 0 }),
                  let b = (0..<rounds).first(where: { at[v][$0] < 0 }) else {
                preconditionFailure("a vertex has more pairs than rounds")
            }
            if at[v][a] >= 0 {
                // Flip the a/b path starting at v (it cannot reach u: bipartite parity).
                var path: [Int] = []
                var x = v, c = a
                while at[x][c] >= 0 {
                    let f = at[x][c]
                    path.append(f)
                    x = ends[f].0 == x ? ends[f].1 : ends[f].0
                    c = c == a ? b : a
                }
                for f in path {
                    at[ends[f].0][color[f]] = -1
                    at[ends[f].1][color[f]] = -1
                }
                for f in path {
                    color[f] = color[f] == a ? b : a
                    at[ends[f].0][color[f]] = f
                    at[ends[f].1][color[f]] = f
                }
            }
            color[e] = a
            at[u][a] = e
            at[v][a] = e
        }
        return color
    }
}

/// Min-cost flow by successive shortest paths with potentials (all costs ≤ 0 only on edges leaving
/// innovations; the initial potentials come from the layered structure source → innovations →
/// partners → sink).
struct MinCostFlow {
    var to: [Int] = [], capacity: [Int] = [], cost: [Double] = []
    var adjacency: [[Int]]
    let nodeCount: Int

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        adjacency = [[Int]](repeating: [], count: nodeCount)
    }

    @discardableResult
    mutating func addEdge(_ u: Int, _ v: Int, capacity c: Int, cost w: Double) -> Int {
        let e = to.count
        to.append(v); capacity.append(max(c, 0)); cost.append(w); adjacency[u].append(e)
        to.append(u); capacity.append(0); cost.append(-w); adjacency[v].append(e + 1)
        return e
    }

    /// Flow on a forward edge.
    func flow(onEdge e: Int) -> Int { capacity[e ^ 1] }

    /// Augments along cheapest paths while they have negative cost (each gains).
    mutating func maximizeGain(from s: Int, to t: Int) {
        // Initial potentials: shortest distances by Bellman–Ford (the graph is a DAG of three layers,
        // so a few passes settle it; negative costs exist only on innovation → partner edges).
        var potential = [Double](repeating: .infinity, count: nodeCount)
        potential[s] = 0
        for _ in 0..<4 {
            var changed = false
            for u in 0..<nodeCount where potential[u] < .infinity {
                for e in adjacency[u] where capacity[e] > 0 && potential[u] + cost[e] < potential[to[e]] {
                    potential[to[e]] = potential[u] + cost[e]
                    changed = true
                }
            }
            if !changed { break }
        }
        for v in 0..<nodeCount where potential[v] == .infinity { potential[v] = 0 }
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var previous = [Int](repeating: -1, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        while true {
            for v in 0..<nodeCount { distance[v] = .infinity; previous[v] = -1; done[v] = false }
            distance[s] = 0
            var heap = Heap()
            heap.push(0, s)
            while let (d, u) = heap.pop() {
                if done[u] || d > distance[u] { continue }
                done[u] = true
                for e in adjacency[u] where capacity[e] > 0 {
                    let v = to[e]
                    // Reduced costs are ≥ 0 up to rounding; clamp so rounding never reorders settled nodes.
                    let reduced = max(0, cost[e] + potential[u] - potential[v])
                    if distance[u] + reduced < distance[v] {
                        distance[v] = distance[u] + reduced
                        previous[v] = e
                        heap.push(distance[v], v)
                    }
                }
            }
            guard distance[t] < .infinity else { return }
            // The path's real cost.
            var pathCost = 0.0
            var v = t
            while v != s { let e = previous[v]; pathCost += cost[e]; v = to[e ^ 1] }
            guard pathCost < -1e-12 else { return }
            v = t
            while v != s { let e = previous[v]; capacity[e] -= 1; capacity[e ^ 1] += 1; v = to[e ^ 1] }
            for u in 0..<nodeCount where distance[u] < .infinity { potential[u] += distance[u] }
        }
    }

    /// A binary min-heap of (distance, node).
    struct Heap {
        var items: [(Double, Int)] = []
        mutating func push(_ d: Double, _ v: Int) {
            items.append((d, v))
            var k = items.count - 1
            while k > 0 {
                let parent = (k - 1) / 2
                guard less(items[k], items[parent]) else { break }
                items.swapAt(k, parent)
                k = parent
            }
        }
        mutating func pop() -> (Double, Int)? {
            guard !items.isEmpty else { return nil }
            let top = items[0]
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var k = 0
                while true {
                    let l = 2 * k + 1, r = l + 1
                    var m = k
                    if l < items.count && less(items[l], items[m]) { m = l }
                    if r < items.count && less(items[r], items[m]) { m = r }
                    if m == k { break }
                    items.swapAt(k, m)
                    k = m
                }
            }
            return top
        }
        func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
    }
}

/// SplitMix64: a small seeded generator, the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
