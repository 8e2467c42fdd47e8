import WeakTiesStudy

/// The study seen from above: its actors in groups of region × partner type (innovations as the type
/// `innovation`, as `StudyMetrics.groups(by: "partner_type")` counts them), with the ties within and
/// between the groups, strong and weak. The numbers behind a report's group overview map, which
/// replaces the map of every actor in large studies.
///
/// An actor without a region forms the group of its type without a region (`region` nil); one without
/// a type (a partner not coded), the group `type` nil. Every actor is in exactly one group, so the
/// groups' actors add up to the study's and the ties within and between them to its ties.
///
/// - Complexity: O(actors + ties) time, O(groups²) memory at most (links are kept only where ties are).
public struct StudyGroups: Sendable, Equatable {
    /// One group of actors.
    public struct Group: Sendable, Equatable {
        /// The region (trimmed as the nodes table gives it; nil: no region).
        public let region: String?
        /// The partner type in lower case, `innovation` for innovations (nil: none coded).
        public let type: String?
        /// How many actors the group has.
        public let actors: Int
        /// Ties between two actors of the group, and how many of them are weak.
        public let tiesWithin: Int, weakWithin: Int
        /// The weak share of the ties within (NaN without any).
        public var weakShareWithin: Double { tiesWithin == 0 ? .nan : Double(weakWithin) / Double(tiesWithin) }
    }

    /// The ties between two groups (`a` < `b`, indices into `groups`).
    public struct Link: Sendable, Equatable {
        public let a: Int, b: Int
        /// How many ties join an actor of one group with one of the other, and how many are weak.
        public let ties: Int, weak: Int
        /// The weak share of these ties (ties > 0, so always defined).
        public var weakShare: Double { Double(weak) / Double(ties) }
    }

    /// The groups, by region (those without one last), then type (innovations first, none last).
    public let groups: [Group]
    /// Every pair of groups with at least one tie between them, by `a`, then `b`.
    public let links: [Link]
    /// The group of each actor (index into `groups`), by actor index.
    public let groupOfActor: [Int]

    /// Groups `study`'s actors by region × partner type.
    public init(study: Study) {
        let regions = study.nodeAttributeValues("region") ?? Array(repeating: nil, count: study.actors.count)
        let types: [String?] = (study.nodeAttributeValues("partner_type") ?? Array(repeating: nil, count: study.actors.count))
            .enumerated().map { v, type in study.actors[v].kind == .innovation ? "innovation" : type }
        struct Key: Hashable { let region: String?, type: String? }
        func before(_ x: Key, _ y: Key) -> Bool {
            if x.region != y.region {
                guard let a = x.region else { return false }
                guard let b = y.region else { return true }
                return a < b
            }
            func rank(_ t: String?) -> (Int, String) { t == "innovation" ? (0, "") : t.map { (1, $0) } ?? (2, "") }
            return rank(x.type) < rank(y.type)
        }
        let keys = study.actors.indices.map { Key(region: regions[$0], type: types[$0]) }
        let ordered = Array(Set(keys)).sorted(by: before)
        let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        let groupOfActor = keys.map { index[$0]! }
        var actors = [Int](repeating: 0, count: ordered.count)
        for g in groupOfActor { actors[g] += 1 }
        var within = [(ties: Int, weak: Int)](repeating: (0, 0), count: ordered.count)
        var between: [Int: (ties: Int, weak: Int)] = [:]
        let n = ordered.count
        for t in 0..<study.ties.count {
            let a = groupOfActor[Int(study.ties.source[t])], b = groupOfActor[Int(study.ties.target[t])]
            let weak = study.ties.strength[t] == .weak ? 1 : 0
            if a == b {
                within[a].ties += 1
                within[a].weak += weak
            } else {
                let key = min(a, b) * n + max(a, b)
                let old = between[key] ?? (0, 0)
                between[key] = (old.ties + 1, old.weak + weak)
            }
        }
        groups = ordered.enumerated().map { g, key in
            Group(region: key.region, type: key.type, actors: actors[g], tiesWithin: within[g].ties, weakWithin: within[g].weak)
        }
        links = between.keys.sorted().map { key in Link(a: key / n, b: key % n, ties: between[key]!.ties, weak: between[key]!.weak) }
        self.groupOfActor = groupOfActor
    }
}
