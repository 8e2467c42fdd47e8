import WeakTiesGraph

/// A partition of the nodes into components.
public struct Components: Sendable, Equatable {
    /// Component number of each node. Components are numbered in order of their smallest node index,
    /// so the numbering is deterministic.
    public let componentOfNode: [Int32]
    /// Number of nodes in each component.
    public let sizes: [Int]

    /// Number of components (0 for the empty graph; each isolate is a component of its own).
    public var count: Int { sizes.count }

    /// Size of the largest component (0 for the empty graph).
    public var largestSize: Int { sizes.max() ?? 0 }
}

/// Connected (weakly) and strongly connected components.
extension Graph {
    /// Connected components; for a directed graph, weakly connected components (directions ignored).
    ///
    /// Union–find with path halving and union by size over the edge list, so it uses no recursion and
    /// no stack proportional to the graph (a 1M-node path is fine).
    /// - Complexity: O(m α(n) + n) time, O(n) memory.
    public func connectedComponents() -> Components {
        let n = nodeCount
        var parent = [Int32](0..<Int32(n))
        var size = [Int32](repeating: 1, count: n)
        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                let grand = parent[Int(parent[Int(x)])]
                parent[Int(x)] = grand
                x = grand
            }
            return x
        }
        for e in 0..<edgeCount {
            var a = find(edgeSources[e]), b = find(edgeTargets[e])
            if a == b { continue }
            if size[Int(a)] < size[Int(b)] { swap(&a, &b) }
            parent[Int(b)] = a
            size[Int(a)] += size[Int(b)]
        }
        var label = [Int32](repeating: -1, count: n)
        var componentOfNode = [Int32](repeating: 0, count: n)
        var sizes: [Int] = []
        for v in 0..<n {
            let root = Int(find(Int32(v)))
            if label[root] < 0 {
                label[root] = Int32(sizes.count)
                sizes.append(0)
            }
            componentOfNode[v] = label[root]
            sizes[Int(label[root])] += 1
        }
        return Components(componentOfNode: componentOfNode, sizes: sizes)
    }

    /// Strongly connected components of a directed graph (for an undirected graph, the connected
    /// components).
    ///
    /// Tarjan's algorithm with an explicit stack (no recursion). Components are renumbered in order of
    /// their smallest node index.
    /// - Complexity: O(n + m) time and memory.
    public func stronglyConnectedComponents() -> Components {
        guard isDirected else { return connectedComponents() }
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int32] = []
        var rawComponent = [Int32](repeating: -1, count: n)
        var componentCount: Int32 = 0
        var counter: Int32 = 0
        // Call frames: (node, next position in its adjacency list).
        var frames: [(node: Int32, next: Int)] = []
        let a = Adjacency(self)
        for root in 0..<Int32(n) where index[Int(root)] < 0 {
            frames.append((root, a.outOffsets[Int(root)]))
            index[Int(root)] = counter; lowLink[Int(root)] = counter; counter += 1
            stack.append(root); onStack[Int(root)] = true
            while let frame = frames.last {
                let v = Int(frame.node)
                if frame.next < a.outOffsets[v + 1] {
                    frames[frames.count - 1].next += 1
                    let w = Int(a.outNeighbors[frame.next])
                    if index[w] < 0 {
                        index[w] = counter; lowLink[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        frames.append((Int32(w), a.outOffsets[w]))
                    } else if onStack[w] {
                        lowLink[v] = min(lowLink[v], index[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[v]) }
                if lowLink[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        rawComponent[Int(w)] = componentCount
                        if Int(w) == v { break }
                    }
                    componentCount += 1
                }
            }
        }
        // Renumber by smallest member for a deterministic, traversal-independent numbering.
        var renumber = [Int32](repeating: -1, count: Int(componentCount))
        var componentOfNode = [Int32](repeating: 0, count: n)
        var sizes: [Int] = []
        for v in 0..<n {
            let raw = Int(rawComponent[v])
            if renumber[raw] < 0 { renumber[raw] = Int32(sizes.count); sizes.append(0) }
            componentOfNode[v] = renumber[raw]
            sizes[Int(renumber[raw])] += 1
        }
        return Components(componentOfNode: componentOfNode, sizes: sizes)
    }
}
