import Foundation
import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesRender
import WeakTiesStudy

/// The overview map of a large study: one node per group of actors (region × partner type,
/// `StudyGroups`), sized by its actors, and one line per pair of groups with ties between them, as
/// thick as their number and coloured by their weak share. A map of every actor stops being legible
/// at a few hundred actors (and Graphviz's `sfdp` took 14–20 s for 10,000); this one has at most a few
/// dozen nodes at any study size.
///
/// Only the `Options.maxLinks` pairs with most ties are drawn (ties by group order), so the map stays
/// readable; `tableHTML` lists every group and every pair, drawn or not: the map's text alternative.
public struct GroupMap: Sendable {
    /// What the map shows and how.
    public struct Options: Sendable {
        /// Seed of the layout (Graphviz's `start`).
        public var seed = 1
        /// At most this many pairs of groups are drawn, those with most ties (default 150).
        public var maxLinks = 150
        /// The words of the map, its legend and its table.
        public var text = Text()
        /// The address each group's node opens, by group index (nil: none).
        public var links: [String?] = []
        /// Whether the legend is drawn into the map (for a map file on its own) instead of only given as
        /// `legendHTML` (default false).
        public var legendInMap = false
        /// The defaults: seed 1, 150 links, English words, no links.
        public init() {}
    }

    /// The words of a group map (English by default).
    public struct Text: Sendable, Equatable {
        /// The legend's words for shapes and the partner types' display names (`categoryNames`).
        public var legend = StudyMap.LegendText()
        /// "actors" after a group's count.
        public var actors = "actors"
        /// Column headings of the table: group, region, type, actors, ties within, weak share, ties.
        public var group = "group", region = "region", type = "type", tiesWithin = "ties within",
                   weakShare = "weak share", ties = "ties"
        /// The legend's entry for the line width and for the colour scale.
        public var lineWidth = "line width: number of ties", lineColour = "line colour: weak share of the ties"
        /// The legend's note on the links left out: `{shown}`, `{total}` filled in.
        public var linksShown = "{shown} of {total} pairs of groups drawn (those with most ties); all in the table"
        /// A value that is missing (no region, no type).
        public var none = "none"
        /// The summary of the table's disclosure.
        public var tableSummary = "The groups and their ties as a table"
        /// The English words.
        public init() {}
    }

    /// The weak-share bins' colours, strong-heavy blue to weak-heavy orange (Okabe–Ito), 20 % each.
    static let shareColors = ["#0072B2", "#56B4E9", "#999999", "#E69F00", "#D55E00"]

    /// The map as DOT text for `sfdp`.
    public let dot: String
    /// The legend as an HTML fragment (every text escaped).
    public let legendHTML: String
    /// Every group and pair of groups as HTML tables in a `<details>` (every text escaped).
    public let tableHTML: String
    /// How many pairs of groups are drawn, of how many with ties.
    public let linksDrawn: Int, linksTotal: Int

    /// The group map of `study`, coloured as `style` colours partner types.
    public init(study: Study, groups: StudyGroups, style: StudyMap.Style, options: Options = Options()) {
        let text = options.text
        func h(_ s: String) -> String { MarkupEscaping.html.escape(s) }
        func typeName(_ type: String?) -> String { type.map { text.legend.categoryNames[$0] ?? $0 } ?? text.none }
        func percent(_ x: Double) -> String { x.isNaN ? "–" : String(Int((x * 100).rounded())) + " %" }
        func shareColor(_ x: Double) -> String { Self.shareColors[min(4, max(0, Int(x * 5)))] }
        func groupName(_ g: Int) -> String {
            typeName(groups.groups[g].type) + ", " + (groups.groups[g].region ?? text.none)
        }
        let q = DOTWriter.quote
        let maxActors = groups.groups.map(\.actors).max() ?? 1
        let ranked = groups.links.indices.sorted { groups.links[$0].ties != groups.links[$1].ties
            ? groups.links[$0].ties > groups.links[$1].ties : $0 < $1 }
        let drawn = Set(ranked.prefix(max(0, options.maxLinks)))
        let maxTies = groups.links.map(\.ties).max() ?? 1
        linksDrawn = drawn.count
        linksTotal = groups.links.count
        // Said in the legend, drawn or HTML, where pairs are left out.
        let linksNote = drawn.count < groups.links.count
            ? ReportStrings.fill(text.linksShown, ["shown": String(drawn.count), "total": String(groups.links.count)]) : nil

        var out = "graph \"WeakTiesGroups\" {\n"
        let graphAttributes: [(String, String)] = [
            ("charset", "UTF-8"), ("start", String(options.seed)), ("overlap", "prism"), ("overlap_scaling", "2"),
            ("sep", "+12"), ("splines", "false"), ("outputorder", "edgesfirst"), ("bgcolor", "white"), ("pad", "0.3"),
            ("fontname", "DejaVu Sans"), ("K", "1.6"),
        ]
        for (key, value) in graphAttributes { out += "  \(q(key))=\(q(value));\n" }
        out += "  node [fontname=\"DejaVu Sans\", fontsize=12, style=\"filled\", penwidth=2];\n"
        for (g, group) in groups.groups.enumerated() {
            let share = Double(group.actors) / Double(max(1, maxActors))
            let width = 0.7 + 1.5 * share.squareRoot()
            let fill = group.type.flatMap { style.color[$0] } ?? StudyMap.unknownColor
            var label = typeName(group.type) + "\n" + (group.region ?? text.none) + "\n" + String(group.actors) + " " + text.actors
            if group.tiesWithin > 0 { label += "\n" + String(group.tiesWithin) + " " + text.tiesWithin }
            var attributes: [(String, String)] = [
                ("label", label), ("shape", group.type == "innovation" ? "box" : "ellipse"),
                ("style", group.type == "innovation" ? "filled,rounded,bold" : "filled"),
                ("fillcolor", fill), ("width", StudyMap.twoDecimals(width)), ("height", StudyMap.twoDecimals(width * 0.6)),
                ("tooltip", groupName(g) + ": " + String(group.actors) + " "
                    + text.actors + ", " + String(group.tiesWithin) + " " + text.tiesWithin + " (" + text.weakShare + " "
                    + percent(group.weakShareWithin) + ")"),
                ("color", group.region.flatMap { style.regionOutline[$0] } ?? "#000000"),
            ]
            if style.darkFills[fill] ?? StudyMap.isDark(fill) { attributes.append(("fontcolor", "white")) }
            if g < options.links.count, let link = options.links[g] { attributes.append(("URL", link)) }
            out += "  " + q("g\(g)") + " [" + attributes.map { q($0.0) + "=" + q($0.1) }.joined(separator: ", ") + "];\n"
        }
        for (k, link) in groups.links.enumerated() where drawn.contains(k) {
            let width = 0.8 + 7 * (Double(link.ties) / Double(max(1, maxTies))).squareRoot()
            let attributes: [(String, String)] = [
                ("penwidth", StudyMap.twoDecimals(width)), ("color", shareColor(link.weakShare)),
                ("tooltip", groupName(link.a) + " – " + groupName(link.b) + ": " + String(link.ties) + " " + text.ties
                    + " (" + text.weakShare + " " + percent(link.weakShare) + ")"),
            ]
            out += "  " + q("g\(link.a)") + " -- " + q("g\(link.b)") + " [" + attributes.map { q($0.0) + "=" + q($0.1) }.joined(separator: ", ") + "];\n"
        }
        let types = Array(Set(groups.groups.compactMap(\.type))).sorted()
        if options.legendInMap {
            // Graphviz's HTML-like label: the colour scale of the lines, then the types' fills.
            var rows = ""
            if let linksNote { rows += "<tr><td colspan=\"2\" align=\"left\">" + h(linksNote) + "</td></tr>" }
            rows += "<tr><td colspan=\"2\" align=\"left\">" + h(text.lineWidth) + "</td></tr>"
            rows += "<tr><td colspan=\"2\" align=\"left\">" + h(text.lineColour) + "</td></tr>"
            for (i, color) in Self.shareColors.enumerated() {
                rows += "<tr><td bgcolor=\"\(color)\" width=\"14\"></td><td align=\"left\">\(i * 20)–\((i + 1) * 20) %</td></tr>"
            }
            for type in types {
                rows += "<tr><td bgcolor=\"\(style.color[type] ?? StudyMap.unknownColor)\" width=\"14\"></td><td align=\"left\">" + h(typeName(type)) + "</td></tr>"
            }
            out += "  label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">" + rows + "</table>>;\n  labelloc=\"b\";\n"
        }
        out += "}\n"
        dot = out

        // The legend: shapes, the line scale, the partner types' colours.
        var items = [
            "<span class=\"shape box\" aria-hidden=\"true\"></span>" + h(text.legend.innovation),
            "<span class=\"shape ellipse\" aria-hidden=\"true\"></span>" + h(text.legend.partner),
            h(text.lineWidth), h(text.lineColour) + ":",
        ]
        for (i, color) in Self.shareColors.enumerated() {
            items.append("<svg class=\"line\" width=\"28\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" y1=\"5\" x2=\"27\" y2=\"5\" stroke=\"\(color)\" stroke-width=\"4\"/></svg>"
                         + "\(i * 20)–\((i + 1) * 20) %")
        }
        items.append(h(text.legend.colour) + ": " + h(text.legend.attributeName ?? "partner_type"))
        for type in types {
            items.append("<span class=\"swatch\" style=\"background:\(style.color[type] ?? StudyMap.unknownColor)\" aria-hidden=\"true\"></span>"
                         + h(typeName(type)))
        }
        var legend = "<div class=\"map-legend\">" + items.map { "<span class=\"item\">" + $0 + "</span>" }.joined() + "</div>"
        if let linksNote { legend += "<p class=\"small\">" + h(linksNote) + "</p>" }
        legendHTML = legend

        // The text alternative: every group, every pair.
        var table = "<details class=\"map-table\"><summary>" + h(text.tableSummary) + "</summary>\n"
        table += "<div class=\"scroll\"><table><thead><tr><th>" + h(text.type) + "</th><th>" + h(text.region) + "</th><th class=\"num\">"
            + h(text.actors) + "</th><th class=\"num\">" + h(text.tiesWithin) + "</th><th class=\"num\">" + h(text.weakShare) + "</th></tr></thead><tbody>\n"
        for (g, group) in groups.groups.enumerated() {
            let name = g < options.links.count && options.links[g] != nil
                ? "<a href=\"" + h(options.links[g]!) + "\">" + h(typeName(group.type)) + "</a>" : h(typeName(group.type))
            table += "<tr><td>" + name + "</td><td>" + h(group.region ?? text.none) + "</td><td class=\"num\">" + String(group.actors)
                + "</td><td class=\"num\">" + String(group.tiesWithin) + "</td><td class=\"num\">" + h(percent(group.weakShareWithin)) + "</td></tr>\n"
        }
        table += "</tbody></table></div>\n<div class=\"scroll\"><table><thead><tr><th>" + h(text.group) + "</th><th>" + h(text.group)
            + "</th><th class=\"num\">" + h(text.ties) + "</th><th class=\"num\">" + h(text.weakShare) + "</th></tr></thead><tbody>\n"
        for k in ranked {
            let link = groups.links[k]
            table += "<tr><td>" + h(groupName(link.a)) + "</td><td>" + h(groupName(link.b)) + "</td><td class=\"num\">" + String(link.ties)
                + "</td><td class=\"num\">" + h(percent(link.weakShare)) + "</td></tr>\n"
        }
        table += "</tbody></table></div></details>"
        tableHTML = table
    }
}
