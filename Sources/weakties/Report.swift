import ArgumentParser
import Foundation
import WeakTies

struct Report: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the weak-tie report of every innovation: HTML, Markdown, JSON or CSV.",
        discussion: """
            Per innovation: its ego map, partners by type and region, strong and weak ties, bridges and \
            local bridges (Granovetter's test), openness (E-I index, Blau diversity, partners outside its \
            region and sector, ego density, constraint, effective size, efficiency), who initiated its \
            ties, its proximity profile, motives and benefits, every tie with its quotes, and suggestions: \
            weak ties worth strengthening and partners worth meeting. Plus an overview of the study \
            (index.html or index.md). Every number comes from the JSON schema (--format json; see \
            Docs/Report.md). A run.json manifest beside the report records the version, the inputs with \
            SHA-256 and the options; the same input and options give byte-identical files.

            Output (in --output DIR, written all-or-nothing): html: index.html and one self-contained \
            page per innovation; md: index.md, one page per innovation and maps/*.svg; json: report.json; \
            csv: innovations.csv; pdf: index.pdf and one A4 handout per innovation, printed by headless \
            Chromium (needs chromium on PATH; exit 69 without it).

            Examples:
              weakties report Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output report
              weakties report ties.csv --nodes nodes.csv --lang de --output bericht
              weakties report ties.csv --nodes nodes.csv --innovation "Repair-Café Cracau" --format md --output md
              weakties report ties.csv --nodes nodes.csv --format csv --excel-de --output tabelle
              weakties report ties.csv --nodes nodes.csv --innovation "Repair-Café Cracau" --format pdf --output handout
              weakties report --write-templates my-templates
              weakties report ties.csv --nodes nodes.csv --template my-templates --output report
              weakties report big/ties.csv --nodes big/nodes.csv --actor-map-limit 5000 --output report

            The study map shows every actor up to --group-map-above actors (300); above, groups of \
            region × partner type, with the map of every actor on a zoomable page of its own (map.html) \
            up to --actor-map-limit actors (2,000).
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(help: "Report on the network of strong or of weak ties only (every actor kept; as metrics --only).")
    var only: TieStrength?

    @Option(name: .long, help: "Report only on this innovation (by id); repeat for several.")
    var innovation: [String] = []

    @Option(help: "Output format.")
    var format: ReportFormat = .html

    @Option(name: .shortAndLong, help: "Output directory (created; files in it are replaced).")
    var output: String?

    @Option(help: "Language of the pages.")
    var lang: ReportLanguage = .en

    @Option(help: "A directory with your own mustache templates (html-index.mustache, html-innovation.mustache, …).")
    var template: String?

    @Option(name: .long, help: "Write the bundled templates into this new directory to start your own from (no ties table needed), then stop.")
    var writeTemplates: String?

    @Flag(help: "CSV for German Excel: ';' delimiter, decimal commas, UTF-8 byte-order mark.")
    var excelDe = false

    @Option(parsing: .unconditional, help: "Layout seed of the maps.")
    var seed = 1

    @Option(parsing: .unconditional, help: "How many weak ties to strengthen and partners to meet are listed per innovation.")
    var suggestions = 5

    @Option(parsing: .unconditional, help: "Above this many actors the study map shows groups of actors (region × partner type) instead of every actor.")
    var groupMapAbove = 300

    @Option(parsing: .unconditional, help: "Up to this many actors, a study whose map shows groups also gets the zoomable map of every actor (map.html; Markdown: maps/actors.svg); 0: never.")
    var actorMapLimit = 2000

    @Option(help: "Where the pages link the metric definitions (default: the Docs/Metrics folder of the working directory, if there is one).")
    var docsUrl: String?

    func validate() throws {
        if writeTemplates != nil {
            if !input.ties.isEmpty || output != nil { throw ValidationError("--write-templates only writes the templates; drop the ties tables and --output") }
            return
        }
        if output == nil { throw ValidationError("give the report's directory with --output") }
        if excelDe && format != .csv { throw ValidationError("--excel-de applies to --format csv only") }
        if suggestions < 0 { throw ValidationError("--suggestions must be 0 or more") }
        if groupMapAbove < 0 || actorMapLimit < 0 { throw ValidationError("--group-map-above and --actor-map-limit must be 0 or more") }
        if let template {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: template, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw ValidationError("--template '\(template)' is not a directory")
            }
        }
    }

    func execute() throws {
        if let directory = writeTemplates {
            let names = try ReportWriter.writeTemplates(into: directory)
            print("\(names.count) templates written to \(directory)/; edit them and pass --template \(directory)")
            return
        }
        let output = output!  // validate() requires it without --write-templates
        let progress = Progress(quiet: input.quiet)
        let rendering = ReportRendering(format: format, language: lang, templateDirectory: template, excelGerman: excelDe,
                                        docsBase: docsUrl ?? ReportWriter.localDocs(output: output))
        let run = ReportWriter.Run(toolVersion: weakTiesVersion, inputs: input.inputFiles, options: [
            ("format", .string(format.rawValue)), ("lang", .string(lang.rawValue)),
            ("innovations", .array(innovation.map { .string($0) })), ("excel_de", .bool(excelDe)),
            ("template", .string(template)), ("seed", .int(seed)), ("suggestions", .int(suggestions)),
            ("strength_rule", .string(input.strengthRule.rawValue)), ("strong_threshold", .double(input.strongThreshold)),
            ("consensus", .string(input.consensus.description)), ("aliases", .string(input.aliases)),
            ("delimiter", .string(input.delimiter?.rawValue)), ("docs_url", .string(rendering.docsBase)),
            ("only", .string(only?.rawValue)), ("group_map_above", .int(groupMapAbove)), ("actor_map_limit", .int(actorMapLimit)),
        ])
        let main = try ReportWriter.write(
            loading: input.loadStudy, options: ReportOptions(innovations: innovation, suggestions: suggestions, seed: seed, only: only?.strength,
                                                        groupMapAbove: groupMapAbove, actorMapLimit: actorMapLimit),
            rendering: rendering, run: run, to: output, observer: .init(stage: progress.say, time: progress.time))
        print(main)
    }
}
