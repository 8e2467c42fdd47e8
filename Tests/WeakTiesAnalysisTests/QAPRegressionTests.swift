import Foundation
import Testing
import TestSupport
@testable import WeakTies

/// The QAP regression against its dense definition (every pair of actors written out, every
/// permutation refitted, as R's netlm does), against R `sna::netlm` (Debian's r-cran-sna, `make rdeps`;
/// skipped with a message without it), and against netlm values copied from R for the example study.
@Suite struct QAPRegressionTests {
    static let attributes = ["region", "partner_type", "kind"]

    /// OLS by the normal equations over explicit rows: coefficients and t-values (nil when singular).
    static func ols(_ rows: [[Double]], _ y: [Double]) -> (beta: [Double], t: [Double])? {
        let p = rows[0].count
        var a = (0..<p).map { i in (0..<p).map { j in rows.reduce(0) { $0 + $1[i] * $1[j] } } }
        var inverse = (0..<p).map { i in (0..<p).map { $0 == i ? 1.0 : 0.0 } }
        for c in 0..<p {
            let pivot = (c..<p).max { abs(a[$0][c]) < abs(a[$1][c]) }!
            guard abs(a[pivot][c]) > 1e-9 else { return nil }
            a.swapAt(c, pivot); inverse.swapAt(c, pivot)
            let d = a[c][c]
            a[c] = a[c].map { $0 / d }; inverse[c] = inverse[c].map { $0 / d }
            for r in 0..<p where r != c {
                let f = a[r][c]
                a[r] = zip(a[r], a[c]).map { $0 - f * $1 }; inverse[r] = zip(inverse[r], inverse[c]).map { $0 - f * $1 }
            }
        }
        let xy = (0..<p).map { i in zip(rows, y).reduce(0) { $0 + $1.0[i] * $1.1 } }
        let beta = inverse.map { zip($0, xy).reduce(0) { $0 + $1.0 * $1.1 } }
        let residual = zip(rows, y).reduce(0.0) { sum, pair in
            let fitted = zip(pair.0, beta).reduce(0) { $0 + $1.0 * $1.1 }
            return sum + (pair.1 - fitted) * (pair.1 - fitted)
        }
        let variance = residual / Double(rows.count - p)
        return (beta, (0..<p).map { beta[$0] / (variance * inverse[$0][$0]).squareRoot() })
    }

    /// The whole test written out densely: observed fit, then every permutation (the same seeded
    /// Fisher–Yates sequence) refitted over all pairs.
    static func dense(_ g: Graph, _ groups: [[String?]], null: QAPNull, permutations: Int, seed: UInt64)
        -> (beta: [Double], t: [Double], pGreater: [Double], pLess: [Double], pTwoSided: [Double]) {
        let n = g.nodeCount
        var tied = Set<Int>()
        for e in 0..<g.edgeCount where g.edgeSources[e] != g.edgeTargets[e] {
            let a = Int(min(g.edgeSources[e], g.edgeTargets[e])), b = Int(max(g.edgeSources[e], g.edgeTargets[e]))
            tied.insert(a * n + b)
        }
        var pairs: [(Int, Int)] = []
        for i in 0..<n { for j in (i + 1)..<n { pairs.append((i, j)) } }
        func x(_ k: Int, _ i: Int, _ j: Int) -> Double {
            k == 0 ? 1 : (groups[k - 1][i] != nil && groups[k - 1][i] == groups[k - 1][j] ? 1 : 0)
        }
        let p = groups.count + 1
        let rows = pairs.map { (i, j) in (0..<p).map { x($0, i, j) } }
        let y = pairs.map { tied.contains($0.0 * n + $0.1) ? 1.0 : 0.0 }
        let observed = ols(rows, y)!
        // Residuals of each column on the others, as a symmetric function of the pair.
        var residual: [[Double]] = []
        for k in 0..<p {
            let others = (0..<p).filter { $0 != k }
            let fit = ols(rows.map { r in others.map { r[$0] } }, rows.map { $0[k] })!
            var e = [Double](repeating: 0, count: n * n)
            for (r, (i, j)) in pairs.enumerated() {
                let value = rows[r][k] - zip(others, fit.beta).reduce(0) { $0 + rows[r][$1.0] * $1.1 }
                e[i * n + j] = value; e[j * n + i] = value
            }
            residual.append(e)
        }
        var greater = [Int](repeating: 1, count: p), less = greater, absolute = greater
        var rng = SplitMix64(seed: seed)
        var sigma = Array(0..<n)
        for _ in 0..<permutations {
            var i = n
            while i > 1 {
                let j = Int(rng.next() % UInt64(i))
                i -= 1
                sigma.swapAt(i, j)
            }
            var statistic = [Double](repeating: .nan, count: p)
            switch null {
            case .y:
                // y permuted: y(σi, σj).
                let yp = pairs.map { (i, j) in tied.contains(min(sigma[i], sigma[j]) * n + max(sigma[i], sigma[j])) ? 1.0 : 0.0 }
                if let f = ols(rows, yp) { statistic = f.t }
            case .dsp:
                for k in 0..<p {
                    let others = (0..<p).filter { $0 != k }
                    let design = pairs.enumerated().map { r, pair in others.map { rows[r][$0] } + [residual[k][sigma[pair.0] * n + sigma[pair.1]]] }
                    if let f = ols(design, y) { statistic[k] = f.t[p - 1] }
                }
            }
            for k in 0..<p where !statistic[k].isNaN {
                let tolerance = 1e-9 * max(1, abs(observed.t[k]))
                if statistic[k] >= observed.t[k] - tolerance { greater[k] += 1 }
                if statistic[k] <= observed.t[k] + tolerance { less[k] += 1 }
                if abs(statistic[k]) >= abs(observed.t[k]) - tolerance { absolute[k] += 1 }
            }
        }
        let total = Double(permutations + 1)
        return (observed.beta, observed.t, greater.map { Double($0) / total }, less.map { Double($0) / total },
                absolute.map { Double($0) / total })
    }

    @Test(arguments: 0..<6)
    func equalsTheDenseDefinition(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 700 + seed, actors: 16, ties: 34)
        for null in QAPNull.allCases {
            let metrics = try StudyMetrics(study: study, options: .init(threads: 1, seed: seed, permutations: 60))
            let fit = try metrics.qapRegression(on: Self.attributes, null: null)
            let groups = try Self.attributes.map { try metrics.groups(by: $0) }
            let dense = Self.dense(metrics.graph, groups, null: null, permutations: 60, seed: seed)
            #expect(fit.coefficients.map(\.name) == ["intercept", "same_region", "same_partner_type", "same_kind"])
            for (k, c) in fit.coefficients.enumerated() {
                #expect(abs(c.estimate - dense.beta[k]) < 1e-10, "\(null) \(c.name) β")
                #expect(abs(c.t - dense.t[k]) < 1e-7 * max(1, abs(dense.t[k])), "\(null) \(c.name) t")
                #expect(abs(c.pGreaterOrEqual - dense.pGreater[k]) < 1e-12, "\(null) \(c.name) p≥ \(c.pGreaterOrEqual) vs \(dense.pGreater[k])")
                #expect(abs(c.pLessOrEqual - dense.pLess[k]) < 1e-12, "\(null) \(c.name) p≤")
                #expect(abs(c.pTwoSided - dense.pTwoSided[k]) < 1e-12, "\(null) \(c.name) p two-sided")
            }
            #expect(fit.dyads == 16 * 15 / 2)
        }
    }

    @Test func seededAndReproducible() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 11, actors: 30, ties: 70)
        func run(_ seed: UInt64) throws -> [Double] {
            let metrics = try StudyMetrics(study: study, options: .init(threads: 1, seed: seed, permutations: 300))
            return try metrics.qapRegression(on: ["region", "partner_type"]).coefficients.map(\.pTwoSided)
        }
        #expect(try run(3) == run(3))
        #expect(try run(3) != run(4))
    }

    @Test func refusesConstantAndCollinearPredictors() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength\nA,B,weak\nB,C,weak\nC,D,strong\nD,A,weak\n")
        let nodes = dir.write("n.csv", "id,kind,region,district,sector\nA,innovation,KR,Nord,x\nB,partner,KR,Nord,y\nC,partner,MG,Süd,x\nD,partner,MG,Süd,\n")
        let study = try StudyLoader.load(ties: [ties], nodes: nodes)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1, permutations: 10))
        // district repeats region: singular.
        #expect(throws: MetricError.self) { try metrics.qapRegression(on: ["region", "district"]) }
        let one = try StudyLoader.load(ties: [ties], nodes: dir.write("m.csv", "id,kind,region\nA,innovation,KR\nB,partner,KR\n"))
        let oneMetrics = try StudyMetrics(study: one, options: .init(threads: 1, permutations: 10))
        #expect(throws: StudyMetricsError.tooFewGroups("region", count: 1)) { try oneMetrics.qapRegression(on: ["region"]) }
        // sector has one pair sharing a value: defined.
        #expect(try metrics.qapRegression(on: ["sector"]).coefficients.count == 2)
    }

    /// netlm on the example study (R 4.x, sna 2.7-1, `netlm(Y, list(same region, same partner type,
    /// same sector), mode = "graph", nullhyp = "classical")`, with innovations in the partner-type group
    /// "innovation" as `StudyMetrics.groups` defines it), copied here so the test runs without R.
    @Test func equalsNetlmValuesCopiedFromROnTheExampleStudy() throws {
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1, permutations: 99))
        let fit = try metrics.qapRegression(on: ["region", "partner_type", "sector"])
        let r: [(Double, Double)] = [(0.00455858518945582, 1.92910721041760), (0.04901438464047982, 13.63466988881246),
                                     (-0.01874822109073027, -2.77309502628138), (0.07531943709820489, 6.01990062776227)]
        try #require(fit.coefficients.count == 4)
        for (c, (beta, t)) in zip(fit.coefficients, r) {
            #expect(abs(c.estimate - beta) < 1e-12)
            #expect(abs(c.t - t) < 1e-9)
        }
        #expect(fit.dyads == 123 * 122 / 2)
        #expect(fit.ties == 185)
    }

    @Test(.enabled(if: QAPTests.hasSNA, "R with sna not found"))
    func equalsRNetlm() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 41, actors: 36, ties: 80)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1, seed: 9, permutations: 4999))
        let attributes = ["region", "partner_type"]
        let groups = try attributes.map { try metrics.groups(by: $0) }
        var edges = "i,j\n"
        for e in 0..<metrics.graph.edgeCount { edges += "\(metrics.graph.edgeSources[e] + 1),\(metrics.graph.edgeTargets[e] + 1)\n" }
        let groupsCSV = "a,b\n" + (0..<metrics.graph.nodeCount).map { v in groups.map { "\"\($0[v] ?? "NA")\"" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        let script = """
            suppressMessages(library(sna)); args <- commandArgs(TRUE)
            e <- read.csv(args[1]); g <- read.csv(args[2], encoding = "UTF-8", na.strings = "NA"); n <- nrow(g)
            Y <- matrix(0, n, n); Y[cbind(e$i, e$j)] <- 1; Y[cbind(e$j, e$i)] <- 1
            same <- function(v) { m <- outer(v, v, "=="); m[is.na(m)] <- FALSE; m * 1 }
            X <- list(same(g$a), same(g$b))
            set.seed(1); f <- netlm(Y, X, mode = "graph", nullhyp = "qapspp", reps = 1000)
            set.seed(2); h <- netlm(Y, X, mode = "graph", nullhyp = "qapy", reps = 1000)
            for (k in 1:3) cat(sprintf("%.15f %.15f %.6f %.6f\\n", f$coefficients[k], f$tstat[k], f$pgreqabs[k], h$pgreqabs[k]))
            """
        let run = try runProcess(QAPTests.rscript!, ["-e", script, dir.write("edges.csv", edges), dir.write("groups.csv", groupsCSV)])
        try #require(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        try #require(rows.count == 3 && rows.allSatisfy { $0.count == 4 }, "\(run.stdout)")
        let dsp = try metrics.qapRegression(on: attributes, null: .dsp)
        let y = try metrics.qapRegression(on: attributes, null: .y)
        for k in 0..<3 {
            #expect(abs(dsp.coefficients[k].estimate - rows[k][0]) < 1e-12)
            #expect(abs(dsp.coefficients[k].t - rows[k][1]) < 1e-9)
            // Monte Carlo on both sides (1,000 in R, 4,999 here): within 4 standard errors.
            #expect(abs(dsp.coefficients[k].pTwoSided - rows[k][2]) < 0.07, "DSP p \(k): \(dsp.coefficients[k].pTwoSided) vs R \(rows[k][2])")
            #expect(abs(y.coefficients[k].pTwoSided - rows[k][3]) < 0.07, "Y p \(k): \(y.coefficients[k].pTwoSided) vs R \(rows[k][3])")
        }
    }
}
