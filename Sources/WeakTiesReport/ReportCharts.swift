import WeakTiesAnalysis
import Foundation
import WeakTiesIO
import WeakTiesStudy

/// The overview's charts as inline SVG: no script, no external resource; every text escaped.
enum ReportCharts {
    static let accent = "#0072B2", muted = "#999999", ink = "#222222"

    static func esc(_ s: String) -> String { GraphExport.xmlText(s) }
    /// `x` with one decimal, exactly as `String(format: "%.1f", x)` (which took 0.4 of the regional
    /// report's CPU seconds in the growth charts): by integer arithmetic, and through `String(format:)`
    /// only near a halfway point, where the product `x · 10` may round otherwise than printf's exact
    /// decimal expansion of `x`, and for large or non-finite values.
    static func num(_ x: Double) -> String {
        let scaled = x * 10
        guard x.isFinite, abs(scaled) < 1e9, abs(abs(scaled - scaled.rounded(.towardZero)) - 0.5) > 1e-6 else {
            return String(format: "%.1f", x)
        }
        let units = Int(abs(scaled).rounded())
        return (x.sign == .minus ? "-" : "") + String(units / 10) + "." + String(units % 10)
    }

    /// Weak-tie share (y) of each innovation by established status (x), with the group means.
    static func weakTieShareByStatus(_ innovations: [InnovationReport], strings: ReportStrings) -> String {
        let groups: [(String, Bool?)] = [("established", true), ("new", false), ("unknown", nil)]
        let present = groups.filter { g in innovations.contains { $0.established == g.1 } }
        let width = 560.0, height = 300.0, left = 56.0, bottom = 40.0, top = 16.0
        let plotHeight = height - top - bottom
        let column = (width - left - 16) / Double(max(present.count, 1))
        func y(_ share: Double) -> Double { top + plotHeight * (1 - share) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(num(width)) \(num(height))\" role=\"img\" aria-label=\"\(esc(strings.text("heading.chart_status")))\">"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<line x1=\"\(num(left))\" x2=\"\(num(width - 16))\" y1=\"\(num(y(tick)))\" y2=\"\(num(y(tick)))\" stroke=\"#e4e4e4\"/>"
            svg += "<text x=\"\(num(left - 6))\" y=\"\(num(y(tick) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(ink)\">\(esc(strings.percent(tick)))</text>"
        }
        svg += "<text transform=\"translate(14 \(num(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(esc(strings.text("chart.status_axis")))</text>"
        for (c, group) in present.enumerated() {
            let center = left + column * (Double(c) + 0.5)
            let members = innovations.filter { $0.established == group.1 && !$0.weakTieShare.isNaN }
            // The dots' fill once for the group (a study of 2,491 innovations draws one dot for each).
            svg += "<g fill=\"\(accent)\" fill-opacity=\"0.75\">"
            for (k, r) in members.enumerated() {
                // Deterministic spread so equal values stay visible.
                let dx = (Double(k % 7) - 3) * 7
                svg += "<circle cx=\"\(num(center + dx))\" cy=\"\(num(y(r.weakTieShare)))\" r=\"5\">"
                svg += "<title>\(esc(r.label)): \(esc(strings.percent(r.weakTieShare)))</title></circle>"
            }
            svg += "</g>"
            if !members.isEmpty {
                let mean = members.map(\.weakTieShare).reduce(0, +) / Double(members.count)
                svg += "<line x1=\"\(num(center - 34))\" x2=\"\(num(center + 34))\" y1=\"\(num(y(mean)))\" y2=\"\(num(y(mean)))\" stroke=\"\(ink)\" stroke-width=\"2\"><title>\(esc(strings.percent(mean)))</title></line>"
            }
            svg += "<text x=\"\(num(center))\" y=\"\(num(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\">\(esc(strings.text("chart." + group.0))) (n = \(members.count))</text>"
        }
        return svg + "</svg>"
    }

    /// Mean E-I index by region of each region's innovations (bars on a −1…+1 axis) with every
    /// innovation as a dot.
    static func opennessByRegion(_ innovations: [InnovationReport], strings: ReportStrings) -> String {
        let regions = Array(Set(innovations.map { $0.region ?? "" })).sorted()
        let row = 34.0, left = 200.0, right = 24.0, top = 10.0, width = 600.0
        let height = top + row * Double(regions.count) + 44
        let plotWidth = width - left - right
        func x(_ ei: Double) -> Double { left + plotWidth * (ei + 1) / 2 }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(num(width)) \(num(height))\" role=\"img\" aria-label=\"\(esc(strings.text("heading.chart_region")))\">"
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            svg += "<line x1=\"\(num(x(tick)))\" x2=\"\(num(x(tick)))\" y1=\"\(num(top))\" y2=\"\(num(height - 34))\" stroke=\"\(tick == 0 ? "#999999" : "#e4e4e4")\"/>"
            svg += "<text x=\"\(num(x(tick)))\" y=\"\(num(height - 20))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(esc(strings.decimal(tick, digits: 1)))</text>"
        }
        svg += "<text x=\"\(num(left + plotWidth / 2))\" y=\"\(num(height - 4))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(esc(strings.text("chart.region_axis")))</text>"
        for (i, region) in regions.enumerated() {
            let members = innovations.filter { ($0.region ?? "") == region }
            let values = members.map(\.openness.eiRegion).filter { !$0.isNaN }
            let center = top + row * (Double(i) + 0.5)
            let name = region.isEmpty ? strings.text("label.uncoded") : region
            // n counts the innovations with a value, as in the status chart.
            svg += "<text x=\"\(num(left - 8))\" y=\"\(num(center + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"\(ink)\">\(esc(name)) (n = \(values.count))</text>"
            if !values.isEmpty {
                let mean = values.reduce(0, +) / Double(values.count)
                let x0 = min(x(0), x(mean)), x1 = max(x(0), x(mean))
                svg += "<rect x=\"\(num(x0))\" y=\"\(num(center - 9))\" width=\"\(num(max(x1 - x0, 1)))\" height=\"18\" fill=\"\(accent)\" fill-opacity=\"0.35\"><title>\(esc(name)): \(esc(strings.decimal(mean)))</title></rect>"
            }
            svg += "<g fill=\"\(accent)\">"
            for r in members where !r.openness.eiRegion.isNaN {
                svg += "<circle cx=\"\(num(x(r.openness.eiRegion)))\" cy=\"\(num(center))\" r=\"4\"><title>\(esc(r.label)): \(esc(strings.decimal(r.openness.eiRegion)))</title></circle>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    // MARK: Growth

    /// One year of a growth chart: stacked bar segments (count, colour, name) and the share drawn as the
    /// line (NaN: no point).
    struct GrowthYear {
        let year: Int
        let segments: [(count: Int, color: String, name: String)]
        let share: Double
    }

    /// Initiator colours (Okabe–Ito, distinguishable with colour-blindness), in `InitiatorRole` order.
    static let roleColors: [InitiatorRole: String] = [
        .innovation: "#0072B2", .partner: "#E69F00", .both: "#009E73", .third: "#CC79A7", .unknown: "#BBBBBB",
    ]
    static let strongColor = "#333333", weakColor = "#9ecae1", lineColor = "#D55E00"

    /// An innovation's years: ties formed by initiator, and its weak-tie share.
    static func innovationYears(_ years: [Timeline.InnovationYear], strings: ReportStrings) -> [GrowthYear] {
        years.map { y in
            GrowthYear(year: y.year, segments: InitiatorRole.allCases.map {
                (y.formedBy[$0] ?? 0, roleColors[$0]!, strings.text("label.role_" + $0.rawValue))
            }, share: y.weakTieShare)
        }
    }

    /// The study's years: ties formed, strong and weak, and the network's weak-tie share.
    static func studyYears(_ years: [Timeline.StudyYear], strings: ReportStrings) -> [GrowthYear] {
        years.map { y in
            GrowthYear(year: y.year, segments: [(y.formedStrong, strongColor, strings.text("growth.strong_bars")),
                                                (y.formed - y.formedStrong, weakColor, strings.text("growth.weak_bars"))],
                       share: y.weakTieShare)
        }
    }

    /// A bar-and-line chart of growth: ties formed per year (stacked bars, left axis) and a share (line,
    /// right axis 0–100 %). `small` draws a small multiple (no axes or legend) whose bar scale is
    /// `scaleMax`, shared by all multiples so they compare.
    static func growth(_ years: [GrowthYear], label: String, strings: ReportStrings, small: Bool = false, scaleMax: Int? = nil) -> String {
        let width = small ? 180.0 : 640.0, height = small ? 64.0 : 250.0
        let left = small ? 2.0 : 40.0, right = small ? 2.0 : 48.0, top = small ? 4.0 : 34.0, bottom = small ? 4.0 : 26.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxFormed = max(1, scaleMax ?? years.map { $0.segments.reduce(0) { $0 + $1.count } }.max() ?? 1)
        let band = plotWidth / Double(max(years.count, 1))
        func x(_ i: Int) -> Double { left + band * (Double(i) + 0.5) }
        func yCount(_ c: Double) -> Double { top + plotHeight * (1 - c / Double(maxFormed)) }
        func yShare(_ s: Double) -> Double { top + plotHeight * (1 - s) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\(small ? " small" : "")\" viewBox=\"0 0 \(num(width)) \(num(height))\" role=\"img\" aria-label=\"\(esc(label))\">"
        if !small {
            // Left axis: counts; right axis: the share.
            let step = max(1, Int((Double(maxFormed) / 4).rounded(.up)))
            for tick in stride(from: 0, through: maxFormed, by: step) {
                svg += "<line x1=\"\(num(left))\" x2=\"\(num(width - right))\" y1=\"\(num(yCount(Double(tick))))\" y2=\"\(num(yCount(Double(tick))))\" stroke=\"#eeeeee\"/>"
                svg += "<text x=\"\(num(left - 6))\" y=\"\(num(yCount(Double(tick)) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(ink)\">\(tick)</text>"
            }
            for share in [0.0, 0.5, 1.0] {
                svg += "<text x=\"\(num(width - right + 6))\" y=\"\(num(yShare(share) + 4))\" font-size=\"11\" fill=\"\(lineColor)\">\(esc(strings.percent(share)))</text>"
            }
            // Year labels: at most about ten.
            let every = max(1, Int((Double(years.count) / 10).rounded(.up)))
            for (i, y) in years.enumerated() where i % every == 0 {
                svg += "<text x=\"\(num(x(i)))\" y=\"\(num(height - 8))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(y.year)</text>"
            }
            // Legend: the bars' segments that occur, then the line.
            var lx = left
            var names: [(String, String)] = []
            for y in years { for s in y.segments where s.count > 0 && !names.contains(where: { $0.0 == s.name }) { names.append((s.name, s.color)) } }
            let order = years.first?.segments.map(\.name) ?? []
            names.sort { (order.firstIndex(of: $0.0) ?? 0) < (order.firstIndex(of: $1.0) ?? 0) }
            for (name, color) in names {
                svg += "<rect x=\"\(num(lx))\" y=\"8\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
                svg += "<text x=\"\(num(lx + 14))\" y=\"17\" font-size=\"11\" fill=\"\(ink)\">\(esc(name))</text>"
                lx += 22 + Double(name.count) * 6.2
            }
            svg += "<line x1=\"\(num(lx))\" x2=\"\(num(lx + 16))\" y1=\"13\" y2=\"13\" stroke=\"\(lineColor)\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(num(lx + 20))\" y=\"17\" font-size=\"11\" fill=\"\(ink)\">\(esc(strings.text("growth.share_line")))</text>"
        } else {
            svg += "<line x1=\"\(num(left))\" x2=\"\(num(width - right))\" y1=\"\(num(top + plotHeight))\" y2=\"\(num(top + plotHeight))\" stroke=\"#cccccc\"/>"
        }
        let barWidth = max(1, band * 0.72)
        for (i, y) in years.enumerated() {
            var base = 0
            let total = y.segments.reduce(0) { $0 + $1.count }
            guard total > 0 else { continue }
            var parts: [String] = []
            for s in y.segments where s.count > 0 {
                let y0 = yCount(Double(base + s.count)), y1 = yCount(Double(base))
                svg += "<rect x=\"\(num(x(i) - barWidth / 2))\" y=\"\(num(y0))\" width=\"\(num(barWidth))\" height=\"\(num(y1 - y0))\" fill=\"\(s.color)\"/>"
                base += s.count
                parts.append("\(s.name): \(s.count)")
            }
            if !small {
                svg += "<rect x=\"\(num(x(i) - band / 2))\" y=\"\(num(top))\" width=\"\(num(band))\" height=\"\(num(plotHeight))\" fill=\"transparent\">"
                svg += "<title>\(y.year): \(total) (\(esc(parts.joined(separator: ", ")))); \(esc(strings.percent(y.share)))</title></rect>"
            }
        }
        // The share as a line, broken where it is undefined.
        var segment: [String] = []
        func flush() {
            if segment.count == 1 {
                let xy = segment[0].split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"\(small ? 1.5 : 2.5)\" fill=\"\(lineColor)\"/>"
            } else if segment.count > 1 {
                svg += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"\(lineColor)\" stroke-width=\"\(small ? 1.5 : 2)\"/>"
            }
            segment.removeAll()
        }
        for (i, y) in years.enumerated() {
            if y.share.isNaN { flush() } else { segment.append("\(num(x(i))),\(num(yShare(y.share)))") }
        }
        flush()
        return svg + "</svg>"
    }

    /// The overview's small multiples: one linked chart per innovation on the study's years, the bars on
    /// one scale; nil above `limit` innovations (each page still has its chart).
    static func growthMultiples(_ timeline: Timeline, pages: [Int: (label: String, page: String)], strings: ReportStrings,
                                limit: Int = 80) -> String? {
        let shown = timeline.innovations.filter { pages[$0.actor] != nil }
        guard shown.count <= limit else { return nil }
        let scale = shown.flatMap { $0.years.map(\.formed) }.max() ?? 1
        // The same years for all, from the first in which any of them has a tie (the study's first years
        // may hold only ties among partners).
        let start = shown.compactMap { timeline.activeYears(of: $0.actor).flatMap { $0.isEmpty ? nil : $0.startIndex } }.min() ?? 0
        var html = "<p class=\"legend small\">"
        for role in InitiatorRole.allCases {
            html += "<span style=\"background:\(roleColors[role]!)\"></span>\(esc(strings.text("label.role_" + role.rawValue)))"
        }
        html += "<span style=\"background:\(lineColor);height:2px\"></span>\(esc(strings.text("growth.share_line")))"
        if let years = shown.first?.years, start < years.count {
            html += " · \(years[start].year)–\(years[years.count - 1].year)"
        }
        html += "</p><div class=\"multiples\">"
        for entry in shown {
            let page = pages[entry.actor]!
            html += "<a class=\"multiple\" href=\"\(esc(page.page))\"><span>\(esc(page.label))</span>"
            html += growth(innovationYears(Array(entry.years[start...]), strings: strings), label: page.label, strings: strings, small: true, scaleMax: scale)
            html += "</a>"
        }
        return html + "</div>"
    }
}
