import WeakTiesGraph

/// Reusable scratch for single-source shortest paths (one per worker): distances, path counts, the
/// visit order (a stack for Brandes' backward pass), and dependency accumulators.
/// Arrays are sized once; only touched entries are reset between sources.
struct ShortestPathScratch {
    var distance: [Double]
    var hops: [Int32]
    var sigma: [Double]
    var delta: [Double]
    /// The σ of one level in the breadth-first search, then the second coefficient buffer of the
    /// unweighted backward pass; all zero between sources.
    var levelCoefficient: [Double]
    var order: [Int32]
    var queue: [Int32]
    /// The nodes a bottom-up level of the breadth-first search still has to look at.
    var unreached: [Int32]
    var heap: [(Double, Int32)]

    init(nodeCount n: Int) {
        distance = [Double](repeating: .infinity, count: n)
        hops = [Int32](repeating: -1, count: n)
        sigma = [Double](repeating: 0, count: n)
        delta = [Double](repeating: 0, count: n)
        levelCoefficient = [Double](repeating: 0, count: n)
        order = []
        order.reserveCapacity(n)
        queue = [Int32](repeating: 0, count: n)
        unreached = [Int32](repeating: 0, count: n)
        heap = []
    }

    /// Clears what the last source touched.
    mutating func reset() {
        for v in order {
            distance[Int(v)] = .infinity
            hops[Int(v)] = -1
            sigma[Int(v)] = 0
            delta[Int(v)] = 0
        }
        order.removeAll(keepingCapacity: true)
    }

    /// Unweighted BFS from `source`: fills `hops`, `order` (non-decreasing distance) and, with
    /// `pathCounts`, `sigma` (the number of shortest paths). - Complexity: O(n + m) per source.
    ///
    /// Direction-optimising (Beamer, Asanović, Patterson 2012), level by level: a level is expanded
    /// top-down (the frontier's out-arcs, a test per arc) while its arcs are few, and bottom-up (each
    /// unreached node looks through its in-arcs for one in the frontier and stops at the first) once
    /// the frontier holds more than a third of the arcs still unexplored, which on small-world
    /// networks is the middle levels where most nodes are found. Path counts are then pulled, not
    /// pushed: a new node's σ is the sum over all its in-neighbours of `levelSigma`, which holds σ of
    /// the level before and zero elsewhere (one load per arc, no distance test; σ are integers, so
    /// the sums are exact in any order and the results are bit for bit those of the push version).
    /// Measured (whole kernel, BA n = 10,000, m = 5, 2,000 sources, one thread): forward pass
    /// 1.29–1.54 s → 0.63–0.69 s, exact betweenness 1.84 s → 1.00 s, same sums.
    mutating func breadthFirst(_ g: Adjacency, from source: Int32, pathCounts: Bool = true) {
        let n = g.nodeCount
        hops[Int(source)] = 0
        sigma[Int(source)] = 1
        var tail = 1
        queue[0] = source
        g.outOffsets.withUnsafeBufferPointer { outOffsets in
            g.outNeighbors.withUnsafeBufferPointer { outNeighbors in
                g.inOffsets.withUnsafeBufferPointer { inOffsets in
                    g.inNeighbors.withUnsafeBufferPointer { inNeighbors in
                        hops.withUnsafeMutableBufferPointer { hops in
                            sigma.withUnsafeMutableBufferPointer { sigma in
                                levelCoefficient.withUnsafeMutableBufferPointer { levelSigma in
                                    unreached.withUnsafeMutableBufferPointer { unreached in
                                        queue.withUnsafeMutableBufferPointer { queue in
                                            var head = 0
                                            var level: Int32 = 0
                                            var unreachedCount = -1  // the list is made at the first bottom-up level
                                            var unexploredArcs = outOffsets[n]
                                            if pathCounts { levelSigma[Int(source)] = 1 }
                                            while head < tail {
                                                let end = tail, next = level + 1
                                                var frontierArcs = 0
                                                for j in head..<end {
                                                    let v = Int(queue[j])
                                                    frontierArcs += outOffsets[v + 1] - outOffsets[v]
                                                }
                                                unexploredArcs -= frontierArcs
                                                if frontierArcs * 3 > unexploredArcs {
                                                    if unreachedCount < 0 {
                                                        unreachedCount = 0
                                                        for v in 0..<n where hops[v] < 0 {
                                                            unreached[unreachedCount] = Int32(v); unreachedCount += 1
                                                        }
                                                    }
                                                    var kept = 0
                                                    for u in 0..<unreachedCount {
                                                        let v = Int(unreached[u])
                                                        var found = false
                                                        for i in inOffsets[v]..<inOffsets[v + 1] where hops[Int(inNeighbors[i])] == level {
                                                            found = true; break
                                                        }
                                                        if found {
                                                            hops[v] = next; queue[tail] = Int32(v); tail += 1
                                                        } else {
                                                            unreached[kept] = Int32(v); kept += 1
                                                        }
                                                    }
                                                    unreachedCount = kept
                                                } else {
                                                    for j in head..<end {
                                                        let v = Int(queue[j])
                                                        for i in outOffsets[v]..<outOffsets[v + 1] {
                                                            let w = outNeighbors[i]
                                                            if hops[Int(w)] < 0 {
                                                                hops[Int(w)] = next; queue[tail] = w; tail += 1
                                                            }
                                                        }
                                                    }
                                                    if unreachedCount > 0 {
                                                        var kept = 0
                                                        for u in 0..<unreachedCount where hops[Int(unreached[u])] < 0 {
                                                            unreached[kept] = unreached[u]; kept += 1
                                                        }
                                                        unreachedCount = kept
                                                    }
                                                }
                                                if pathCounts {
                                                    for j in end..<tail {
                                                        let v = Int(queue[j])
                                                        var sum = 0.0
                                                        for i in inOffsets[v]..<inOffsets[v + 1] { sum += levelSigma[Int(inNeighbors[i])] }
                                                        sigma[v] = sum
                                                    }
                                                    for j in head..<end { levelSigma[Int(queue[j])] = 0 }
                                                    for j in end..<tail { levelSigma[Int(queue[j])] = sigma[Int(queue[j])] }
                                                }
                                                head = end
                                                level = next
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // The last level found nothing and cleared its own σ: `levelSigma` is all zero again.
        order.append(contentsOf: queue[0..<tail])
    }

    /// Dijkstra from `source` with edge `lengths`: fills `distance`, `sigma` and `order` (settling
    /// order). Path lengths within a relative 1e-12 count as equal, so that sums of floating weights
    /// taken in different orders do not split tied paths. - Complexity: O((n + m) log n) per source.
    mutating func dijkstra(_ g: Adjacency, from source: Int32, lengths: [Double]) {
        distance[Int(source)] = 0
        sigma[Int(source)] = 1
        heap.removeAll(keepingCapacity: true)
        heapPush((0, source))
        // hops: -1 unreached, 0 reached, 1 settled.
        hops[Int(source)] = 0
        while let (d, v) = heapPop() {
            if hops[Int(v)] == 1 || d > distance[Int(v)] { continue }
            hops[Int(v)] = 1
            order.append(v)
            for i in g.outOffsets[Int(v)]..<g.outOffsets[Int(v) + 1] {
                let w = g.outNeighbors[i]
                let candidate = d + lengths[Int(g.outEdges[i])]
                let current = distance[Int(w)]
                if current.isInfinite || candidate < current * (1 - 1e-12) - 1e-300 {
                    if current.isInfinite { hops[Int(w)] = 0 }
                    distance[Int(w)] = candidate
                    sigma[Int(w)] = sigma[Int(v)]
                    heapPush((candidate, w))
                } else if hops[Int(w)] != 1 && Self.sameLength(candidate, current) {
                    sigma[Int(w)] += sigma[Int(v)]
                }
            }
        }
        // `reset` walks `order`: every node touched is in it (all reached nodes are settled).
    }

    /// Path lengths equal up to a relative 1e-12 (sums of the same weights in another order).
    @inline(__always)
    static func sameLength(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(a, b) }

    private mutating func heapPush(_ item: (Double, Int32)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if (heap[parent].0, heap[parent].1) <= (item.0, item.1) { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = item
    }

    private mutating func heapPop() -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        var i = 0
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            var best = last
            if l < n && (heap[l].0, heap[l].1) < (best.0, best.1) { smallest = l; best = heap[l] }
            if r < n && (heap[r].0, heap[r].1) < (best.0, best.1) { smallest = r; best = heap[r] }
            if smallest == i { break }
            heap[i] = heap[smallest]
            i = smallest
        }
        heap[i] = last
        return top
    }
}

/// Sources in a block of `forEachSource`: blocks of this many sources are what the workers share out.
let sourceBlock = 256

/// Runs `body` for every source node and returns the combined partial result, the same on any number
/// of threads: the sources are cut into fixed blocks of `sourceBlock` in their order, each block's
/// partial starts from `makePartial()` and takes its sources in order, and the blocks' partials are
/// combined in block order (`combine(&first, second)`; the first block's partial is the start). So a
/// sum over sources has the same bits on 1 or 64 cores, and with `sourceBlock` sources or fewer it is
/// a plain loop's. `threads` workers take the next block as they finish one; a finished block waits
/// only for the blocks before it, so at most about `threads` partials are held at once.
/// (Betweenness of the regional model's 10,500 actors: 3.9 s on one thread, 2.0 s on two.)
func forEachSource<Partial>(
    _ g: Graph, threads: Int, sources given: [Int32]? = nil, makePartial: () -> Partial,
    combine: (inout Partial, Partial) -> Void,
    _ body: (inout ShortestPathScratch, Int32, inout Partial) -> Void
) -> Partial {
    let n = g.nodeCount
    let sources = given ?? (0..<Int32(n)).map { $0 }
    let count = sources.count
    let blocks = max(1, (count + sourceBlock - 1) / sourceBlock)
    let workers = max(1, min(threads, blocks))
    func block(_ b: Int, _ scratch: inout ShortestPathScratch, _ partial: inout Partial) {
        for i in (b * sourceBlock)..<min(count, (b + 1) * sourceBlock) {
            body(&scratch, sources[i], &partial)
            scratch.reset()
        }
    }
    if workers == 1 {
        var scratch = ShortestPathScratch(nodeCount: n)
        var total = makePartial()
        block(0, &scratch, &total)
        for b in 1..<blocks {
            var partial = makePartial()
            block(b, &scratch, &partial)
            combine(&total, partial)
        }
        return total
    }
    let state = BlockQueue<Partial>(blocks: blocks)
    nonisolated(unsafe) let run = body
    nonisolated(unsafe) let make = makePartial
    nonisolated(unsafe) let merge = combine
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var scratch = ShortestPathScratch(nodeCount: n)
        while let b = state.next() {
            var partial = make()
            for i in (b * sourceBlock)..<min(count, (b + 1) * sourceBlock) {
                run(&scratch, sources[i], &partial)
                scratch.reset()
            }
            state.finish(b, partial, combine: merge)
        }
    }
    return state.total!
}

/// The blocks of `forEachSource`: which comes next, and the partials combined in block order as they
/// arrive (under a lock: one combination is O(n + m), a block's sources O(256 · m)).
private final class BlockQueue<Partial>: @unchecked Sendable {
    private let lock = NSLock()
    private let blocks: Int
    private var handedOut = 0
    private var waiting: [Int: Partial] = [:]
    private var combined = 0
    private(set) var total: Partial?

    init(blocks: Int) { self.blocks = blocks }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard handedOut < blocks else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func finish(_ b: Int, _ partial: Partial, combine: (inout Partial, Partial) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        waiting[b] = partial
        while let ready = waiting.removeValue(forKey: combined) {
            if total == nil { total = ready } else { combine(&total!, ready) }
            combined += 1
        }
    }
}

import Dispatch

/// The number of cores, the default for parallel metrics.
public var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }

import Foundation
