import WeakTiesAnalysis
import Foundation
import WeakTiesIO
import WeakTiesStudy

/// Writes a whole report into a directory, all or nothing: the pages (maps drawn on another thread
/// while the metrics are computed and the pages rendered), a `run.json` manifest with the inputs'
/// checksums, and the removal of files an earlier report wrote there and this one does not.
public enum ReportWriter {
    /// What the manifest records of the run besides the files written.
    public struct Run: Sendable {
        /// The version of WeakTies that wrote the report (`version` in `run.json`).
        public var toolVersion: String
        /// The subcommand that ran (`command` in `run.json`; `report` unless given).
        public var command: String
        /// Input files with their roles (`ties`, `nodes`).
        public var inputs: [(path: String, role: String)]
        /// The options as the caller named them.
        public var options: [(String, JSONValue)]

        /// What to record of the run.
        public init(toolVersion: String, command: String = "report", inputs: [(path: String, role: String)],
                    options: [(String, JSONValue)]) {
            self.toolVersion = toolVersion
            self.command = command
            self.inputs = inputs
            self.options = options
        }
    }

    /// Writes every bundled template (HTML and Markdown, `name.mustache`) into `directory`, all or
    /// nothing, to start one's own templates from; refuses to replace a template already there (a
    /// user's edits). Returns the names written.
    /// - Throws: `InputOutputError`, `ReportTemplateError` for a broken installation.
    @discardableResult
    public static func writeTemplates(into directory: String) throws -> [String] {
        let files = try ReportTemplates.bundledFiles()
        for file in files where FileManager.default.fileExists(atPath: directory + "/" + file.path) {
            throw InputOutputError(path: directory + "/" + file.path, message: "exists already; write the templates into a new directory")
        }
        try AtomicDirectory.write(files.map { ($0.path, $0.data) }, into: directory)
        return files.map(\.path)
    }

    /// Stages and their times, for progress display and the benchmark's breakdown.
    public struct Observer: Sendable {
        /// Called with a short description as each stage starts (`computing the metrics`, …).
        public var stage: @Sendable (String) -> Void
        /// Called as a stage ends with its name (`import`, `metrics`, `maps`, `maps_cpu`, `writing`, …)
        /// and its time in seconds (wall-clock; the map thread's CPU time for `maps_cpu`).
        public var time: @Sendable (String, Double) -> Void
        /// An observer with the given callbacks; by default both do nothing.
        public init(stage: @escaping @Sendable (String) -> Void = { _ in }, time: @escaping @Sendable (String, Double) -> Void = { _, _ in }) {
            self.stage = stage
            self.time = time
        }
    }

    /// Computes the report of `study`, renders it and writes it into `directory` (created; the files in
    /// it are replaced). Returns the path of the main file (`index.html`, `index.md`, `report.json` or
    /// `innovations.csv`).
    /// - Throws: `ReportError`, `ReportTemplateError`, `StudyMapError`, `RenderError`, `MetricError`,
    ///   `InputOutputError`.
    @discardableResult
    public static func write(study: Study, options: ReportOptions, rendering: ReportRendering, run: Run,
                             to directory: String, observer: Observer = Observer()) throws -> String {
        try write(loading: { study }, options: options, rendering: rendering, run: run, to: directory, observer: observer)
    }

    /// The same for a study read by `load`: Graphviz loads its plugins and fonts on another thread
    /// while the study is read (about 40 ms). Errors of `load` are rethrown as they are.
    @discardableResult
    public static func write(loading load: () throws -> Study, options: ReportOptions, rendering: ReportRendering,
                             run: Run, to directory: String, observer: Observer = Observer()) throws -> String {
        let drawsMaps = rendering.format == .html || rendering.format == .md || rendering.format == .pdf
        if drawsMaps { Thread { StudyReport.prepareMaps() }.start() }
        observer.stage("reading the study")
        let loadStart = Date()
        let study = try load()
        observer.time("import", Date().timeIntervalSince(loadStart))
        observer.stage("computing the metrics")
        var start = Date()
        // The maps need the study only: drawn on another thread from now on, while the metrics are
        // computed and the pages rendered. (A request list that cannot be made fails again, with its
        // message, in StudyReport below.)
        let mapsDone = StageClock()
        // The maps and the report read one StudyMetrics where they read the same study (what both
        // need, such as the bridges, is then computed once).
        let metrics = options.only == nil ? try StudyMetrics(study: study, options: StudyMetrics.Options()) : nil
        var early: (requests: [ReportMapRequest], maps: Background<[String], any Error>)?
        if drawsMaps, let requests = try? StudyReport.mapRequests(study: study, options: options, language: rendering.language) {
            early = (requests, Background {
                let cpuStart = StageClock.threadCPU()
                defer { mapsDone.stop(cpu: StageClock.threadCPU() - cpuStart) }
                // Made fit for inlining here, beside the metrics, not when the first page waits for them.
                let maps = try metrics.map { try StudyReport.maps(metrics: $0, requests) } ?? StudyReport.maps(study: study, requests)
                return maps.map(ReportTemplates.inlineSVG)
            })
        }
        let report = try metrics.map { try StudyReport(metrics: $0, options: options) } ?? StudyReport(study: study, options: options)
        observer.time("metrics", Date().timeIntervalSince(start))
        observer.stage(drawsMaps ? "drawing \(report.innovations.count + 1) maps and writing the pages" : "writing")
        let drawing = early
        // HTML and Markdown: each innovation's page goes into the staging directory as soon as it is
        // rendered, written on a thread of its own while the rest is rendered (`StagedDirectory`).
        let staged = rendering.format == .html || rendering.format == .md ? try StagedDirectory(directory) : nil
        var stream: (@Sendable (ReportFile) -> Void)?
        if let staged { stream = { file in staged.stream(file.path, file.data) } }
        var files: [ReportFile]
        do {
            let maps: @Sendable ([ReportMapRequest]) throws -> [String] = { requests in
                if let drawing, drawing.requests == requests { return try drawing.maps.value() }
                return try report.maps(requests)
            }
            files = try report.files(rendering, maps: maps, streamed: stream)
        } catch {
            staged?.abandon()
            throw error
        }
        observer.time("maps", mapsDone.seconds(since: start))
        observer.time("maps_cpu", mapsDone.cpu)
        observer.time("metrics_pages_and_maps", Date().timeIntervalSince(start))

        start = Date()
        defer { observer.time("writing", Date().timeIntervalSince(start)) }
        let previous = previousOutputs(in: directory)
        do {
            let manifest = try RunManifest.json(toolVersion: run.toolVersion, command: run.command,
                                                inputs: run.inputs.map { ($0.path, $0.role) }, options: run.options, outputs: files)
            files.append(ReportFile(path: "run.json", data: Data((manifest.serialized(indent: 2) + "\n").utf8)))
        } catch {
            staged?.abandon()
            throw error
        }
        if let staged {
            try staged.commit(files.map { ($0.path, $0.data) })
        } else {
            try AtomicDirectory.write(files.map { ($0.path, $0.data) }, into: directory)
        }
        removeStale(previous, keeping: Set(files.map(\.path)), in: directory)
        let main = switch rendering.format {
        case .html: "index.html"
        case .md: "index.md"
        case .pdf: "index.pdf"
        case .json: "report.json"
        case .csv: "innovations.csv"
        }
        return URL(fileURLWithPath: directory).appendingPathComponent(main).standardizedFileURL.path
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
    public static func localDocs(output: String) -> String? {
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

/// When a stage on another thread finished, and the CPU time it took.
final class StageClock: @unchecked Sendable {
    private let lock = NSLock()
    private var end: Date?
    private var cpuSeconds = 0.0
    var cpu: Double { lock.lock(); defer { lock.unlock() }; return cpuSeconds }
    func stop(cpu: Double) { lock.lock(); end = Date(); cpuSeconds = cpu; lock.unlock() }
    /// CPU time of the calling thread, in seconds (what a stage costs, whatever else runs).
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    func seconds(since start: Date) -> Double { lock.lock(); defer { lock.unlock() }; return (end ?? start).timeIntervalSince(start) }
}
