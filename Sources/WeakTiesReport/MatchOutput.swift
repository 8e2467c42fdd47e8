import Foundation
import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesStudy

/// Output formats of `weakties match`.
public enum MatchFormat: String, Sendable, CaseIterable {
    /// Plain text for reading out.
    case text
    /// Spreadsheet-safe CSV with a header row: one row per candidate, meeting, or method and k.
    case csv
    /// JSON, indented by two spaces, with the weights used.
    case json
    /// Markdown: headings, lists and tables.
    case md
    /// A self-contained printable HTML page.
    case html
}

/// Formats matching results — recommendations, event plans, backtests — with explanations an organiser
/// can read out, in English or German. Every number comes from `Matching`; this only writes it.
public struct MatchOutput: Sendable {
    /// The matching computed; every number written comes from it.
    public let matching: Matching
    /// The texts and number format of the output's language.
    public let strings: ReportStrings
    /// The `match.*` texts, read once from the nested tree.
    let texts: [String: String]
    var study: Study { matching.study }

    /// - Throws: `ReportTemplateError` when the bundled texts are missing.
    public init(matching: Matching, language: ReportLanguage) throws {
        self.matching = matching
        strings = try ReportStrings(language)
        texts = strings.tree["match"] as? [String: String] ?? [:]
    }

    // MARK: - Explanations

    /// The text at `match.<key>` with `{name}` placeholders filled in one pass (Foundation's
    /// `replacingOccurrences` per placeholder was a fifth of `match` for 12,500 explanations).
    func t(_ key: String, _ values: [String: String] = [:]) -> String { ReportStrings.fill(texts[key] ?? "match." + key, values) }

    func typeName(_ value: String?) -> String { value.map { strings.category($0) } ?? strings.category("unknown") }

    /// Why this partner, from the data: what it brings, how Burt's measures change, who can introduce.
    /// Parts are joined with "; ".
    public func explanation(_ c: MatchCandidate) -> String {
        var parts: [String] = []
        if let type = c.newPartnerType { parts.append(t("new_partner_type", ["value": typeName(type)])) }
        if let region = c.newRegion { parts.append(t("new_region", ["value": region])) }
        if let sector = c.newSector { parts.append(t("new_sector", ["value": sector])) }
        if c.newCommunity != nil { parts.append(t("new_community")) }
        if c.reachGained > 0 {
            var text = c.reachGained == 1 ? t("reach_one") : t("reach", ["n": String(c.reachGained)])
            let groups = c.reachedGroups.prefix(2).filter { $0.partnerType != nil }.map { group in
                group.region.map { t("reach_group_region", ["n": String(group.count), "type": typeName(group.partnerType), "region": $0]) }
                    ?? t("reach_group", ["n": String(group.count), "type": typeName(group.partnerType)])
            }
            if !groups.isEmpty { text += " (" + groups.joined(separator: ", ") + ")" }
            parts.append(text)
        }
        parts.append(t("constraint", ["before": strings.decimal(c.constraintBefore), "after": strings.decimal(c.constraintAfter)]))
        parts.append(t("effective_size", ["before": strings.decimal(c.effectiveSizeBefore, digits: 1),
                                          "after": strings.decimal(c.effectiveSizeAfter, digits: 1)]))
        if let before = c.betweennessBefore, let after = c.betweennessAfter {
            parts.append(t("betweenness", ["before": strings.decimal(before, digits: 3), "after": strings.decimal(after, digits: 3)]))
        }
        parts.append(c.distance.map { t("distance", ["n": String($0)]) } ?? t("unreachable"))
        if let first = c.introducers.first {
            var text = t("introducer", ["name": study.actors[first.actor].label])
            var detail = t(first.partnerTieStrong ? "introducer_strong" : "introducer_weak")
            if let quote = first.quote { detail += ": " + quoted(shortened(quote)) }
            text += " (" + detail + ")"
            let others = c.introducers.dropFirst().prefix(2).map { study.actors[$0.actor].label }
            if !others.isEmpty { text += ", " + others.joined(separator: ", ") }
            parts.append(text)
        }
        return parts.joined(separator: "; ")
    }

    func quoted(_ text: String) -> String { strings.language == .de ? "„" + text + "“" : "“" + text + "”" }

    /// At most 120 characters, cut at a word, with "…".
    func shortened(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 120 else { return flat }
        let cut = flat.prefix(120)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }

    // MARK: - Recommendations

    /// Candidates of several innovations.
    public func recommendations(_ lists: [(innovation: Int, candidates: [MatchCandidate])], format: MatchFormat) -> String {
        switch format {
        case .csv: return recommendationsCSV(lists)
        case .json: return recommendationsJSON(lists).serialized(indent: 2) + "\n"
        case .text: return recommendationsText(lists, markdown: false)
        case .md: return recommendationsText(lists, markdown: true)
        case .html: return page(title: t("title"), body: recommendationsHTML(lists))
        }
    }

    static let candidateColumns = [
        "innovation_id", "innovation_label", "rank", "partner_id", "partner_label", "partner_type", "region", "score",
        "distance", "common_neighbors", "jaccard", "adamic_adar", "resource_allocation", "constraint_before",
        "constraint_after", "effective_size_before", "effective_size_after", "betweenness_before", "betweenness_after",
        "new_partner_type", "new_region", "new_sector", "new_community", "reach_gained", "introducers", "explanation",
    ]

    func candidateCells(_ c: MatchCandidate, rank: Int) -> [CSVWriter.Cell] {
        let i = study.actors[c.innovation], p = study.actors[c.partner]
        func text(_ s: String?) -> CSVWriter.Cell { s.map { .text($0) } ?? .empty }
        return [
            .text(i.id), .text(i.label), .number(String(rank)), .text(p.id), .text(p.label),
            text(StudyReport.clean(p.partnerType)), text(StudyReport.clean(p.region)), NumberFormat.cell(c.score),
            c.distance.map { .number(String($0)) } ?? .empty, .number(String(c.commonNeighbors)),
            NumberFormat.cell(c.jaccard), NumberFormat.cell(c.adamicAdar), NumberFormat.cell(c.resourceAllocation),
            NumberFormat.cell(c.constraintBefore), NumberFormat.cell(c.constraintAfter),
            NumberFormat.cell(c.effectiveSizeBefore), NumberFormat.cell(c.effectiveSizeAfter),
            NumberFormat.cell(c.betweennessBefore ?? .nan), NumberFormat.cell(c.betweennessAfter ?? .nan),
            text(c.newPartnerType), text(c.newRegion), text(c.newSector),
            c.newCommunity.map { .number(String($0)) } ?? .empty, .number(String(c.reachGained)),
            .text(c.introducers.map { study.actors[$0.actor].id }.joined(separator: "; ")), .text(explanation(c)),
        ]
    }

    func recommendationsCSV(_ lists: [(innovation: Int, candidates: [MatchCandidate])]) -> String {
        var csv = CSVWriter()
        csv.header(Self.candidateColumns)
        for list in lists {
            for (k, c) in list.candidates.enumerated() { csv.row(candidateCells(c, rank: k + 1)) }
        }
        return csv.output
    }

    func actorJSON(_ v: Int) -> JSONValue {
        let actor = study.actors[v]
        return .object([
            ("id", .string(actor.id)), ("label", .string(actor.label)),
            ("partner_type", .string(StudyReport.clean(actor.partnerType))), ("region", .string(StudyReport.clean(actor.region))),
        ])
    }

    func candidateJSON(_ c: MatchCandidate) -> JSONValue {
        let n = NumberFormat.json
        let components = c.components
        return .object([
            ("partner", actorJSON(c.partner)), ("score", n(c.score)), ("explanation", .string(explanation(c))),
            ("distance", .int(c.distance)), ("common_neighbors", .int(c.commonNeighbors)), ("jaccard", n(c.jaccard)),
            ("adamic_adar", n(c.adamicAdar)), ("resource_allocation", n(c.resourceAllocation)),
            ("constraint", .object([("before", n(c.constraintBefore)), ("after", n(c.constraintAfter))])),
            ("effective_size", .object([("before", n(c.effectiveSizeBefore)), ("after", n(c.effectiveSizeAfter))])),
            ("betweenness", c.betweennessBefore == nil ? .null
                : .object([("before", n(c.betweennessBefore ?? .nan)), ("after", n(c.betweennessAfter ?? .nan))])),
            ("new_partner_type", .string(c.newPartnerType)), ("new_region", .string(c.newRegion)),
            ("new_sector", .string(c.newSector)), ("new_community", .int(c.newCommunity)),
            ("reach_gained", .int(c.reachGained)),
            ("reached", .array(c.reachedGroups.map { g in
                .object([("partner_type", .string(g.partnerType)), ("region", .string(g.region)), ("count", .int(g.count))])
            })),
            ("introducers", .array(c.introducers.map { z in
                .object([("actor", actorJSON(z.actor)), ("tie_to_partner_strong", .bool(z.partnerTieStrong)),
                         ("tie_to_innovation_strong", .bool(z.innovationTieStrong)), ("quote", .string(z.quote)),
                         ("source", .string(z.quoteMention.map { study.mentions.location($0).description }))])
            })),
            ("components", .object([
                ("new_partner_type", n(components.newPartnerType)), ("new_region", n(components.newRegion)),
                ("new_sector", n(components.newSector)), ("new_community", n(components.newCommunity)),
                ("constraint_drop", n(components.constraintDrop)), ("reach", n(components.reach)),
                ("introduced", n(components.introduced)), ("betweenness", n(components.betweenness)),
            ])),
        ])
    }

    var weightsJSON: JSONValue {
        .object(MatchWeights.names.map { ($0.name, NumberFormat.json(matching.weights[keyPath: $0.key])) })
    }

    func recommendationsJSON(_ lists: [(innovation: Int, candidates: [MatchCandidate])]) -> JSONValue {
        .object([
            ("weights", weightsJSON),
            ("betweenness_exact", .bool(matching.betweennessIsExact)),
            ("innovations", .array(lists.map { list in
                .object([("innovation", actorJSON(list.innovation)), ("candidates", .array(list.candidates.map(candidateJSON)))])
            })),
        ])
    }

    func partnerLine(_ c: MatchCandidate) -> String {
        let p = study.actors[c.partner]
        var tags = [typeName(StudyReport.clean(p.partnerType))]
        if let region = StudyReport.clean(p.region) { tags.append(region) }
        return p.label + " (" + tags.joined(separator: ", ") + ")"
    }

    func recommendationsText(_ lists: [(innovation: Int, candidates: [MatchCandidate])], markdown: Bool) -> String {
        var out = markdown ? "# " + t("title") + "\n\n" : ""
        for list in lists {
            let name = study.actors[list.innovation].label
            out += markdown ? "## \(name)\n\n" : "\(name)\n"
            if list.candidates.isEmpty { out += (markdown ? "" : "  ") + t("nothing") + "\n\n"; continue }
            for (k, c) in list.candidates.enumerated() {
                let score = strings.decimal(c.score)
                if markdown {
                    out += "\(k + 1). **\(markdownEscaped(partnerLine(c)))** — \(t("score")) \(score)  \n   \(markdownEscaped(explanation(c)))\n"
                } else {
                    out += "  \(k + 1). \(partnerLine(c)) — \(t("score")) \(score)\n     \(explanation(c))\n"
                }
            }
            out += "\n"
        }
        return out
    }

    func markdownEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    func h(_ text: String) -> String { MarkupEscaping.html.escape(text) }

    func recommendationsHTML(_ lists: [(innovation: Int, candidates: [MatchCandidate])]) -> String {
        var body = "<h1>\(h(t("title")))</h1>\n"
        for list in lists {
            body += "<section><h2>\(h(study.actors[list.innovation].label))</h2>\n<ol>\n"
            for c in list.candidates {
                body += "<li><strong>\(h(partnerLine(c)))</strong> — \(h(t("score"))) \(h(strings.decimal(c.score)))<br><span class=\"why\">\(h(explanation(c)))</span></li>\n"
            }
            if list.candidates.isEmpty { body += "<li>\(h(t("nothing")))</li>\n" }
            body += "</ol></section>\n"
        }
        return body
    }

    func page(title: String, body: String) -> String { StandalonePage.html(title: title, language: strings.language, body: body) }

    // MARK: - Event plans

    /// An event plan: CSV (one row per meeting), JSON, Markdown or HTML (table plan per round and a
    /// printable agenda per person), text.
    public func plan(_ plan: EventPlan, format: MatchFormat) -> String {
        switch format {
        case .csv: return planCSV(plan)
        case .json: return planJSON(plan).serialized(indent: 2) + "\n"
        case .text, .md: return planMarkdown(plan, markdown: format == .md)
        case .html: return page(title: t("plan_title"), body: planHTML(plan))
        }
    }

    func planCSV(_ plan: EventPlan) -> String {
        var csv = CSVWriter()
        csv.header(["round", "table", "partner_id", "partner_label", "innovation_id", "innovation_label", "gain", "fixed", "explanation"])
        let tables = tableNumbers(plan)
        for m in plan.meetings {
            let p = study.actors[m.partner], i = study.actors[m.innovation]
            csv.row([.number(String(m.round)), .number(String(tables[m.partner]!)), .text(p.id), .text(p.label),
                     .text(i.id), .text(i.label), NumberFormat.cell(m.gain), .text(m.isFixed ? "true" : "false"),
                     .text(m.candidate.map(explanation) ?? "")])
        }
        return csv.output
    }

    /// Table numbers: partners by label, from 1.
    func tableNumbers(_ plan: EventPlan) -> [Int: Int] {
        let partners = Set(plan.meetings.map(\.partner)).sorted { Actor.byLabel(study.actors[$0], study.actors[$1]) }
        return Dictionary(uniqueKeysWithValues: partners.enumerated().map { ($1, $0 + 1) })
    }

    func planJSON(_ plan: EventPlan) -> JSONValue {
        let tables = tableNumbers(plan)
        return .object([
            ("rounds", .int(plan.request.rounds)), ("seats_per_table", .int(plan.request.seatsPerTable)),
            ("seed", .string(String(plan.request.seed))), ("weights", weightsJSON),
            ("total_gain", NumberFormat.json(plan.totalGain)), ("candidate_pairs", .int(plan.candidatePairs)),
            ("meetings", .array(plan.meetings.map { m in
                .object([("round", .int(m.round)), ("table", .int(tables[m.partner]!)), ("partner", actorJSON(m.partner)),
                         ("innovation", actorJSON(m.innovation)), ("gain", NumberFormat.json(m.gain)), ("fixed", .bool(m.isFixed)),
                         ("explanation", .string(m.candidate.map(explanation)))])
            })),
        ])
    }

    /// Each attendee's meetings by round.
    func agendas(_ plan: EventPlan) -> [(actor: Int, meetings: [Meeting])] {
        var byActor: [Int: [Meeting]] = [:]
        for m in plan.meetings {
            byActor[m.innovation, default: []].append(m)
            byActor[m.partner, default: []].append(m)
        }
        let attendees = Set(plan.request.innovations + plan.request.partners)
        return attendees.sorted { Actor.byLabel(study.actors[$0], study.actors[$1]) }.map { ($0, byActor[$0] ?? []) }
    }

    func planMarkdown(_ plan: EventPlan, markdown: Bool) -> String {
        let tables = tableNumbers(plan)
        let e = markdown ? markdownEscaped : { $0 }
        var out = (markdown ? "# " : "") + t("plan_title") + "\n\n"
        out += "\(t("total_gain")): \(strings.decimal(plan.totalGain))\n\n"
        out += (markdown ? "## " : "") + t("table_plan") + "\n\n"
        for r in 1...plan.request.rounds {
            out += (markdown ? "### " : "") + "\(t("round")) \(r)\n\n"
            if markdown { out += "| \(t("table")) | \(t("partner")) | \(t("innovation")) | \(t("score")) |\n|---|---|---|---|\n" }
            for m in plan.meetings where m.round == r {
                let p = e(study.actors[m.partner].label), i = e(study.actors[m.innovation].label)
                let fixed = m.isFixed ? " (\(t("fixed")))" : ""
                out += markdown ? "| \(tables[m.partner]!) | \(p) | \(i)\(fixed) | \(strings.decimal(m.gain)) |\n"
                    : "  \(t("table")) \(tables[m.partner]!): \(p) \(t("meets")) \(i)\(fixed) — \(strings.decimal(m.gain))\n"
            }
            out += "\n"
        }
        out += (markdown ? "## " : "") + t("agenda") + "\n\n"
        for (actor, meetings) in agendas(plan) {
            out += (markdown ? "### " : "") + e(study.actors[actor].label) + "\n\n"
            for m in meetings {
                let other = m.innovation == actor ? m.partner : m.innovation
                out += (markdown ? "- " : "  ") + "\(t("round")) \(m.round), \(t("table")) \(tables[m.partner]!): \(e(study.actors[other].label))"
                if m.innovation == actor, let c = m.candidate { out += " — " + e(explanation(c)) }
                out += "\n"
            }
            if meetings.isEmpty { out += (markdown ? "- " : "  ") + "–\n" }
            out += "\n"
        }
        return out
    }

    func planHTML(_ plan: EventPlan) -> String {
        let tables = tableNumbers(plan)
        var body = "<h1>\(h(t("plan_title")))</h1>\n<p>\(h(t("total_gain"))): \(h(strings.decimal(plan.totalGain)))</p>\n"
        body += "<h2>\(h(t("table_plan")))</h2>\n"
        for r in 1...plan.request.rounds {
            body += "<h3>\(h(t("round"))) \(r)</h3>\n<table><thead><tr><th>\(h(t("table")))</th><th>\(h(t("partner")))</th><th>\(h(t("innovation")))</th><th>\(h(t("score")))</th></tr></thead><tbody>\n"
            for m in plan.meetings where m.round == r {
                let fixed = m.isFixed ? " (\(h(t("fixed"))))" : ""
                body += "<tr><td>\(tables[m.partner]!)</td><td>\(h(study.actors[m.partner].label))</td><td>\(h(study.actors[m.innovation].label))\(fixed)</td><td>\(h(strings.decimal(m.gain)))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "<h2>\(h(t("agenda")))</h2>\n"
        for (actor, meetings) in agendas(plan) {
            body += "<section class=\"agenda\"><h3>\(h(study.actors[actor].label))</h3>\n<table><thead><tr><th>\(h(t("round")))</th><th>\(h(t("table")))</th><th>\(h(t("meets")))</th><th>\(h(t("why")))</th></tr></thead><tbody>\n"
            for m in meetings {
                let other = m.innovation == actor ? m.partner : m.innovation
                let why = m.candidate.map(explanation) ?? ""
                body += "<tr><td>\(m.round)</td><td>\(tables[m.partner]!)</td><td>\(h(study.actors[other].label))</td><td class=\"why\">\(h(why))</td></tr>\n"
            }
            body += "</tbody></table></section>\n"
        }
        return body
    }

    // MARK: - Backtest

    /// A backtest: precision and recall at each k of every ranking method (three decimals in text,
    /// Markdown and HTML), with the counts of the ties up to and after `b.year`.
    public func backtest(_ b: MatchBacktest, format: MatchFormat) -> String {
        switch format {
        case .json:
            let n = NumberFormat.json
            return JSONValue.object([
                ("year", .int(b.year)), ("ks", .array(b.ks.map { .int($0) })), ("earlier_ties", .int(b.earlierTies)),
                ("later_ties", .int(b.laterTies)), ("ties_without_year", .int(b.tiesWithoutYear)),
                ("predictable_ties", .int(b.predictableTies)), ("unpredictable_ties", .int(b.unpredictableTies)),
                ("other_later_ties", .int(b.otherLaterTies)),
                ("innovations_evaluated", .int(b.innovationsEvaluated)), ("weights", weightsJSON),
                ("methods", .array(b.methods.map { m in
                    .object([("name", .string(m.name)), ("precision", .array(m.precision.map(n))), ("recall", .array(m.recall.map(n)))])
                })),
            ]).serialized(indent: 2) + "\n"
        case .csv:
            var csv = CSVWriter()
            csv.header(["method", "k", "precision", "recall"])
            for m in b.methods {
                for (kk, k) in b.ks.enumerated() {
                    csv.row([.text(m.name), .number(String(k)), NumberFormat.cell(m.precision[kk]), NumberFormat.cell(m.recall[kk])])
                }
            }
            return csv.output
        case .text, .md, .html:
            let counts = t("backtest_counts", [
                "earlier": String(b.earlierTies), "later": String(b.laterTies), "predictable": String(b.predictableTies),
                "unpredictable": String(b.unpredictableTies), "other": String(b.otherLaterTies),
                "noyear": String(b.tiesWithoutYear), "evaluated": String(b.innovationsEvaluated)])
            let title = t("backtest_title") + ": " + t("backtest_span", ["year": String(b.year)])
            let header = [t("method")] + b.ks.flatMap { ["P@\($0)", "R@\($0)"] }
            let rows = b.methods.map { m in [m.name] + b.ks.indices.flatMap { [strings.decimal(m.precision[$0], digits: 3), strings.decimal(m.recall[$0], digits: 3)] } }
            switch format {
            case .html:
                var body = "<h1>\(h(title))</h1>\n<p>\(h(counts))</p>\n<table><thead><tr>"
                body += header.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                body += rows.map { "<tr>" + $0.map { "<td>\(h($0))</td>" }.joined() + "</tr>\n" }.joined()
                return page(title: title, body: body + "</tbody></table>\n")
            case .md:
                var out = "# \(markdownEscaped(title))\n\n\(markdownEscaped(counts))\n\n"
                out += "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
                return out + rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
            default:
                let widths = header.indices.map { c in max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
                func line(_ cells: [String]) -> String {
                    cells.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                        .joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
                }
                return title + "\n\n" + counts + "\n\n" + line(header) + "\n" + rows.map(line).joined(separator: "\n") + "\n"
            }
        }
    }
}
