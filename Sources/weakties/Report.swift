import ArgumentParser
import Foundation
import WeakTies

struct Report: ParsableCommand {
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
            csv: innovations.csv.

            Examples:
              weakties report Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output report
              weakties report ties.csv --nodes nodes.csv --lang de --output bericht
              weakties report ties.csv --nodes nodes.csv --innovation "Repair-Café Cracau" --format md --output md
              weakties report ties.csv --nodes nodes.csv --format csv --excel-de --output tabelle
              weakties report ties.csv --nodes nodes.csv --template my-templates --output report
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(name: .long, help: "Report only on this innovation (by id); repeat for several.")
    var innovation: [String] = []

    @Option(help: "html, md, json or csv.")
    var format = "html"

    @Option(name: .shortAndLong, help: "Output directory (created; files in it are replaced).")
    var output: String

    @Option(help: "Language of the pages: en or de.")
    var lang = "en"

    @Option(help: "A directory with your own mustache templates (html-index.mustache, html-innovation.mustache, …).")
    var template: String?

    @Flag(help: "CSV for German Excel: ';' delimiter, decimal commas, UTF-8 byte-order mark.")
    var excelDe = false

    @Option(parsing: .unconditional, help: "Layout seed of the maps.")
    var seed = 1

    @Option(parsing: .unconditional, help: "How many weak ties to strengthen and partners to meet are listed per innovation.")
    var suggestions = 5

    @Option(help: "Where the pages link the metric definitions (default: the Docs/Metrics folder of the working directory, if there is one).")
    var docsUrl: String?

    func validate() throws {
        if ReportFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)' (expected html, md, json or csv)")
        }
        if ReportLanguage(rawValue: lang) == nil { throw ValidationError("unknown language '\(lang)' (expected en or de)") }
        if excelDe && format != "csv" { throw ValidationError("--excel-de applies to --format csv only") }
        if suggestions < 0 { throw ValidationError("--suggestions must be 0 or more") }
        if let template {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: template, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw ValidationError("--template '\(template)' is not a directory")
            }
        }
    }

    func run() throws {
        let progress = Progress(quiet: input.quiet)
        // Graphviz loads its plugins and fonts while the study is read and its metrics computed.
        if format == "html" || format == "md" { Thread { StudyReport.prepareMaps() }.start() }
        progress.say("reading the study")
        var start = Date()
        let study = try input.loadStudy()
        progress.time("import", Date().timeIntervalSince(start))
        let rendering = ReportRendering(format: ReportFormat(rawValue: format)!, language: ReportLanguage(rawValue: lang)!,
                                        templateDirectory: template, excelGerman: excelDe,
                                        docsBase: docsUrl ?? Report.localDocs(output: output))
        var files: [ReportFile]
        do {
            progress.say("computing the metrics")
            start = Date()
            let reportOptions = ReportOptions(innovations: innovation, suggestions: suggestions, seed: seed)
            // The maps need the study only: drawn on another thread from now on, while the metrics are
            // computed and the pages rendered. (A request list that cannot be made fails again, with
            // its message, in StudyReport below.)
            let mapsDone = Clock()
            var early: (requests: [ReportMapRequest], maps: Background<[String]>)?
            if rendering.format == .html || rendering.format == .md,
               let requests = try? StudyReport.mapRequests(study: study, options: reportOptions, language: rendering.language) {
                early = (requests, Background {
                    let cpuStart = Clock.threadCPU()
                    defer { mapsDone.stop(cpu: Clock.threadCPU() - cpuStart) }
                    return try StudyReport.maps(study: study, requests)
                })
            }
            let report = try StudyReport(study: study, options: reportOptions)
            progress.time("metrics", Date().timeIntervalSince(start))
            progress.say(rendering.format == .html || rendering.format == .md ? "drawing \(report.innovations.count + 1) maps and writing the pages" : "writing")
            let drawing = early
            files = try report.files(rendering) { requests in
                if let drawing, drawing.requests == requests { return try drawing.maps.value() }
                return try report.maps(requests)
            }
            // The maps are drawn while the metrics are computed and the pages rendered.
            progress.time("maps", mapsDone.seconds(since: start))
            progress.time("maps_cpu", mapsDone.cpu)
            progress.time("metrics_pages_and_maps", Date().timeIntervalSince(start))
        } catch let error as ReportError {
            Console.printError(error.description)
            if case .mapWithoutSVG = error { throw ExitCode(ExitCodes.internalError) }
            throw ExitCode(ExitCodes.usage)
        } catch let error as ReportTemplateError {
            Console.printError(error.description)
            if case .missingResource = error { throw ExitCode(ExitCodes.internalError) }
            throw ExitCode(error.isUnreadable ? ExitCodes.ioError : ExitCodes.dataError)
        } catch let error as RenderError {
            Console.printError(error.description)
            throw ExitCode(ExitCodes.internalError)
        } catch {
            // Metric and map errors cannot arise from a study that loaded; if one does, it is a bug.
            Console.printError("internal error: \(error)")
            throw ExitCode(ExitCodes.internalError)
        }
        let inputs = input.ties.map { ($0, "ties") } + (input.nodes.map { [($0, "nodes")] } ?? [])
        let options: [(String, JSONValue)] = [
            ("format", .string(format)), ("lang", .string(lang)), ("innovations", .array(innovation.map { .string($0) })),
            ("excel_de", .bool(excelDe)), ("template", .string(template)), ("seed", .int(seed)),
            ("suggestions", .int(suggestions)), ("strength_rule", .string(input.strengthRule)),
            ("strong_threshold", .double(input.strongThreshold)), ("delimiter", .string(input.delimiter)),
            ("docs_url", .string(rendering.docsBase)),
        ]
        start = Date()
        defer { progress.time("writing", Date().timeIntervalSince(start)) }
        do {
            let manifest = try RunManifest.json(toolVersion: weakTiesVersion, command: "report", inputs: inputs,
                                                options: options, outputs: files)
            files.append(ReportFile(path: "run.json", data: Data((manifest.serialized(indent: 2) + "\n").utf8)))
            let previous = Report.previousOutputs(in: output)
            try AtomicDirectory.write(files.map { ($0.path, $0.data) }, into: output)
            Report.removeStale(previous, keeping: Set(files.map(\.path)), in: output)
        } catch let error as InputOutputError {
            Console.printError(error.description, prefixed: false)
            throw ExitCode(ExitCodes.ioError)
        }
        let main = ["html": "index.html", "md": "index.md", "json": "report.json", "csv": "innovations.csv"][format]!
        print(URL(fileURLWithPath: output).appendingPathComponent(main).standardizedFileURL.path)
    }

    /// The files an earlier report wrote into `directory`, with their checksums, from its `run.json`:
    /// only names a report writes (`index.html`, `<slug>.md`, `maps/<name>.svg`, …), never a folder.
    static func previousOutputs(in directory: String) -> [(path: String, sha256: String)] {
        guard let data = FileManager.default.contents(atPath: directory + "/run.json"),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              manifest["tool"] as? String == "weakties", let outputs = manifest["outputs"] as? [[String: Any]]
        else { return [] }
        func isReportName(_ name: Substring, extensions: [String]) -> Bool {
            guard let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...])) else { return false }
            let stem = name[..<dot]
            return !stem.isEmpty && stem.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
        }
        return outputs.compactMap { entry in
            guard let path = entry["path"] as? String, let sha = entry["sha256"] as? String else { return nil }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            let ok = parts.count == 1 ? isReportName(parts[0], extensions: ["html", "md", "json", "csv"])
                : parts.count == 2 && parts[0] == "maps" && isReportName(parts[1], extensions: ["svg"])
            return ok ? (path, sha) : nil
        }
    }

    /// Removes what an earlier report wrote and this one did not (pages of innovations no longer asked
    /// for, maps of another format), so the folder holds one report. A file goes only if it is still a
    /// regular file (not a link) with the checksum the earlier report recorded; everything else stays.
    static func removeStale(_ previous: [(path: String, sha256: String)], keeping current: Set<String>, in directory: String) {
        let fm = FileManager.default
        func type(_ path: String) -> FileAttributeType? {
            // attributesOfItem does not follow a final symbolic link.
            (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        }
        for (path, sha) in previous where !current.contains(path) {
            let full = directory + "/" + path
            if path.hasPrefix("maps/") && type(directory + "/maps") != .typeDirectory { continue }
            guard type(full) == .typeRegular, let bytes = fm.contents(atPath: full), SHA256.hex(bytes) == sha else { continue }
            try? fm.removeItem(atPath: full)
        }
        let maps = directory + "/maps"
        if type(maps) == .typeDirectory, (try? fm.contentsOfDirectory(atPath: maps))?.isEmpty == true { try? fm.removeItem(atPath: maps) }
    }

    /// A relative link from the output directory to `Docs/Metrics/` of the working directory, when it
    /// has one (running inside a WeakTies checkout); nil otherwise.
    static func localDocs(output: String) -> String? {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath()
        let docs = cwd.appendingPathComponent("Docs/Metrics")
        guard FileManager.default.fileExists(atPath: docs.path) else { return nil }
        // Both ends with links resolved (the folder may not exist yet: resolve its existing parent).
        var outputURL = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: outputURL.path) && outputURL.pathComponents.count > 1 {
            missing.insert(outputURL.lastPathComponent, at: 0)
            outputURL.deleteLastPathComponent()
        }
        let from = outputURL.resolvingSymlinksInPath().pathComponents + missing
        let to = docs.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        // Percent-encoded, so a space, `#` or `?` in a folder name keeps the link whole.
        return parts.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? $0 }
            .joined(separator: "/") + "/"
    }

}

extension ReportTemplateError {
    var isUnreadable: Bool { if case .unreadableTemplate = self { true } else { false } }
}

/// When something finished, set from another thread.
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var end: Date?
    private(set) var cpu = 0.0
    func stop(cpu: Double) { lock.lock(); end = Date(); self.cpu = cpu; lock.unlock() }
    /// CPU time of the calling thread, in seconds (what a stage costs, whatever else runs).
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    func seconds(since start: Date) -> Double { lock.lock(); defer { lock.unlock() }; return (end ?? start).timeIntervalSince(start) }
}

/// Progress messages on stderr, only on a terminal and without --quiet; stage times with
/// `WEAKTIES_TIMINGS=1` (for the benchmark's breakdown).
struct Progress {
    let enabled: Bool
    let timings = ProcessInfo.processInfo.environment["WEAKTIES_TIMINGS"] == "1"
    init(quiet: Bool) { enabled = !quiet && isatty(STDERR_FILENO) == 1 }
    func say(_ message: String) { if enabled { Console.writeError("weakties: \(message) …") } }
    func time(_ stage: String, _ seconds: Double) {
        if timings { Console.writeError("weakties: timing \(stage) \(String(format: "%.4f", seconds)) s") }
    }
}
