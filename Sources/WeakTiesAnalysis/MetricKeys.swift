import WeakTiesMetrics

/// A node metric of a study, by typed key; the raw value is its column name in every output.
/// Definitions, normalisation and weights: Docs/Metrics/.
public enum NodeMetric: String, Sendable, CaseIterable, Hashable {
    /// Number of ties (`degree`) and degree / (n − 1) (`degree_centrality`).
    case degree, degreeCentrality = "degree_centrality"
    /// Sum of tie weights (strengths, or 1 per tie).
    case strength
    /// Betweenness, raw (each unordered pair once) and normalised by `2/((n−1)(n−2))`.
    case betweenness, betweennessNormalized = "betweenness_normalized"
    /// Wasserman–Faust closeness, `(r/(n−1)) · r / Σ d` over the r actors reachable (path lengths from
    /// the study's weights); 0 for an actor that reaches nobody.
    case closeness
    /// Harmonic centrality, `Σ 1/d` over the other actors (unreachable ones add 0); not normalised.
    case harmonic
    /// Eigenvector centrality of the 0/1 adjacency (weights ignored), unit Euclidean norm; NaN
    /// everywhere when the iteration does not converge or the network has no ties.
    case eigenvector
    /// PageRank (damping 0.85, unweighted); the scores sum to 1.
    case pagerank
    /// Local clustering coefficient: triangles through the actor / `k(k−1)/2` over its k distinct
    /// neighbours; 0 for k < 2.
    case clustering
    /// k-core number: the largest k such that the actor lies in a subgraph where every actor has at
    /// least k neighbours; 0 for isolates.
    case coreNumber = "core_number"
    /// Burt's structural holes.
    case constraint, effectiveSize = "effective_size", efficiency, hierarchy, egoDensity = "ego_density"
    /// Share of the actor's ties that are weak.
    case weakTieShare = "weak_tie_share"
    /// Granovetter's test per actor: its ties that are bridges or local bridges, and how many are weak.
    case bridges, weakBridges = "weak_bridges", localBridges = "local_bridges", weakLocalBridges = "weak_local_bridges"
    /// Louvain community (numbered from 0) and the share of the actor's ties leaving it.
    case community, communityExternalShare = "community_external_share"
}

/// A node-level group mixing metric, computed by an attribute (see `StudyMetrics.groups(by:)`).
public enum GroupMetric: String, Sendable, CaseIterable, Hashable {
    /// (external − internal) / all ties, by the ego's group.
    case eiIndex = "ei"
    /// Blau heterogeneity of the alters' groups, and its normalisation (index of qualitative variation).
    case blau, iqv
    /// Share of alters in another group than the ego's.
    case outsideShare = "outside_share"
}

/// Where tie weights come from and what they mean.
public enum WeightMode: String, Sendable, CaseIterable {
    /// Every tie counts 1.
    case none
    /// The tie's `weight` column (mean of its mentions' weights) as a strength, or, where the ties
    /// table has no weight column, its number of mentions; path lengths are 1/strength.
    case strength
    /// The tie's `weight` column as a length (requires the column).
    case distance
}
