import Foundation
import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// How each innovation's network and the study's grew, year by year, from the years ties began.
///
/// A tie began in the earliest `since` year among its mentions. The network of year Y holds every tie
/// that began in Y or before (cumulative snapshots; the data record beginnings, not ends), every actor
/// kept. Ties without a year are, by `Undated`, present from the first year (`start`) or left out
/// (`exclude`); either way they are counted. Each snapshot is a study of its own (`Study.keepingTies`)
/// measured by `StudyMetrics`, so a year's constraint or E-I index is defined exactly as everywhere
/// else. A tie's strength is its aggregated strength (strength is coded once, not per year).
public struct Timeline: Sendable {
    /// Where ties without a year go.
    public enum Undated: String, Sendable, CaseIterable {
        /// Present from the first year (the default: an undated tie existed at the time of the interview).
        case start
        /// Left out of every snapshot.
        case exclude
    }

    /// How the timeline is built.
    public struct Options: Sendable {
        /// Where ties without a year go (default `start`).
        public var undated: Undated
        /// Options with the given placement of undated ties.
        public init(undated: Undated = .start) { self.undated = undated }
    }

    /// The study in one year.
    public struct StudyYear: Sendable {
        /// The calendar year.
        public let year: Int
        /// Ties that began this year (undated ones count in the first year under `start`).
        public let formed: Int
        /// Of those, the ties whose aggregated strength is strong.
        public let formedStrong: Int
        /// Ties in the network of this year (cumulative).
        public let ties: Int
        /// Actors with at least one tie.
        public let activeActors: Int
        /// Share of this year's ties that are weak, from 0 to 1; NaN without ties.
        public let weakTieShare: Double
        /// This year's ties / possible ties among all actors of the study (n(n−1)/2, every actor kept
        /// in every year); NaN with fewer than two actors.
        public let density: Double
        /// Whole-network E-I index by region and by partner type (NaN with fewer than two groups).
        public let eiRegion: Double
        /// Whole-network E-I index by partner type (innovations as one group), from −1 to +1; NaN with
        /// fewer than two known groups.
        public let eiPartnerType: Double
    }

    /// One innovation in one year.
    public struct InnovationYear: Sendable {
        /// The calendar year.
        public let year: Int
        /// Years since founding (`nil` without a founding year; negative before it).
        public let age: Int?
        /// Ties of the innovation that began this year, and who initiated them (seen from the innovation).
        public let formed: Int
        /// Of those, the ties whose aggregated strength is strong.
        public let formedStrong: Int
        /// Of those, the number by initiating role (every role a key, 0 where none).
        public let formedBy: [InitiatorRole: Int]
        /// Its ties in the network of this year, and their shares and measures there.
        public let degree: Int
        /// Share of its ties this year that are weak, from 0 to 1; NaN while it has none.
        public let weakTieShare: Double
        /// Burt's constraint in this year's network (unweighted); NaN while it has no tie.
        public let constraint: Double
        /// Burt's effective size in this year's network (unweighted); NaN while it has no tie.
        public let effectiveSize: Double
        /// Node E-I index by region, from −1 to +1; NaN while it has no tie to an alter of known region,
        /// when its own region is unknown, or with fewer than two known regions.
        public let eiRegion: Double
        /// Node E-I index by partner type (innovations as the group `innovation`), from −1 to +1; NaN as
        /// `eiRegion`, by partner type.
        public let eiPartnerType: Double
        /// Distinct partner types and regions among its partners (unknown not counted).
        public let partnerTypes: Int
        /// Distinct known regions among the actors it is tied to this year.
        public let regions: Int
    }

    /// The study the timeline follows.
    public let study: Study
    /// The options it was built with.
    public let options: Options
    /// Year each tie began (`nil`: no mention gives one).
    public let tieYear: [Int?]
    /// First to last year a tie began.
    public let years: ClosedRange<Int>
    /// Ties without a year (no mention codes `since`), counted whichever way `options.undated` places them.
    public let undatedTies: Int
    /// The study in each year of `years`, in order.
    public let studyYears: [StudyYear]
    /// Per innovation (actor index, in label order), its years.
    public let innovations: [(actor: Int, years: [InnovationYear])]
    /// Position of each innovation (actor index) in `innovations`.
    private let positionOfActor: [Int: Int]

    /// An innovation's years from the first in which it has or forms a tie (earlier years of the study
    /// say nothing about it), with their indices in `years`; nil for an actor that is not one of the
    /// timeline's innovations. The report's growth charts, tables and small multiples read this.
    public func activeYears(of actor: Int) -> ArraySlice<InnovationYear>? {
        positionOfActor[actor].map { innovations[$0].years.drop { $0.degree == 0 && $0.formed == 0 } }
    }

    /// - Throws: `TimelineError.noYears` when no tie has a year; `MetricError` (none for a study that loaded).
    /// - Complexity: O(years with new ties × (mentions + the snapshot's constraint and E-I)); a year
    ///   without new ties carries the last one's numbers over.
    public init(study: Study, options: Options = Options()) throws {
        self.study = study
        self.options = options
        let ties = study.ties
        var tieYear = [Int?](repeating: nil, count: ties.count)
        for t in 0..<ties.count {
            for i in ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1] {
                if let y = study.mentions.since(Int(ties.mentionIndices[i])) { tieYear[t] = min(tieYear[t] ?? y, y) }
            }
        }
        self.tieYear = tieYear
        guard let first = tieYear.compactMap({ $0 }).min(), let last = tieYear.compactMap({ $0 }).max() else {
            throw TimelineError.noYears
        }
        years = first...last
        undatedTies = tieYear.count { $0 == nil }
        let innovationActors = Actor.sortedByLabel(study.actors.indices.filter { study.actors[$0].kind == .innovation }, in: study.actors)
        // Year of each tie as it enters the snapshots (undated: the first year, or never).
        let entry: [Int?] = tieYear.map { $0 ?? (options.undated == .start ? first : nil) }
        // Roles seen from each end that is an innovation, once per tie.
        var role: [Int: [Int: InitiatorRole]] = [:]
        for v in innovationActors { role[v] = [:] }
        for t in 0..<ties.count {
            let mentions = ties.mentionIndices[ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1]].map(Int.init)
            for end in [Int(ties.source[t]), Int(ties.target[t])] where role[end] != nil {
                role[end]![t] = study.initiatorRole(of: mentions, innovation: end)
            }
        }

        var studyYears: [StudyYear] = []
        var perInnovation = [[InnovationYear]](repeating: [], count: innovationActors.count)
        let noneFormed = Dictionary(uniqueKeysWithValues: InitiatorRole.allCases.map { ($0, 0) })
        // Ties by the year they enter, once (not a scan of every tie per year).
        var formedIn: [Int: [Int]] = [:]
        for t in 0..<ties.count { if let year = entry[t] { formedIn[year, default: []].append(t) } }
        for year in years {
            let formedTies = formedIn[year] ?? []
            // A year without new ties has last year's network: its numbers are carried over, so a span
            // of many empty years (a typo like 1019 for 2019) costs nothing but its rows.
            if formedTies.isEmpty, let last = studyYears.last {
                studyYears.append(StudyYear(year: year, formed: 0, formedStrong: 0, ties: last.ties, activeActors: last.activeActors,
                                            weakTieShare: last.weakTieShare, density: last.density, eiRegion: last.eiRegion,
                                            eiPartnerType: last.eiPartnerType))
                for k in innovationActors.indices {
                    let p = perInnovation[k].last!
                    perInnovation[k].append(InnovationYear(
                        year: year, age: study.actors[innovationActors[k]].founded.map { year - $0 }, formed: 0, formedStrong: 0,
                        formedBy: noneFormed, degree: p.degree, weakTieShare: p.weakTieShare, constraint: p.constraint,
                        effectiveSize: p.effectiveSize, eiRegion: p.eiRegion, eiPartnerType: p.eiPartnerType,
                        partnerTypes: p.partnerTypes, regions: p.regions))
                }
                continue
            }
            let keep = entry.map { $0.map { $0 <= year } ?? false }
            let snapshot = study.keepingTies(keep, notice: nil)
            let metrics = try StudyMetrics(study: snapshot, options: .init(threads: 1, permutations: 0))
            let holes = try metrics.structuralHoles()
            let weakShare = try metrics.scores(.weakTieShare)
            let eiRegion = try metrics.comparesGroups(by: "region") ? try metrics.scores(.eiIndex, by: "region").values : nil
            let eiType = try metrics.comparesGroups(by: "partner_type") ? try metrics.scores(.eiIndex, by: "partner_type").values : nil
            let regions = try metrics.groups(by: "region"), types = try metrics.groups(by: "partner_type")
            let graph = metrics.graph
            studyYears.append(StudyYear(
                year: year, formed: formedTies.count, formedStrong: formedTies.count { ties.strength[$0] == .strong },
                ties: snapshot.ties.count, activeActors: (0..<graph.nodeCount).count { graph.degree(of: Int32($0)) > 0 },
                weakTieShare: metrics.weakTieShare, density: metrics.density,
                eiRegion: eiRegion == nil ? .nan : try metrics.networkEIIndex(by: "region"),
                eiPartnerType: eiType == nil ? .nan : try metrics.networkEIIndex(by: "partner_type")))
            for (k, v) in innovationActors.enumerated() {
                let mine = formedTies.filter { Int(ties.source[$0]) == v || Int(ties.target[$0]) == v }
                var by = Dictionary(uniqueKeysWithValues: InitiatorRole.allCases.map { ($0, 0) })
                for t in mine { by[role[v]![t] ?? .unknown]! += 1 }
                let neighbours = graph.neighbors(of: Int32(v)).map(Int.init)
                perInnovation[k].append(InnovationYear(
                    year: year, age: study.actors[v].founded.map { year - $0 }, formed: mine.count,
                    formedStrong: mine.count { ties.strength[$0] == .strong }, formedBy: by,
                    degree: neighbours.count, weakTieShare: weakShare.values[v],
                    constraint: holes.constraint.values[v], effectiveSize: holes.effectiveSize.values[v],
                    eiRegion: eiRegion?[v] ?? .nan, eiPartnerType: eiType?[v] ?? .nan,
                    partnerTypes: Set(neighbours.compactMap { types[$0] }).count,
                    regions: Set(neighbours.compactMap { regions[$0] }).count))
            }
        }
        self.studyYears = studyYears
        innovations = zip(innovationActors, perInnovation).map { ($0, $1) }
        positionOfActor = Dictionary(uniqueKeysWithValues: innovationActors.enumerated().map { ($1, $0) })
    }
}

/// Why a timeline cannot be drawn.
public enum TimelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No mention codes the year its tie began (`since`).
    case noYears

    public var description: String {
        switch self {
        case .noYears: "no tie has a year: the timeline needs the ties table's 'since' column (the year each tie began)"
        }
    }
}
