import WeakTiesGraph
import WeakTiesStudy

/// Suggestions for one innovation: weak ties worth strengthening and partners worth meeting. (The
/// matching of innovations and partners at events builds on these.)
extension InnovationProfiles {
    /// Weak ties that carry what strong ties cannot (bridges, local bridges, ties to partners who work
    /// with other innovations). Score = 100 for a bridge + the span of a local bridge (at most 20; a
    /// bridge's infinite span counts 20) + the number of other innovations the partner is tied to + the
    /// partner's normalised betweenness (at most 1, a tie-breaker).
    func tiesToStrengthen(_ v: Int, _ evidence: [TieEvidence]) -> [Suggestion] {
        let candidates: [Suggestion] = evidence.filter { $0.strength == .weak }.compactMap { tie in
            var reasons: [String] = []
            if tie.isBridge { reasons.append("bridge") } else if !tie.localBridgeSpan.isNaN { reasons.append("local_bridge") }
            let otherInnovations = graph.neighbors(of: Int32(tie.partner)).count {
                Int($0) != v && study.actors[Int($0)].kind == .innovation
            }
            if otherInnovations > 0 { reasons.append("broker") }
            let b = betweennessNormalized[tie.partner]
            if reasons.isEmpty { return nil }
            let score = (tie.isBridge ? 100 : 0) + (tie.localBridgeSpan.isNaN ? 0 : min(tie.localBridgeSpan, 20))
                + Double(otherInnovations) + (b.isNaN ? 0 : b)
            return Suggestion(partner: tie.partner, tie: tie.tie, reasons: reasons, introducers: [], score: score)
        }
        return Array(candidates.sorted { rank($0, $1) }.prefix(suggestions))
    }

    /// Partners two steps away (someone it knows can introduce them), ordered strictly: first by how
    /// many of {a partner type, a region} it has no tie to yet they bring, then by the number of
    /// introducers, then by their number of ties. Score = 1,000,000 × new + 1,000 × introducers
    /// (at most 999) + ties (at most 999), which encodes that order.
    func partnersToMeet(_ v: Int, alters: Set<Int>) -> [Suggestion] {
        let ownTypes = Set(alters.compactMap { types[$0] })
        let ownRegions = Set(alters.compactMap { regions[$0] } + [regions[v]].compactMap { $0 })
        var introducers: [Int: [Int]] = [:]
        for a in alters.sorted() {
            for w in graph.neighbors(of: Int32(a)).map(Int.init) where w != v && !alters.contains(w)
                && study.actors[w].kind == .partner {
                if introducers[w]?.last != a { introducers[w, default: []].append(a) }
            }
        }
        let candidates: [Suggestion] = introducers.map { w, via in
            var reasons: [String] = []
            if let t = types[w], !ownTypes.contains(t) { reasons.append("new_partner_type") }
            if let r = regions[w], !ownRegions.contains(r) { reasons.append("new_region") }
            reasons.append("introduced")
            let degree = graph.degree(of: Int32(w))
            let score = Double(reasons.count - 1) * 1_000_000 + Double(min(via.count, 999)) * 1_000 + Double(min(degree, 999))
            let sortedVia = via.sorted { Actor.byLabel(study.actors[$0], study.actors[$1]) }
            return Suggestion(partner: w, tie: nil, reasons: reasons, introducers: Array(sortedVia.prefix(3)), score: score)
        }
        return Array(candidates.sorted { rank($0, $1) }.prefix(suggestions))
    }

    private func rank(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return Actor.byLabel(study.actors[a.partner], study.actors[b.partner])
    }
}
