import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// The timeline's snapshots against an independent path: for each year, the study read again from
/// only the rows whose tie began by then (a separate file, a separate import), measured by
/// `StudyMetrics`; and counts by brute force.
@Suite struct TimelineTests {
    /// A random study with years on some mentions (a tie's mentions may give different years).
    static func write(_ dir: TemporaryDirectory, seed: UInt64) -> (ties: [[String]], nodes: String) {
        var rng = SeededRandom(seed: seed)
        let actors = 16, innovations = 4
        func id(_ v: Int) -> String { v < innovations ? "I\(v)" : "P\(v - innovations)" }
        var rows: [[String]] = []
        for _ in 0..<40 {
            let a = Int(rng.next() % UInt64(actors))
            var b = Int(rng.next() % UInt64(actors))
            if a == b { b = (a + 1) % actors }
            let year = rng.next() % 6 == 0 ? "" : String(2010 + Int(rng.next() % 8))
            let initiator = ["source", "target", "both", ""][Int(rng.next() % 4)]
            rows.append([id(a), id(b), rng.next() % 2 == 0 ? "strong" : "weak", year, initiator])
        }
        var nodes = "id,kind,partner_type,region,founded\n"
        for v in 0..<actors {
            nodes += "\(id(v)),\(v < innovations ? "innovation" : "partner"),\(v < innovations ? "" : ["business", "welfare", "media"][v % 3]),"
                + "\(v % 2 == 0 ? "Krefeld" : "Mönchengladbach"),\(v < innovations ? "2009" : "")\n"
        }
        return (rows, nodes)
    }

    static func csv(_ rows: [[String]]) -> String {
        "source,target,strength,since,initiator\n" + rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [(UInt64(1), Timeline.Undated.start), (2, .exclude), (3, .start)])
    func snapshotsEqualTheStudyReadAgainPerYear(seed: UInt64, undated: Timeline.Undated) throws {
        let dir = TemporaryDirectory()
        let (rows, nodes) = Self.write(dir, seed: seed)
        let nodesPath = dir.write("nodes.csv", nodes)
        let study = try StudyLoader.load(ties: [dir.write("ties.csv", Self.csv(rows))], nodes: nodesPath)
        let timeline = try Timeline(study: study, options: .init(undated: undated))
        // A pair's year: the earliest year among its rows.
        var pairYear: [String: Int?] = [:]
        for r in rows {
            let key = [r[0], r[1]].sorted().joined(separator: "|")
            let y = Int(r[3])
            if let existing = pairYear[key] {
                pairYear[key] = [existing, y].compactMap { $0 }.min()
            } else {
                pairYear[key] = y
            }
        }
        let first = pairYear.values.compactMap { $0 }.min()!
        #expect(timeline.years.lowerBound == first)
        #expect(timeline.undatedTies == pairYear.values.count { $0 == nil })
        for (k, year) in timeline.years.enumerated() {
            func present(_ r: [String]) -> Bool {
                guard let y = pairYear[[r[0], r[1]].sorted().joined(separator: "|")]! else { return undated == .start }
                return y <= year
            }
            let kept = rows.filter(present)
            let again = try StudyLoader.load(ties: [dir.write("y\(year).csv", Self.csv(kept))], nodes: nodesPath)
            let metrics = try StudyMetrics(study: again, options: .init(threads: 1, permutations: 0))
            let holes = try metrics.structuralHoles()
            #expect(timeline.studyYears[k].ties == again.ties.count, "year \(year)")
            #expect(timeline.studyYears[k].weakTieShare.isNaN ? metrics.weakTieShare.isNaN : abs(timeline.studyYears[k].weakTieShare - metrics.weakTieShare) < 1e-12)
            for (v, years) in timeline.innovations {
                let id = study.actors[v].id
                let w = Int(again.actorIndex(of: id)!)
                let y = years[k]
                #expect(y.degree == metrics.graph.degree(of: Int32(w)), "\(id) \(year)")
                let c = holes.constraint.values[w]
                #expect(c.isNaN ? y.constraint.isNaN : abs(y.constraint - c) < 1e-12, "\(id) \(year) constraint")
                #expect(y.age == year - 2009)
                // Ties formed this year by brute force.
                let formed = Set(rows.filter { ($0[0] == id || $0[1] == id) }.map { [$0[0], $0[1]].sorted().joined(separator: "|") })
                    .count { key in (pairYear[key]! ?? (undated == .start ? first : Int.min)) == year }
                #expect(y.formed == formed, "\(id) \(year) formed")
                #expect(y.formedBy.values.reduce(0, +) == y.formed)
            }
        }
    }

    @Test func withoutYearsThereIsNoTimeline() throws {
        let dir = TemporaryDirectory()
        let study = try StudyLoader.load(ties: [dir.write("t.csv", "source,target,strength\na,b,weak\n")])
        #expect(throws: TimelineError.noYears) { try Timeline(study: study) }
    }

    @Test func spellsForNetworkDynamic() throws {
        let dir = TemporaryDirectory()
        let study = try StudyLoader.load(ties: [dir.write("t.csv", "source,target,strength,since\na,b,weak,2012\nb,c,strong,\na,b,weak,2010\n")])
        let start = TimelineOutput(timeline: try Timeline(study: study)).spells()
        #expect(start == "onset,terminus,tail,head,tail_id,head_id,strength\n2010,Inf,1,2,a,b,weak\n2010,Inf,2,3,b,c,strong\n")
        let exclude = TimelineOutput(timeline: try Timeline(study: study, options: .init(undated: .exclude))).spells()
        #expect(exclude == "onset,terminus,tail,head,tail_id,head_id,strength\n2010,Inf,1,2,a,b,weak\n")
    }
}
