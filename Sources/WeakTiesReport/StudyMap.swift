import Foundation
import WeakTiesGraph
import WeakTiesIO
import WeakTiesMetrics
import WeakTiesRender
import WeakTiesStudy
import WeakTiesAnalysis

/// A network map of a study (or of one actor's ego network), encoded for reading at a glance and
/// rendered through Graphviz.
///
/// Encoding: strong ties solid and thick, weak ties dashed and thin; innovations as rounded boxes,
/// partners as ellipses; fill colour by a categorical attribute (default `partner_type`) from a
/// colour-blind-safe palette (Okabe–Ito, extended with two of Paul Tol's colours); node size by a
/// metric computed on the whole study; bridges (or local bridges) drawn in vermillion; regions as
/// clusters with the `dot` and `fdp` layouts (the engines that draw clusters) and as the node
/// outline colour otherwise. A legend is drawn into the map.
public struct StudyMap: Sendable {
    /// Which ties a map draws in vermillion (and thicker), found on the whole study.
    public enum Highlight: String, Sendable, CaseIterable {
        /// Bridges: ties whose removal disconnects their ends (`StudyMetrics.isBridge`).
        case bridges
        /// Local bridges: ties whose ends have no neighbour in common, bridges among them
        /// (`StudyMetrics.localBridgeSpan`).
        case localBridges = "local-bridges"
        /// No tie highlighted; the legend leaves the row out.
        case none
    }

    /// The node metric that sizes a map's nodes, computed on the whole study.
    public enum SizeMetric: String, Sendable, CaseIterable {
        /// Degree: the number of ties.
        case degree
        /// Betweenness centrality, raw, with the weights of the `StudyMetrics` (none by default).
        case betweenness
        /// PageRank (damping 0.85).
        case pagerank
        /// Eigenvector centrality; where it is undefined (NaN) the node is drawn smallest.
        case eigenvector
        /// Every node the smallest size; the legend leaves the size row out.
        case none
    }

    /// What a map shows and how: layout, encoding, and which actors and ties.
    public struct Options: Sendable {
        /// The Graphviz engine the map is written for (default `sfdp`): `dot` and `fdp` draw regions as
        /// clusters (other engines as node outline colours), `dot` runs left to right, and `twopi` puts
        /// the ego at the centre. Render with the same engine.
        public var layout: LayoutEngine = .sfdp
        /// Seed of the initial placement (Graphviz's `start`; default 1): the same seed gives the same
        /// map. Only `neato`, `fdp` and `sfdp` use it.
        public var seed: Int = 1
        /// The node attribute whose values fill the nodes (default `partner_type`; also `region`,
        /// `sector`, `kind` or a nodes column). Values get palette colours in sorted order over the whole
        /// study; a missing value, or one beyond the palette, is light grey, except that innovations
        /// without a value count as `innovation`. An unknown attribute throws
        /// `StudyMapError.unknownAttribute`.
        public var colorBy: String = "partner_type"
        /// The metric that sizes the nodes (default degree): the width grows with the square root of the
        /// score's share of the largest shown, from 0.35 to 1.25 inches (height 0.6 of the width).
        public var sizeBy: SizeMetric = .degree
        /// Which ties are drawn in vermillion (default bridges).
        public var highlight: Highlight = .bridges
        /// Show only this actor and its neighbours up to `radius` steps.
        public var ego: String?
        /// How many steps from the ego its network reaches (default 1; less than 1 counts as 1; the
        /// CLI's radius option allows 1 or 2). Used only with `ego`.
        public var radius: Int = 1
        /// Only ties of this strength (nil: all); actors then left without a shown tie are left out
        /// too, except the ego.
        public var only: Strength?
        /// Only actors of this kind, and the ties among them (nil: every kind); it applies to the ego too.
        public var kind: ActorKind?
        /// A title in bold at the head of the legend, which sits below the map (nil: none).
        public var title: String?
        /// The legend's words (English by default); category values are shown through `categoryNames`.
        public var legend = LegendText()
        /// Curved edges routed around nodes (`true`) or straight lines (`false`, several times faster to
        /// lay out); nil: curved up to 80 nodes.
        public var splines: Bool?
        /// Graphviz's overlap removal (`overlap`): "prism" (default: as many passes as it takes), "prismN"
        /// (at most N passes; a few already leave a map readable at a fraction of the time), "scale"
        /// (uniform scaling, which keeps a radial ego map's rings round), "false"/"true" and the others
        /// Graphviz documents.
        public var overlap = "prism"
        /// What the nodes and ties open when clicked (SVG: each wrapped in a link; nil: no links).
        public var links: Links?
        /// Whether the legend (and the title) is drawn into the map (default). False leaves them out and
        /// fills `StudyMap.legendHTML` instead, for a page that shows the legend beside the map in its
        /// own type size (Graphviz's legend shrinks with a large map).
        public var legendInMap = true
        /// The defaults: the whole study with `sfdp`, seed 1, coloured by `partner_type`, sized by
        /// degree, bridges highlighted, the legend in English.
        public init() {}
    }

    /// Where a map's nodes and ties lead: pages for actors, and for a tie the card on one of its ends'
    /// pages that shows the tie (its evidence). Indexed by actor, so one value serves every map of a
    /// batch (arrays shared, not copied per map).
    ///
    /// A node links to `nodes` (by default its actor's page, where it has one). A tie links to
    /// `page#anchor`: the page of the map's ego where the tie touches it and the ego has a page, else
    /// of its source, else of its target, with `anchor` of the tie's other end; a tie whose ends have
    /// no page has no link.
    public struct Links: Sendable, Equatable {
        /// The page that holds each actor's tie cards, by actor index (nil: none).
        public var pages: [String?]
        /// The fragment that names, on a page, the card of that page's tie with the actor, by actor
        /// index (nil: ties to the actor are not linked).
        public var anchors: [String?]
        /// The address each actor's node opens, by actor index (nil: none).
        public var nodes: [String?]

        /// Links with `pages`, `anchors` and `nodes` by actor index (same length as the study's
        /// actors); nodes open their `pages` where `nodes` is nil.
        public init(pages: [String?], anchors: [String?], nodes: [String?]? = nil) {
            self.pages = pages
            self.anchors = anchors
            self.nodes = nodes ?? pages
        }

        /// The address a tie between `source` and `target` opens on a map of `ego` (nil: none).
        public func tie(source: Int, target: Int, ego: Int?) -> String? {
            func card(on page: Int, with other: Int) -> String? {
                guard page < pages.count, other < anchors.count, let address = pages[page], let anchor = anchors[other] else { return nil }
                return address + "#" + anchor
            }
            if let ego, ego == source || ego == target, let link = card(on: ego, with: ego == source ? target : source) { return link }
            return card(on: source, with: target) ?? card(on: target, with: source)
        }
    }

    /// The words of a map's legend, so maps can be drawn in the language of the page around them.
    public struct LegendText: Sendable, Equatable {
        /// The entry for the solid, thick line of a strong tie.
        public var strongTie = "strong tie"
        /// The entry for the dashed, thin line of a weak tie.
        public var weakTie = "weak tie"
        /// The entry for the rounded box of an innovation.
        public var innovation = "innovation"
        /// The entry for the ellipse of a partner.
        public var partner = "partner"
        /// The entry for highlighted ties with `Highlight.bridges`.
        public var bridge = "bridge"
        /// The entry for highlighted ties with `Highlight.localBridges`.
        public var localBridge = "local bridge"
        /// The label of the size row, before the metric's name ("node size: degree").
        public var nodeSize = "node size"
        /// The label of the colour row, before the attribute's name ("colour: partner_type").
        public var colour = "colour"
        /// Names for the size metric and the colour attribute (their identifiers where nil).
        public var sizeName: String?
        /// The colour attribute's name in the legend (nil: `Options.colorBy` as given).
        public var attributeName: String?
        /// Display names of category values (the value itself where missing).
        public var categoryNames: [String: String] = [:]
        /// A tie's tooltip after its ends' labels: `{strength}` (`strong`/`weak` below) and `{mentions}`
        /// filled in.
        public var tieTooltip = "{strength}, {mentions} mention(s)"
        /// The strength words of a tie's tooltip.
        public var strong = "strong", weak = "weak"
        /// The English words, no display names; set the ones to translate.
        public init() {}
    }

    /// The map as DOT text, written for `Options.layout` (legend, clusters and root included).
    public let dot: String
    /// The legend as an HTML fragment (`<div class="map-legend">`, every text escaped) where
    /// `Options.legendInMap` is false; empty otherwise. Lists the same entries as the drawn legend:
    /// strong and weak tie, innovation and partner, the highlighted ties, the size metric and the
    /// colours of the values shown.
    public let legendHTML: String
    /// The number of actors drawn.
    public let nodeCount: Int
    /// The number of ties drawn.
    public let tieCount: Int

    /// Colour-blind-safe categorical palette (Okabe & Ito 2008; two more from Tol 2021).
    /// (Defined in WeakTiesIO as `CategoryPalette`, so GEXF exports use the same colours.)
    public static let palette = CategoryPalette.colors
    static let unknownColor = CategoryPalette.unknown
    static let bridgeColor = "#D55E00"

    /// What every map of a study shares, for one colour, size and highlight choice: the graph, colours
    /// by attribute value (assigned over the whole study, so every map of a study uses the same colour
    /// for the same value), node sizes, highlighted ties and region outline colours. Computed once for a
    /// batch of maps (the report draws one per innovation).
    public struct Style: Sendable {
        let graph: Graph
        let groups: [String?]
        let color: [String: String]
        /// Whether text on a fill colour should be white, per colour.
        let darkFills: [String: Bool]
        let sizeScores: [Double]
        let highlighted: Set<Int32>
        let regionOutline: [String: String]
        let colorBy: String
        let sizeBy: SizeMetric
        let highlight: Highlight

        /// - Throws: `StudyMapError` for an unknown attribute, `MetricError` from the size metric.
        public init(study: Study, colorBy: String = "partner_type", sizeBy: SizeMetric = .degree,
                    highlight: Highlight = .bridges) throws {
            try self.init(metrics: StudyMetrics(study: study), colorBy: colorBy, sizeBy: sizeBy, highlight: highlight)
        }

        /// The style with sizes and highlighted ties read from `metrics` (unweighted there for the
        /// maps' own figures). - Throws: `StudyMapError` for an unknown attribute, `MetricError`.
        public init(metrics: StudyMetrics, colorBy: String = "partner_type", sizeBy: SizeMetric = .degree,
                    highlight: Highlight = .bridges) throws {
            let study = metrics.study
            graph = metrics.graph
            self.colorBy = colorBy
            self.sizeBy = sizeBy
            self.highlight = highlight
            groups = try StudyMap.values(metrics: metrics, attribute: colorBy)
            var color: [String: String] = [:]
            for (i, c) in Set(groups.compactMap { $0 }).sorted().enumerated() {
                color[c] = i < StudyMap.palette.count ? StudyMap.palette[i] : StudyMap.unknownColor
            }
            self.color = color
            var darkFills: [String: Bool] = [:]
            for fill in Set(color.values).union([StudyMap.unknownColor]) { darkFills[fill] = StudyMap.isDark(fill) }
            self.darkFills = darkFills
            switch sizeBy {
            case .degree: sizeScores = try metrics.scores(.degree).values
            case .betweenness: sizeScores = try metrics.scores(.betweenness).values
            case .pagerank: sizeScores = try metrics.scores(.pagerank).values
            // Undefined eigenvector centrality (NaN) draws the smallest node.
            case .eigenvector: sizeScores = try metrics.scores(.eigenvector).values.map { $0.isNaN ? 0 : $0 }
            case .none: sizeScores = [Double](repeating: 0, count: graph.nodeCount)
            }
            switch highlight {
            case .bridges: highlighted = Set(metrics.isBridge.indices.filter { metrics.isBridge[$0] }.map(Int32.init))
            case .localBridges:
                let span = metrics.localBridgeSpan
                highlighted = Set(span.indices.filter { !span[$0].isNaN }.map(Int32.init))
            case .none: highlighted = []
            }
            let outlines = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7"]
            var regionOutline: [String: String] = [:]
            for (i, region) in Set(study.actors.compactMap(\.region)).sorted().enumerated() {
                regionOutline[region] = outlines[i % outlines.count]
            }
            self.regionOutline = regionOutline
        }
    }

    /// Builds the map. - Throws: `StudyMapError` for an unknown ego or attribute.
    public init(study: Study, options: Options = Options()) throws {
        try self.init(study: study, options: options,
                      style: Style(study: study, colorBy: options.colorBy, sizeBy: options.sizeBy, highlight: options.highlight))
    }

    /// Builds the map with a precomputed `style` (its colour, size and highlight choices replace those
    /// of `options`). - Throws: `StudyMapError` for an unknown ego.
    public init(study: Study, options: Options, style: Style) throws {
        let graph = style.graph
        let n = graph.nodeCount
        // Which actors and ties to show.
        var shown = [Bool](repeating: true, count: n)
        // The ego, found by id, else by id or label ignoring case and accents (nearest names on a miss).
        var egoIndex: Int?
        if let ego = options.ego {
            let center: Int
            // An exact id first: a report draws one ego map per innovation, and a lookup indexes every
            // actor (on the 2,491-innovation regional model that was 8 of the report's 49 CPU seconds).
            if let exact = study.actorIndex(of: ego) {
                center = Int(exact)
            } else {
                do { center = try ActorLookup(study: study).find(ego) } catch { throw StudyMapError.unknownActor(error.description) }
            }
            egoIndex = center
            shown = [Bool](repeating: false, count: n)
            var frontier = [Int(center)]
            shown[Int(center)] = true
            for _ in 0..<max(1, options.radius) {
                var next: [Int] = []
                for v in frontier {
                    for w in graph.neighbors(of: Int32(v)) where !shown[Int(w)] { shown[Int(w)] = true; next.append(Int(w)) }
                }
                frontier = next
            }
        }
        if let kind = options.kind { for v in 0..<n where study.actors[v].kind != kind { shown[v] = false } }
        let ties = (0..<study.ties.count).filter { t in
            shown[Int(study.ties.source[t])] && shown[Int(study.ties.target[t])]
                && (options.only == nil || study.ties.strength[t] == options.only)
        }
        if options.only != nil {
            // With a tie filter, actors left without a shown tie are left out too (the ego stays).
            var touched = [Bool](repeating: false, count: n)
            for t in ties { touched[Int(study.ties.source[t])] = true; touched[Int(study.ties.target[t])] = true }
            for v in 0..<n where !touched[v] && v != egoIndex { shown[v] = false }
        }
        let nodes = (0..<n).filter { shown[$0] }

        // The legend lists the values shown.
        let groups = style.groups, color = style.color, sizeScores = style.sizeScores
        let highlighted = style.highlighted, regionOutline = style.regionOutline
        let categories = Array(Set(nodes.compactMap { groups[$0] })).sorted()
        let maxScore = nodes.map { sizeScores[$0] }.max() ?? 0

        let q = DOTWriter.quote
        let clusters = options.layout == .dot || options.layout == .fdp
        let big = nodes.count > 150
        var out = "graph \"WeakTies\" {\n"
        var graphAttributes: [(String, String)] = [
            ("charset", "UTF-8"), ("start", String(options.seed)), ("overlap", options.overlap), ("overlap_scaling", "2"),
            ("sep", "+6"), ("splines", options.splines ?? (nodes.count <= 80) ? "true" : "false"), ("outputorder", "edgesfirst"),
            ("bgcolor", "white"), ("pad", "0.3"), ("fontname", "DejaVu Sans"), ("labelloc", "b"),
        ]
        if options.layout == .dot { graphAttributes.append(("rankdir", "LR")) }
        // A radial layout puts the ego in the centre.
        if options.layout == .twopi, let egoIndex { graphAttributes.append(("root", study.actors[egoIndex].id)) }
        for (key, value) in graphAttributes { out += "  \(q(key))=\(q(value));\n" }
        if options.legendInMap {
            out += "  label=" + StudyMap.legend(title: options.title, attribute: style.colorBy, categories: categories,
                                               colors: color, highlight: style.highlight, size: style.sizeBy,
                                               text: options.legend) + ";\n"
            legendHTML = ""
        } else {
            legendHTML = StudyMap.htmlLegend(attribute: style.colorBy, categories: categories, colors: color,
                                             highlight: style.highlight, size: style.sizeBy, text: options.legend)
        }
        out += "  node [fontname=\"DejaVu Sans\", fontsize=\(big ? 9 : 11), style=\"filled\", penwidth=1.2];\n"
        out += "  edge [fontname=\"DejaVu Sans\"];\n"

        let darkFills = style.darkFills
        func nodeStatement(_ v: Int) -> String {
            let actor = study.actors[v]
            let share = maxScore > 0 ? sizeScores[v] / maxScore : 0
            let width = 0.35 + 0.9 * share.squareRoot()
            let fill = groups[v].flatMap { color[$0] } ?? StudyMap.unknownColor
            var attributes: [(String, String)] = [
                ("label", StudyMap.wrap(actor.label, width: big ? 16 : 20)),
                ("shape", actor.kind == .innovation ? "box" : "ellipse"),
                ("style", actor.kind == .innovation ? "filled,rounded,bold" : "filled"),
                ("fillcolor", fill), ("width", StudyMap.twoDecimals(width)), ("height", StudyMap.twoDecimals(width * 0.6)),
                ("tooltip", actor.id),
            ]
            if !clusters, let region = actor.region { attributes.append(("color", regionOutline[region] ?? "#000000")) }
            if actor.kind == .innovation { attributes.append(("fontsize", big ? "10" : "12")) }
            if darkFills[fill] ?? StudyMap.isDark(fill) { attributes.append(("fontcolor", "white")) }
            if v == egoIndex { attributes += [("penwidth", "3"), ("color", "#000000")] }
            if let links = options.links, v < links.nodes.count, let page = links.nodes[v] { attributes.append(("URL", page)) }
            return "  " + q(actor.id) + " [" + attributes.map { q($0.0) + "=" + q($0.1) }.joined(separator: ", ") + "];\n"
        }
        if clusters {
            let regions = Dictionary(grouping: nodes) { study.actors[$0].region ?? "" }
            for region in regions.keys.sorted() {
                if region.isEmpty {
                    for v in regions[region]! { out += nodeStatement(v) }
                    continue
                }
                out += "  subgraph " + q("cluster_" + region) + " {\n    label=" + q(region)
                    + "; style=\"rounded,dashed\"; color=\"#888888\"; fontcolor=\"#555555\";\n"
                for v in regions[region]! { out += "  " + nodeStatement(v) }
                out += "  }\n"
            }
        } else {
            for v in nodes { out += nodeStatement(v) }
        }
        for t in ties {
            let strong = study.ties.strength[t] == .strong
            var attributes: [(String, String)] = strong
                ? [("style", "solid"), ("penwidth", "2.6"), ("color", "#333333")]
                : [("style", "dashed"), ("penwidth", "1.1"), ("color", "#7A7A7A")]
            let bridge = highlighted.contains(Int32(t))
            if bridge {
                attributes[2] = ("color", StudyMap.bridgeColor)
                attributes[1] = ("penwidth", strong ? "3.4" : "2.0")
            }
            // SVG classes (`edge strong`, `edge weak bridge`) for a page's strong/weak toggle.
            attributes.append(("class", (strong ? "strong" : "weak") + (bridge ? " bridge" : "")))
            let tie = study.ties[t]
            let summary = ReportStrings.fill(options.legend.tieTooltip, ["strength": strong ? options.legend.strong : options.legend.weak,
                                                                         "mentions": String(tie.mentions.count)])
            attributes.append(("tooltip", "\(study.actors[Int(tie.source)].label) – \(study.actors[Int(tie.target)].label): " + summary))
            if let link = options.links?.tie(source: Int(tie.source), target: Int(tie.target), ego: egoIndex) { attributes.append(("URL", link)) }
            out += "  " + q(study.actors[Int(study.ties.source[t])].id) + " -- " + q(study.actors[Int(study.ties.target[t])].id)
                + " [" + attributes.map { q($0.0) + "=" + q($0.1) }.joined(separator: ", ") + "];\n"
        }
        out += "}\n"
        dot = out
        nodeCount = nodes.count
        tieCount = ties.count
    }

    /// Renders the map. - Throws: `RenderError`.
    public func render(format: RenderFormat, layout: LayoutEngine) throws -> Data {
        format == .dot ? Data(dot.utf8) : try GraphvizRenderer.render(dot: dot, engine: layout, format: format)
    }

    /// Colour values: the actors' groups by the attribute (`StudyMetrics.groups(by:)`), with
    /// innovations as the value `innovation` where they have none.
    static func values(metrics: StudyMetrics, attribute: String) throws -> [String?] {
        let values: [String?]
        do { values = try metrics.groups(by: attribute) } catch { throw StudyMapError.unknownAttribute(attribute) }
        return zip(values, metrics.study.actors).map { value, actor in value ?? (actor.kind == .innovation ? "innovation" : nil) }
    }

    /// A non-negative size in inches with two decimals ("0.35"), without `String(format:)`'s cost.
    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((max(0, x) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Breaks a label into lines of about `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + word.count + 1 > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// Whether text on `hex` should be white (relative luminance below 0.35).
    static func isDark(_ hex: String) -> Bool {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6, let value = Int(String(digits), radix: 16) else { return false }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0) < 0.35
    }

    /// The legend as an HTML fragment for a page (every text escaped): line samples drawn as small
    /// inline SVGs in the map's own strokes, shapes and colour swatches as styled spans.
    static func htmlLegend(attribute: String, categories: [String], colors: [String: String],
                           highlight: Highlight, size: SizeMetric, text: LegendText) -> String {
        func h(_ s: String) -> String { MarkupEscaping.html.escape(s) }
        func line(_ color: String, _ width: String, dashed: Bool) -> String {
            "<svg class=\"line\" width=\"28\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" y1=\"5\" x2=\"27\" y2=\"5\" stroke=\"\(color)\" stroke-width=\"\(width)\""
                + (dashed ? " stroke-dasharray=\"5 3\"" : "") + "/></svg>"
        }
        var items = [
            line("#333333", "2.6", dashed: false) + h(text.strongTie),
            line("#7A7A7A", "1.1", dashed: true) + h(text.weakTie),
            "<span class=\"shape box\" aria-hidden=\"true\"></span>" + h(text.innovation),
            "<span class=\"shape ellipse\" aria-hidden=\"true\"></span>" + h(text.partner),
        ]
        if highlight != .none {
            items.append(line(bridgeColor, "2.6", dashed: false) + h(highlight == .bridges ? text.bridge : text.localBridge))
        }
        if size != .none { items.append(h(text.nodeSize) + ": " + h(text.sizeName ?? size.rawValue)) }
        items.append(h(text.colour) + ": " + h(text.attributeName ?? attribute))
        for c in categories {
            items.append("<span class=\"swatch\" style=\"background:\(colors[c] ?? unknownColor)\" aria-hidden=\"true\"></span>"
                         + h(text.categoryNames[c] ?? c))
        }
        return "<div class=\"map-legend\">" + items.map { "<span class=\"item\">" + $0 + "</span>" }.joined() + "</div>"
    }

    /// The legend as a Graphviz HTML-like label (every text escaped for HTML).
    static func legend(title: String?, attribute: String, categories: [String], colors: [String: String],
                       highlight: Highlight, size: SizeMetric, text: LegendText = LegendText()) -> String {
        func h(_ s: String) -> String { MarkupEscaping.html.escape(s) }
        var rows = ""
        if let title { rows += "<tr><td colspan=\"2\" align=\"left\"><b>\(h(title))</b></td></tr>" }
        rows += "<tr><td align=\"left\">━━ \(h(text.strongTie))</td><td align=\"left\">╌╌ \(h(text.weakTie))</td></tr>"
        rows += "<tr><td align=\"left\">▢ \(h(text.innovation))</td><td align=\"left\">◯ \(h(text.partner))</td></tr>"
        if highlight != .none {
            let name = highlight == .bridges ? text.bridge : text.localBridge
            rows += "<tr><td colspan=\"2\" align=\"left\"><font color=\"\(bridgeColor)\">━━ \(h(name))</font></td></tr>"
        }
        if size != .none {
            rows += "<tr><td colspan=\"2\" align=\"left\">\(h(text.nodeSize)): \(h(text.sizeName ?? size.rawValue))</td></tr>"
        }
        rows += "<tr><td colspan=\"2\" align=\"left\">\(h(text.colour)): \(h(text.attributeName ?? attribute))</td></tr>"
        for c in categories {
            rows += "<tr><td bgcolor=\"\(colors[c] ?? unknownColor)\" width=\"14\"></td><td align=\"left\">\(h(text.categoryNames[c] ?? c))</td></tr>"
        }
        return "<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">" + rows + "</table>>"
    }
}

/// A map request that cannot be met.
public enum StudyMapError: Error, Equatable, CustomStringConvertible {
    /// `Options.ego` names no actor, or several: the lookup's message, with the nearest names.
    case unknownActor(String)
    /// No node attribute of this name to colour by (`Options.colorBy`).
    case unknownAttribute(String)

    public var description: String {
        switch self {
        case .unknownActor(let message): message
        case .unknownAttribute(let name): "unknown node attribute '\(name)' to colour the map by"
        }
    }
}
