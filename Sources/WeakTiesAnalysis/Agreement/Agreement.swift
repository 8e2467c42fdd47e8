import Foundation
import WeakTiesStudy

/// A coded variable whose agreement between coders is measured.
public enum AgreementVariable: Hashable, Sendable {
    /// Whether a coder coded a tie between the pair at all (nominal: coded / not coded).
    case presence
    /// Weak < strong (ordinal).
    case strength
    /// The 1–5 strength scale where coders used it (ordinal).
    case strengthScale
    /// Who initiated the tie, relative to the pair's orientation (nominal).
    case initiator
    /// One proximity dimension, low < medium < high (ordinal).
    case proximity(ProximityDimension)
    /// The numeric `weight` column (interval).
    case weight
    /// One motive value: named or not by a coder who coded the pair's motive (nominal).
    case motive(String)
    /// One benefit value, as motive.
    case benefit(String)

    /// A stable name for tables: `presence`, `strength`, `strength_scale`, `initiator`,
    /// `proximity_spatial`, …, `weight`, `motive: <value>`, `benefit: <value>`.
    public var name: String {
        switch self {
        case .presence: "presence"
        case .strength: "strength"
        case .strengthScale: "strength_scale"
        case .initiator: "initiator"
        case .proximity(let d): d.columnName
        case .weight: "weight"
        case .motive(let v): "motive: \(v)"
        case .benefit(let v): "benefit: \(v)"
        }
    }

    /// The level of measurement, which decides α's difference function.
    public var level: MeasurementLevel {
        switch self {
        case .presence, .initiator, .motive, .benefit: .nominal
        case .strength, .strengthScale, .proximity: .ordinal
        case .weight: .interval
        }
    }
}

/// A confidence interval; NaN bounds where it is undefined.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The lower bound.
    public let low: Double
    /// The upper bound.
    public let high: Double
}

/// Agreement on one variable, between two coders or among all.
public struct ReliabilityEstimate: Sendable {
    /// The variable assessed.
    public let variable: AgreementVariable
    /// The two coders compared, or every coder (overall).
    public let coders: [String]
    /// Interviews the compared coders coded together (two or more of them).
    public let interviews: Int
    /// Units with at least two values (pairable units).
    public let units: Int
    /// Values in pairable units.
    public let values: Int
    /// Share of agreeing pairs of values within the pairable units, from 0 to 1; NaN without such units.
    public let percentAgreement: Double
    /// Cohen's κ (pairs of coders; NaN overall).
    public let cohenKappa: Double
    /// Bootstrap percentile interval of `cohenKappa` at `Agreement.Options.confidence`; NaN bounds
    /// overall, without replicates, or when fewer than half the replicates are defined.
    public let cohenKappaInterval: ConfidenceInterval
    /// Fleiss' κ over the units coded by `fleissRaters` coders (overall; NaN for pairs).
    public let fleissKappa: Double
    /// The number of coders per unit Fleiss' κ uses: the most common one among units with two or more
    /// values; 0 for pairs and where no unit has two values.
    public let fleissRaters: Int
    /// Krippendorff's α with the variable's level.
    public let alpha: Double
    /// Bootstrap percentile interval of `alpha` at `Agreement.Options.confidence`; NaN bounds without
    /// replicates or when fewer than half the replicates are defined.
    public let alphaInterval: ConfidenceInterval
}

/// A tie or tie attribute on which the coders of one interview differ: the agenda item of a
/// consensus meeting.
public struct Disagreement: Sendable {
    /// One variable's values, one per coder of the interview (`nil`: that coder coded nothing for it).
    public struct Difference: Sendable {
        /// `presence`, `strength`, `strength_scale`, `initiator`, `proximity_<dimension>`, `weight`,
        /// `motive` or `benefit`.
        public let field: String
        /// Each coder's value as text, in `coders` order: `coded` / `not coded`, `strong` / `weak`,
        /// `1`–`5`, the initiating end's id or `both` / `third` / `unknown`, a proximity level, the
        /// weight, or the coder's motive or benefit cells joined with " | ".
        public let values: [String?]
    }

    /// The interview in which the coders differ.
    public let interview: String
    /// The study's tie between the pair (its ends give the orientation `initiator` refers to).
    public let tie: Int
    /// Every coder of the interview, sorted.
    public let coders: [String]
    /// Each coder's mentions of the pair in this interview, input order.
    public let mentions: [[Int32]]
    /// The variables on which the coders differ, in variable order (`presence` first when disputed).
    public let differences: [Difference]

    /// Whether the tie itself is disputed (one coder coded it, another did not).
    public var isPresenceDisputed: Bool { differences.first?.field == "presence" }
}

/// Why agreement cannot be computed.
public enum AgreementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ties tables have no column of this name (`interview` or `coder`).
    case missingColumn(String)
    /// No interview was coded by two or more coders; the numbers of coders and interviews found.
    case noDoubleCoding(coders: Int, interviews: Int)
    /// The study was read with a consensus rule that set mentions aside.
    case consensusApplied(String)

    public var description: String {
        switch self {
        case .missingColumn(let name):
            "the ties tables have no '\(name)' column: agreement compares the coders of each interview (columns 'interview' and 'coder', see Docs/Agreement.md)"
        case .consensusApplied(let rule):
            "the study was read with the consensus rule '\(rule)', which sets the disputed mentions aside: agreement is measured on every mention (rule union)"
        case .noDoubleCoding(let coders, let interviews):
            "no interview was coded by two or more coders (\(coders) coder\(coders == 1 ? "" : "s"), \(interviews) interview\(interviews == 1 ? "" : "s")): there is nothing to compare"
        }
    }
}

/// Inter-coder reliability of a study's tie coding and the list of disagreements.
///
/// Units: within each interview coded by two or more coders, every unordered pair of actors that at
/// least one of them coded. Each coder of the interview gives each unit a value per variable:
/// presence (coded it or not); for the attributes, the coder's own coding of the pair — missing
/// where the coder did not code it, the coder's majority where coded more than once (equal votes:
/// strong; initiator: first in file order) and the upper median for ordinal and interval values.
/// Coders who did not code an interview are missing there. Pairs of coders are compared over the
/// interviews both coded (presence: the pairs at least one of the two coded). See Docs/Agreement.md.
public struct Agreement: Sendable {
    /// Which pairs of actors are units for tie presence.
    public enum PresenceUnits: String, Sendable, CaseIterable {
        /// The pairs at least one coder of the interview coded: no unit is "absent" for everyone, so
        /// chance-corrected coefficients cannot exceed 0 for two coders (α = (1 − D)/(2A + D) with A
        /// agreeing and D disputed units); percent agreement is the measure.
        case coded
        /// Every pair of actors named in the interview (by any of its coders): a pair everyone left
        /// untied is an agreement on absence.
        case named
    }

    /// What is measured and how the intervals are estimated.
    public struct Options: Sendable {
        /// Units of tie presence.
        public var presenceUnits: PresenceUnits
        /// Bootstrap replicates for the confidence intervals (0: none).
        public var replicates: Int
        /// Seed of the bootstrap (each estimate derives its own from it).
        public var seed: UInt64
        /// Confidence level of the intervals, between 0 and 1 (default 0.95).
        public var confidence: Double
        /// Motive and benefit values assessed per field: the most frequent ones.
        public var valuesPerField: Int

        /// Options with the given values (defaults: coded units, 1000 replicates, seed 1, 95 %
        /// intervals, 30 values per field).
        public init(presenceUnits: PresenceUnits = .coded, replicates: Int = 1000, seed: UInt64 = 1,
                    confidence: Double = 0.95, valuesPerField: Int = 30) {
            self.presenceUnits = presenceUnits
            self.replicates = replicates
            self.seed = seed
            self.confidence = confidence
            self.valuesPerField = valuesPerField
        }
    }

    /// The study whose coding is compared.
    public let study: Study
    /// The options of the measurement.
    public let options: Options
    /// Every coder, sorted.
    public let coders: [String]
    /// Interviews coded by two or more coders, sorted.
    public let comparedInterviews: [String]
    /// Interviews coded by one coder only.
    public let singleCodedInterviews: Int
    /// Mentions without interview or coder (not compared).
    public let uncodedMentions: Int
    /// Agreement among all coders, per variable.
    public let overall: [ReliabilityEstimate]
    /// Agreement of each pair of coders that coded an interview together, per variable.
    public let pairs: [ReliabilityEstimate]
    /// Every unit on which the coders of its interview differ, by interview, then by tie.
    public let disagreements: [Disagreement]
    /// Motive and benefit values left out by `valuesPerField`, per field.
    public let unassessedValues: [String: Int]
    /// Whether the `weight` column was left out: it has more than 254 distinct values (a coding table
    /// holds at most 254 categories); the outputs say so.
    public let weightNotAssessed: Bool
    /// Indices into `disagreements` of each actor's ties, in list order, by actor index.
    let disagreementsByActor: [[Int32]]

    /// - Throws: `AgreementError` without interview or coder column, without double coding, or for a
    ///   study read with a consensus rule other than union.
    /// - Complexity: O(m log m) for m mentions, plus O(units × variables × coder pairs) and
    ///   O(replicates × patterns) per estimate.
    public init(study: Study, options: Options = Options()) throws(AgreementError) {
        self.study = study
        self.options = options
        var builder = try AgreementBuilder(study: study, options: options)
        builder.scan()
        coders = builder.coderNames
        comparedInterviews = builder.comparedInterviewNames
        singleCodedInterviews = builder.singleCoded
        uncodedMentions = builder.uncoded
        disagreements = builder.disagreements
        // Each actor's disagreements, found once: a report asks for every innovation's (2,491 scans of
        // 50,000 disagreements took 0.7 s of CPU on the regional model).
        var byActor = [[Int32]](repeating: [], count: study.actors.count)
        for (k, d) in disagreements.enumerated() {
            let a = Int(study.ties.source[d.tie]), b = Int(study.ties.target[d.tie])
            byActor[a].append(Int32(k))
            if b != a { byActor[b].append(Int32(k)) }
        }
        disagreementsByActor = byActor
        unassessedValues = builder.unassessed
        weightNotAssessed = builder.weightTooVaried
        (overall, pairs) = builder.estimates()
    }
}

/// A motive or benefit cell's distinct values (`CellParser.listValues`), folded for case, sorted.
func codedValues(_ text: String) -> [String] {
    Set(CellParser.listValues(text).map { $0.lowercased() }).sorted()
}

private struct AgreementBuilder {
    let study: Study
    let options: Options
    typealias Options = Agreement.Options

    var coderNames: [String] = []
    var comparedInterviewNames: [String] = []
    var singleCoded = 0
    var uncoded = 0
    var disagreements: [Disagreement] = []
    var unassessed: [String: Int] = [:]
    var weightTooVaried = false

    // Per mention: dense interview and coder (-1: blank).
    var interviewOf: [Int32] = [], coderOf: [Int32] = []
    var interviewNames: [String] = []
    /// Coders (dense, sorted) of each interview.
    var codersOf: [[Int32]] = []
    var scaleOfCode: [Int8] = []  // strength cell code → 1…5, 0 when not on the scale
    var strengthColumn: TextColumn?
    var motiveColumn: TextColumn?, benefitColumn: TextColumn?
    var motiveValuesOfCode: [[Int32]] = [], benefitValuesOfCode: [[Int32]] = []
    var motiveNames: [String] = [], benefitNames: [String] = []
    var assessedMotives = 0, assessedBenefits = 0
    var weightCategories: [Double] = []
    var hasInitiator = false, hasScale = false, hasWeight = false
    var proximityDimensions: [ProximityDimension] = []

    var variables: [AgreementVariable] = []
    var overallTables: [CodingTable] = []
    /// Per variable, per coder pair index.
    var pairTables: [[CodingTable]] = []
    var pairInterviews: [Int] = []
    /// Units (pairs some coder coded) per interview.
    var codedUnits: [Int] = []
    /// Scratch of `unit`, reused: where each coder's mentions start, and one code per coder.
    var starts: [Int] = []
    var codes: [UInt8] = []

    init(study: Study, options: Options) throws(AgreementError) {
        self.study = study
        self.options = options
        guard study.options.consensus == .union else { throw .consensusApplied(study.options.consensus.description) }
        let m = study.mentions
        guard let ic = m.column(named: TieField.interview.rawValue) else { throw .missingColumn("interview") }
        guard let cc = m.column(named: TieField.coder.rawValue) else { throw .missingColumn("coder") }
        func dense(_ column: TextColumn, sorted: Bool) -> (perCode: [Int32], names: [String]) {
            let trimmed = column.values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            var names = Array(Set(trimmed.filter { !$0.isEmpty }))
            if sorted { names.sort() }
            let id = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
            return (trimmed.map { id[$0] ?? -1 }, names)
        }
        let interviews = dense(m.cells[ic], sorted: true), coders = dense(m.cells[cc], sorted: true)
        interviewNames = interviews.names
        coderNames = coders.names
        interviewOf = m.cells[ic].codes.map { interviews.perCode[Int($0)] }
        coderOf = m.cells[cc].codes.map { coders.perCode[Int($0)] }
        codersOf = Array(repeating: [], count: interviewNames.count)
        for row in 0..<m.count {
            let i = interviewOf[row], c = coderOf[row]
            guard i >= 0, c >= 0 else { uncoded += 1; continue }
            if !codersOf[Int(i)].contains(c) { codersOf[Int(i)].append(c) }
        }
        for i in codersOf.indices { codersOf[i].sort() }
        comparedInterviewNames = codersOf.indices.filter { codersOf[$0].count >= 2 }.map { interviewNames[$0] }
        singleCoded = codersOf.count { $0.count == 1 }
        guard !comparedInterviewNames.isEmpty else {
            throw .noDoubleCoding(coders: coderNames.count, interviews: interviewNames.count)
        }
        prepareFields()
    }

    mutating func prepareFields() {
        let m = study.mentions
        if let c = m.column(named: TieField.strength.rawValue) {
            strengthColumn = m.cells[c]
            scaleOfCode = m.cells[c].values.map { text in
                guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v == v.rounded(), (1...5).contains(v) else { return 0 }
                return Int8(v)
            }
        }
        hasInitiator = m.column(named: TieField.initiator.rawValue) != nil
        proximityDimensions = ProximityDimension.allCases.filter { m.column(named: $0.columnName) != nil }
        func values(_ field: TieField, _ limit: Int) -> (TextColumn?, [[Int32]], [String], Int, Int) {
            guard let c = m.column(named: field.rawValue) else { return (nil, [], [], 0, 0) }
            let column = m.cells[c]
            let split = column.values.map(codedValues)
            var frequency: [String: Int] = [:]
            for code in column.codes { for v in split[Int(code)] { frequency[v, default: 0] += 1 } }
            let names = frequency.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            let id = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
            // A dictionary value no mention uses (a study restricted to some ties keeps the whole
            // dictionary) has no id; no code maps to it.
            return (column, split.map { $0.compactMap { id[$0] } }, names, min(limit, names.count), max(0, names.count - limit))
        }
        var left = 0
        (motiveColumn, motiveValuesOfCode, motiveNames, assessedMotives, left) = values(.motive, options.valuesPerField)
        if left > 0 { unassessed["motive"] = left }
        (benefitColumn, benefitValuesOfCode, benefitNames, assessedBenefits, left) = values(.benefit, options.valuesPerField)
        if left > 0 { unassessed["benefit"] = left }
        var weights = Set<Double>()
        for w in m.weight where !w.isNaN { weights.insert(w); if weights.count > 254 { break } }
        if weights.count <= 254 { weightCategories = weights.sorted() } else { weightTooVaried = true }
        hasWeight = !weightCategories.isEmpty
        hasScale = scaleOfCode.contains { $0 > 0 }
    }

    func pairIndex(_ a: Int32, _ b: Int32) -> Int {
        let (i, j) = (Int(min(a, b)), Int(max(a, b)))
        return j * (j - 1) / 2 + i
    }

    /// One pass over the compared mentions grouped by (interview, tie): fills the coding tables and
    /// the disagreement list.
    mutating func scan() {
        let m = study.mentions
        variables = [.presence, .strength] + (hasScale ? [.strengthScale] : []) + (hasInitiator ? [.initiator] : [])
            + proximityDimensions.map { .proximity($0) } + (hasWeight ? [.weight] : [])
            + motiveNames.prefix(assessedMotives).map { .motive($0) } + benefitNames.prefix(assessedBenefits).map { .benefit($0) }
        let categories: [[Double]] = variables.map { v in
            switch v {
            case .presence, .strength, .motive, .benefit: [0, 1]
            case .strengthScale: [1, 2, 3, 4, 5]
            case .initiator: Initiator.allCases.indices.map(Double.init)
            case .proximity: ProximityLevel.allCases.map { Double($0.rawValue) }
            case .weight: weightCategories
            }
        }
        let coderCount = coderNames.count
        let pairCount = coderCount * (coderCount - 1) / 2
        overallTables = categories.map { CodingTable(categories: $0, paired: false) }
        pairTables = categories.map { c in (0..<pairCount).map { _ in CodingTable(categories: c, paired: true) } }
        pairInterviews = Array(repeating: 0, count: pairCount)
        for k in codersOf where k.count >= 2 {
            for a in 0..<k.count { for b in (a + 1)..<k.count { pairInterviews[pairIndex(k[a], k[b])] += 1 } }
        }

        codedUnits = Array(repeating: 0, count: interviewNames.count)
        var rows: [Int32] = []
        for row in 0..<m.count where interviewOf[row] >= 0 && coderOf[row] >= 0 && codersOf[Int(interviewOf[row])].count >= 2 {
            rows.append(Int32(row))
        }
        rows.sort { x, y in
            let (a, b) = (Int(x), Int(y))
            if interviewOf[a] != interviewOf[b] { return interviewOf[a] < interviewOf[b] }
            if m.tie[a] != m.tie[b] { return m.tie[a] < m.tie[b] }
            if coderOf[a] != coderOf[b] { return coderOf[a] < coderOf[b] }
            return a < b
        }
        var start = 0
        while start < rows.count {
            var end = start + 1
            let first = Int(rows[start])
            while end < rows.count, interviewOf[Int(rows[end])] == interviewOf[first], m.tie[Int(rows[end])] == m.tie[first] { end += 1 }
            unit(rows[start..<end])
            codedUnits[Int(interviewOf[first])] += 1
            start = end
        }
        if options.presenceUnits == .named { addUntiedPairs(rows) }
    }

    /// Presence on named units: every pair of actors named in an interview that no coder tied is one
    /// unit of agreement on absence, added in bulk (O(interviews), not O(pairs)).
    mutating func addUntiedPairs(_ rows: [Int32]) {
        let m = study.mentions
        var named = [Set<Int32>](repeating: [], count: interviewNames.count)
        for r in rows {
            let i = Int(interviewOf[Int(r)])
            named[i].insert(m.source[Int(r)]); named[i].insert(m.target[Int(r)])
        }
        for (i, k) in codersOf.enumerated() where k.count >= 2 {
            let n = named[i].count
            let untied = Double(n * (n - 1) / 2 - codedUnits[i])
            guard untied > 0 else { continue }
            overallTables[0].add([UInt8](repeating: 0, count: k.count), count: untied)
            for a in 0..<k.count { for b in (a + 1)..<k.count { pairTables[0][pairIndex(k[a], k[b])].addPair(0, 0, count: untied) } }
        }
    }

    /// Codes and compares one unit: the mentions of one pair in one interview (sorted by coder).
    ///
    /// Allocation-free on the common path (scratch arrays reused across units): the per-unit arrays
    /// of a first version were half of `agree` on 1M mentions (perf: 3.8 of 7 s).
    mutating func unit(_ rows: ArraySlice<Int32>) {
        let m = study.mentions
        let first = Int(rows.first!)
        let interview = Int(interviewOf[first]), tie = Int(m.tie[first])
        let k = codersOf[interview]
        // Coder j's mentions: rows[starts[j]..<starts[j + 1]] (rows are sorted by coder).
        starts.removeAll(keepingCapacity: true)
        var r = rows.startIndex
        for c in k {
            starts.append(r)
            while r < rows.endIndex && coderOf[Int(rows[r])] == c { r += 1 }
        }
        starts.append(r)
        let tieSource = study.ties.source[tie]
        let missing = CodingTable.missing
        var differences: [Disagreement.Difference] = []
        if codes.count != k.count { codes = [UInt8](repeating: 0, count: k.count) }

        func mentions(_ j: Int) -> ArraySlice<Int32> { rows[starts[j]..<starts[j + 1]] }
        func record(_ v: Int) {
            overallTables[v].addPooled(codes)
            for a in 0..<k.count {
                for b in (a + 1)..<k.count {
                    // Presence on coded units: the pairs one of the two coded.
                    if v == 0 && codes[a] == 0 && codes[b] == 0 && options.presenceUnits == .coded { continue }
                    pairTables[v][pairIndex(k[a], k[b])].addPair(codes[a], codes[b])
                }
            }
        }
        func differs() -> Bool {
            var seen = missing
            for c in codes where c != missing {
                if seen == missing { seen = c } else if c != seen { return true }
            }
            return false
        }
        func texts(_ text: (UInt8) -> String?) -> [String?] { codes.map { $0 == missing ? nil : text($0) } }
        /// The upper median of the coder's values (1-based levels), as a code, or `missing`.
        func upperMedian(_ j: Int, _ value: (Int) -> Int?) -> UInt8 {
            var counts = (0, 0, 0, 0, 0, 0)  // levels 1…5
            var n = 0
            for row in mentions(j) {
                guard let v = value(Int(row)), (1...5).contains(v) else { continue }
                n += 1
                switch v { case 1: counts.0 += 1; case 2: counts.1 += 1; case 3: counts.2 += 1; case 4: counts.3 += 1; default: counts.4 += 1 }
            }
            guard n > 0 else { return missing }
            var seen = 0
            for (level, count) in [counts.0, counts.1, counts.2, counts.3, counts.4].enumerated() {
                seen += count
                if seen > n / 2 { return UInt8(level) }
            }
            return missing
        }

        // Presence.
        var anyCoded = false, anyNot = false
        for j in 0..<k.count {
            codes[j] = starts[j] == starts[j + 1] ? 0 : 1
            if codes[j] == 1 { anyCoded = true } else { anyNot = true }
        }
        record(0)
        if anyCoded && anyNot { differences.append(.init(field: "presence", values: codes.map { $0 == 1 ? "coded" : "not coded" })) }
        var v = 1
        // Strength: majority, equal votes strong.
        for j in 0..<k.count {
            let n = starts[j + 1] - starts[j]
            if n == 0 { codes[j] = missing; continue }
            let strong = mentions(j).count { m.strength[Int($0)] == .strong }
            codes[j] = strong * 2 >= n ? 1 : 0
        }
        record(v); v += 1
        if differs() { differences.append(.init(field: "strength", values: texts { $0 == 1 ? "strong" : "weak" })) }
        if hasScale, let column = strengthColumn {
            for j in 0..<k.count {
                codes[j] = upperMedian(j) { row in
                    let s = Int(scaleOfCode[Int(column.codes[row])])
                    return s > 0 ? s : nil
                }
            }
            record(v); v += 1
            if differs() { differences.append(.init(field: "strength_scale", values: texts { String($0 + 1) })) }
        }
        if hasInitiator {
            for j in 0..<k.count {
                var votes = (0, 0, 0, 0, 0)
                var order: [Initiator] = []
                for row in mentions(j) {
                    guard var who = m.initiator(Int(row)) else { continue }
                    if m.source[Int(row)] != tieSource { who = who == .source ? .target : who == .target ? .source : who }
                    switch who {
                    case .source: votes.0 += 1
                    case .target: votes.1 += 1
                    case .both: votes.2 += 1
                    case .third: votes.3 += 1
                    case .unknown: votes.4 += 1
                    }
                    if !order.contains(who) { order.append(who) }
                }
                let counts = [votes.0, votes.1, votes.2, votes.3, votes.4]
                guard let top = counts.max(), top > 0 else { codes[j] = missing; continue }
                let winner = order.first { counts[Initiator.allCases.firstIndex(of: $0)!] == top }!
                codes[j] = UInt8(Initiator.allCases.firstIndex(of: winner)!)
            }
            record(v); v += 1
            if differs() {
                let ends = (study.actors[Int(tieSource)].id, study.actors[Int(study.ties.target[tie])].id)
                differences.append(.init(field: "initiator", values: texts { code in
                    switch Initiator.allCases[Int(code)] {
                    case .source: ends.0
                    case .target: ends.1
                    case let other: other.rawValue
                    }
                }))
            }
        }
        for dimension in proximityDimensions {
            for j in 0..<k.count { codes[j] = upperMedian(j) { m.proximity(dimension, $0)?.rawValue } }
            record(v); v += 1
            if differs() {
                differences.append(.init(field: dimension.columnName, values: texts { ProximityLevel(rawValue: Int($0) + 1)!.name }))
            }
        }
        if hasWeight {
            for j in 0..<k.count {
                let values = mentions(j).map { m.weight[Int($0)] }.filter { !$0.isNaN }.sorted()
                codes[j] = values.isEmpty ? missing : UInt8(weightCategories.firstIndex(of: values[values.count / 2])!)
            }
            record(v); v += 1
            if differs() { differences.append(.init(field: "weight", values: texts { "\(weightCategories[Int($0)])" })) }
        }
        for (field, column, valuesOfCode, assessed) in [
            ("motive", motiveColumn, motiveValuesOfCode, assessedMotives), ("benefit", benefitColumn, benefitValuesOfCode, assessedBenefits),
        ] {
            guard let column else { continue }
            // Each coder's values as the cell codes of their mentions; "no value" where all are empty.
            var sets: [Set<Int32>?] = []
            sets.reserveCapacity(k.count)
            for j in 0..<k.count {
                var values = Set<Int32>()
                for row in mentions(j) { values.formUnion(valuesOfCode[Int(column.codes[Int(row)])]) }
                sets.append(values.isEmpty ? nil : values)
            }
            if sets.allSatisfy({ $0 == nil }) { v += assessed; continue }
            for value in 0..<assessed {
                for j in 0..<k.count { codes[j] = sets[j].map { $0.contains(Int32(value)) ? 1 : 0 } ?? missing }
                record(v); v += 1
            }
            let coded = sets.compactMap { $0 }
            if coded.count >= 2 && coded.contains(where: { $0 != coded[0] }) {
                differences.append(.init(field: field, values: (0..<k.count).map { j in
                    sets[j] == nil ? nil : Array(Set(mentions(j).map { column[Int($0)].trimmingCharacters(in: .whitespaces) }).filter { !$0.isEmpty }).sorted().joined(separator: " | ")
                }))
            }
        }
        if !differences.isEmpty {
            disagreements.append(Disagreement(
                interview: interviewNames[interview], tie: tie, coders: k.map { coderNames[Int($0)] },
                mentions: (0..<k.count).map { Array(mentions($0)) }, differences: differences))
        }
    }

    func estimates() -> (overall: [ReliabilityEstimate], pairs: [ReliabilityEstimate]) {
        var overall: [ReliabilityEstimate] = []
        var pairs: [ReliabilityEstimate] = []
        let replicates = options.replicates, confidence = options.confidence
        // Each table's bootstrap has its own seed, derived from the study seed and the table's place,
        // so one estimate does not depend on which others are computed.
        func seed(_ variable: Int, _ pair: Int) -> UInt64 {
            var rng = SplitMix64(seed: options.seed &+ UInt64(variable) &* 0x1_0000 &+ UInt64(pair + 1))
            return rng.next()
        }
        func counts(_ table: CodingTable) -> (units: Int, values: Int) {
            var units = 0.0, values = 0.0
            for p in 0..<table.patternCount {
                let present = table.values(p).count { $0 != CodingTable.missing }
                if present >= 2 { units += table.counts[p]; values += table.counts[p] * Double(present) }
            }
            return (Int(units), Int(values))
        }
        let nan = ConfidenceInterval(low: .nan, high: .nan)
        // One task per estimate (each variable overall, then each coder pair's), run side by side: each
        // has its own seed, so the results are those of one after the other (the bootstraps were a
        // quarter of the report of a 25-innovation study).
        var tasks: [(variable: Int, pair: (a: Int, b: Int, p: Int)?)] = variables.indices.map { ($0, nil) }
        for b in 1..<max(1, coderNames.count) {
            for a in 0..<b {
                let p = pairIndex(Int32(a), Int32(b))
                guard pairInterviews[p] > 0 else { continue }
                for vi in variables.indices { tasks.append((vi, (a, b, p))) }
            }
        }
        let estimates = concurrentMap(tasks.count) { k -> ReliabilityEstimate in
            let vi = tasks[k].variable, variable = variables[vi], level = variable.level
            guard let (a, b, p) = tasks[k].pair else {
                let table = overallTables[vi]
                let (units, values) = counts(table)
                let fleiss = Reliability.fleissKappa(table)
                let alphaCI = Reliability.bootstrap(table, replicates: replicates, seed: seed(vi, -1), confidence: confidence) {
                    Reliability.krippendorffAlpha($0, level: level, weights: $1)
                }
                return ReliabilityEstimate(
                    variable: variable, coders: coderNames, interviews: comparedInterviewNames.count, units: units, values: values,
                    percentAgreement: Reliability.percentAgreement(table), cohenKappa: .nan, cohenKappaInterval: nan,
                    fleissKappa: fleiss.kappa, fleissRaters: fleiss.raters,
                    alpha: Reliability.krippendorffAlpha(table, level: level),
                    alphaInterval: ConfidenceInterval(low: alphaCI.low, high: alphaCI.high))
            }
            let table = pairTables[vi][p]
            let (units, values) = counts(table)
            let kappaCI = Reliability.bootstrap(table, replicates: replicates, seed: seed(vi, 2 * p), confidence: confidence) {
                Reliability.cohenKappa($0, weights: $1)
            }
            let alphaCI = Reliability.bootstrap(table, replicates: replicates, seed: seed(vi, 2 * p + 1), confidence: confidence) {
                Reliability.krippendorffAlpha($0, level: level, weights: $1)
            }
            return ReliabilityEstimate(
                variable: variable, coders: [coderNames[a], coderNames[b]], interviews: pairInterviews[p],
                units: units, values: values, percentAgreement: Reliability.percentAgreement(table),
                cohenKappa: Reliability.cohenKappa(table), cohenKappaInterval: ConfidenceInterval(low: kappaCI.low, high: kappaCI.high),
                fleissKappa: .nan, fleissRaters: 0,
                alpha: Reliability.krippendorffAlpha(table, level: level),
                alphaInterval: ConfidenceInterval(low: alphaCI.low, high: alphaCI.high))
        }
        overall = Array(estimates.prefix(variables.count))
        pairs = Array(estimates.dropFirst(variables.count))
        return (overall, pairs)
    }
}

extension Agreement {
    /// The `k` disagreements with the most differing fields (a disputed tie counts one field; equal
    /// counts in interview and tie order): the head of a consensus meeting's agenda.
    public func largestDisagreements(_ k: Int) -> [Disagreement] {
        let order = disagreements.indices.sorted { a, b in
            let (x, y) = (disagreements[a].differences.count, disagreements[b].differences.count)
            return x != y ? x > y : a < b
        }
        return order.prefix(k).map { disagreements[$0] }
    }

    /// The disagreements on ties of actor `actor`, in list order.
    public func disagreements(involving actor: Int) -> [Disagreement] {
        guard disagreementsByActor.indices.contains(actor) else { return [] }
        return disagreementsByActor[actor].map { disagreements[Int($0)] }
    }

    /// The overall estimate of `variable`, if assessed.
    public func overall(_ variable: AgreementVariable) -> ReliabilityEstimate? { overall.first { $0.variable == variable } }
}
