import WeakTiesAnalysis
import Foundation
import Mustache
import WeakTiesIO
import WeakTiesStudy

/// The report's output formats.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One self-contained page per innovation plus `index.html` (maps and charts inline, no script
    /// or file from elsewhere).
    case html
    /// `index.md`, one page per innovation, maps as SVG files beside them.
    case md
    /// `report.json`: the documented schema.
    case json
    /// `innovations.csv`: one row per innovation.
    case csv
    /// `index.pdf` and one PDF per innovation: the HTML pages printed on A4 by headless Chromium
    /// (`PDFPrinter`; the pages' print style sheet, maps included). Needs Chromium on `PATH`.
    case pdf
}

/// A map the report asks for: the whole study (`ego == nil`) or one innovation's ego network.
public struct ReportMapRequest: Sendable, Equatable {
    /// What a map shows.
    public enum Kind: String, Sendable, Equatable {
        /// An innovation's ego network (radius 1), radially around it (`twopi`).
        case ego
        /// Every actor of the study (`sfdp`).
        case actors
        /// The study's groups of actors, region × partner type (`GroupMap`): the overview of a large study.
        case groups
    }

    /// Id of the actor whose ego network is drawn (radius 1); nil for a map of the study.
    public let ego: String?
    /// What the map shows: `ego` with an ego, else every actor or the groups.
    public let kind: Kind
    /// The map's title: the innovation's label, or the study map's heading in `language`.
    public let title: String
    /// Layout seed (Graphviz's `start`): the report's `ReportOptions.seed`.
    public let seed: Int
    /// The language of the legend.
    public let language: ReportLanguage
    /// Whether the map goes inline into an HTML page (true for HTML reports): its nodes and ties link
    /// to the report's pages (innovation → its page, tie → its evidence card; see `StudyMap.Links`;
    /// the innovations with pages are the egos of the batch's requests), and its legend is HTML after
    /// the SVG (`StudyMap.legendHTML`), legible at any map size, instead of drawn into the map.
    public let inlineHTML: Bool

    /// A request for the map of `ego` (nil: every actor of the study) with the legend in `language`,
    /// linked and with an HTML legend where `inlineHTML`.
    public init(ego: String?, title: String, seed: Int, language: ReportLanguage = .en, inlineHTML: Bool = false) {
        self.init(kind: ego == nil ? .actors : .ego, ego: ego, title: title, seed: seed, language: language, inlineHTML: inlineHTML)
    }

    /// A request for a map of the study: every actor or its groups (`kind` `.actors` or `.groups`).
    public init(study kind: Kind, title: String, seed: Int, language: ReportLanguage = .en, inlineHTML: Bool = false) {
        self.init(kind: kind == .ego ? .actors : kind, ego: nil, title: title, seed: seed, language: language, inlineHTML: inlineHTML)
    }

    init(kind: Kind, ego: String?, title: String, seed: Int, language: ReportLanguage, inlineHTML: Bool) {
        self.kind = kind
        self.ego = ego
        self.title = title
        self.seed = seed
        self.language = language
        self.inlineHTML = inlineHTML
    }
}

/// One file of a report, by path relative to the output directory.
public struct ReportFile: Sendable, Equatable {
    /// Path relative to the output directory (`index.html`, `maps/<slug>.svg`, …).
    public let path: String
    /// The file's bytes.
    public let data: Data

    /// A file with `data` at `path`.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// How the report is written.
public struct ReportRendering: Sendable {
    /// The output format: HTML or Markdown pages, JSON or CSV.
    public var format: ReportFormat
    /// The language of the pages' texts, numbers and map legends (JSON and CSV do not depend on it).
    public var language: ReportLanguage
    /// A directory with the user's own templates (same file names as the bundled ones); templates
    /// it lacks come from the bundle.
    public var templateDirectory: String?
    /// CSV for German Excel: `;`, decimal commas and a UTF-8 byte-order mark.
    public var excelGerman: Bool
    /// Where the pages link the metric definitions (`Docs/Metrics/`); nil: no link, the file is named.
    public var docsBase: String?

    /// How to write the report; by default English HTML pages from the bundled templates.
    public init(format: ReportFormat = .html, language: ReportLanguage = .en, templateDirectory: String? = nil,
                excelGerman: Bool = false, docsBase: String? = nil) {
        self.format = format
        self.language = language
        self.templateDirectory = templateDirectory
        self.excelGerman = excelGerman
        self.docsBase = docsBase
    }
}

extension StudyReport {
    /// The metrics the pages explain, with the `Docs/Metrics/` page that defines each.
    static let glossary: [(key: String, doc: String)] = [
        ("weak_tie_share", "GroupMixing.md"), ("ei_region", "GroupMixing.md"), ("ei_partner_type", "GroupMixing.md"),
        ("ei_sector", "GroupMixing.md"), ("blau_partner_type", "GroupMixing.md"), ("blau_region", "GroupMixing.md"),
        ("outside_region_share", "GroupMixing.md"), ("outside_sector_share", "GroupMixing.md"),
        ("ego_density", "StructuralHoles.md"), ("constraint", "StructuralHoles.md"),
        ("effective_size", "StructuralHoles.md"), ("efficiency", "StructuralHoles.md"), ("degree", "Degree.md"),
        ("betweenness_normalized", "Betweenness.md"), ("closeness", "Closeness.md"), ("pagerank", "PageRank.md"),
    ]

    /// Every file of the report in the given format, sorted by path. Maps are drawn by `maps` (SVG text,
    /// one per request, in order) for HTML and Markdown. - Throws: `ReportTemplateError`, or what `maps`
    /// throws.
    public func files(_ rendering: ReportRendering, maps: @escaping @Sendable ([ReportMapRequest]) throws -> [String]) throws -> [ReportFile] {
        try files(rendering, maps: maps, streamed: nil)
    }

    /// The same, handing each innovation's page (and the partner index) to `streamed` as soon as it is
    /// final, from the thread that made it (HTML and Markdown; `ReportWriter` writes them while the rest
    /// is rendered). They are in the result as well.
    func files(_ rendering: ReportRendering, maps: @escaping @Sendable ([ReportMapRequest]) throws -> [String],
               streamed: (@Sendable (ReportFile) -> Void)?) throws -> [ReportFile] {
        switch rendering.format {
        case .json:
            return [ReportFile(path: "report.json", data: Data((json.serialized(indent: 2) + "\n").utf8))]
        case .csv:
            return [ReportFile(path: "innovations.csv", data: csv(excelGerman: rendering.excelGerman))]
        case .html, .md:
            return try pages(rendering, maps: maps, streamed: streamed)
        case .pdf:
            // The HTML pages, printed: the overview and each innovation's page (the partner index and
            // the map of every actor are for the screen).
            var html = rendering
            html.format = .html
            let files = try pages(html, maps: maps)
            return try PDFPrinter.print(files, pages: ["index.html"] + innovations.map { $0.slug + ".html" })
        }
    }

    func pages(_ rendering: ReportRendering, maps: @escaping @Sendable ([ReportMapRequest]) throws -> [String],
               streamed: (@Sendable (ReportFile) -> Void)? = nil) throws -> [ReportFile] {
        let strings = try ReportStrings(rendering.language)
        let library = try ReportTemplates.library(format: rendering.format, userDirectory: rendering.templateDirectory, strings: strings)
        // Every map at once, drawn on another thread while the pages are rendered with placeholders;
        // each rendered page takes its maps as it is turned into bytes (on all cores, one copy per page:
        // 155 MB of pages for the regional model), waiting for the maps only then.
        let requests = try StudyReport.mapRequests(study: study, options: options, strings: strings, format: rendering.format)
        let drawing = Background { try maps(requests) }
        let inline = InlineMaps(requests: requests) { try drawing.value() }
        let files = try pages(rendering, strings: strings, library: library, placeholders: requests.indices.map(ReportTemplates.placeholder),
                              finish: { path, text in
            // Escaped text cannot contain `<`, so only our own placeholders match in HTML; Markdown pages
            // link the map files and are left alone.
            guard path.hasSuffix(".html") else { return Data(text.utf8) }
            return try ReportTemplates.replacingPlaceholders(in: text, with: inline.svgs())
        }, streamed: streamed)
        let svgs = try inline.svgs()
        return files.map { file in
            // Markdown's map files (maps/*.svg) were written as placeholders.
            guard file.path.hasPrefix("maps/") else { return file }
            return ReportFile(path: file.path, data: ReportTemplates.replacingPlaceholders(in: file.data, with: svgs))
        }
    }

    /// How many innovations the overview's list of disagreements names at most.
    static let disagreementPagesListed = 100

    /// The pages with `svgs` (placeholders) for the maps.
    func pages(_ rendering: ReportRendering, strings: ReportStrings, library: ReportTemplateLibrary, placeholders svgs: [String],
               finish: @escaping @Sendable (_ path: String, _ text: String) throws -> Data = { Data($1.utf8) },
               streamed: (@Sendable (ReportFile) -> Void)? = nil) throws -> [ReportFile] {
        let html = rendering.format == .html
        let ext = html ? "html" : "md"
        let converter = ReportContext(strings: strings)
        // The fragments the maps' ties open (`StudyMap.Links`): each tie card is named by its partner.
        let actorAnchors = ActorAnchors(study: study)
        let anchors = actorAnchors.tie
        let pageOf = Dictionary(innovations.map { ($0.actor, $0.slug + "." + ext) }, uniquingKeysWith: { a, _ in a })
        // Where an actor named on a page leads (HTML; as on the maps): an innovation to its page, a
        // partner to its row on the partner index.
        let addresses = html ? actorAnchors.addresses(study: study, pages: pageOf) : []
        @Sendable func address(_ v: Int) -> String? { html ? addresses[v] : nil }
        @Sendable func actor(_ value: Any?) -> Int? {
            ((value as? [String: Any])?["id"] as? String).flatMap(study.actorIndex(of:)).map(Int.init)
        }
        // An innovation's variables: JSON, conversion and decoration read only the report (so they are
        // made on all cores, each page rendered where its variables are made: below).
        @Sendable func innovationContext(_ i: Int) -> [String: Any] {
            var context = converter.convert(innovationJSON(innovations[i])) as? [String: Any] ?? [:]
            converter.decorateInnovation(&context, pageExtension: ext)
            // Each tie card named for the maps' links, its partner linked where it has a page; the
            // disagreement list links the cards of the ties it is about.
            var cards = Set<String>()
            context["ties"] = (context["ties"] as? [[String: Any]] ?? []).map { tie in
                var tie = tie
                if let v = actor(tie["partner"]) {
                    tie["anchor"] = anchors[v]
                    cards.insert(anchors[v])
                    if let page = pageOf[v] { tie["partner_page"] = page }
                }
                return tie
            }
            context["disagreements"] = (context["disagreements"] as? [[String: Any]] ?? []).map { item in
                var item = item
                if let v = actor(item["partner"]), cards.contains(anchors[v]) { item["partner_anchor"] = anchors[v] }
                return item
            }
            // Suggestions lead on: a tie to strengthen to its card, a partner to meet and each introducer
            // to their page or row.
            if html {
                context["ties_to_strengthen"] = (context["ties_to_strengthen"] as? [[String: Any]] ?? []).map { item in
                    var item = item
                    if let v = actor(item["partner"]) { item["partner_href"] = cards.contains(anchors[v]) ? "#" + anchors[v] : address(v) }
                    return item
                }
                context["partners_to_meet"] = (context["partners_to_meet"] as? [[String: Any]] ?? []).map { item in
                    var item = item
                    if let v = actor(item["partner"]) { item["partner_href"] = address(v) }
                    let introducers = item["introducers"] as? [[String: Any]] ?? []
                    item["introducer_links"] = introducers.enumerated().map { i, introducer -> [String: Any] in
                        var link: [String: Any] = ["label": introducer["label"] as? String ?? "", "last": i == introducers.count - 1]
                        if let v = actor(introducer) { link["href"] = address(v) }
                        return link
                    }
                    item["has_introducers"] = !introducers.isEmpty
                    return item
                }
            }
            return context
        }
        var studyContext = converter.convert(overviewJSON) as? [String: Any] ?? [:]
        converter.decorateStudy(&studyContext)
        // The study's disagreement count leads to the innovations' lists (as many rows as their pages).
        let disagreementPages = innovations.compactMap { report -> [String: Any]? in
            let count = agreement?.disagreements(involving: report.actor).count ?? 0
            guard count > 0 else { return nil }
            return ["label": report.label, "page": report.slug + "." + ext, "count": String(count)]
        }
        // Up to 100 listed in report order; beyond, the 100 with most (each page lists its own): the
        // regional model's 2,491 entries were 280 KB of the overview.
        let listed = disagreementPages.count <= StudyReport.disagreementPagesListed ? disagreementPages
            : disagreementPages.enumerated().sorted { a, b in
                let x = Int(a.element["count"] as? String ?? "") ?? 0, y = Int(b.element["count"] as? String ?? "") ?? 0
                return x != y ? x > y : a.offset < b.offset
            }.prefix(StudyReport.disagreementPagesListed).map(\.element)
        studyContext["disagreement_pages"] = listed
        studyContext["has_disagreement_pages"] = !disagreementPages.isEmpty
        if listed.count < disagreementPages.count {
            studyContext["disagreement_pages_more"] = ReportStrings.fill(strings.text("agree.disagreements_more"),
                                                                          ["shown": String(listed.count), "total": String(disagreementPages.count)])
        }
        converter.decorateGrowth(&studyContext)
        let glossary: [[String: Any]] = StudyReport.glossary.map { entry in
            var item: [String: Any] = ["key": entry.key, "anchor": "m-" + entry.key.replacingOccurrences(of: "_", with: "-"),
                                       "name": strings.text("metric." + entry.key),
                                       "text": strings.text("explain." + entry.key), "doc": "Docs/Metrics/" + entry.doc]
            if let base = rendering.docsBase {
                // Parentheses and spaces percent-encoded: the link must stay whole in a Markdown link.
                item["doc_href"] = (base + entry.doc).replacingOccurrences(of: " ", with: "%20")
                    .replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
            }
            return item
        }
        let common: [String: Any] = [
            "t": strings.tree, "lang": rendering.language.rawValue, "study": studyContext, "index_page": "index." + ext,
            "glossary": glossary, "schema_version": String(StudyReport.schemaVersion),
        ]
        var files: [ReportFile] = []
        var jobs: [(path: String, template: String, context: [String: Any])] = []
        // Each innovation's growth chart, from its first year with a tie.
        let timeline = growth.timeline
        let growthCharts: [String?] = Parallel.map(innovations.count) { r in
            guard let years = timeline?.activeYears(of: innovations[r].actor), !years.isEmpty else { return nil }
            return ReportCharts.growth(ReportCharts.innovationYears(Array(years), strings: strings),
                                       label: strings.text("growth.chart_innovation"), strings: strings)
        }
        // The partner index (HTML) on a thread of its own while the innovations' pages are rendered:
        // after them it ran on one core while the other idled (regional model: 0.6 of 10.8 s).
        let partnerPage: Background<ReportFile, any Error>? = !html ? nil : { [common = Unchecked(common), library = Unchecked(library)] in
            Background {
                var partnersContext = common.value
                partnersContext["partners"] = partnerIndex(strings: strings, pages: pageOf, anchors: actorAnchors)
                guard let page = library.value.render(partnersContext, withTemplate: "partners") else {
                    throw ReportTemplateError.missingResource("partners")
                }
                let file = ReportFile(path: StudyReport.partnerPage, data: try finish(StudyReport.partnerPage, page))
                streamed?(file)
                return file
            }
        }()
        // Each innovation's page on all cores, rendered as soon as its variables are made and turned into
        // bytes at once: only the variables the overview lists stay (without the evidence lists `ties`
        // and `disagreements`, the largest part: all of them took 560 MB for the regional model).
        let rendered = try Parallel.map(innovations.count) { r throws -> (files: [ReportFile], overview: [String: Any]) in
            let report = innovations[r]
            let innovation = innovationContext(r)
            var context = common
            context["innovation"] = innovation
            var files: [ReportFile] = []
            if html {
                var generated = ["map": svgs[r]]
                generated["growth"] = growthCharts[r]
                context["generated_svg"] = generated
            } else {
                let mapPath = "maps/\(report.slug).svg"
                files.append(ReportFile(path: mapPath, data: Data(svgs[r].utf8)))
                context["map_file"] = mapPath
                if let chart = growthCharts[r] {
                    files.append(ReportFile(path: "maps/\(report.slug)-growth.svg", data: Data(chart.utf8)))
                    context["growth_file"] = "maps/\(report.slug)-growth.svg"
                }
            }
            let path = "\(report.slug).\(ext)"
            guard let page = library.render(context, withTemplate: "innovation") else { throw ReportTemplateError.missingResource("innovation") }
            files.append(ReportFile(path: path, data: try finish(path, page)))
            // Markdown's map files get their maps later (placeholders now): only pages go out at once.
            if let streamed { for file in files where !file.path.hasPrefix("maps/") { streamed(file) } }
            var overview = innovation
            overview["ties"] = nil
            overview["disagreements"] = nil
            return (files, overview)
        }
        files += rendered.flatMap(\.files)
        let innovationContexts = rendered.map(\.overview)
        var context = common
        context["innovations"] = innovationContexts
        // The overview's filter choices: the innovations' regions and the partner types they reach.
        context["filter_regions"] = Array(Set(innovationContexts.compactMap { $0["region"] as? String })).sorted()
            .map { ["value": $0] as [String: Any] }
        var typeLabels: [String: String] = [:]
        for innovation in innovationContexts {
            for entry in innovation["partners_by_type"] as? [[String: Any]] ?? [] {
                if let value = entry["category"] as? String { typeLabels[value] = entry["label"] as? String ?? value }
            }
        }
        let filterTypes = typeLabels.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        context["filter_partner_types"] = filterTypes.enumerated().map { ["value": $1.key, "label": $1.value, "code": String($0)] as [String: Any] }
        // Each row names the partner types it reaches by their number in that list (`|0|3|`): a
        // tenth of the bytes of the names over 2,491 rows; the address keeps the names (`#type=media`).
        let typeCode = Dictionary(uniqueKeysWithValues: filterTypes.enumerated().map { ($1.key, String($0)) })
        context["innovations"] = innovationContexts.map { innovation in
            var innovation = innovation
            let names = (innovation["filter_types"] as? String ?? "").split(separator: "|").map(String.init)
            innovation["filter_type_codes"] = "|" + names.compactMap { typeCode[$0] }.joined(separator: "|") + "|"
            return innovation
        }
        // A large study's map shows groups; the map of every actor, where drawn, follows the study map.
        if study.actors.count > options.groupMapAbove {
            context["study_map_groups"] = ReportStrings.fill(strings.text("map.groups_explain"), ["actors": String(study.actors.count)])
            if svgs.count > innovations.count + 1 {
                if html {
                    context["actor_map_page"] = StudyReport.actorMapPage
                    var mapContext = common
                    mapContext["generated_svg"] = ["actor_map": svgs[innovations.count + 1]]
                    jobs.append((StudyReport.actorMapPage, "map", mapContext))
                } else {
                    files.append(ReportFile(path: "maps/actors.svg", data: Data(svgs[innovations.count + 1].utf8)))
                    context["actor_map_file"] = "maps/actors.svg"
                }
            } else {
                context["actor_map_omitted"] = ReportStrings.fill(strings.text("map.actor_map_omitted"), ["limit": String(options.actorMapLimit)])
            }
        }
        var overviewSVG = [
            "study_map": svgs[innovations.count],
            "chart_status": ReportCharts.weakTieShareByStatus(innovations, strings: strings),
            "chart_region": ReportCharts.opennessByRegion(innovations, strings: strings),
        ]
        if let timeline {
            overviewSVG["chart_growth"] = ReportCharts.growth(ReportCharts.studyYears(timeline.studyYears, strings: strings),
                                                              label: strings.text("growth.chart_study"), strings: strings)
        }
        if html {
            var generated = overviewSVG
            if let timeline {
                let pages = Dictionary(uniqueKeysWithValues: innovations.map { ($0.actor, (label: $0.label, page: $0.slug + ".html")) })
                if let multiples = ReportCharts.growthMultiples(timeline, pages: pages, strings: strings) {
                    generated["growth_multiples"] = multiples
                } else {
                    context["growth_multiples_omitted"] = ReportStrings.fill(strings.text("growth.multiples_omitted"), ["n": String(innovations.count)])
                }
            }
            context["generated_svg"] = generated
        } else {
            for (name, svg) in overviewSVG {
                files.append(ReportFile(path: "maps/\(name).svg", data: Data(svg.utf8)))
                context[name + "_file"] = "maps/\(name).svg"
            }
        }
        jobs.append(("index.\(ext)", "index", context))
        files += try ReportTemplates.renderAll(library, jobs, finish: finish)
        if let partnerPage { files.append(try partnerPage.value()) }
        return files.sorted { $0.path < $1.path }
    }

    /// The partner index's entries (every actor that is not an innovation, by label): type, region and
    /// the report's innovations it is tied to (by label), each with the address of its tie card.
    func partnerIndex(strings: ReportStrings, pages: [Int: String], anchors: ActorAnchors) -> [[String: Any]] {
        var tied = [[(innovation: Int, strong: Bool)]](repeating: [], count: study.actors.count)
        for t in 0..<study.ties.count {
            let a = Int(study.ties.source[t]), b = Int(study.ties.target[t])
            let strong = study.ties.strength[t] == .strong
            if pages[a] != nil && study.actors[b].kind != .innovation { tied[b].append((a, strong)) }
            if pages[b] != nil && study.actors[a].kind != .innovation { tied[a].append((b, strong)) }
        }
        // By label (`StudyReport.order`), read from the label ranks: no labels lower-cased per comparison.
        let rank = metrics.labelRanks
        let partners = study.actors.indices.filter { study.actors[$0].kind != .innovation }.sorted { rank[$0] < rank[$1] }
        // Its role as a broker: normalised betweenness in the whole network, as the metrics table and
        // the innovations' pages give it (read from the study's metrics, not computed again).
        let betweenness = (try? metrics.scores(.betweennessNormalized).values) ?? []
        // How many interview passages speak of its ties to the report's innovations.
        let quoteColumn = study.mentions.column(named: TieField.quote.rawValue)
        func quotes(_ ties: [Int]) -> Int {
            guard let quoteColumn else { return 0 }
            var count = 0
            for t in ties {
                for m in study.ties.mentionIndices[study.ties.mentionOffsets[t]..<study.ties.mentionOffsets[t + 1]]
                where Study.trimmed(study.mentions.cells[quoteColumn][Int(m)]) != nil { count += 1 }
            }
            return count
        }
        var tiesWithPages = [[Int]](repeating: [], count: study.actors.count)
        for t in 0..<study.ties.count {
            let a = Int(study.ties.source[t]), b = Int(study.ties.target[t])
            if pages[a] != nil { tiesWithPages[b].append(t) }
            if pages[b] != nil { tiesWithPages[a].append(t) }
        }
        return partners.map { v in
            let actor = study.actors[v]
            let type = StudyReport.clean(actor.partnerType)?.lowercased()
            let ties = tied[v].sorted { rank[$0.innovation] < rank[$1.innovation] }
            var entry: [String: Any] = [
                "anchor": anchors.partner[v], "label": actor.label, "id": actor.id,
                "type_label": type.map { strings.category($0) } ?? strings.text("partner_type.unknown"),
                "innovation_count": String(Set(ties.map(\.innovation)).count),
                "innovations": ties.enumerated().map { i, tie -> [String: Any] in
                    ["label": study.actors[tie.innovation].label, "href": pages[tie.innovation]! + "#" + anchors.tie[v],
                     "strength": tie.strong ? "strong" : "weak", "strength_label": strings.text(tie.strong ? "label.strong" : "label.weak"),
                     "last": i == ties.count - 1]
                },
            ]
            if let region = StudyReport.clean(actor.region) { entry["region"] = region }
            if v < betweenness.count {
                entry["broker"] = strings.decimal(betweenness[v], digits: 3)
                entry["broker_value"] = betweenness[v].isFinite ? betweenness[v].description : ""
            }
            entry["quotes"] = String(quotes(tiesWithPages[v]))
            return entry
        }
    }

    /// One row per innovation: the key numbers of the pages (spreadsheet-safe text cells).
    public func csv(excelGerman: Bool = false) -> Data {
        var writer = CSVWriter(delimiter: excelGerman ? ";" : ",")
        let dimensions = ProximityDimension.allCases
        writer.header([
            "id", "label", "region", "sector", "established", "founded", "ties", "strong_ties", "weak_ties",
            "weak_tie_share", "bridges", "weak_bridges", "local_bridges", "weak_local_bridges", "ei_region",
            "ei_partner_type", "ei_sector", "blau_partner_type", "blau_region", "outside_region_share",
            "outside_sector_share", "ego_density", "constraint", "effective_size", "efficiency",
            "betweenness_normalized", "closeness", "pagerank", "initiated_by_innovation", "initiated_by_partner",
            "initiated_by_both", "initiated_by_third", "initiator_not_coded", "innovation_initiated_share",
            "partner_initiated_share", "initiation_pattern",
        ] + dimensions.map { "proximity_\($0.rawValue)_mean" } + ["motives", "benefits"])
        func number(_ value: Double) -> CSVWriter.Cell {
            let cell = NumberFormat.cell(value)
            guard excelGerman, case .number(let text) = cell else { return cell }
            return .number(text.replacingOccurrences(of: ".", with: ","))
        }
        func count(_ value: Int) -> CSVWriter.Cell { .number(String(value)) }
        func text(_ value: String?) -> CSVWriter.Cell { value.map { .text($0) } ?? .empty }
        for r in innovations {
            let o = r.openness, g = r.granovetter, i = r.initiation
            writer.row([
                .text(r.id), .text(r.label), text(r.region), text(r.sector),
                r.established.map { .number($0 ? "true" : "false") } ?? .empty, r.founded.map(count) ?? .empty,
                count(r.tieCount), count(r.strongTies), count(r.weakTies), number(r.weakTieShare),
                count(g.bridges), count(g.weakBridges), count(g.localBridges), count(g.weakLocalBridges),
                number(o.eiRegion), number(o.eiPartnerType), number(o.eiSector), number(o.blauPartnerType),
                number(o.blauRegion), number(o.outsideRegionShare), number(o.outsideSectorShare), number(o.egoDensity),
                number(o.constraint), number(o.effectiveSize), number(o.efficiency),
                number(r.centrality.betweennessNormalized), number(r.centrality.closeness), number(r.centrality.pageRank),
            ] + InitiatorRole.allCases.map { count(i.counts[$0] ?? 0) } + [
                number(i.innovationShare), number(i.partnerShare), .text(i.pattern),
            ] + r.proximity.map { number($0.mean) } + [
                .text(r.motives.map { "\($0.value) (\($0.ties))" }.joined(separator: "; ")),
                .text(r.benefits.map { "\($0.value) (\($0.ties))" }.joined(separator: "; ")),
            ])
        }
        let body = Data(writer.output.utf8)
        return excelGerman ? Data([0xEF, 0xBB, 0xBF]) + body : body
    }
}

/// A value of a type that is not `Sendable` handed to another thread that only reads it (the pages'
/// shared variables: dictionaries and arrays of values, never changed once made).
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The maps of a batch as they go inline into pages (prolog and comments removed), made once when
/// first asked for, from whichever thread asks first.
final class InlineMaps: @unchecked Sendable {
    private let requests: [ReportMapRequest]
    private let drawn: () throws -> [String]
    private let lock = NSLock()
    private var result: Result<[String], any Error>?

    init(requests: [ReportMapRequest], drawn: @escaping () throws -> [String]) {
        self.requests = requests
        self.drawn = drawn
    }

    /// The inline SVGs, in request order. - Throws: the drawing's error, or `ReportError.mapWithoutSVG`.
    func svgs() throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let made = Result { () throws -> [String] in
            try drawn().enumerated().map { i, svg in
                // Maps drawn for the report come inlined already (`ReportWriter`: on the maps' thread,
                // which ends long before the pages; here, under the lock, the regional model's 2,493
                // maps held every page back 0.1 s). `inlineSVG` leaves its own output as it is.
                let inline = svg.utf8.starts(with: "<svg".utf8) ? svg : ReportTemplates.inlineSVG(svg)
                guard !inline.isEmpty else { throw ReportError.mapWithoutSVG(requests[i].ego ?? "the study") }
                return inline
            }
        }
        result = made
        return try made.get()
    }
}

/// The bundled templates, a user's overrides, and rendering with escaping by default.
enum ReportTemplates {
    /// Every bundled template (HTML and Markdown) as `name.mustache` files, to start one's own from.
    /// - Throws: `ReportTemplateError.missingResource` for a broken installation.
    static func bundledFiles() throws -> [ReportFile] {
        try (names(.html) + names(.md)).map { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates"),
                  let data = try? Data(contentsOf: url)
            else { throw ReportTemplateError.missingResource("templates/\(name).mustache") }
            return ReportFile(path: name + ".mustache", data: data)
        }
    }

    /// Markdown escaping for `{{x}}` in Markdown templates (`{{% CONTENT_TYPE: MARKDOWN}}`): characters
    /// that Markdown or embedded HTML would interpret are backslash-escaped, line breaks become spaces.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var out = ""
            for ch in text {
                switch ch {
                case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "{", "}": out += "\\" + String(ch)
                case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}": out += " "
                default: out.append(ch)
                }
            }
            return out
        }
    }

    /// HTML escaping for `{{x}}` in the bundled HTML templates (`{{% CONTENT_TYPE: WEAKTIES_HTML}}`): the
    /// same characters as mustache's own HTML type (`<`, `>`, `&`, `"`, `'`), escaped byte by byte, with no
    /// copy for text that needs none. Mustache's escaper hashes every character and took a fifth of the
    /// report's page time (callgrind).
    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkupEscaping.html.escape(text) }
    }

    static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "WEAKTIES_HTML")
    }()

    /// Template names per format (file `<prefix>-<name>.mustache`).
    static func names(_ format: ReportFormat) -> [String] {
        // The pages are split into partials: mustache's parser is quadratic in a template's length (it
        // counts the characters left before every tag), so one long template parsed 4× slower.
        format == .html
            ? ["html-index", "html-index-table", "html-index-network", "html-innovation", "html-innovation-partners",
               "html-innovation-metrics", "html-innovation-initiation", "html-innovation-suggestions",
               "html-innovation-ties", "html-partners", "html-map", "html-style", "html-script"]
            : ["md-index", "md-innovation"]
    }

    /// The templates of `format` (a user's files in `userDirectory` replace bundled ones of the same
    /// name). With `strings`, every `{{t.…}}` text tag is filled in before parsing (see `fillingTexts`).
    /// Rendered by `TemplateEngine` where every template is within what it covers (the bundled ones
    /// are), else (or with `engine: false`) by swift-mustache; both give the same bytes.
    static func library(format: ReportFormat, userDirectory: String?, strings: ReportStrings? = nil,
                        engine: Bool = true) throws -> ReportTemplateLibrary {
        _ = registerContentTypes
        let prefix = format == .html ? "html-" : "md-"
        var texts: [(name: String, text: String, filled: String?, url: URL)] = []
        for name in names(format) {
            let url: URL
            if let userDirectory, FileManager.default.fileExists(atPath: userDirectory + "/" + name + ".mustache") {
                url = URL(fileURLWithPath: userDirectory).appendingPathComponent(name + ".mustache")
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw ReportTemplateError.unreadableTemplate(path: url.path)
                }
                texts.append((name, text, strings.flatMap { fillingTexts(text, $0) }, url))
            } else {
                guard let bundled = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates"),
                      let text = try? String(contentsOf: bundled, encoding: .utf8)
                else { throw ReportTemplateError.missingResource("templates/\(name).mustache") }
                url = bundled
                texts.append((name, text, strings.flatMap { fillingTexts(text, $0) }, url))
            }
        }
        // Registered without the format prefix: `{{> style}}`, `{{> script}}`.
        func short(_ name: String) -> String { String(name.dropFirst(prefix.count)) }
        if engine, let fast = TemplateEngine(templates: Dictionary(uniqueKeysWithValues: texts.map { (short($0.name), $0.filled ?? $0.text) })) {
            return ReportTemplateLibrary(engine: fast)
        }
        var library = MustacheLibrary()
        for entry in texts {
            // A template that does not parse is parsed again as written, so its error names the line and
            // column of the file.
            if let filled = entry.filled, (try? library.register(filled, named: short(entry.name))) != nil { continue }
            do {
                try library.register(entry.text, named: short(entry.name))
            } catch let error as MustacheTemplate.ParserError {
                throw ReportTemplateError.invalidTemplate(
                    name: "\(entry.url.path):\(error.context.lineNumber):\(error.context.columnNumber)", message: "\(error.error)")
            } catch {
                throw ReportTemplateError.invalidTemplate(name: entry.url.path, message: "\(error)")
            }
        }
        return ReportTemplateLibrary(mustache: library)
    }

    /// `template` with every `{{t.key.path}}` tag replaced by that text of the language, escaped as the
    /// template escapes (its first line declares `WEAKTIES_HTML` or `MARKDOWN`); nil where the template
    /// declares neither or changes the delimiters. The texts are the same for a whole run, so the pages
    /// come out byte for byte as if mustache had looked them up; but each lookup climbs the context
    /// stack and casts at every step (measured: a tenth of the report's instructions went to the
    /// `t` tags). Tags with spaces, triple braces, sections and unknown keys are left to mustache.
    static func fillingTexts(_ template: String, _ strings: ReportStrings) -> String? {
        let firstLine = template.prefix { $0 != "\n" }
        let escape: (String) -> String
        if firstLine.contains("CONTENT_TYPE: WEAKTIES_HTML") {
            escape = HTMLContentType().escapeText
        } else if firstLine.contains("CONTENT_TYPE: MARKDOWN") {
            escape = MarkdownContentType().escapeText
        } else {
            return nil
        }
        if template.contains("{{=") { return nil }
        let bytes = Array(template.utf8)
        let open = Array("{{t.".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            // `{{t.` not preceded by `{` (a triple-brace tag), then key characters, then `}}`.
            if bytes[i] == 0x7B, i + open.count < bytes.count, bytes[i..<i + open.count].elementsEqual(open),
               i == 0 || bytes[i - 1] != 0x7B {
                var j = i + open.count
                while j < bytes.count, bytes[j] == 0x2E || bytes[j] == 0x5F || (0x61...0x7A).contains(bytes[j])
                    || (0x30...0x39).contains(bytes[j]) { j += 1 }
                if j + 1 < bytes.count, bytes[j] == 0x7D, bytes[j + 1] == 0x7D, j + 2 == bytes.count || bytes[j + 2] != 0x7D {
                    let path = String(decoding: bytes[i + 3..<j], as: UTF8.self)
                    let text = strings.text(path)
                    if text != path {
                        out += Array(escape(text).utf8)
                        i = j + 2
                        continue
                    }
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The stand-in for map `i` while the pages are rendered before the maps are drawn. It contains `<`,
    /// which escaped text never does.
    static func placeholder(_ i: Int) -> String { "<weakties-map-\(i)/>" }

    /// `data` with every `placeholder(i)` replaced by `svgs[i]`. - Complexity: O(bytes).
    static func replacingPlaceholders(in data: Data, with svgs: [String]) -> Data {
        data.withUnsafeBytes { replacingPlaceholders(in: $0.bindMemory(to: UInt8.self), with: svgs) }
    }

    /// `text`'s bytes with every `placeholder(i)` replaced by `svgs[i]`.
    static func replacingPlaceholders(in text: String, with svgs: [String]) -> Data {
        var text = text
        return text.withUTF8 { replacingPlaceholders(in: $0, with: svgs) }
    }

    static func replacingPlaceholders(in bytes: UnsafeBufferPointer<UInt8>, with svgs: [String]) -> Data {
        let prefix = Array("<weakties-map-".utf8)
        var out = Data()
        out.reserveCapacity(bytes.count)
        var i = 0, copied = 0
        while i + prefix.count < bytes.count {
            guard bytes[i] == 0x3C, UnsafeBufferPointer(rebasing: bytes[i..<i + prefix.count]).elementsEqual(prefix) else { i += 1; continue }
            var j = i + prefix.count, index = 0, digits = 0
            while j < bytes.count, (0x30...0x39).contains(bytes[j]), digits < 9 {
                index = index * 10 + Int(bytes[j] - 0x30); j += 1; digits += 1
            }
            guard digits > 0, j + 1 < bytes.count, bytes[j] == 0x2F, bytes[j + 1] == 0x3E, index < svgs.count else { i += 1; continue }
            out.append(UnsafeBufferPointer(rebasing: bytes[copied..<i]))
            var svg = svgs[index]
            svg.withUTF8 { out.append($0) }
            i = j + 2
            copied = i
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }


    /// Renders pages on all cores (templates and contexts are only read), results in job order.
    static func renderAll(_ library: ReportTemplateLibrary, _ jobs: [(path: String, template: String, context: [String: Any])],
                          finish: (_ path: String, _ text: String) throws -> Data = { Data($1.utf8) }) throws -> [ReportFile] {
        // Each page is turned into its bytes where it is rendered, so its text is freed at once.
        try Parallel.map(jobs.count) { i throws -> ReportFile in
            guard let page = library.render(jobs[i].context, withTemplate: jobs[i].template) else {
                throw ReportTemplateError.missingResource(jobs[i].template)
            }
            return ReportFile(path: jobs[i].path, data: try finish(jobs[i].path, page))
        }
    }


    /// Graphviz SVG made fit for inlining: the XML prolog, doctype and comments (which repeat ids)
    /// are removed.
    static func inlineSVG(_ svg: String) -> String {
        // One pass over the bytes: `String.range(of:)` goes through NSString on Linux and made this
        // quadratic in the number of comments (a third of the report's time before).
        let bytes = Array(svg.utf8)
        let open = Array("<!--".utf8), close = Array("-->".utf8), start = Array("<svg".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= bytes.count && bytes[i..<i + pattern.count].elementsEqual(pattern)
        }
        guard var i = bytes.indices.first(where: { matches(start, at: $0) }) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - i)
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") && matches(open, at: i) {
                var j = i + open.count
                while j < bytes.count && !matches(close, at: j) { j += 1 }
                i = min(bytes.count, j + close.count)
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        while let last = out.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The report's templates, rendered by `TemplateEngine` or, where a user's template needs more, by
/// swift-mustache (same bytes either way).
struct ReportTemplateLibrary: Sendable {
    private let engine: TemplateEngine?
    private let mustache: MustacheLibrary?

    init(engine: TemplateEngine) { self.engine = engine; mustache = nil }
    init(mustache: MustacheLibrary) { engine = nil; self.mustache = mustache }

    /// Whether `TemplateEngine` renders (for tests).
    var usesEngine: Bool { engine != nil }

    /// `template` rendered with `context`; nil for an unknown template.
    func render(_ context: [String: Any], withTemplate name: String) -> String? {
        if let engine { return engine.render(context, template: name) }
        return mustache?.render(context, withTemplate: name)
    }
}
