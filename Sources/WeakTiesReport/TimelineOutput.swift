import Foundation
import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesStudy

/// Output formats of `weakties timeline`.
public enum TimelineFormat: String, Sendable, CaseIterable {
    /// Aligned tables (the study's years, then each innovation's) and the establishment tests.
    case text
    /// Spreadsheet-safe CSV: one row per year of the study (`scope` `study`) and of each innovation;
    /// no establishment tests.
    case csv
    /// JSON, indented by two spaces, with the establishment tests by outcome.
    case json
}

/// Formats a `Timeline`: the study's years and each innovation's; every number comes from `Timeline`.
public struct TimelineOutput: Sendable {
    /// The timeline computed; every number written comes from it.
    public let timeline: Timeline
    /// The innovations to show (actor indices; empty: all).
    public let innovations: [Int]
    /// The establishment tests (one per outcome), shown after the years (text) or under
    /// `establishment` (JSON, by outcome).
    public let establishment: [EstablishmentTest]

    /// Formats `timeline`, showing `innovations` (all by default) and the `establishment` tests.
    public init(timeline: Timeline, innovations: [Int] = [], establishment: [EstablishmentTest] = []) {
        self.timeline = timeline
        self.innovations = innovations
        self.establishment = establishment
    }

    var study: Study { timeline.study }
    var shown: [(actor: Int, years: [Timeline.InnovationYear])] {
        innovations.isEmpty ? timeline.innovations : timeline.innovations.filter { innovations.contains($0.actor) }
    }

    /// The timeline in `format`; undefined values are "–" in text, empty in CSV and `null` in JSON.
    public func render(_ format: TimelineFormat) -> String {
        switch format {
        case .text: text()
        case .csv: csv()
        case .json: json().serialized(indent: 2) + "\n"
        }
    }

    static let columns = [
        "scope", "innovation_id", "innovation_label", "year", "age", "formed", "formed_strong",
        "formed_by_innovation", "formed_by_partner", "formed_by_both", "formed_by_third", "formed_by_unknown",
        "ties", "weak_tie_share", "constraint", "effective_size", "ei_region", "ei_partner_type", "partner_types",
        "regions", "density", "active_actors",
    ]

    func csv() -> String {
        var out = CSVWriter()
        out.header(Self.columns)
        let n = NumberFormat.cell
        func int(_ v: Int) -> CSVWriter.Cell { .number(String(v)) }
        for y in timeline.studyYears {
            out.row([.text("study"), .empty, .empty, int(y.year), .empty, int(y.formed), int(y.formedStrong),
                     .empty, .empty, .empty, .empty, .empty, int(y.ties), n(y.weakTieShare), .empty, .empty,
                     n(y.eiRegion), n(y.eiPartnerType), .empty, .empty, n(y.density), int(y.activeActors)])
        }
        for (v, years) in shown {
            let a = study.actors[v]
            for y in years {
                out.row([.text("innovation"), .text(a.id), .text(a.label), int(y.year), y.age.map(int) ?? .empty,
                         int(y.formed), int(y.formedStrong)] + InitiatorRole.allCases.map { int(y.formedBy[$0] ?? 0) }
                        + [int(y.degree), n(y.weakTieShare), n(y.constraint), n(y.effectiveSize), n(y.eiRegion),
                           n(y.eiPartnerType), int(y.partnerTypes), int(y.regions), .empty, .empty])
            }
        }
        return out.output
    }

    func establishmentJSON(_ e: EstablishmentTest) -> JSONValue {
        let n = NumberFormat.json
        return .object([
            ("ties", .int(e.ties)), ("excluded", .int(e.excluded)), ("early_years", .int(e.options.earlyYears)),
            ("early_share", n(e.earlyShare)), ("later_share", n(e.laterShare)),
            ("slope_per_year", n(e.slope)), ("within_correlation", n(e.correlation)), ("statistic", n(e.statistic)),
            ("p_rise", n(e.pRise)), ("p_two_sided", n(e.pTwoSided)), ("permutations", .int(e.options.permutations)),
            ("seed", .string(String(e.options.seed))),
            ("innovations", .array(e.innovations.map { i in
                .object([("id", .string(study.actors[i.actor].id)), ("early", .int(i.early)), ("early_with_outcome", .int(i.earlyByPartner)),
                         ("later", .int(i.later)), ("later_with_outcome", .int(i.laterByPartner)),
                         ("early_share", n(i.earlyShare)), ("later_share", n(i.laterShare))])
            })),
        ])
    }

    /// One year of the study (also the report's).
    static func studyYearJSON(_ y: Timeline.StudyYear) -> JSONValue {
        let n = NumberFormat.json
        return .object([("year", .int(y.year)), ("formed", .int(y.formed)), ("formed_strong", .int(y.formedStrong)),
                        ("ties", .int(y.ties)), ("active_actors", .int(y.activeActors)), ("weak_tie_share", n(y.weakTieShare)),
                        ("density", n(y.density)), ("ei_region", n(y.eiRegion)), ("ei_partner_type", n(y.eiPartnerType))])
    }

    /// One year of an innovation (also the report's).
    static func innovationYearJSON(_ y: Timeline.InnovationYear) -> JSONValue {
        let n = NumberFormat.json
        return .object([("year", .int(y.year)), ("age", .int(y.age)), ("formed", .int(y.formed)),
                        ("formed_strong", .int(y.formedStrong)),
                        ("formed_by", .object(InitiatorRole.allCases.map { ($0.rawValue, .int(y.formedBy[$0] ?? 0)) })),
                        ("ties", .int(y.degree)), ("weak_tie_share", n(y.weakTieShare)),
                        ("constraint", n(y.constraint)), ("effective_size", n(y.effectiveSize)),
                        ("ei_region", n(y.eiRegion)), ("ei_partner_type", n(y.eiPartnerType)),
                        ("partner_types", .int(y.partnerTypes)), ("regions", .int(y.regions))])
    }

    func json() -> JSONValue {
        return .object([
            ("establishment", establishment.isEmpty ? .null : .object(establishment.map { ($0.options.outcome.rawValue, establishmentJSON($0)) })),
            ("first_year", .int(timeline.years.lowerBound)), ("last_year", .int(timeline.years.upperBound)),
            ("undated", .string(timeline.options.undated.rawValue)), ("undated_ties", .int(timeline.undatedTies)),
            ("study", .array(timeline.studyYears.map(Self.studyYearJSON))),
            ("innovations", .array(shown.map { v, years in
                .object([("id", .string(study.actors[v].id)), ("label", .string(study.actors[v].label)),
                         ("founded", .int(study.actors[v].founded)),
                         ("years", .array(years.map(Self.innovationYearJSON)))])
            })),
        ])
    }

    func text() -> String {
        func d(_ v: Double, _ digits: Int = 2) -> String { v.isNaN ? "–" : String(format: "%.\(digits)f", v) }
        func table(_ header: [String], _ rows: [[String]]) -> String { TextTable.render(header, rows) }
        var out = "Timeline \(timeline.years.lowerBound)–\(timeline.years.upperBound)"
        if timeline.undatedTies > 0 {
            out += " (\(timeline.undatedTies) ties without a year \(timeline.options.undated == .start ? "counted from \(timeline.years.lowerBound)" : "left out"))"
        }
        out += "\n\nStudy\n" + table(["year", "formed", "strong", "ties", "actors", "weak share", "density", "E-I region"],
                                     timeline.studyYears.map { y in
                                         [String(y.year), String(y.formed), String(y.formedStrong), String(y.ties), String(y.activeActors),
                                          d(y.weakTieShare), d(y.density, 3), d(y.eiRegion)]
                                     })
        for (v, years) in shown {
            let a = study.actors[v]
            out += "\n\(a.label)" + (a.founded.map { " (founded \($0))" } ?? "") + "\n"
            out += table(["year", "age", "formed", "by itself", "by partner", "ties", "weak share", "constraint", "eff. size", "E-I region"],
                         years.filter { $0.degree > 0 || $0.formed > 0 }.map { y in
                             [String(y.year), y.age.map(String.init) ?? "–", String(y.formed), String(y.formedBy[.innovation] ?? 0),
                              String(y.formedBy[.partner] ?? 0), String(y.degree), d(y.weakTieShare), d(y.constraint), d(y.effectiveSize, 1), d(y.eiRegion)]
                         })
        }
        if let e = establishment.first(where: { $0.options.outcome == .partnerInitiated }) {
            out += "\nDo partners come to established innovations? (ties initiated by the innovation or the partner, by the tie's age since founding)\n"
            out += table(["innovation", "early ties", "by partner", "later ties", "by partner"], e.innovations.map { i in
                [study.actors[i.actor].label, String(i.early), i.early == 0 ? "–" : "\(Int((i.earlyShare * 100).rounded())) %",
                 String(i.later), i.later == 0 ? "–" : "\(Int((i.laterShare * 100).rounded())) %"]
            })
            out += "  All: \(d(e.earlyShare * 100, 0)) % partner-initiated in the first \(e.options.earlyYears) years, \(d(e.laterShare * 100, 0)) % later; "
            out += "within innovations the share changes by \(d(e.slope * 100, 1)) points a year (r = \(d(e.correlation))), "
            out += "p = \(d(e.pRise, 4)) for a rise (two-sided \(d(e.pTwoSided, 4)); stratified permutation test, \(e.options.permutations) permutations, seed \(e.options.seed); \(e.ties) ties, \(e.excluded) left out).\n"
        }
        for e in establishment where e.options.outcome != .partnerInitiated {
            let what = e.options.outcome == .weak ? "weak ties" : "ties to partners outside the innovation's region"
            out += "  Share of \(what): \(d(e.earlyShare * 100, 0)) % in the first \(e.options.earlyYears) years, \(d(e.laterShare * 100, 0)) % later; "
            out += "within innovations \(d(e.slope * 100, 1)) points a year (r = \(d(e.correlation))), p = \(d(e.pRise, 4)) for a rise (two-sided \(d(e.pTwoSided, 4)); \(e.ties) ties).\n"
        }
        return out
    }

    /// Edge spells for R's networkDynamic (`networkDynamic(edge.spells = read.csv(…))`): one row per
    /// tie, `onset,terminus,tail,head` first (1-based vertex numbers in actor order, terminus `Inf`: ties
    /// do not end in the data), then the ids and strength. Undated ties start in the first year under
    /// `start` and are left out under `exclude`.
    public func spells() -> String {
        var out = CSVWriter()
        out.header(["onset", "terminus", "tail", "head", "tail_id", "head_id", "strength"])
        let ties = study.ties
        for t in 0..<ties.count {
            guard let onset = timeline.tieYear[t] ?? (timeline.options.undated == .start ? timeline.years.lowerBound : nil) else { continue }
            out.row([.number(String(onset)), .number("Inf"), .number(String(ties.source[t] + 1)), .number(String(ties.target[t] + 1)),
                     .text(study.actors[Int(ties.source[t])].id), .text(study.actors[Int(ties.target[t])].id),
                     .text(ties.strength[t].name)])
        }
        return out.output
    }
}
