import WeakTiesAnalysis
import Foundation
import WeakTiesIO

/// The overview's charts as inline SVG: no script, no external resource; every text escaped.
enum ReportCharts {
    static let accent = "#0072B2", muted = "#999999", ink = "#222222"

    static func esc(_ s: String) -> String { GraphExport.xmlText(s) }
    static func num(_ x: Double) -> String { String(format: "%.1f", x) }

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
            for (k, r) in members.enumerated() {
                // Deterministic spread so equal values stay visible.
                let dx = (Double(k % 7) - 3) * 7
                svg += "<circle cx=\"\(num(center + dx))\" cy=\"\(num(y(r.weakTieShare)))\" r=\"5\" fill=\"\(accent)\" fill-opacity=\"0.75\">"
                svg += "<title>\(esc(r.label)): \(esc(strings.percent(r.weakTieShare)))</title></circle>"
            }
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
            for r in members where !r.openness.eiRegion.isNaN {
                svg += "<circle cx=\"\(num(x(r.openness.eiRegion)))\" cy=\"\(num(center))\" r=\"4\" fill=\"\(accent)\"><title>\(esc(r.label)): \(esc(strings.decimal(r.openness.eiRegion)))</title></circle>"
            }
        }
        return svg + "</svg>"
    }
}
