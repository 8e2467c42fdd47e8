import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// The permutation comparison against scipy's exact permutation test, effect sizes against their
/// formulas computed in numpy, and the Monte Carlo path against the exact one.
@Suite struct ComparisonTests {
    static func groupsOfValues(seed: UInt64) -> (values: [Double], groups: [Int]) {
        var rng = SeededRandom(seed: seed)
        let n = 8 + Int(rng.next() % 8)
        var values: [Double] = [], groups: [Int] = []
        for i in 0..<n {
            let g = i % 2
            values.append(Double(rng.next() % 1000) / 100 + Double(g) * Double(seed % 3))
            groups.append(g)
        }
        return (values, groups)
    }

    static let hasScipy: Bool = {
        guard let python = which("python3") else { return false }
        let ok = (try? runProcess(python, ["-c", "import scipy.stats, numpy"]).status) == 0
        if !ok { FileHandle.standardError.write(Data("skipped: python3 with scipy not found; the comparison's reference test is skipped\n".utf8)) }
        return ok
    }()

    @Test(.enabled(if: hasScipy, "python3 with scipy not found"), arguments: 0..<8)
    func exactPEqualsScipy(seed: UInt64) throws {
        let (values, groups) = Self.groupsOfValues(seed: seed)
        let m = InnovationComparison.measure("x", values: values, groups: groups, names: ["a", "b"], options: .init(), stream: 0)
        #expect(m.exact)
        let a = zip(values, groups).filter { $0.1 == 0 }.map { String($0.0) }.joined(separator: ",")
        let b = zip(values, groups).filter { $0.1 == 1 }.map { String($0.0) }.joined(separator: ",")
        let script = """
            import numpy as np, scipy.stats as st, sys
            a = np.array([\(a)]); b = np.array([\(b)])
            r = st.permutation_test((a, b), lambda x, y, axis: np.abs(np.mean(x, axis=axis) - np.mean(y, axis=axis)),
                                    permutation_type='independent', alternative='greater', n_resamples=np.inf, vectorized=True)
            na, nb = len(a), len(b); sp = np.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
            g = (a.mean() - b.mean()) / sp * (1 - 3 / (4 * (na + nb - 2) - 1))
            d = (np.sum(a[:, None] > b[None, :]) - np.sum(a[:, None] < b[None, :])) / (na * nb)
            print(repr(float(r.pvalue)), repr(float(g)), repr(float(d)))
            """
        let run = try runProcess(which("python3")!, ["-c", script])
        try #require(run.status == 0, "\(run.stderr)")
        let ref = run.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(ref.count == 3)
        #expect(abs(m.p - ref[0]) < 1e-9, "p \(m.p) vs scipy \(ref[0])")
        #expect(abs(m.hedgesG - ref[1]) < 1e-9)
        #expect(abs(m.cliffsDelta - ref[2]) < 1e-12)
    }

    @Test func monteCarloAgreesWithExact() {
        let (values, groups) = Self.groupsOfValues(seed: 2)
        let exact = InnovationComparison.measure("x", values: values, groups: groups, names: ["a", "b"], options: .init(), stream: 0)
        let sampled = InnovationComparison.measure("x", values: values, groups: groups, names: ["a", "b"],
                                                   options: .init(permutations: 20_000, exactUpTo: 0), stream: 0)
        #expect(exact.exact && !sampled.exact)
        #expect(abs(exact.p - sampled.p) < 0.015, "\(exact.p) vs \(sampled.p)")
        // Three groups: η² and a Monte Carlo p.
        let three = InnovationComparison.measure("x", values: [1, 2, 3, 10, 11, 12, 20, 21, 22], groups: [0, 0, 0, 1, 1, 1, 2, 2, 2],
                                                 names: ["a", "b", "c"], options: .init(permutations: 2000), stream: 0)
        #expect(three.etaSquared > 0.95 && three.p < 0.01 && three.difference.isNaN)
    }

    @Test func exampleStudyEstablishedVersusNew() throws {
        let study = try StudyLoader.load(ties: [repositoryRoot + "/Examples/krefeld-mg/ties.csv"], nodes: repositoryRoot + "/Examples/krefeld-mg/nodes.csv")
        let profiles = try InnovationProfiles(metrics: try StudyMetrics(study: study, options: .init(threads: 1)))
        let c = try InnovationComparison(profiles: profiles, by: "established")
        #expect(c.groupNames == ["established", "new"])
        let initiated = try #require(c.measures.first { $0.name == "partner_initiated_share" })
        #expect(initiated.exact && initiated.assignments == 3432 && initiated.p < 0.01)
        #expect(throws: ComparisonError.self) { try InnovationComparison(profiles: profiles, by: "colour") }
        #expect(throws: ComparisonError.tooFewGroups("kind", ["innovation"])) { try InnovationComparison(profiles: profiles, by: "kind") }
        // Profiles without positions and suggestions (what `compare` builds) compare alike.
        let light = try InnovationProfiles(metrics: try StudyMetrics(study: study, options: .init(threads: 1)), parts: [])
        #expect(light.matching == nil && light.profile(of: 0).partnersToMeet.isEmpty && light.profile(of: 0).centrality.closeness.isNaN)
        let same = try InnovationComparison(profiles: light, by: "established")
        for (a, b) in zip(c.measures, same.measures) {
            #expect(a.name == b.name && a.difference.isEqualOrBothNaN(b.difference) && a.p.isEqualOrBothNaN(b.p)
                    && a.hedgesG.isEqualOrBothNaN(b.hedgesG) && a.cliffsDelta.isEqualOrBothNaN(b.cliffsDelta), "\(a.name)")
        }
    }
}

private extension Double {
    func isEqualOrBothNaN(_ other: Double) -> Bool { self == other || (isNaN && other.isNaN) }
}
