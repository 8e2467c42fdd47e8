import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// `StudyGroups` against a brute-force count on seeded random studies: every actor in the group of its
/// region × partner type (innovations as `innovation`, missing values as their own group), every tie
/// counted once, within a group or between two, with its strength.
@Suite struct StudyGroupsTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func groupsAndTiesAgreeWithABruteForceCount(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: seed, actors: 30, ties: 70)
        let groups = StudyGroups(study: study)
        func key(_ v: Int) -> String {
            let actor = study.actors[v]
            let type = actor.kind == .innovation ? "innovation" : (actor.partnerType?.trimmingCharacters(in: .whitespaces).lowercased()).flatMap { $0.isEmpty ? nil : $0 }
            return (actor.region ?? "∅") + "|" + (type ?? "∅")
        }
        func key(_ g: StudyGroups.Group) -> String { (g.region ?? "∅") + "|" + (g.type ?? "∅") }
        // Each group once, each actor in its own.
        #expect(Set(groups.groups.map(key)).count == groups.groups.count)
        #expect(Set(groups.groups.map(key)) == Set(study.actors.indices.map(key)))
        for v in study.actors.indices { #expect(key(groups.groups[groups.groupOfActor[v]]) == key(v)) }
        #expect(groups.groups.reduce(0) { $0 + $1.actors } == study.actors.count)
        for g in groups.groups { #expect(g.actors == study.actors.indices.filter { key($0) == key(g) }.count) }
        // Ties: within and between, brute force over every tie for every group or pair.
        for g in groups.groups {
            let inside = (0..<study.ties.count).filter { key(Int(study.ties.source[$0])) == key(g) && key(Int(study.ties.target[$0])) == key(g) }
            #expect(g.tiesWithin == inside.count && g.weakWithin == inside.filter { study.ties.strength[$0] == .weak }.count)
        }
        var pairs = 0
        for a in groups.groups.indices {
            for b in groups.groups.indices where a < b {
                let ka = key(groups.groups[a]), kb = key(groups.groups[b])
                let between = (0..<study.ties.count).filter {
                    let s = key(Int(study.ties.source[$0])), t = key(Int(study.ties.target[$0]))
                    return (s == ka && t == kb) || (s == kb && t == ka)
                }
                let link = groups.links.first { $0.a == a && $0.b == b }
                if between.isEmpty { #expect(link == nil); continue }
                pairs += 1
                #expect(link?.ties == between.count && link?.weak == between.filter { study.ties.strength[$0] == .weak }.count)
            }
        }
        #expect(pairs == groups.links.count)
        #expect(groups.groups.reduce(0) { $0 + $1.tiesWithin } + groups.links.reduce(0) { $0 + $1.ties } == study.ties.count)
        // Ordered by region, innovations first within a region, links by pair.
        #expect(zip(groups.links, groups.links.dropFirst()).allSatisfy { ($0.a, $0.b) < ($1.a, $1.b) })
        for (x, y) in zip(groups.groups, groups.groups.dropFirst()) where x.region == y.region {
            #expect(y.type != "innovation")
            if x.type == nil { Issue.record("a group without a type before another of its region") }
        }
    }

    /// Undefined shares are NaN, not 0: a group without ties inside has no weak share.
    @Test func aGroupWithoutTiesInsideHasNoWeakShare() throws {
        let dir = TemporaryDirectory()
        let study = try StudyLoader.load(ties: [dir.write("t.csv", "source,target,strength\nA,B,weak\nA,C,strong\n")],
                                         nodes: dir.write("n.csv", "id,kind,partner_type,region\nA,innovation,,X\nB,partner,business,X\nC,partner,business,\n"))
        let groups = StudyGroups(study: study)
        #expect(groups.groups.map { "\($0.region ?? "-") \($0.type ?? "-") \($0.actors)" } == ["X innovation 1", "X business 1", "- business 1"])
        #expect(groups.groups.allSatisfy { $0.weakShareWithin.isNaN })
        #expect(groups.links.map { "\($0.a)-\($0.b) \($0.ties) \($0.weak)" } == ["0-1 1 1", "0-2 1 0"])
        #expect(groups.links[0].weakShare == 1 && groups.links[1].weakShare == 0)
    }
}
