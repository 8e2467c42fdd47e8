import Foundation
import WeakTiesGraph
import WeakTiesIO
import WeakTiesMetrics
import WeakTiesStudy
import WeakTiesAnalysis

/// Options of a report.
public struct ReportOptions: Sendable, Equatable {
    /// Innovations to report on, by id (empty: every innovation of the study).
    public var innovations: [String]
    /// How many ties to strengthen and partners to meet are listed per innovation.
    public var suggestions: Int
    /// Layout seed of the maps.
    public var seed: Int
    /// Report on the network of these ties alone (`Study.restricted(to:)`: every actor kept), or on
    /// every tie (nil). The report says so.
    public var only: Strength?
    /// Above this many actors the overview's study map shows groups of actors (region × partner type,
    /// `GroupMap`) instead of every actor (default 300: beyond, labels overlap and shrink below legibility).
    public var groupMapAbove: Int
    /// Up to this many actors, a study shown in groups also gets the map of every actor on a page of its
    /// own (`map.html`, zoomable; Markdown: `maps/actors.svg`); above, none is drawn (default 2,000:
    /// Graphviz's `sfdp` takes about 1.3 s there and 14–20 s for 10,000 actors, with a layout that
    /// then differs from run to run).
    public var actorMapLimit: Int

    /// The options; by default every innovation, five suggestions each, seed 1, every tie, groups on the
    /// study map above 300 actors and a map of every actor up to 2,000.
    public init(innovations: [String] = [], suggestions: Int = 5, seed: Int = 1, only: Strength? = nil,
                groupMapAbove: Int = 300, actorMapLimit: Int = 2000) {
        self.innovations = innovations
        self.suggestions = suggestions
        self.seed = seed
        self.only = only
        self.groupMapAbove = groupMapAbove
        self.actorMapLimit = actorMapLimit
    }
}

/// A report request that cannot be met.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The name matched no actor (or several); the message gives the nearest names.
    case unknownInnovation(String)
    /// The actor asked for (the name as given) is not of kind `innovation`.
    case notAnInnovation(String)
    /// No innovations were asked for and the study has no actor of kind `innovation`.
    case noInnovations
    /// The map renderer returned no SVG (a bug or a broken Graphviz installation).
    case mapWithoutSVG(String)
    /// PDF pages asked for without Chromium on `PATH`.
    case pdfNeedsChromium
    /// Chromium could not print a page (the page, what it said).
    case pdfFailed(String, String)

    public var description: String {
        switch self {
        case .unknownInnovation(let message): message
        case .notAnInnovation(let id): "'\(id)' is not an innovation (its kind is not 'innovation')"
        case .noInnovations: "the study has no innovations (no actor of kind 'innovation') to report on: head the ties table's first column 'innovation' (then that end is an innovation), or give a nodes table whose 'kind' column says 'innovation'"
        case .mapWithoutSVG(let what): "the map of \(what) came back without SVG"
        case .pdfNeedsChromium: "PDF pages are printed by headless Chromium, which is not installed here (no chromium, chromium-browser or google-chrome on PATH; Debian: apt-get install chromium); the HTML report has the same pages, which print from any browser"
        case let .pdfFailed(page, message): "Chromium could not print \(page): \(message)"
        }
    }
}

/// The weak-tie report of a study: one `InnovationReport` per innovation plus the study overview,
/// computed once from the study and its graph.
public struct StudyReport: Sendable {
    /// The study reported on.
    public let study: Study
    /// The options the report was made with.
    public let options: ReportOptions
    /// One page per innovation reported on, by label (then id).
    public let innovations: [InnovationReport]
    /// The study as a whole: size, Granovetter's test, openness and data quality.
    public let overview: StudyOverview
    /// The numbers the report shows, computed once.
    public let metrics: StudyMetrics
    /// Inter-coder agreement (`nil` without coder and interview columns, without double-coded
    /// interviews, or under a consensus rule other than union), with `weakties agree`'s defaults and
    /// the report's seed, so both show the same numbers.
    public let agreement: Agreement?
    /// How the networks grew (timeline, establishment tests) and how established and new innovations
    /// differ, with the defaults of `weakties timeline` (establishment tests) and `weakties compare` and the
    /// report's seed.
    public let growth: StudyGrowth
    /// The name each input file is cited by (`citedFileName`), worked out once: every mention cites one.
    let citedNames: [String: String]

    /// Computes the report. - Throws: `ReportError`.
    /// - Complexity: dominated by betweenness and closeness on the study graph, O(n·m).
    public init(study: Study, options: ReportOptions = ReportOptions()) throws {
        let study = options.only.map { study.restricted(to: $0) } ?? study
        let selected = try Self.selection(study: study, options: options)
        // Unweighted (every tie counts 1: strength is shown, not weighted), on all cores: sums over sources
        // are taken in fixed blocks, so the bytes are the same on every machine whatever its cores.
        let metrics = try StudyMetrics(study: study, options: StudyMetrics.Options())
        try self.init(metrics: metrics, selected: selected, options: options)
    }

    /// The report of the innovations of `metrics`' study, reading every number from `metrics` — or,
    /// with `options.only` and metrics of a study that has ties of the other strength, from the metrics
    /// of that tie network alone (computed here with `metrics`' options), so the report is what it
    /// says it is. - Throws: `ReportError`, or `MetricError` from those metrics.
    public init(metrics: StudyMetrics, options: ReportOptions = ReportOptions()) throws {
        var metrics = metrics
        if let only = options.only, metrics.study.ties.strength.contains(where: { $0 != only }) {
            metrics = try StudyMetrics(study: metrics.study.restricted(to: only), options: metrics.options)
        }
        try self.init(metrics: metrics, selected: try Self.selection(study: metrics.study, options: options), options: options)
    }

    private init(metrics: StudyMetrics, selected: [Int], options: ReportOptions) throws {
        let study = metrics.study
        self.study = study
        self.options = options
        self.metrics = metrics

        // Slugs: unique, in report order.
        let slugs = StudyReport.uniqueSlugs(study: study, actors: selected)

        let profiles = try InnovationProfiles(metrics: metrics, suggestions: options.suggestions)
        // Each innovation on all cores (each reads the shared values only; same values on any core count).
        // The study's growth (timeline, establishment tests, comparison: 2.8 of the regional model's 18
        // CPU seconds) on a thread of its own while the innovations are profiled: alone, its parts ended
        // one by one with a core idle. It reads the shared values only, as the profiles do.
        let growthSeed = UInt64(max(0, options.seed))
        let growing = Background { StudyGrowth(profiles: profiles, options: .init(seed: growthSeed)) }
        innovations = Parallel.map(selected.count) { InnovationReport(profile: profiles.profile(of: selected[$0]), slug: slugs[$0]) }
        overview = try StudyOverview(metrics: metrics)
        growth = growing.value()
        let paths = study.sources.map(\.path)
        citedNames = Dictionary(paths.map { ($0, Self.citedFileName($0, among: paths)) }, uniquingKeysWith: { a, _ in a })
        // Agreement compares every coder's mentions: a study a consensus rule has filtered has lost the
        // very disagreements it would measure, so the section is left out then.
        agreement = study.options.consensus == .union ? try? Agreement(study: study, options: .init(seed: UInt64(max(0, options.seed)))) : nil

    }

    /// The actors the report covers, in report order: `options.innovations`, or every innovation.
    /// - Throws: `ReportError` for an unknown id, a partner, or a study without innovations.
    static func selection(study: Study, options: ReportOptions) throws -> [Int] {
        var selected: [Int] = []
        if options.innovations.isEmpty {
            selected = study.actors.indices.filter { study.actors[$0].kind == .innovation }
            if selected.isEmpty { throw ReportError.noInnovations }
        } else {
            let lookup = ActorLookup(study: study)
            for id in options.innovations {
                // By id, else by id or label ignoring case and accents, with the nearest names on a miss.
                let index: Int
                do { index = try lookup.find(id) } catch { throw ReportError.unknownInnovation(error.description) }
                guard study.actors[Int(index)].kind == .innovation else { throw ReportError.notAnInnovation(id) }
                if !selected.contains(Int(index)) { selected.append(Int(index)) }
            }
        }
        selected = Actor.sortedByLabel(selected, in: study.actors)
        return selected
    }

    /// The maps an HTML or Markdown report of `study` draws, in order: one per innovation, then the
    /// study map (linked to the pages in HTML). Known from the study alone, so the maps can be drawn
    /// while the metrics are computed.
    /// - Throws: `ReportError` (as `init`), `ReportTemplateError` when the language's texts are missing.
    public static func mapRequests(study: Study, options: ReportOptions, language: ReportLanguage,
                                   format: ReportFormat = .html) throws -> [ReportMapRequest] {
        try mapRequests(study: study, options: options, strings: ReportStrings(language), format: format)
    }

    /// The same with the language's texts already loaded.
    static func mapRequests(study: Study, options: ReportOptions, strings: ReportStrings, format: ReportFormat) throws -> [ReportMapRequest] {
        let language = strings.language, links = format == .html
        var requests = try selection(study: study, options: options).map { v in
            ReportMapRequest(ego: study.actors[v].id, title: study.actors[v].label, seed: options.seed, language: language, inlineHTML: links)
        }
        // The study map: every actor, or its groups in a large study, then every actor on a page of
        // their own up to the limit.
        let actors = study.actors.count
        let overview: ReportMapRequest.Kind = actors > options.groupMapAbove ? .groups : .actors
        requests.append(ReportMapRequest(study: overview, title: strings.text("heading.study_map"), seed: options.seed,
                                         language: language, inlineHTML: links))
        if overview == .groups && actors <= options.actorMapLimit {
            requests.append(ReportMapRequest(study: .actors, title: strings.text("heading.actor_map"), seed: options.seed,
                                             language: language, inlineHTML: links))
        }
        return requests
    }

    /// The page of the map of every actor where the study map shows groups (HTML reports).
    static let actorMapPage = "map.html"

    /// Unique file-name-safe slugs for `actors` (indices into `study.actors`), in that order: each
    /// actor id's `slug`, with `-2`, `-3`, … where taken (`index`, `partners` and `map`, the names of the
    /// report's other pages, are always taken).
    static func uniqueSlugs(study: Study, actors: [Int]) -> [String] {
        var used = Set<String>(["index", "partners", "map"])
        var slugs: [String] = []
        slugs.reserveCapacity(actors.count)
        for v in actors {
            let base = StudyReport.slug(study.actors[v].id)
            var candidate = base
            var k = 2
            while used.contains(candidate) { candidate = "\(base)-\(k)"; k += 1 }
            used.insert(candidate)
            slugs.append(candidate)
        }
        return slugs
    }

    /// The partner index of an HTML report.
    static let partnerPage = "partners.html"

    /// Where the maps of an HTML report lead: each innovation of `pages` (actor index → slug) to its
    /// page, each partner to its entry on the partner index, each tie to its card (`StudyMap.Links`).
    static func mapLinks(study: Study, pages: [Int: String]) -> StudyMap.Links {
        let anchors = ActorAnchors(study: study)
        let files = pages.mapValues { $0 + ".html" }
        var addresses = [String?](repeating: nil, count: study.actors.count)
        for (v, file) in files { addresses[v] = file }
        return StudyMap.Links(pages: addresses, anchors: anchors.tie, nodes: anchors.addresses(study: study, pages: files))
    }

    /// Innovations are listed by label, then id (case-insensitive, then exact).
    static func order(_ a: Actor, _ b: Actor) -> Bool { Actor.byLabel(a, b) }

    /// A text value trimmed, nil where empty (as `Study.nodeAttributeValues`).
    static func clean(_ value: String?) -> String? { Study.trimmed(value) }

    /// A file-name-safe slug: German letters transliterated, accents dropped, other characters as `-`.
    public static func slug(_ id: String) -> String {
        var out = ""
        for ch in id.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            // ASCII folds to itself: only other characters go through Foundation's folding (half a
            // CPU second for the regional model's 10,000 actor ids, twice).
            case _ where ch.isASCII:
                let scalar = ch.unicodeScalars.first!
                if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                    out.unicodeScalars.append(scalar)
                } else if !out.hasSuffix("-") {
                    out += "-"
                }
            default:
                let folded = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                for scalar in folded.unicodeScalars {
                    if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                        out.unicodeScalars.append(scalar)
                    } else if !out.hasSuffix("-") {
                        out += "-"
                    }
                }
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "innovation" : String(trimmed.prefix(80))
    }
}

/// One innovation's page of the report: its profile (every number, read through dynamic member lookup:
/// `report.weakTieShare`) and the file name it is written under.
@dynamicMemberLookup
public struct InnovationReport: Sendable {
    /// Every number of the innovation's page, computed once from the study's metrics.
    public let profile: InnovationProfile
    /// File-name-safe, unique within the report (`repair-cafe-cracau`).
    public let slug: String

    /// A value of `profile` (`report.weakTieShare` reads `report.profile.weakTieShare`).
    public subscript<T>(dynamicMember keyPath: KeyPath<InnovationProfile, T>) -> T { profile[keyPath: keyPath] }
}

/// The names a report's links use for each actor (by actor index), from the actors' unique slugs
/// (`StudyReport.uniqueSlugs` over every actor). Made once per report and once per batch of maps:
/// every slug folds its id character by character, so each name list is not to be recomputed per use.
struct ActorAnchors: Sendable {
    /// `tie-<slug>`: the card of an innovation page's tie with the actor (`tie-stadtbibliothek-krefeld`).
    let tie: [String]
    /// `p-<slug>`: the actor's row on the partner index (`p-stadtbibliothek-krefeld`).
    let partner: [String]

    init(study: Study) {
        let slugs = StudyReport.uniqueSlugs(study: study, actors: Array(study.actors.indices))
        tie = slugs.map { "tie-" + $0 }
        partner = slugs.map { "p-" + $0 }
    }

    /// Where each actor named on a page or map leads: an innovation to its page in `pages` (actor index
    /// → file name; none without), a partner to its row on the partner index.
    func addresses(study: Study, pages: [Int: String]) -> [String?] {
        study.actors.indices.map { v in
            study.actors[v].kind == .innovation ? pages[v] : StudyReport.partnerPage + "#" + partner[v]
        }
    }
}
