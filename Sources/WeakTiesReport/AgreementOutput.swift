import Foundation
import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesStudy

/// Output formats of `weakties agree`.
public enum AgreementFormat: String, Sendable, CaseIterable {
    /// Plain-text tables; the disagreement list comes out as Markdown, as with `md`.
    case text
    /// Spreadsheet-safe CSV: one row per estimate, or per disagreement, field and coder.
    case csv
    /// JSON, indented by two spaces.
    case json
    /// Markdown; the reliability output ends with the disagreement list.
    case md
    /// A self-contained printable HTML page; the reliability page ends with the disagreement list.
    case html
}

/// Formats inter-coder agreement — the reliability table and the disagreement list for a consensus
/// meeting — in English or German. Every number comes from `Agreement`; this only writes it.
public struct AgreementOutput: Sendable {
    /// The agreement computed; every number written comes from it.
    public let agreement: Agreement
    /// The texts and number format of the output's language.
    public let strings: ReportStrings
    let texts: [String: String]
    var study: Study { agreement.study }

    /// - Throws: `ReportTemplateError` when the bundled texts are missing.
    public init(agreement: Agreement, language: ReportLanguage) throws {
        self.agreement = agreement
        strings = try ReportStrings(language)
        texts = strings.tree["agree"] as? [String: String] ?? [:]
    }

    func t(_ key: String, _ values: [String: String] = [:]) -> String { ReportStrings.fill(texts[key] ?? "agree." + key, values) }

    func h(_ text: String) -> String { MarkupEscaping.html.escape(text) }

    /// The variable's name in the output's language.
    public func name(_ variable: AgreementVariable) -> String { Self.label(variable.name, strings) }

    /// A variable's or disagreement field's name (`strength`, `proximity_spatial`, `motive: raum`, …)
    /// in the language of `strings`.
    static func label(_ name: String, _ strings: ReportStrings) -> String {
        func t(_ key: String) -> String { strings.text("agree." + key) }
        if name.hasPrefix("proximity_") {
            return ReportStrings.fill(t("proximity"), ["dimension": strings.text("dimension.\(name.dropFirst("proximity_".count))")])
        }
        for field in ["motive", "benefit"] where name.hasPrefix(field + ": ") {
            return t(field) + ": " + name.dropFirst(field.count + 2)
        }
        return t(name)
    }

    /// A disagreement field's name in the output's language.
    func fieldName(_ field: String) -> String { Self.label(field, strings) }

    /// A coded value for reading ("–" for not coded); initiators that are actors by their label.
    func value(_ field: String, _ value: String?) -> String {
        if field == "initiator", let value, let actor = study.actorIndex(of: value) { return study.actors[Int(actor)].label }
        return Self.display(field, value, strings)
    }

    static func display(_ field: String, _ value: String?, _ strings: ReportStrings) -> String {
        guard let value else { return "–" }
        switch (field, value) {
        case ("presence", "coded"): return strings.text("agree.coded")
        case ("presence", "not coded"): return strings.text("agree.not_coded")
        case ("strength", "strong"): return strings.text("label.strong")
        case ("strength", "weak"): return strings.text("label.weak")
        case (_, "low"), (_, "medium"), (_, "high"): return strings.text("label.level_\(value)")
        default: return value
        }
    }

    func pairLabel(_ d: Disagreement) -> String {
        study.actors[Int(study.ties.source[d.tie])].label + " – " + study.actors[Int(study.ties.target[d.tie])].label
    }

    // MARK: - Reliability

    /// The reliability tables (overall and per pair of coders) with the disagreement summary.
    public func reliability(format: AgreementFormat) -> String {
        switch format {
        case .text: reliabilityText(markdown: false)
        case .md: reliabilityText(markdown: true) + "\n" + disagreementsMarkdown(headingLevel: 2)
        case .csv: reliabilityCSV()
        case .json: json().serialized(indent: 2) + "\n"
        case .html: StandalonePage.html(title: t("title"), language: strings.language,
                                        body: reliabilityHTML() + disagreementsHTML(headingLevel: 2))
        }
    }

    var summaryLine: String {
        t("summary", ["coders": String(agreement.coders.count), "names": agreement.coders.joined(separator: ", "),
                      "interviews": String(agreement.comparedInterviews.count), "single": String(agreement.singleCodedInterviews)])
    }

    var readingLine: String {
        t("reading", ["replicates": String(agreement.options.replicates), "seed": String(agreement.options.seed)])
    }

    var ciLabel: String { t("ci", ["p": strings.decimal(agreement.options.confidence * 100, digits: 0)]) }

    func withInterval(_ value: Double, _ interval: ConfidenceInterval) -> String {
        let v = strings.decimal(value, digits: 3)
        guard !value.isNaN, !interval.low.isNaN else { return v }
        return "\(v) [\(strings.decimal(interval.low, digits: 3)), \(strings.decimal(interval.high, digits: 3))]"
    }

    /// Whether an estimate is one motive or benefit value's.
    static func isValue(_ e: ReliabilityEstimate) -> Bool {
        switch e.variable {
        case .motive, .benefit: true
        default: false
        }
    }

    /// The estimates a table shows: every variable, but of the motive and benefit values only those
    /// below α = 0.800 (the others are summarised in one line each; CSV and JSON have all).
    func shown(_ estimates: [ReliabilityEstimate]) -> [ReliabilityEstimate] {
        estimates.filter { !Self.isValue($0) || $0.alpha < 0.8 }
    }

    /// One line per field whose values were assessed.
    var valueSummaries: [String] {
        ["motive", "benefit"].compactMap { field in
            let n = agreement.overall.count { e in
                if case .motive = e.variable { return field == "motive" }
                if case .benefit = e.variable { return field == "benefit" }
                return false
            }
            return n == 0 ? nil : t("values_summary", ["field": t(field), "n": String(n)])
        }
    }

    var presenceNote: String { t(agreement.options.presenceUnits == .coded ? "presence_coded" : "presence_named") }

    /// Rows of one table: overall (Fleiss' κ) or a pair (Cohen's κ with its interval).
    func rows(_ estimates: [ReliabilityEstimate], overall: Bool) -> [[String]] {
        shown(estimates).map { e in
            [name(e.variable), t("level_" + e.variable.level.rawValue), String(e.units), strings.percent(e.percentAgreement),
             overall ? strings.decimal(e.fleissKappa, digits: 3) : withInterval(e.cohenKappa, e.cohenKappaInterval),
             withInterval(e.alpha, e.alphaInterval)]
        }
    }

    func header(overall: Bool) -> [String] {
        [t("variable"), t("level"), t("units"), t("agreement"), overall ? t("fleiss") : t("cohen") + " [\(ciLabel)]",
         t("alpha") + " [\(ciLabel)]"]
    }

    /// Estimates of each pair of coders, in the agreement's order, with the pair's heading.
    var pairGroups: [(title: String, estimates: [ReliabilityEstimate])] {
        var groups: [(String, [ReliabilityEstimate])] = []
        for e in agreement.pairs {
            let title = t("pair", ["a": e.coders[0], "b": e.coders[1], "n": String(e.interviews)])
            if groups.last?.0 == title { groups[groups.count - 1].1.append(e) } else { groups.append((title, [e])) }
        }
        return groups
    }

    func reliabilityText(markdown: Bool) -> String {
        var out = markdown ? "# \(t("title"))\n\n\(markdownEscaped(summaryLine)).\n\n" : "\(t("title")): \(summaryLine)\n"
        if agreement.uncodedMentions > 0 { out += (markdown ? "" : "  ") + t("uncoded", ["n": String(agreement.uncodedMentions)]) + (markdown ? ".\n\n" : "\n") }
        func table(_ title: String, _ header: [String], _ rows: [[String]]) {
            if markdown {
                out += "## \(markdownEscaped(title))\n\n| " + header.joined(separator: " | ") + " |\n|"
                    + header.map { _ in "---" }.joined(separator: "|") + "|\n"
                for row in rows { out += "| " + row.map(markdownEscaped).joined(separator: " | ") + " |\n" }
                out += "\n"
                return
            }
            out += "\n\(title)\n" + TextTable.render(header, rows)
        }
        table(t("all_coders"), header(overall: true), rows(agreement.overall, overall: true))
        for group in pairGroups { table(group.title, header(overall: false), rows(group.estimates, overall: false)) }
        out += "\n"
        for line in [presenceNote] + valueSummaries { out += line + (markdown ? "\n\n" : "\n") }
        for (field, n) in agreement.unassessedValues.sorted(by: { $0.key < $1.key }) {
            out += t("unassessed", ["n": String(n), "field": t(field), "k": String(agreement.options.valuesPerField)]) + (markdown ? "\n\n" : "\n")
        }
        if agreement.weightNotAssessed { out += t("weight_not_assessed") + (markdown ? "\n\n" : "\n") }
        out += readingLine + "\n"
        if !markdown {
            out += "\n" + disagreementsSummary + "\n"
            let largest = agreement.largestDisagreements(3)
            if !largest.isEmpty {
                out += t("largest") + ":\n"
                for d in largest { out += "  " + oneLine(d) + "\n" }
            }
        }
        return out
    }

    var disagreementsSummary: String {
        if agreement.disagreements.isEmpty { return t("none") }
        return t("disagreements_summary", [
            "n": String(agreement.disagreements.count),
            "interviews": String(Set(agreement.disagreements.map(\.interview)).count),
            "presence": String(agreement.disagreements.count(where: \.isPresenceDisputed)),
        ])
    }

    /// `KR-01, A – B: strength (K1 strong, K2 weak); initiator (…)`.
    public func oneLine(_ d: Disagreement) -> String {
        "\(d.interview), \(pairLabel(d)): " + d.differences.map { diff in
            fieldName(diff.field) + " (" + zip(d.coders, diff.values).map { "\($0) \(value(diff.field, $1))" }.joined(separator: ", ") + ")"
        }.joined(separator: "; ")
    }

    static let estimateColumns = [
        "scope", "coder_a", "coder_b", "variable", "level", "interviews", "units", "values", "percent_agreement",
        "cohen_kappa", "cohen_kappa_low", "cohen_kappa_high", "fleiss_kappa", "fleiss_raters", "alpha", "alpha_low",
        "alpha_high", "replicates", "seed",
    ]

    func reliabilityCSV() -> String {
        var csv = CSVWriter()
        csv.header(Self.estimateColumns)
        let n = NumberFormat.cell
        func row(_ e: ReliabilityEstimate, overall: Bool) {
            csv.row([.text(overall ? "all" : "pair"), overall ? .empty : .text(e.coders[0]), overall ? .empty : .text(e.coders[1]),
                     .text(e.variable.name), .text(e.variable.level.rawValue), .number(String(e.interviews)),
                     .number(String(e.units)), .number(String(e.values)), n(e.percentAgreement), n(e.cohenKappa),
                     n(e.cohenKappaInterval.low), n(e.cohenKappaInterval.high), n(e.fleissKappa),
                     overall ? .number(String(e.fleissRaters)) : .empty, n(e.alpha), n(e.alphaInterval.low),
                     n(e.alphaInterval.high), .number(String(agreement.options.replicates)), .number(String(agreement.options.seed))])
        }
        for e in agreement.overall { row(e, overall: true) }
        for e in agreement.pairs { row(e, overall: false) }
        return csv.output
    }

    func estimateJSON(_ e: ReliabilityEstimate, overall: Bool) -> JSONValue {
        let n = NumberFormat.json
        func interval(_ i: ConfidenceInterval) -> JSONValue { .object([("low", n(i.low)), ("high", n(i.high))]) }
        var fields: [(String, JSONValue)] = [
            ("variable", .string(e.variable.name)), ("level", .string(e.variable.level.rawValue)),
            ("interviews", .int(e.interviews)), ("units", .int(e.units)), ("values", .int(e.values)),
            ("percent_agreement", n(e.percentAgreement)),
        ]
        if overall {
            fields += [("fleiss_kappa", n(e.fleissKappa)), ("fleiss_raters", .int(e.fleissRaters))]
        } else {
            fields.insert(("coders", .array(e.coders.map { .string($0) })), at: 0)
            fields += [("cohen_kappa", n(e.cohenKappa)), ("cohen_kappa_interval", interval(e.cohenKappaInterval))]
        }
        fields += [("alpha", n(e.alpha)), ("alpha_interval", interval(e.alphaInterval))]
        return .object(fields)
    }

    func disagreementJSON(_ d: Disagreement) -> JSONValue {
        .object([
            ("interview", .string(d.interview)),
            ("source", .string(study.actors[Int(study.ties.source[d.tie])].id)),
            ("target", .string(study.actors[Int(study.ties.target[d.tie])].id)),
            ("coders", .array(d.coders.enumerated().map { c, coder in
                .object([
                    ("coder", .string(coder)),
                    ("values", .object(d.differences.map { ($0.field, .string($0.values[c])) })),
                    ("mentions", .array(d.mentions[c].map { m in
                        .object([("quote", .string(study.mentions.text(TieField.quote.rawValue, Int(m)))),
                                 ("source", .string(study.mentions.location(Int(m)).description))])
                    })),
                ])
            })),
        ])
    }

    func json() -> JSONValue {
        .object([
            ("coders", .array(agreement.coders.map { .string($0) })),
            ("compared_interviews", .array(agreement.comparedInterviews.map { .string($0) })),
            ("single_coded_interviews", .int(agreement.singleCodedInterviews)),
            ("uncoded_mentions", .int(agreement.uncodedMentions)),
            ("consensus", .string(study.options.consensus.description)),
            ("presence_units", .string(agreement.options.presenceUnits.rawValue)),
            ("bootstrap", .object([("replicates", .int(agreement.options.replicates)), ("seed", .string(String(agreement.options.seed))),
                                   ("confidence", NumberFormat.json(agreement.options.confidence)), ("method", .string("poisson"))])),
            ("overall", .array(agreement.overall.map { estimateJSON($0, overall: true) })),
            ("pairs", .array(agreement.pairs.map { estimateJSON($0, overall: false) })),
            ("unassessed_values", .object(agreement.unassessedValues.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("weight_not_assessed", .bool(agreement.weightNotAssessed)),
            // Counts only: the list itself (hundreds of thousands of items in a large study) is the
            // disagreement file's (`disagreements(format: .json)`).
            ("disagreements", .object([
                ("count", .int(agreement.disagreements.count)),
                ("interviews", .int(Set(agreement.disagreements.map(\.interview)).count)),
                ("presence_disputed", .int(agreement.disagreements.count(where: \.isPresenceDisputed))),
            ])),
        ])
    }

    func reliabilityHTML() -> String {
        var body = "<h1>\(h(t("title")))</h1>\n<p>\(h(summaryLine)).</p>\n"
        if agreement.uncodedMentions > 0 { body += "<p>\(h(t("uncoded", ["n": String(agreement.uncodedMentions)]))).</p>\n" }
        body += tableHTML(t("all_coders"), header(overall: true), rows(agreement.overall, overall: true), level: 2)
        for group in pairGroups { body += tableHTML(group.title, header(overall: false), rows(group.estimates, overall: false), level: 2) }
        for line in [presenceNote] + valueSummaries { body += "<p>\(h(line))</p>\n" }
        for (field, n) in agreement.unassessedValues.sorted(by: { $0.key < $1.key }) {
            body += "<p>\(h(t("unassessed", ["n": String(n), "field": t(field), "k": String(agreement.options.valuesPerField)])))</p>\n"
        }
        if agreement.weightNotAssessed { body += "<p>\(h(t("weight_not_assessed")))</p>\n" }
        return body + "<p class=\"why\">\(h(readingLine))</p>\n"
    }

    func tableHTML(_ title: String, _ header: [String], _ rows: [[String]], level: Int) -> String {
        var out = "<h\(level)>\(h(title))</h\(level)>\n<table>\n<thead><tr>" + header.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\(h($0))</td>" }.joined() + "</tr>\n" }
        return out + "</tbody></table>\n"
    }

    // MARK: - Disagreement list

    /// The disagreement list for a consensus meeting: CSV (one row per disagreement, field and coder),
    /// Markdown or HTML (by interview, each pair with every coder's values and quotes), JSON, text.
    public func disagreements(format: AgreementFormat) -> String {
        switch format {
        case .csv: disagreementsCSV()
        case .md, .text: "# \(t("list_title"))\n\n" + disagreementsMarkdown(headingLevel: 1)
        case .json: JSONValue.array(agreement.disagreements.map(disagreementJSON)).serialized(indent: 2) + "\n"
        case .html: StandalonePage.html(title: t("list_title"), language: strings.language,
                                        body: "<h1>\(h(t("list_title")))</h1>\n" + disagreementsHTML(headingLevel: 1))
        }
    }

    static let disagreementColumns = [
        "item", "interview", "source_id", "source_label", "target_id", "target_label", "field", "coder", "value", "quotes",
        "locations",
    ]

    func quotes(_ mentions: [Int32]) -> [String] {
        var seen = Set<String>()
        return mentions.map { study.mentions.text(TieField.quote.rawValue, Int($0)) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    func locations(_ mentions: [Int32]) -> String {
        mentions.map { study.mentions.location(Int($0)).description }.joined(separator: "; ")
    }

    func disagreementsCSV() -> String {
        var csv = CSVWriter()
        csv.header(Self.disagreementColumns)
        for (k, d) in agreement.disagreements.enumerated() {
            let s = study.actors[Int(study.ties.source[d.tie])], g = study.actors[Int(study.ties.target[d.tie])]
            for diff in d.differences {
                for (c, coder) in d.coders.enumerated() {
                    csv.row([.number(String(k + 1)), .text(d.interview), .text(s.id), .text(s.label), .text(g.id), .text(g.label),
                             .text(diff.field), .text(coder), diff.values[c].map { .text($0) } ?? .empty,
                             .text(quotes(d.mentions[c]).joined(separator: " | ")), .text(locations(d.mentions[c]))])
                }
            }
        }
        return csv.output
    }

    /// Disagreements grouped by interview (in `disagreements` order).
    var byInterview: [(interview: String, items: [Disagreement])] {
        var groups: [(String, [Disagreement])] = []
        for d in agreement.disagreements {
            if groups.last?.0 == d.interview { groups[groups.count - 1].1.append(d) } else { groups.append((d.interview, [d])) }
        }
        return groups
    }

    func disagreementsMarkdown(headingLevel: Int) -> String {
        let hashes = String(repeating: "#", count: headingLevel + 1)
        var out = disagreementsSummary + "\n\n"
        for group in byInterview {
            out += "\(hashes) \(t("interview")) \(markdownEscaped(group.interview))\n\n"
            for d in group.items { out += disagreementMarkdown(d, headingLevel: headingLevel + 2) }
        }
        return out
    }

    /// One disagreement: a table of fields × coders, then each coder's quotes with file and line.
    public func disagreementMarkdown(_ d: Disagreement, headingLevel: Int) -> String {
        var out = String(repeating: "#", count: headingLevel) + " " + markdownEscaped(pairLabel(d)) + "\n\n"
        out += "| \(t("field")) | " + d.coders.map(markdownEscaped).joined(separator: " | ") + " |\n|---|" + d.coders.map { _ in "---" }.joined(separator: "|") + "|\n"
        for diff in d.differences {
            out += "| \(markdownEscaped(fieldName(diff.field))) | " + diff.values.map { markdownEscaped(value(diff.field, $0)) }.joined(separator: " | ") + " |\n"
        }
        out += "\n"
        for (c, coder) in d.coders.enumerated() where !d.mentions[c].isEmpty {
            out += "- **\(markdownEscaped(coder))** (\(markdownEscaped(locations(d.mentions[c])))): "
                + quotes(d.mentions[c]).map { "“" + markdownEscaped($0) + "”" }.joined(separator: " ") + "\n"
        }
        return out + "\n"
    }

    func disagreementsHTML(headingLevel: Int) -> String {
        var out = "<p>\(h(disagreementsSummary))</p>\n"
        for group in byInterview {
            out += "<h\(headingLevel + 1)>\(h(t("interview"))) \(h(group.interview))</h\(headingLevel + 1)>\n"
            for d in group.items { out += disagreementHTML(d, headingLevel: headingLevel + 2) }
        }
        return out
    }

    /// One disagreement as an HTML section (the report's innovation pages embed it too).
    public func disagreementHTML(_ d: Disagreement, headingLevel: Int) -> String {
        var out = "<section class=\"agenda\"><h\(headingLevel)>\(h(pairLabel(d)))</h\(headingLevel)>\n<table><thead><tr><th>\(h(t("field")))</th>"
            + d.coders.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for diff in d.differences {
            out += "<tr><td>\(h(fieldName(diff.field)))</td>" + diff.values.map { "<td>\(h(value(diff.field, $0)))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody></table>\n"
        for (c, coder) in d.coders.enumerated() where !d.mentions[c].isEmpty {
            out += "<p><strong>\(h(coder))</strong> <span class=\"where\">\(h(locations(d.mentions[c])))</span></p>\n"
            for quote in quotes(d.mentions[c]) { out += "<blockquote>\(h(quote))</blockquote>\n" }
        }
        return out + "</section>\n"
    }

    func markdownEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "\n" || ch == "\r" { out.append(" "); continue }
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
