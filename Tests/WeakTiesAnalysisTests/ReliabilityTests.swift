import Foundation
import Testing
import TestSupport
@testable import WeakTiesAnalysis

/// Agreement coefficients: Krippendorff's published worked examples, brute-force definitions on
/// seeded random codings, and the reference implementations (PyPI `krippendorff`, scikit-learn's
/// `cohen_kappa_score`, statsmodels' `fleiss_kappa`).
@Suite struct ReliabilityTests {
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    /// Communication, section A: two observers, binary data, ten units; α = 0.095.
    @Test func krippendorffBinaryExample() {
        let a: [Double] = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
        let b: [Double] = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
        let table = CodingTable(units: zip(a, b).map { [$0, $1] })
        #expect(abs(Reliability.krippendorffAlpha(table, level: .nominal) - 0.095) < 0.0005)
    }

    /// Krippendorff (2011), section C (also Krippendorff 2019, ch. 12): four observers, twelve units,
    /// missing values; α = 0.743 (nominal), 0.815 (ordinal), 0.849 (interval).
    static let exampleC: [[Double?]] = {
        let rows: [[Double?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        return (0..<12).map { u in rows.map { $0[u] } }
    }()

    @Test(arguments: [(MeasurementLevel.nominal, 0.743), (.ordinal, 0.815), (.interval, 0.849)])
    func krippendorffMissingValuesExample(level: MeasurementLevel, published: Double) {
        let alpha = Reliability.krippendorffAlpha(CodingTable(units: Self.exampleC), level: level)
        #expect(abs(alpha - published) < 0.0005, "α(\(level)) = \(alpha), published \(published)")
    }

    /// Cohen (1960) on a 2 × 2 table: p_o = 0.7, p_e = 0.5 → κ = 0.4.
    @Test func cohenKappaTextbook() {
        var units: [[Double?]] = []
        units += Array(repeating: [1, 1], count: 20)
        units += Array(repeating: [1, 0], count: 5)
        units += Array(repeating: [0, 1], count: 10)
        units += Array(repeating: [0, 0], count: 15)
        let kappa = Reliability.cohenKappa(CodingTable(units: units))
        // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
        #expect(abs(kappa - 0.4) < 1e-12)
    }

    @Test func undefinedCoefficientsAreNaN() {
        let same = CodingTable(units: Array(repeating: [1, 1], count: 5))
        #expect(Reliability.krippendorffAlpha(same, level: .nominal).isNaN)
        #expect(Reliability.cohenKappa(same).isNaN)
        #expect(Reliability.fleissKappa(same).kappa.isNaN)
        let lone = CodingTable(units: [[1, nil], [nil, 2]])
        #expect(Reliability.krippendorffAlpha(lone, level: .interval).isNaN)
        #expect(Reliability.percentAgreement(lone).isNaN)
        #expect(Reliability.cohenKappa(lone).isNaN)
    }

    /// α from its definition on pairable values: D_o is the mean δ² over all ordered pairs of values
    /// from different coders within units, each unit's pairs weighted 1/(m_u − 1); D_e is the mean δ²
    /// over all ordered pairs of the pooled pairable values. Written independently of the coincidence
    /// matrix kernel.
    static func bruteAlpha(_ units: [[Double?]], _ level: MeasurementLevel) -> Double {
        let pairable = units.map { $0.compactMap { $0 } }.filter { $0.count >= 2 }
        let pooled = pairable.flatMap { $0 }
        let n = Double(pooled.count)
        let sortedValues = Array(Set(pooled)).sorted()
        let frequency = Dictionary(grouping: pooled, by: { $0 }).mapValues { Double($0.count) }
        func delta(_ c: Double, _ k: Double) -> Double {
            if c == k { return 0 }
            switch level {
            case .nominal: return 1
            case .interval: return (c - k) * (c - k)
            case .ordinal:
                let lo = min(c, k), hi = max(c, k)
                let between = sortedValues.filter { $0 >= lo && $0 <= hi }.reduce(0.0) { $0 + frequency[$1]! }
                let s = between - (frequency[c]! + frequency[k]!) / 2
                return s * s
            }
        }
        var observed = 0.0
        for u in pairable {
            for i in u.indices { for j in u.indices where i != j { observed += delta(u[i], u[j]) / Double(u.count - 1) } }
        }
        var expected = 0.0
        for i in pooled.indices { for j in pooled.indices where i != j { expected += delta(pooled[i], pooled[j]) } }
        return 1 - (n - 1) * observed / expected
    }

    static func randomUnits(_ rng: inout SeededRandom, coders: Int, units: Int, values: Int, missing: Double) -> [[Double?]] {
        (0..<units).map { _ in
            // Correlated codings: a true value, each coder off by one with some probability.
            let truth = Int(rng.next() % UInt64(values)) + 1
            return (0..<coders).map { _ -> Double? in
                if Double(rng.next() % 1000) / 1000 < missing { return nil }
                let noise = Int(rng.next() % 10)
                let value = noise < 6 ? truth : noise < 8 ? max(1, truth - 1) : min(values, truth + 1)
                return Double(value)
            }
        }
    }

    @Test(arguments: 0..<20)
    func alphaEqualsItsDefinition(seed: UInt64) {
        var rng = SeededRandom(seed: 100 + seed)
        let units = Self.randomUnits(&rng, coders: 2 + Int(seed % 4), units: 5 + Int(rng.next() % 40), values: 2 + Int(seed % 5), missing: 0.2)
        let table = CodingTable(units: units)
        for level in MeasurementLevel.allCases {
            let expected = Self.bruteAlpha(units, level)
            let actual = Reliability.krippendorffAlpha(table, level: level)
            #expect(expected.isNaN ? actual.isNaN : abs(actual - expected) < 1e-9, "seed \(seed) \(level): \(actual) vs \(expected)")
        }
    }

    @Test func bootstrapIsSeededAndCoversTheEstimate() {
        var rng = SeededRandom(seed: 7)
        let table = CodingTable(units: Self.randomUnits(&rng, coders: 2, units: 300, values: 3, missing: 0.1))
        let statistic: (CodingTable, [Double]) -> Double = { Reliability.krippendorffAlpha($0, level: .ordinal, weights: $1) }
        let first = Reliability.bootstrap(table, replicates: 500, seed: 3, statistic)
        let again = Reliability.bootstrap(table, replicates: 500, seed: 3, statistic)
        let other = Reliability.bootstrap(table, replicates: 500, seed: 4, statistic)
        let alpha = Reliability.krippendorffAlpha(table, level: .ordinal)
        #expect(first == again)
        #expect(first != other)
        #expect(first.low < alpha && alpha < first.high)
        #expect(first.high - first.low < 0.3)
    }

    /// Poisson draws have mean and variance λ (small means by inversion, large by PTRS).
    @Test(arguments: [0.5, 3.0, 12.0, 250.0, 40_000.0])
    func poissonMoments(lambda: Double) {
        var rng = WeakTiesAnalysis.SplitMix64(seed: 11)
        let n = 20_000
        let draws = (0..<n).map { _ in Double(Poisson.sample(mean: lambda, using: &rng)) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // Five standard errors of the mean; the variance within 10 %.
        #expect(abs(mean - lambda) < 5 * (lambda / Double(n)).squareRoot(), "mean \(mean)")
        #expect(abs(variance - lambda) < 0.1 * lambda, "variance \(variance)")
    }

    // MARK: Reference implementations

    static let python = which("python3")
    static let hasReferences: Bool = {
        guard let python else { return false }
        let ok = (try? runProcess(python, ["-c", "import krippendorff, sklearn, statsmodels"]).status) == 0
        if !ok {
            FileHandle.standardError.write(Data("skipped: python3 with krippendorff, scikit-learn and statsmodels not found (make pydeps installs them); agreement reference tests are skipped\n".utf8))
        }
        return ok
    }()

    /// 60 generated codings: α (three levels, PyPI `krippendorff`), Cohen's κ (scikit-learn) for two
    /// coders, Fleiss' κ (statsmodels) for complete data, all to 1e-9.
    @Test(.enabled(if: hasReferences, "python3 with krippendorff, scikit-learn and statsmodels not found"))
    func equalsReferenceImplementations() throws {
        var rng = SeededRandom(seed: 2026)
        var datasets: [[[Double?]]] = []
        for k in 0..<60 {
            let coders = k < 20 ? 2 : 2 + Int(rng.next() % 5)
            let missing = k % 3 == 0 ? 0.0 : 0.15
            datasets.append(Self.randomUnits(&rng, coders: coders, units: 10 + Int(rng.next() % 200), values: 2 + Int(rng.next() % 5), missing: missing))
        }
        let directory = TemporaryDirectory()
        let json = try JSONSerialization.data(withJSONObject: datasets.map { units in
            (0..<units[0].count).map { c in units.map { $0[c].map { $0 as Any } ?? NSNull() } }
        })
        let input = directory.write("codings.json", bytes: Array(json))
        let script = """
            import json, sys, math
            import numpy as np, krippendorff
            from sklearn.metrics import cohen_kappa_score
            from statsmodels.stats.inter_rater import fleiss_kappa, aggregate_raters
            out = []
            for data in json.load(open(sys.argv[1])):
                r = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
                res = {}
                for level in ("nominal", "ordinal", "interval"):
                    try:
                        res[level] = float(krippendorff.alpha(reliability_data=r, level_of_measurement=level))
                    except Exception:
                        res[level] = None
                if r.shape[0] == 2:
                    both = ~np.isnan(r).any(axis=0)
                    res["cohen"] = float(cohen_kappa_score(r[0, both], r[1, both]))
                if not np.isnan(r).any():
                    counts, _ = aggregate_raters(r.T.astype(int))
                    res["fleiss"] = float(fleiss_kappa(counts, method="fleiss"))
                out.append(res)
            print(json.dumps(out))
            """
        let run = try runProcess(Self.python!, ["-c", script, input])
        try #require(run.status == 0, "\(run.stderr)")
        let references = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        var compared = 0
        for (k, units) in datasets.enumerated() {
            let table = CodingTable(units: units)
            let reference = references[k]
            for level in MeasurementLevel.allCases {
                guard let expected = reference[level.rawValue] as? Double else { continue }
                let actual = Reliability.krippendorffAlpha(table, level: level)
                #expect(expected.isNaN ? actual.isNaN : abs(actual - expected) < 1e-9, "dataset \(k) α \(level): \(actual) vs \(expected)")
                compared += 1
            }
            if let expected = reference["cohen"] as? Double {
                let actual = Reliability.cohenKappa(table)
                #expect(expected.isNaN ? actual.isNaN : abs(actual - expected) < 1e-9, "dataset \(k) Cohen: \(actual) vs \(expected)")
                compared += 1
            }
            if let expected = reference["fleiss"] as? Double {
                let actual = Reliability.fleissKappa(table).kappa
                #expect(expected.isNaN ? actual.isNaN : abs(actual - expected) < 1e-9, "dataset \(k) Fleiss: \(actual) vs \(expected)")
                compared += 1
            }
        }
        #expect(compared > 150)
    }
}
