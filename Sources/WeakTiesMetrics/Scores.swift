// WeakTiesMetrics: generic network metrics on the Graph, one per file, by family. Not here: domain words,
// study-level choices (which groups, which weights: WeakTiesAnalysis), files.
import WeakTiesGraph

/// One score per node, indexed like the graph's nodes. NaN marks an undefined value (documented per metric).
public struct NodeScores: Sendable, Equatable {
    /// The score of each node, indexed by node; NaN where the metric is undefined for that node.
    public let values: [Double]

    /// Scores from `values`, one per node in node order.
    public init(_ values: [Double]) { self.values = values }

    /// The score of node `node`.
    public subscript(node: Int) -> Double { values[node] }
    /// Number of scores (the graph's node count).
    public var count: Int { values.count }

    /// Node indices ordered by descending score; NaN last; ties by ascending index (deterministic).
    public func ranking() -> [Int] {
        values.indices.sorted { a, b in
            let x = values[a], y = values[b]
            if x.isNaN != y.isNaN { return !x.isNaN }
            if x != y && !x.isNaN { return x > y }
            return a < b
        }
    }

    /// The `k` highest-scoring nodes (by `ranking()`).
    public func top(_ k: Int) -> [Int] { Array(ranking().prefix(k)) }

    public static func == (a: NodeScores, b: NodeScores) -> Bool {
        a.values.count == b.values.count && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}

/// One score per edge, indexed like the graph's edges.
public struct EdgeScores: Sendable, Equatable {
    /// The score of each edge, indexed by edge id.
    public let values: [Double]

    /// Scores from `values`, one per edge in edge id order.
    public init(_ values: [Double]) { self.values = values }

    /// The score of edge `edge`.
    public subscript(edge: Int) -> Double { values[edge] }
    /// Number of scores (the graph's edge count).
    public var count: Int { values.count }
}

/// A metric could not be computed from the given input.
public enum MetricError: Error, Equatable, CustomStringConvertible {
    /// Edge `edge` has a weight that is not finite and positive (zero, negative, infinite or NaN).
    case invalidWeight(edge: Int, value: Double)
    /// The weights do not number one per edge: `actual` given for `expected` edges.
    case weightCount(expected: Int, actual: Int)
    /// A per-node input (group labels, community numbers) does not number one per node.
    case attributeCount(expected: Int, actual: Int)
    /// A per-edge input other than weights (such as weak-tie flags) does not number one per edge.
    case edgeValueCount(expected: Int, actual: Int)
    /// A parameter is out of range or the input does not allow the metric; the message says which.
    case invalidParameter(String)

    public var description: String {
        switch self {
        case let .invalidWeight(edge, value): "edge \(edge) has weight \(value); weights must be finite and positive"
        case let .weightCount(expected, actual): "\(actual) weights given for \(expected) edges"
        case let .attributeCount(expected, actual): "\(actual) attribute values given for \(expected) nodes"
        case let .edgeValueCount(expected, actual): "\(actual) per-edge values given for \(expected) edges"
        case let .invalidParameter(message): message
        }
    }
}

/// How edge weights enter a metric: never guessed, always said.
public enum EdgeWeights: Sendable, Equatable {
    /// Every edge counts 1.
    case none
    /// Weights are lengths (costs): a path's length is the sum of its weights. Must be finite and > 0.
    case distance([Double])
    /// Weights are tie strengths (more is closer/stronger). Must be finite and > 0. Path metrics use
    /// 1/strength as the length.
    case strength([Double])

    /// Per-edge lengths for shortest paths, or nil when unweighted. Validates the weights.
    func lengths(edgeCount: Int) throws(MetricError) -> [Double]? {
        switch self {
        case .none: return nil
        case .distance(let w): try Self.validate(w, edgeCount); return w
        case .strength(let w): try Self.validate(w, edgeCount); return w.map { 1 / $0 }
        }
    }

    /// Per-edge strengths (for weighted degree and Burt's weighted forms), or nil when unweighted.
    func strengths(edgeCount: Int) throws(MetricError) -> [Double]? {
        switch self {
        case .none: return nil
        case .strength(let w): try Self.validate(w, edgeCount); return w
        case .distance(let w): try Self.validate(w, edgeCount); return w.map { 1 / $0 }
        }
    }

    static func validate(_ weights: [Double], _ edgeCount: Int) throws(MetricError) {
        guard weights.count == edgeCount else { throw .weightCount(expected: edgeCount, actual: weights.count) }
        for (e, w) in weights.enumerated() where !(w.isFinite && w > 0) { throw .invalidWeight(edge: e, value: w) }
    }
}
