import WeakTiesAnalysis
import Foundation
import WeakTiesRender
import WeakTiesStudy

extension StudyReport {
    /// The report's files with maps drawn by `StudyMap` through Graphviz (see `map(_:)`).
    /// - Throws: `ReportTemplateError`, `StudyMapError`, `RenderError`.
    public func files(_ rendering: ReportRendering) throws -> [ReportFile] {
        try files(rendering, maps: maps)
    }

    /// The maps of `requests` as SVG text, drawn in this process one after the other; see `map(_:)`
    /// for what each shows.
    public func maps(_ requests: [ReportMapRequest]) throws -> [String] {
        try Self.maps(study: study, requests)
    }

    /// The maps of `requests` for `study`, which need no report: a caller can draw them while the
    /// report's metrics are computed (`mapRequests(study:options:language:)` gives the list).
    public static func maps(study: Study, _ requests: [ReportMapRequest]) throws -> [String] {
        try maps(metrics: StudyMetrics(study: study), requests)
    }

    /// The same with the study's metrics (unweighted) given: the report's own, so the bridges the maps
    /// highlight are found once for both (a second time on the maps' thread was 0.3 of the regional
    /// model's 18 CPU seconds).
    public static func maps(metrics: StudyMetrics, _ requests: [ReportMapRequest]) throws -> [String] {
        let study = metrics.study
        let style = try StudyMap.Style(metrics: metrics)
        // Each language's texts, loaded once for the batch.
        var strings: [ReportLanguage: ReportStrings] = [:], legends: [ReportLanguage: StudyMap.LegendText] = [:]
        for language in Set(requests.map(\.language)) {
            let texts = try ReportStrings(language)
            strings[language] = texts
            legends[language] = legend(texts)
        }
        // The pages the maps link to: one per ego of the batch, slugs as the report gives them (its
        // innovations are the egos, in report order).
        var links: StudyMap.Links?
        if requests.contains(where: \.inlineHTML) {
            let egos = requests.compactMap { $0.ego.flatMap(study.actorIndex(of:)).map(Int.init) }
            let slugs = uniqueSlugs(study: study, actors: egos)
            links = mapLinks(study: study, pages: Dictionary(zip(egos, slugs), uniquingKeysWith: { a, _ in a }))
        }
        var htmlLegends: [String] = []
        // The groups of a large study, found once for the batch.
        var groups: StudyGroups?
        let jobs = try requests.map { request in
            if request.kind == .groups {
                let studyGroups = groups ?? StudyGroups(study: study)
                groups = studyGroups
                var options = GroupMap.Options()
                options.seed = request.seed
                options.text = groupText(strings[request.language]!, legend: legends[request.language]!)
                if request.inlineHTML { options.links = groupLinks(studyGroups) } else { options.legendInMap = true }
                let map = GroupMap(study: study, groups: studyGroups, style: style, options: options)
                htmlLegends.append(request.inlineHTML ? map.legendHTML + "\n" + map.tableHTML : "")
                return RenderJob(dot: map.dot, engine: .sfdp)
            }
            var options = mapOptions(request)
            options.legend = legends[request.language]!
            if request.inlineHTML {
                options.links = links
                options.legendInMap = false
            }
            let map = try StudyMap(study: study, options: options, style: style)
            htmlLegends.append(map.legendHTML)
            return RenderJob(dot: map.dot, engine: options.layout)
        }
        // In-process only: the command lane's process start and plugin loading cost more CPU than
        // its parallelism gains on two cores, where the pages and metrics already use the other core
        // while the maps are drawn (measured: 0.22 s against 0.24 s of CPU for the benchmark study).
        return try GraphvizRenderer.render(batch: jobs, format: .svg, parallel: false).enumerated().map { i, svg in
            svg.withUnsafeBytes { String(decoding: $0.bindMemory(to: UInt8.self), as: UTF8.self) } + htmlLegends[i]
        }
    }

    /// Loads Graphviz's plugins and fonts for the report's maps (`GraphvizRenderer.prepare`), about
    /// 40 ms: worth starting on another thread while the study is read and its metrics computed.
    public static func prepareMaps() {
        GraphvizRenderer.prepare(engines: [.twopi, .sfdp], format: .svg)
    }

    /// One map of the report as SVG text, seeded: the whole study with `sfdp`, or an innovation's ego
    /// network (radius 1) with `twopi`, radially around the innovation. Strong and weak ties are
    /// distinguished, bridges highlighted, edges straight.
    /// - Throws: `StudyMapError`, `RenderError`.
    public func map(_ request: ReportMapRequest) throws -> String {
        try maps([request])[0]
    }

    /// Where a group map's nodes lead in an HTML report: a group of innovations to the overview's table
    /// filtered to its region, a group of partners to the partner index.
    static func groupLinks(_ groups: StudyGroups) -> [String?] {
        groups.groups.map { group in
            guard group.type == "innovation" else { return partnerPage }
            guard let region = group.region else { return "index.html#filters" }
            return overview(region: region)
        }
    }

    /// The overview's address filtered to `region` (`index.html#region=M%C3%B6nchengladbach`).
    static func overview(region: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "index.html#region=" + (region.addingPercentEncoding(withAllowedCharacters: allowed) ?? region)
    }

    /// A group map's words in the report's language.
    static func groupText(_ strings: ReportStrings, legend: StudyMap.LegendText) -> GroupMap.Text {
        var text = GroupMap.Text()
        text.legend = legend
        text.actors = strings.text("group_map.actors")
        text.group = strings.text("group_map.group")
        text.region = strings.text("label.region")
        text.type = strings.text("group_map.type")
        text.tiesWithin = strings.text("group_map.ties_within")
        text.weakShare = strings.text("group_map.weak_share")
        text.ties = strings.text("group_map.ties")
        text.lineWidth = strings.text("group_map.line_width")
        text.lineColour = strings.text("group_map.line_colour")
        text.linksShown = strings.text("group_map.links_shown")
        text.none = strings.text("group_map.none")
        text.tableSummary = strings.text("group_map.table")
        return text
    }

    /// The legend in the report's language.
    static func legend(_ strings: ReportStrings) -> StudyMap.LegendText {
        var text = StudyMap.LegendText()
        text.strongTie = strings.text("map.strong_tie")
        text.weakTie = strings.text("map.weak_tie")
        text.innovation = strings.text("label.innovation")
        text.partner = strings.text("label.partner")
        text.bridge = strings.text("map.bridge")
        text.localBridge = strings.text("map.local_bridge")
        text.nodeSize = strings.text("map.node_size")
        text.colour = strings.text("map.colour")
        text.sizeName = strings.text("map.degree")
        text.attributeName = strings.text("map.partner_type")
        for type in PartnerType.allCases.map(\.rawValue) + ["innovation"] { text.categoryNames[type] = strings.category(type) }
        text.tieTooltip = strings.text("map.tie_tooltip")
        text.strong = strings.text("label.strong")
        text.weak = strings.text("label.weak")
        return text
    }

    static func mapOptions(_ request: ReportMapRequest) -> StudyMap.Options {
        var options = StudyMap.Options()
        options.ego = request.ego
        options.title = request.title
        options.seed = request.seed
        // twopi needs no force simulation: 2 ms for an ego map against 3.3 ms with sfdp (measured).
        options.layout = request.ego == nil ? .sfdp : .twopi
        // Straight edges: spline routing took two thirds of the report's time (perf: Graphviz's `wind`);
        // the overlap removal keeps the maps readable without it.
        options.splines = false
        // Overlap removal (measured on the 215-actor benchmark study): full prism 76 ms for the study
        // map, 10 passes 40 ms and no visible difference; an ego map's ring scaled until no two nodes
        // touch stays round (prism squeezed it) and takes half the time.
        options.overlap = request.ego == nil ? "prism10" : "scale"
        return options
    }
}
