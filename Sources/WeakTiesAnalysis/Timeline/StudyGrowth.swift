import WeakTiesMetrics
import WeakTiesStudy

/// How the study's networks grew and how its innovations differ: the numbers of the report's "How
/// networks grew" section and its innovations' "Growth" sections, computed once with the defaults of
/// the establishment tests of `weakties timeline`, of `weakties compare` and of its QAP regression, so the report
/// and the commands show the same values.
public struct StudyGrowth: Sendable {
    /// The settings of the tests behind the growth sections.
    public struct Options: Sendable {
        /// Permutations of the establishment tests and the comparison (the commands' default).
        public var permutations: Int
        /// Seed of the establishment tests' and the comparison's permutations (the QAP regression uses
        /// the `StudyMetrics` options).
        public var seed: UInt64
        /// Years after founding whose ties count as early in the establishment tests.
        public var earlyYears: Int
        /// Where the timeline puts ties without a year.
        public var undated: Timeline.Undated
        /// Options with the given values (defaults: 9,999 permutations, seed 1, 3 early years, undated
        /// ties from the start).
        public init(permutations: Int = 9999, seed: UInt64 = 1, earlyYears: Int = 3, undated: Timeline.Undated = .start) {
            self.permutations = permutations
            self.seed = seed
            self.earlyYears = earlyYears
            self.undated = undated
        }
    }

    /// The attributes whose "same value" the QAP regression tests, where each has two or more values.
    public static let qapAttributes = ["region", "sector", "partner_type"]

    /// The options the numbers were computed with.
    public let options: Options
    /// Yearly snapshots; nil when no tie has a year (then the report says the timeline cannot be drawn).
    public let timeline: Timeline?
    /// One test per outcome (partner-initiated, weak, outside the region); empty without a timeline.
    public let establishment: [EstablishmentTest]
    /// Established against new innovations; nil with fewer than two of the groups.
    public let comparison: InnovationComparison?
    /// Tie presence on same region, sector and partner type (those with two or more values), with
    /// `metrics`' permutations and seed; nil when none qualifies or they are collinear.
    public let qap: QAPRegression?

    /// - Complexity: the timeline's (O(years with new ties × snapshot metrics)), plus O(ties ×
    ///   permutations) per establishment test and the comparison's and the QAP regression's permutations.
    public init(profiles: InnovationProfiles, options: Options = Options()) {
        self.options = options
        let metrics = profiles.metrics
        // The tests are independent and each is seeded on its own, so they run side by side with the
        // same results on any number of cores: the timeline, the comparison and the QAP regression each
        // on a thread, then the three establishment tests on the timeline each on a thread as soon as it
        // is there (regional model of 2,491 innovations: 3.4 s of CPU; in two batches they left a core
        // idle while the longest of each ended).
        let undated = options.undated, permutations = options.permutations, seed = options.seed, earlyYears = options.earlyYears
        // The only error a loaded study can give is "no tie has a year".
        let timelineJob = Background { try? Timeline(study: metrics.study, options: .init(undated: undated)) }
        let comparisonJob = Background {
            try? InnovationComparison(profiles: profiles, by: "established", options: .init(permutations: permutations, seed: seed))
        }
        let qapJob = Background { () throws(Never) -> QAPRegression? in
            let attributes = Self.qapAttributes.filter { (try? metrics.comparesGroups(by: $0)) == true }
            return attributes.isEmpty ? nil : try? metrics.qapRegression(on: attributes)
        }
        let timeline = timelineJob.value()
        self.timeline = timeline
        let tests = timeline.map { t in
            EstablishmentTest.Outcome.allCases.map { outcome in
                Background {
                    EstablishmentTest(timeline: t, options: .init(outcome: outcome, permutations: permutations, seed: seed, earlyYears: earlyYears))
                }
            }
        } ?? []
        establishment = tests.map { $0.value() }
        comparison = comparisonJob.value()
        qap = qapJob.value()
    }
}
