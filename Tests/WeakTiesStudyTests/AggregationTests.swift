import Testing
import TestSupport
@testable import WeakTiesStudy

/// A dictionary-encoded column from plain cells (values in order of first appearance).
private func column(_ cells: [String]) -> TextColumn {
    var column = TextColumn()
    var codeOf: [String: Int32] = [:]
    for cell in cells {
        if codeOf[cell] == nil { codeOf[cell] = Int32(column.values.count); column.values.append(cell) }
        column.codes.append(codeOf[cell]!)
    }
    return column
}

@Suite struct AggregationTests {
    /// The assembler's hash-free aggregation (bucketed by the smaller end) against a dictionary of
    /// unordered pairs: the same ties in order of first mention, each with its mentions in input order,
    /// its votes and its first-mention direction; actors in order of first sight.
    @Test func aggregationMatchesABruteForceOnRandomTables() throws {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let actorCount = Int.random(in: 2...12, using: &rng)
            // One to three ties tables, mentions numbered across them in order; sometimes a nodes table.
            var sources: [String] = [], targets: [String] = [], strengths: [String] = []
            var tables: [CodedTable] = []
            for f in 0..<Int.random(in: 1...3, using: &rng) {
                let rows = Int.random(in: 1...40, using: &rng)
                var s: [String] = [], t: [String] = [], k: [String] = []
                for _ in 0..<rows {
                    let a = Int.random(in: 0..<actorCount, using: &rng)
                    var b = Int.random(in: 0..<actorCount - 1, using: &rng)
                    if b >= a { b += 1 }
                    s.append("a\(a)"); t.append("a\(b)")
                    k.append(Bool.random(using: &rng) ? "strong" : "weak")
                }
                tables.append(CodedTable(file: "t\(f).csv", header: ["source", "target", "strength"],
                                         columns: [column(s), column(t), column(k)], rowLines: (0..<rows).map { Int32($0 + 2) }))
                sources += s; targets += t; strengths += k
            }
            let declared = Bool.random(using: &rng) ? (0..<actorCount).shuffled(using: &rng).prefix(actorCount / 2).map { "a\($0)" } : []
            let nodes = declared.isEmpty ? nil : CodedTable(file: "n.csv", header: ["id"], columns: [column(declared)],
                                                             rowLines: declared.indices.map { Int32($0 + 2) })
            let study = try StudyAssembler.assemble(ties: tables, nodes: nodes)
            let rows = sources.count

            // Brute force: declared actors first, then the others in order of first sight.
            var actorOrder = declared
            for r in 0..<rows {
                for id in [sources[r], targets[r]] where !actorOrder.contains(id) { actorOrder.append(id) }
            }
            var pairOrder: [String] = []
            var mentionsOf: [String: [Int32]] = [:]
            for r in 0..<rows {
                let key = min(sources[r], targets[r]) + "|" + max(sources[r], targets[r])
                if mentionsOf[key] == nil { pairOrder.append(key) }
                mentionsOf[key, default: []].append(Int32(r))
            }
            #expect(study.actors.map(\.id) == actorOrder)
            #expect(study.ties.count == pairOrder.count)
            for (t, key) in pairOrder.enumerated() {
                let tie = study.ties[t]
                let mentions = mentionsOf[key]!
                #expect(Array(tie.mentions) == mentions)
                let first = Int(mentions[0])
                #expect(study.actors[Int(tie.source)].id == sources[first])
                #expect(study.actors[Int(tie.target)].id == targets[first])
                #expect(tie.strongVotes == mentions.count { strengths[Int($0)] == "strong" })
                #expect(tie.weakVotes == mentions.count { strengths[Int($0)] == "weak" })
            }
        }
    }
}
