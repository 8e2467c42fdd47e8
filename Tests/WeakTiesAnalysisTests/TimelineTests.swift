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

/// The establishment test: its slope against statsmodels' fixed-effects OLS, its p-value against exact
/// enumeration of every within-innovation permutation on a small study, and a planted trend.
@Suite struct EstablishmentTests {
    /// Rows: innovation i (founded 2010) tied to partners with years and initiators.
    static func study(_ dir: TemporaryDirectory, rows: [(innovation: Int, year: Int, byPartner: Bool)]) throws -> Study {
        var ties = "source,target,strength,since,initiator\n"
        for (k, r) in rows.enumerated() { ties += "I\(r.innovation),P\(k),weak,\(r.year),\(r.byPartner ? "target" : "source")\n" }
        var nodes = "id,kind,founded\n"
        for i in Set(rows.map(\.innovation)).sorted() { nodes += "I\(i),innovation,2010\n" }
        return try StudyLoader.load(ties: [dir.write("t.csv", ties)], nodes: dir.write("n.csv", nodes))
    }

    static func planted(seed: UInt64, trend: Double) -> [(innovation: Int, year: Int, byPartner: Bool)] {
        var rng = SeededRandom(seed: seed)
        return (0..<120).map { k in
            let i = k % 6, age = Int(rng.next() % 12)
            let p = min(0.95, max(0.05, 0.3 + Double(i) * 0.05 + trend * Double(age)))
            return (i, 2010 + age, Double(rng.next() % 10_000) / 10_000 < p)
        }
    }

    @Test func exactEnumerationOnASmallStudy() throws {
        let dir = TemporaryDirectory()
        let rows: [(innovation: Int, year: Int, byPartner: Bool)] = [
            (0, 2010, false), (0, 2011, false), (0, 2013, true), (0, 2015, true), (0, 2016, false),
            (1, 2010, false), (1, 2012, true), (1, 2014, true), (1, 2017, true),
        ]
        let timeline = try Timeline(study: try Self.study(dir, rows: rows))
        let test = EstablishmentTest(timeline: timeline, options: .init(permutations: 40_000, seed: 3))
        // Every arrangement of each innovation's outcomes over its ties (5!·4! orderings, duplicates
        // counted equally often, so the proportion is the exact permutation p-value).
        func permutations(_ a: [Double]) -> [[Double]] {
            guard a.count > 1 else { return [a] }
            return a.indices.flatMap { i -> [[Double]] in
                var rest = a
                let x = rest.remove(at: i)
                return permutations(rest).map { [x] + $0 }
            }
        }
        let groups = [rows.prefix(5), rows.suffix(4)].map { g in (ages: g.map { Double($0.year - 2010) }, ys: g.map { $0.byPartner ? 1.0 : 0 }) }
        func t(_ ages: [Double], _ ys: [Double]) -> Double {
            let mean = ages.reduce(0, +) / Double(ages.count)
            return zip(ages, ys).reduce(0) { $0 + ($1.0 - mean) * $1.1 }
        }
        let observed = groups.reduce(0) { $0 + t($1.ages, $1.ys) }
        #expect(abs(test.statistic - observed) < 1e-12)
        var atLeast = 0, total = 0
        for p0 in permutations(groups[0].ys) {
            for p1 in permutations(groups[1].ys) {
                total += 1
                if t(groups[0].ages, p0) + t(groups[1].ages, p1) >= observed - 1e-9 { atLeast += 1 }
            }
        }
        let exact = Double(atLeast) / Double(total)
        #expect(abs(test.pRise - exact) < 0.01, "Monte Carlo \(test.pRise), exact \(exact)")
        #expect(test.ties == 9 && test.excluded == 0)
        #expect(test.innovations.first { timeline.study.actors[$0.actor].id == "I0" }?.earlyShare == 0)
    }

    @Test func otherOutcomes() throws {
        let dir = TemporaryDirectory()
        let timeline = try Timeline(study: try Self.study(dir, rows: Self.planted(seed: 4, trend: 0.06)))
        // Every planted tie is weak: the share is 1 throughout, no variation, no p-value.
        let weak = EstablishmentTest(timeline: timeline, options: .init(outcome: .weak, permutations: 100))
        #expect(weak.ties == 120 && weak.earlyShare == 1 && weak.laterShare == 1 && weak.pRise.isNaN && weak.slope == 0)
        // No regions coded: every tie is left out.
        let outside = EstablishmentTest(timeline: timeline, options: .init(outcome: .outsideRegion, permutations: 100))
        #expect(outside.ties == 0 && outside.excluded == 120 && outside.slope.isNaN)
    }

    @Test func plantedTrendIsFoundAndNoTrendIsNot() throws {
        let dir = TemporaryDirectory()
        let rising = EstablishmentTest(timeline: try Timeline(study: try Self.study(dir, rows: Self.planted(seed: 4, trend: 0.06))),
                                       options: .init(permutations: 2000))
        #expect(rising.slope > 0.02 && rising.pRise < 0.01)
        #expect(rising.laterShare > rising.earlyShare)
        let flat = EstablishmentTest(timeline: try Timeline(study: try Self.study(dir, rows: Self.planted(seed: 5, trend: 0))),
                                     options: .init(permutations: 2000))
        #expect(flat.pTwoSided > 0.05)
        let again = EstablishmentTest(timeline: try Timeline(study: try Self.study(dir, rows: Self.planted(seed: 5, trend: 0))),
                                      options: .init(permutations: 2000))
        #expect(again.pRise == flat.pRise)
    }

    static let hasStatsmodels: Bool = {
        guard let python = which("python3") else { return false }
        let ok = (try? runProcess(python, ["-c", "import statsmodels, pandas"]).status) == 0
        if !ok { FileHandle.standardError.write(Data("skipped: python3 with statsmodels not found; the establishment slope's reference test is skipped\n".utf8)) }
        return ok
    }()

    /// The slope is the age coefficient of OLS with one intercept per innovation (Frisch–Waugh–Lovell).
    @Test(.enabled(if: hasStatsmodels, "python3 with statsmodels not found"))
    func slopeEqualsFixedEffectsOLS() throws {
        let dir = TemporaryDirectory()
        let rows = Self.planted(seed: 9, trend: 0.03)
        let test = EstablishmentTest(timeline: try Timeline(study: try Self.study(dir, rows: rows)), options: .init(permutations: 0))
        let data = dir.write("d.csv", "innovation,age,y\n" + rows.map { "\($0.innovation),\($0.year - 2010),\($0.byPartner ? 1 : 0)" }.joined(separator: "\n") + "\n")
        let script = "import pandas as pd, statsmodels.formula.api as smf, sys\nd = pd.read_csv(sys.argv[1])\nprint(repr(float(smf.ols('y ~ age + C(innovation)', data=d).fit().params['age'])))"
        let run = try runProcess(which("python3")!, ["-c", script, data])
        try #require(run.status == 0, "\(run.stderr)")
        let reference = try #require(Double(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(abs(test.slope - reference) < 1e-9, "\(test.slope) vs \(reference)")
    }
}

/// The QAP graph correlation against R's `sna::gcor` and `sna::qaptest` (Debian's r-cran-sna, installed
/// by `make rdeps`; skipped with a message without it), and against its definition.
@Suite struct QAPTests {
    static let rscript = which("Rscript")
    static let hasSNA: Bool = {
        guard let rscript else {
            FileHandle.standardError.write(Data("skipped: Rscript not found (make rdeps installs r-cran-sna); the QAP test against R sna is skipped\n".utf8))
            return false
        }
        let ok = (try? runProcess(rscript, ["-e", "suppressMessages(library(sna))"]).status) == 0
        if !ok { FileHandle.standardError.write(Data("skipped: R package sna not found (make rdeps); the QAP test against R sna is skipped\n".utf8)) }
        return ok
    }()

    /// Pearson's r over the pairs, written out.
    static func bruteCorrelation(_ g: Graph, _ groups: [String?]) -> Double {
        let known = (0..<g.nodeCount).filter { groups[$0] != nil }
        var tied = Set<[Int]>()
        for e in 0..<g.edgeCount { tied.insert([Int(min(g.edgeSources[e], g.edgeTargets[e])), Int(max(g.edgeSources[e], g.edgeTargets[e]))]) }
        var xs: [Double] = [], ys: [Double] = []
        for i in known.indices { for j in (i + 1)..<known.count {
            let (a, b) = (known[i], known[j])
            xs.append(groups[a] == groups[b] ? 1 : 0)
            ys.append(tied.contains([min(a, b), max(a, b)]) ? 1 : 0)
        } }
        let n = Double(xs.count), mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = ys.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test(arguments: 0..<10)
    func equalsItsDefinition(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 300 + seed, actors: 18, ties: 30)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1, permutations: 0))
        let groups = try metrics.groups(by: "region")
        let r = try metrics.graph.sameGroupCorrelation(groups: groups)
        #expect(abs(r - Self.bruteCorrelation(metrics.graph, groups)) < 1e-12)
    }

    @Test(.enabled(if: hasSNA, "R with sna not found"))
    func equalsRSnaOnTheExampleStudy() throws {
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1, seed: 5, permutations: 10_000))
        let groups = try metrics.groups(by: "region")
        let qap = try metrics.sameGroupCorrelation(by: "region")
        // The matrices over the actors of known region, as R reads them.
        let known = (0..<metrics.graph.nodeCount).filter { groups[$0] != nil }
        let position = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, $0 + 1) })
        let dir = TemporaryDirectory()
        var edges = "i,j\n"
        for e in 0..<metrics.graph.edgeCount {
            if let a = position[Int(metrics.graph.edgeSources[e])], let b = position[Int(metrics.graph.edgeTargets[e])] { edges += "\(a),\(b)\n" }
        }
        let edgesPath = dir.write("edges.csv", edges)
        let groupsPath = dir.write("groups.csv", "g\n" + known.map { "\"\(groups[$0]!)\"" }.joined(separator: "\n") + "\n")
        let script = """
            suppressMessages(library(sna)); args <- commandArgs(TRUE)
            e <- read.csv(args[1]); g <- read.csv(args[2], encoding = "UTF-8")$g; n <- length(g)
            Y <- matrix(0, n, n); Y[cbind(e$i, e$j)] <- 1; Y[cbind(e$j, e$i)] <- 1
            X <- outer(g, g, "==") * 1
            set.seed(1); q <- qaptest(list(Y, X), gcor, g1 = 1, g2 = 2, mode = "graph", reps = 3000)
            cat(sprintf("%.15f %.6f\\n", gcor(Y, X, mode = "graph"), q$pgreq))
            """
        let run = try runProcess(Self.rscript!, ["-e", script, edgesPath, groupsPath])
        try #require(run.status == 0, "\(run.stderr)")
        let parts = run.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(parts.count == 2, "\(run.stdout)")
        #expect(abs(qap.r - parts[0]) < 1e-9, "gcor \(qap.r) vs R \(parts[0])")
        // Monte Carlo on both sides (3,000 and 10,000 relabellings).
        #expect(abs(qap.pGreaterOrEqual - parts[1]) < 0.03, "p \(qap.pGreaterOrEqual) vs R \(parts[1])")
    }
}
