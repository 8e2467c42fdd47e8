import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesStudy

extension StudyReport {
    /// Version of the JSON schema (`Docs/Report.md`): raised when a key is renamed or removed or its
    /// meaning changes; new keys may appear within a version.
    public static let schemaVersion = 1

    /// The report as JSON: the documented schema, and the variables of the templates.
    /// Key order is fixed; NaN is `null`.
    public var json: JSONValue {
        .object([
            ("schema_version", .int(StudyReport.schemaVersion)),
            ("study", overviewJSON),
            ("innovations", .array(innovations.map(innovationJSON))),
        ])
    }

    func number(_ value: Double) -> JSONValue { NumberFormat.json(value) }

    func actorJSON(_ v: Int) -> JSONValue {
        let actor = study.actors[v]
        return .object([
            ("id", .string(actor.id)), ("label", .string(actor.label)), ("kind", .string(actor.kind.rawValue)),
            ("partner_type", .string(StudyReport.clean(actor.partnerType)?.lowercased())),
            ("region", .string(StudyReport.clean(actor.region))), ("sector", .string(StudyReport.clean(actor.sector))),
        ])
    }

    func granovetterJSON(_ g: GranovetterCounts) -> JSONValue {
        .object([("bridges", .int(g.bridges)), ("weak_bridges", .int(g.weakBridges)),
                 ("local_bridges", .int(g.localBridges)), ("weak_local_bridges", .int(g.weakLocalBridges))])
    }

    var overviewJSON: JSONValue {
        let o = overview
        func diagnostics(_ list: [Diagnostic]) -> JSONValue {
            .array(list.map { .object([("location", .string(cite($0.location))), ("message", .string(shortened($0.message)))]) })
        }
        return .object([
            ("actors", .int(o.actors)), ("innovations", .int(o.innovations)), ("partners", .int(o.partners)),
            ("ties", .int(o.ties)), ("strong_ties", .int(o.strongTies)), ("weak_ties", .int(o.weakTies)),
            ("weak_tie_share", number(o.weakTieShare)), ("mentions", .int(o.mentions)), ("interviews", .int(o.interviews)),
            ("components", .int(o.components)), ("density", number(o.density)), ("transitivity", number(o.transitivity)),
            ("granovetter", granovetterJSON(o.granovetter)),
            ("ei_region", number(o.eiRegion)), ("ei_partner_type", number(o.eiPartnerType)),
            ("strength_rule", .string(study.options.strengthRule.rawValue)),
            ("consensus", .string(study.options.consensus.description)),
        ] + (options.only.map { [("ties_only", JSONValue.string($0.name))] } ?? []) + [
            ("data_quality", .object([
                ("coders", .array(o.coders.map {
                    .object([("coder", .string($0.coder)), ("mentions", .int($0.mentions)), ("interviews", .int($0.interviews))])
                })),
                ("strength_disagreements", .int(o.strengthDisagreements)),
                ("undeclared_actors", .int(o.undeclaredActors)),
                ("warnings", diagnostics(o.warnings)),
                ("notices", diagnostics(o.notices)),
            ])),
            ("reliability", reliabilityJSON),
            ("growth", growthJSON),
            ("comparison", growth.comparison.map { ComparisonOutput(comparison: $0).json() } ?? .null),
            ("qap", growth.qap.map { QAPRegressionOutput(regression: $0, actors: study.actors.count).json() } ?? .null),
            ("files", .array(study.sources.map {
                .object([("path", .string(citedFileName($0.path))), ("role", .string($0.role.rawValue)), ("rows", .int($0.rows)),
                         ("encoding", .string($0.encoding)), ("delimiter", .string($0.delimiter))])
            })),
        ])
    }

    func innovationJSON(_ r: InnovationReport) -> JSONValue {
        func categories(_ list: [CategoryCount]) -> JSONValue {
            .array(list.map { .object([("category", JSONValue.string($0.category)), ("count", .int($0.count)),
                                       ("strong", .int($0.strong)), ("weak", .int($0.weak))]) })
        }
        func values(_ list: [ValueCount]) -> JSONValue {
            .array(list.map { .object([("value", .string($0.value)), ("ties", .int($0.ties))]) })
        }
        let o = r.openness, c = r.centrality, i = r.initiation
        return .object([
            ("id", .string(r.id)), ("label", .string(r.label)), ("slug", .string(r.slug)),
            ("region", .string(r.region)), ("sector", .string(r.sector)),
            ("established", .bool(r.established)), ("founded", .int(r.founded)),
            ("tie_count", .int(r.tieCount)), ("strong_ties", .int(r.strongTies)), ("weak_ties", .int(r.weakTies)),
            ("weak_tie_share", number(r.weakTieShare)),
            ("partners_by_type", categories(r.partnersByType)),
            ("partners_by_region", categories(r.partnersByRegion)),
            ("granovetter", granovetterJSON(r.granovetter)),
            ("openness", .object([
                ("ei_region", number(o.eiRegion)), ("ei_partner_type", number(o.eiPartnerType)),
                ("ei_sector", number(o.eiSector)), ("blau_partner_type", number(o.blauPartnerType)),
                ("blau_region", number(o.blauRegion)), ("outside_region_share", number(o.outsideRegionShare)),
                ("outside_sector_share", number(o.outsideSectorShare)), ("ego_density", number(o.egoDensity)),
                ("constraint", number(o.constraint)), ("effective_size", number(o.effectiveSize)),
                ("efficiency", number(o.efficiency)),
            ])),
            ("centrality", .object([
                ("degree", .int(c.degree)), ("betweenness_normalized", number(c.betweennessNormalized)),
                ("closeness", number(c.closeness)), ("pagerank", number(c.pageRank)),
            ])),
            ("initiation", .object(InitiatorRole.allCases.map { ($0.rawValue, .int(i.counts[$0] ?? 0)) } + [
                ("innovation_share", number(i.innovationShare)), ("partner_share", number(i.partnerShare)),
                ("both_share", number(i.bothShare)), ("third_share", number(i.thirdShare)),
                ("pattern", .string(i.pattern)),
            ])),
            ("proximity", .array(r.proximity.map {
                .object([("dimension", .string($0.dimension.rawValue)), ("low", .int($0.low)), ("medium", .int($0.medium)),
                         ("high", .int($0.high)), ("uncoded", .int($0.uncoded)), ("mean", number($0.mean))])
            })),
            ("motives", values(r.motives)),
            ("benefits", values(r.benefits)),
            ("ties", .array(r.ties.map(tieJSON))),
            ("disagreements", .array(agreement?.disagreements(involving: r.actor).map { disagreementJSON($0, of: r.actor) } ?? [])),
            ("growth", innovationGrowthJSON(r.actor)),
            ("ties_to_strengthen", .array(r.tiesToStrengthen.map(suggestionJSON))),
            ("partners_to_meet", .array(r.partnersToMeet.map(suggestionJSON))),
        ])
    }

    func tieJSON(_ t: TieEvidence) -> JSONValue {
        let m = study.mentions
        let extraColumns = m.columnNames.enumerated().filter { TieField(rawValue: $0.element) == nil }
        return .object([
            ("partner", actorJSON(t.partner)), ("strength", .string(t.strength.name)),
            ("strong_votes", .int(t.strongVotes)), ("weak_votes", .int(t.weakVotes)),
            ("bridge", .bool(t.isBridge)), ("local_bridge_span", number(t.localBridgeSpan)),
            ("initiator", .string(t.initiator.rawValue)), ("since", .int(t.since)),
            ("mentions", .array(t.mentions.map { row in
                let location = m.location(row)
                var fields: [(String, JSONValue)] = [
                    ("interview", .string(m.text(TieField.interview.rawValue, row))),
                    ("coder", .string(m.text(TieField.coder.rawValue, row))),
                    ("coded_strength", .string(m.text(TieField.strength.rawValue, row))),
                    ("initiator", .string(m.text(TieField.initiator.rawValue, row))),
                    ("since", .int(m.since(row))),
                    ("proximity", .object(ProximityDimension.allCases.map { ($0.rawValue, .string(m.proximity($0, row)?.name)) })),
                    ("motive", .string(m.text(TieField.motive.rawValue, row))),
                    ("benefit", .string(m.text(TieField.benefit.rawValue, row))),
                    ("quote", .string(m.text(TieField.quote.rawValue, row))),
                    ("file", .string(citedFileName(location.file))), ("line", .int(location.line)),
                ]
                fields.append(("extra", .object(extraColumns.map { ($0.element, .string(m.cells[$0.offset][row])) })))
                return .object(fields)
            })),
        ])
    }

    func suggestionJSON(_ s: Suggestion) -> JSONValue {
        .object([
            ("partner", actorJSON(s.partner)), ("reasons", .array(s.reasons.map { .string($0) })),
            ("introducers", .array(s.introducers.map(actorJSON))), ("score", number(s.score)),
        ])
    }

    /// Inter-coder agreement: every estimate (all coders, then pairs) and the disagreement counts;
    /// `null` without double coding.
    var reliabilityJSON: JSONValue {
        guard let a = agreement else { return .null }
        func estimate(_ e: ReliabilityEstimate) -> JSONValue {
            .object([
                ("coders", .array(e.coders.map { .string($0) })), ("variable", .string(e.variable.name)),
                ("level", .string(e.variable.level.rawValue)), ("interviews", .int(e.interviews)), ("units", .int(e.units)),
                ("percent_agreement", number(e.percentAgreement)), ("cohen_kappa", number(e.cohenKappa)),
                ("fleiss_kappa", number(e.fleissKappa)), ("alpha", number(e.alpha)),
                ("alpha_low", number(e.alphaInterval.low)), ("alpha_high", number(e.alphaInterval.high)),
            ])
        }
        return .object([
            ("coders", .array(a.coders.map { .string($0) })), ("compared_interviews", .int(a.comparedInterviews.count)),
            ("single_coded_interviews", .int(a.singleCodedInterviews)), ("presence_units", .string(a.options.presenceUnits.rawValue)),
            ("replicates", .int(a.options.replicates)), ("seed", .string(String(a.options.seed))),
            ("confidence", number(a.options.confidence)),
            ("estimates", .array(a.overall.map(estimate))), ("pairs", .array(a.pairs.map(estimate))),
            ("disagreements", .int(a.disagreements.count)),
            ("disagreement_interviews", .int(Set(a.disagreements.map(\.interview)).count)),
            ("presence_disputes", .int(a.disagreements.count(where: \.isPresenceDisputed))),
        ])
    }

    /// One disagreement on a tie of `innovation`: the partner, each field's values by coder, where.
    func disagreementJSON(_ d: Disagreement, of innovation: Int) -> JSONValue {
        let other = Int(study.ties.source[d.tie]) == innovation ? Int(study.ties.target[d.tie]) : Int(study.ties.source[d.tie])
        return .object([
            ("interview", .string(d.interview)), ("partner", actorJSON(other)),
            ("differences", .array(d.differences.map { diff in
                .object([("field", .string(diff.field)),
                         ("values", .array(zip(d.coders, diff.values).map { .object([("coder", .string($0)), ("value", .string($1))]) }))])
            })),
            ("where", .array(d.mentions.flatMap { $0 }.sorted().map { .string(cite(study.mentions.location(Int($0)))) })),
        ])
    }

    /// The study's years and the establishment tests (without their per-innovation shares, which are
    /// on each innovation's `growth`); `null` when no tie has a year.
    var growthJSON: JSONValue {
        guard let t = growth.timeline else { return .null }
        let output = TimelineOutput(timeline: t, establishment: growth.establishment)
        return .object([
            ("first_year", .int(t.years.lowerBound)), ("last_year", .int(t.years.upperBound)),
            ("undated", .string(t.options.undated.rawValue)), ("undated_ties", .int(t.undatedTies)),
            ("years", .array(t.studyYears.map(TimelineOutput.studyYearJSON))),
            ("establishment", .array(growth.establishment.map { e in
                guard case .object(let fields) = output.establishmentJSON(e) else { return .null }
                return .object([("outcome", .string(e.options.outcome.rawValue))] + fields.filter { $0.0 != "innovations" })
            })),
        ])
    }

    /// One innovation's years from its first tie on, and its early and later partner-initiated shares;
    /// `null` when no tie has a year.
    func innovationGrowthJSON(_ actor: Int) -> JSONValue {
        guard let years = growth.timeline?.activeYears(of: actor) else { return .null }
        let n = NumberFormat.json
        let test = growth.establishment.first { $0.options.outcome == .partnerInitiated }
        let shares: JSONValue = test?.innovations.first { $0.actor == actor }.map { i in
                .object([("early_years", .int(test!.options.earlyYears)), ("early", .int(i.early)), ("early_by_partner", .int(i.earlyByPartner)), ("later", .int(i.later)),
                         ("later_by_partner", .int(i.laterByPartner)), ("early_share", n(i.earlyShare)), ("later_share", n(i.laterShare))])
            } ?? .null
        return .object([("years", .array(years.map(TimelineOutput.innovationYearJSON))), ("partner_initiated", shares)])
    }

    // MARK: Citing the input files

    /// The name a report cites an input file by: its file name, or as many trailing folders as tell it
    /// apart from the study's other inputs (`a/ties.csv`, `b/ties.csv`). Never the path the command was
    /// given: a report is handed on, and `/home/…` would show the researcher's folders to everyone it
    /// reaches (the full paths stay in `run.json`).
    func citedFileName(_ path: String) -> String {
        citedNames[path] ?? Self.citedFileName(path, among: study.sources.map(\.path))
    }

    /// `path`'s file name with as many trailing folders as tell it apart from `paths`.
    static func citedFileName(_ path: String, among paths: [String]) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        var k = 1
        while k < parts.count && paths.contains(where: { $0 != path && $0.split(separator: "/").suffix(k) == parts.suffix(k) }) { k += 1 }
        return parts.suffix(k).joined(separator: "/")
    }

    /// A location as the report cites it: `ties.csv:16`, `ties.csv:16:3`.
    func cite(_ location: SourceLocation) -> String {
        SourceLocation(file: citedFileName(location.file), line: location.line, column: location.column).description
    }

    /// A message with the inputs' paths replaced by their cited names (messages quote locations).
    func shortened(_ message: String) -> String {
        study.sources.map(\.path).sorted { $0.count > $1.count }.reduce(message) { text, path in
            path.contains("/") ? text.replacingOccurrences(of: path, with: citedFileName(path)) : text
        }
    }
}
