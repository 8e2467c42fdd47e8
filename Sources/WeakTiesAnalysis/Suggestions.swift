import WeakTiesGraph
import WeakTiesStudy

/// Suggestions for one innovation: weak ties worth strengthening and partners worth meeting (the
/// latter from the matching, so the report and `weakties match` rank alike).
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

    /// The best candidates of the matching (`Matching`, default weights; Docs/Matching.md), with the
    /// reasons that carry their score: a new partner type, region, sector or community, less constraint,
    /// someone to introduce them; introducers strong ties first.
    func partnersToMeet(_ v: Int) -> [Suggestion] {
        (matching?.candidates(for: v, limit: suggestions) ?? []).map { c in
            var reasons: [String] = []
            if c.newPartnerType != nil { reasons.append("new_partner_type") }
            if c.newRegion != nil { reasons.append("new_region") }
            if c.newSector != nil { reasons.append("new_sector") }
            if c.newCommunity != nil { reasons.append("new_community") }
            if c.components.constraintDrop > 0 { reasons.append("lower_constraint") }
            if !c.introducers.isEmpty { reasons.append("introduced") }
            return Suggestion(partner: c.partner, tie: nil, reasons: reasons,
                              introducers: c.introducers.prefix(3).map(\.actor), score: c.score)
        }
    }

    private func rank(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return Actor.byLabel(study.actors[a.partner], study.actors[b.partner])
    }
}
