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
}

/// A map the report asks for: the whole study (`ego == nil`) or one innovation's ego network.
public struct ReportMapRequest: Sendable, Equatable {
    public let ego: String?
    public let title: String
    public let seed: Int

    public init(ego: String?, title: String, seed: Int) {
        self.ego = ego
        self.title = title
        self.seed = seed
    }
}

/// One file of a report, by path relative to the output directory.
public struct ReportFile: Sendable, Equatable {
    public let path: String
    public let data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// How the report is written.
public struct ReportRendering: Sendable {
    public var format: ReportFormat
    public var language: ReportLanguage
    /// A directory with the user's own templates (same file names as the bundled ones); templates
    /// it lacks come from the bundle.
    public var templateDirectory: String?
    /// CSV for German Excel: `;`, decimal commas and a UTF-8 byte-order mark.
    public var excelGerman: Bool
    /// Where the pages link the metric definitions (`Docs/Metrics/`); nil: no link, the file is named.
    public var docsBase: String?

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

    /// Every file of the report in the given format, sorted by path. Maps are drawn by `maps` (SVG text)
    /// for HTML and Markdown. - Throws: `ReportTemplateError`, or what `maps` throws.
    public func files(_ rendering: ReportRendering, maps: (ReportMapRequest) throws -> String) throws -> [ReportFile] {
        switch rendering.format {
        case .json:
            return [ReportFile(path: "report.json", data: Data((json.serialized(indent: 2) + "\n").utf8))]
        case .csv:
            return [ReportFile(path: "innovations.csv", data: csv(excelGerman: rendering.excelGerman))]
        case .html, .md:
            return try pages(rendering, maps: maps)
        }
    }

    func pages(_ rendering: ReportRendering, maps: (ReportMapRequest) throws -> String) throws -> [ReportFile] {
        let strings = try ReportStrings(rendering.language)
        let library = try ReportTemplates.library(format: rendering.format, userDirectory: rendering.templateDirectory)
        let html = rendering.format == .html
        let ext = html ? "html" : "md"
        let converter = ReportContext(strings: strings)
        let document = converter.convert(json) as! [String: Any]
        var innovationContexts = document["innovations"] as? [[String: Any]] ?? []
        for i in innovationContexts.indices { converter.decorateInnovation(&innovationContexts[i], pageExtension: ext) }
        let studyContext = document["study"] as? [String: Any] ?? [:]
        let glossary: [[String: Any]] = StudyReport.glossary.map { entry in
            var item: [String: Any] = ["key": entry.key, "name": strings.text("metric." + entry.key),
                                       "text": strings.text("explain." + entry.key), "doc": "Docs/Metrics/" + entry.doc]
            if let base = rendering.docsBase { item["doc_href"] = base + entry.doc }
            return item
        }
        let common: [String: Any] = [
            "t": strings.tree, "lang": rendering.language.rawValue, "study": studyContext, "index_page": "index." + ext,
            "glossary": glossary, "schema_version": String(StudyReport.schemaVersion),
        ]
        var files: [ReportFile] = []
        for (r, report) in innovations.enumerated() {
            var context = common
            context["innovation"] = innovationContexts[r]
            let svg = ReportTemplates.inlineSVG(try maps(ReportMapRequest(ego: report.id, title: report.label, seed: options.seed)))
            if html {
                context["generated_svg"] = ["map": svg]
            } else {
                let mapPath = "maps/\(report.slug).svg"
                files.append(ReportFile(path: mapPath, data: Data(svg.utf8)))
                context["map_file"] = mapPath
            }
            files.append(ReportFile(path: "\(report.slug).\(ext)",
                                    data: Data(try ReportTemplates.render(library, "innovation", context).utf8)))
        }
        var context = common
        context["innovations"] = innovationContexts
        let studyMap = ReportTemplates.inlineSVG(try maps(ReportMapRequest(ego: nil, title: strings.text("heading.study_map"), seed: options.seed)))
        let charts = [
            "chart_status": ReportCharts.weakTieShareByStatus(innovations, strings: strings),
            "chart_region": ReportCharts.opennessByRegion(innovations, strings: strings),
        ]
        if html {
            context["generated_svg"] = charts.merging(["study_map": studyMap]) { a, _ in a }
        } else {
            for (name, svg) in charts.merging(["study_map": studyMap], uniquingKeysWith: { a, _ in a }) {
                files.append(ReportFile(path: "maps/\(name).svg", data: Data(svg.utf8)))
                context[name + "_file"] = "maps/\(name).svg"
            }
        }
        files.append(ReportFile(path: "index.\(ext)", data: Data(try ReportTemplates.render(library, "index", context).utf8)))
        return files.sorted { $0.path < $1.path }
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

/// The bundled templates, a user's overrides, and rendering with escaping by default.
enum ReportTemplates {
    /// Markdown escaping for `{{x}}` in Markdown templates (`{{% CONTENT_TYPE: MARKDOWN}}`): characters
    /// that Markdown or embedded HTML would interpret are backslash-escaped, line breaks become spaces.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var out = ""
            for ch in text {
                switch ch {
                case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "{", "}": out += "\\" + String(ch)
                case "\n", "\r", "\r\n": out += " "
                default: out.append(ch)
                }
            }
            return out
        }
    }

    static let registerMarkdown: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")

    /// Template names per format (file `<prefix>-<name>.mustache`).
    static func names(_ format: ReportFormat) -> [String] {
        format == .html ? ["html-index", "html-innovation", "html-style", "html-script"] : ["md-index", "md-innovation"]
    }

    static func library(format: ReportFormat, userDirectory: String?) throws -> MustacheLibrary {
        _ = registerMarkdown
        var library = MustacheLibrary()
        let prefix = format == .html ? "html-" : "md-"
        for name in names(format) {
            if let userDirectory, FileManager.default.fileExists(atPath: userDirectory + "/" + name + ".mustache") {
                let url = URL(fileURLWithPath: userDirectory).appendingPathComponent(name + ".mustache")
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw ReportTemplateError.unreadableTemplate(path: url.path)
                }
                try register(text, name, url)
            } else {
                guard let bundled = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates"),
                      let text = try? String(contentsOf: bundled, encoding: .utf8)
                else { throw ReportTemplateError.missingResource("templates/\(name).mustache") }
                try register(text, name, bundled)
            }
        }
        return library

        func register(_ text: String, _ name: String, _ url: URL) throws {
            do {
                // Registered without the format prefix: `{{> style}}`, `{{> script}}`.
                try library.register(text, named: String(name.dropFirst(prefix.count)))
            } catch {
                throw ReportTemplateError.invalidTemplate(name: url.lastPathComponent, message: "\(error)")
            }
        }
    }

    static func render(_ library: MustacheLibrary, _ name: String, _ context: [String: Any]) throws -> String {
        guard let text = library.render(context, withTemplate: name) else { throw ReportTemplateError.missingResource(name) }
        return text
    }

    /// Graphviz SVG made fit for inlining: the XML prolog, doctype and comments (which repeat ids)
    /// are removed.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        while let open = body.range(of: "<!--"), let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) {
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
