// weakties, the command line: one short file per subcommand (parse → one library call → write), typed
// choices, one error → exit-code mapping. Not here: computation of any kind (it belongs in the library).
import ArgumentParser
import Foundation
import WeakTies

/// Exit codes, following BSD sysexits.
enum ExitCodes {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let unavailable: Int32 = 69
    static let internalError: Int32 = 70
    static let ioError: Int32 = 74
}

// Typed choices: help lists the values, a wrong value is a usage error naming the allowed ones.
extension InputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
extension StrengthRule: ExpressibleByArgument {}
extension ConsensusRule: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var defaultCompletionKind: CompletionKind { .list(["union", "majority", "intersection", "coder:"]) }
}
extension WeightMode: ExpressibleByArgument {}
extension EdgeValue: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension StudyMap.SizeMetric: ExpressibleByArgument {}
extension StudyMap.Highlight: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}
extension RenderFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// A field delimiter given on the command line.
enum Delimiter: String, ExpressibleByArgument, CaseIterable {
    case comma = ",", semicolon = ";", tab, pipe = "|"

    init?(argument: String) {
        switch argument {
        case ",": self = .comma
        case ";": self = .semicolon
        case "tab", "\\t", "\t", "TAB": self = .tab
        case "|": self = .pipe
        default: return nil
        }
    }

    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 9
        case .pipe: UInt8(ascii: "|")
        }
    }
}

/// Options shared by every command that reads a study.
struct StudyInputOptions: ParsableArguments {
    @Argument(help: "Ties table(s): CSV/TSV or .xlsx, one row per coded mention; or one network file (GraphML, GEXF, Pajek, DL, node-link JSON, Gephi CSV) or REFI-QDA project.")
    var ties: [String] = []

    @Option(name: .long, help: "Nodes table (CSV/TSV or .xlsx; Gephi's nodes table with Gephi CSV): one row per actor (id, label, kind, partner_type, region, …).")
    var nodes: String?

    @Option(name: .long, help: "Input format (default: from the extension; see Docs/Formats.md).")
    var inputFormat: InputFormat?

    @Option(name: .long, help: "Sheet of an Excel ties workbook (.xlsx) to read (default: the first).")
    var sheet: String?

    @Option(name: .long, help: "Sheet of an Excel nodes workbook (.xlsx) to read (default: the first).")
    var nodesSheet: String?

    @Option(name: .long, help: "YAML file mapping a REFI-QDA code system onto ties (see Docs/QDA.md; default: Partner/, Innovation/, Strength/, …).")
    var qdaMapping: String?

    @Option(name: .long, help: "Field delimiter: ',', ';', 'tab' or '|' (default: detected from the header line).")
    var delimiter: Delimiter?

    @Option(name: .long, parsing: .unconditional, help: "Numeric strengths (1–5) at or above this are strong.")
    var strongThreshold: Double = 3

    @Option(name: .long, help: "How a pair's mentions decide its strength.")
    var strengthRule: StrengthRule = .majority

    @Option(name: .long, help: ArgumentHelp("Which coders' mentions make ties where several coded one interview: union (every mention), majority (pairs more than half of the interview's coders coded), intersection (pairs all coded) or coder:NAME (that coder's mentions in the interviews they coded).", valueName: "rule"))
    var consensus: ConsensusRule = .union

    @Option(name: .long, help: "Alias table (CSV/TSV, columns alias,canonical_id): other spellings of actors, merged into the canonical actor at import (weakties actors --suggest-merges writes one).")
    var aliases: String?

    @Flag(name: .shortAndLong, help: "Print no warnings or notices (errors are always printed).")
    var quiet = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Multiply the readers' size limits by this factor (declared sizes, attribute cells, CSV columns, code depth, ZIP size; see Docs/Formats.md#limits) to read an unusual but real file; it may then take that much more memory and time.", valueName: "factor"))
    var raiseLimits = 1

    func validate() throws {
        if raiseLimits < 1 { throw ValidationError("--raise-limits must be 1 or more (the factor on the readers' limits)") }
        // Before any file is opened; `report --write-templates DIR` alone reads no study.
        if ties.isEmpty && !CommandLine.arguments.dropFirst().contains(where: { $0 == "--write-templates" || $0.hasPrefix("--write-templates=") }) {
            throw ValidationError("give at least one ties table")
        }
        if !(1...5).contains(strongThreshold) { throw ValidationError("--strong-threshold must be between 1 and 5") }
    }

    /// The import options, with the alias table read. - Throws: `ImportFailure`, `InputOutputError`.
    func studyOptions() throws -> StudyOptions {
        let aliasTable = try aliases.map { try AliasTable(table: DelimitedTableReader.read(path: $0)) } ?? AliasTable()
        return StudyOptions(strongThreshold: strongThreshold, strengthRule: strengthRule, consensus: consensus, aliases: aliasTable)
    }

    /// The input files with their roles, for run manifests.
    var inputFiles: [(path: String, role: String)] {
        ties.map { ($0, "ties") } + (nodes.map { [($0, "nodes")] } ?? []) + (aliases.map { [($0, "aliases")] } ?? [])
    }

    /// Progress lines for this command's options (a terminal, not quiet).
    var progress: Progress { Progress(quiet: quiet) }

    /// Loads the study and prints its warnings (unless quiet) and, on a terminal, its progress. Errors
    /// are thrown for `Failure`.
    func loadStudy() throws -> Study {
        if ties.isEmpty { throw ValidationError("give at least one ties table") }
        InputLimits.factor = raiseLimits
        let progress = self.progress
        let started = Date()
        if progress.enabled {
            let bytes = (ties + (nodes.map { [$0] } ?? [])).reduce(Int64(0)) {
                $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int64) ?? 0)
            }
            let names = ties.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
            progress.say("reading \(names)\(nodes.map { " and " + URL(fileURLWithPath: $0).lastPathComponent } ?? "") (\(Progress.size(bytes)))")
        }
        let study = try StudyLoader.load(ties: ties, nodes: nodes, options: try studyOptions(), delimiter: delimiter?.byte,
                                         format: inputFormat, sheet: sheet, nodesSheet: nodesSheet,
                                         qdaMapping: try qdaMapping.map(QDAMapping.read(path:)) ?? QDAMapping())
        if !quiet { for diagnostic in study.diagnostics { Console.printDiagnostic(diagnostic) } }
        progress.done("read \(Progress.count(study.mentions.count)) mentions: \(Progress.count(study.actors.count)) actors, \(Progress.count(study.ties.count)) ties", since: started)
        return study
    }
}

/// The one mapping from library errors to messages and exit codes. Library messages speak of the
/// data; the flag a message concerns is added here.
enum Failure {
    /// Prints `error` and returns the exit to leave with (an `ExitCode` or a parser error passes through).
    static func exit(_ error: any Error) -> any Error {
        switch error {
        case is ExitCode, is CleanExit, is ValidationError:
            return error
        case let failure as ImportFailure:
            for error in failure.errors { Console.printDiagnostic(error) }
            if failure.omittedCount > 0 { Console.printError("… and \(failure.omittedCount) more errors not shown") }
            return ExitCode(ExitCodes.dataError)
        case let error as InputFormatError:
            Console.printError(error.message + (error.subject == .nodesTable ? " (--nodes)" : ""))
            return ExitCode(ExitCodes.usage)
        case let error as InputOutputError:
            Console.printError(error.description, prefixed: false)
            return ExitCode(ExitCodes.ioError)
        case let error as StudyMetricsError:
            switch error {
            case .unknownAttribute: Console.printError(error.description + " (--attribute)")
            case .noWeightColumn, .missingWeight: Console.printError(error.description + " (--weights)")
            case .tooFewGroups: Console.printError(error.description)
            }
            return ExitCode(ExitCodes.usage)
        case let error as MetricError:
            Console.printError(error.description)
            if case .invalidParameter = error { return ExitCode(ExitCodes.usage) }
            return ExitCode(ExitCodes.dataError)
        case let error as ReportError:
            switch error {
            case .unknownInnovation: Console.printError(error.description + " (--innovation)")
            default: Console.printError(error.description)
            }
            switch error {
            case .mapWithoutSVG, .pdfFailed: return ExitCode(ExitCodes.internalError)
            case .pdfNeedsChromium: return ExitCode(ExitCodes.unavailable)
            default: break
            }
            return ExitCode(ExitCodes.usage)
        case let error as ReportTemplateError:
            Console.printError(error.description)
            switch error {
            case .missingResource: return ExitCode(ExitCodes.internalError)
            case .unreadableTemplate: return ExitCode(ExitCodes.ioError)
            default: return ExitCode(ExitCodes.dataError)
            }
        case let error as StudyMapError:
            switch error {
            case .unknownActor: Console.printError(error.description + " (--ego)")
            case .unknownAttribute: Console.printError(error.description + " (--color-by)")
            }
            return ExitCode(ExitCodes.usage)
        case let error as MatchError:
            Console.printError(error.description)
            switch error {
            case .unknownWeight, .negativeWeight, .invalidPlan: return ExitCode(ExitCodes.usage)
            default: return ExitCode(ExitCodes.dataError)
            }
        case let error as TimelineError:
            Console.printError(error.description)
            return ExitCode(ExitCodes.dataError)
        case let error as AgreementError:
            Console.printError(error.description)
            return ExitCode(ExitCodes.dataError)
        case let error as ActorLookupError:
            Console.printError(error.description)
            return ExitCode(ExitCodes.usage)
        case let error as OptionError:
            Console.printError(error.message + " (\(error.flag))")
            return ExitCode(ExitCodes.usage)
        case let error as RenderError:
            Console.printError(error.description)
            return ExitCode(ExitCodes.internalError)
        default:
            // Nothing else can arise from a study that loaded; if it does, it is a bug.
            Console.printError("internal error: \(error)")
            return ExitCode(ExitCodes.internalError)
        }
    }
}

/// A library error about a value given with a flag: printed with the flag, exit 64 (no usage dump:
/// the value was well-formed, the data did not have it).
struct OptionError: Error {
    let message: String
    let flag: String
}

extension ActorLookup {
    /// The innovation `name` (id or label, forgiving) for `--innovation`: a miss or another kind is an
    /// `OptionError` naming the flag.
    func innovation(_ name: String) throws -> Int {
        do {
            let k = try find(name)
            guard study.actors[k].kind == .innovation else {
                throw OptionError(message: "'\(study.actors[k].label)' is a \(study.actors[k].kind.rawValue), not an innovation", flag: "--innovation")
            }
            return k
        } catch let error as ActorLookupError {
            throw OptionError(message: error.description, flag: "--innovation")
        }
    }
}

/// A command that reads a study: `run` catches every error once and maps it through `Failure`.
protocol StudyCommand: ParsableCommand {
    func execute() throws
}

extension StudyCommand {
    func run() throws {
        do { try execute() } catch { throw Failure.exit(error) }
    }
}

/// Writes `text` to `path` atomically, or to standard output.
func writeOutput(_ text: String, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    try AtomicFile.write(text, to: path)
}

/// Terminal output: results on stdout, messages on stderr, colour only on a TTY without NO_COLOR.
enum Console {
    static let useColor: Bool = {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDERR_FILENO) == 1
    }()

    static func printDiagnostic(_ diagnostic: Diagnostic) {
        let label = diagnostic.severity.rawValue
        let colored: String
        if useColor {
            let code = switch diagnostic.severity { case .error: "31"; case .warning: "33"; case .notice: "36" }
            colored = "\u{1B}[1;\(code)m\(label):\u{1B}[0m"
        } else {
            colored = "\(label):"
        }
        writeError("\(diagnostic.location): \(colored) \(diagnostic.message)")
    }

    static func printError(_ message: String, prefixed: Bool = true) {
        writeError(prefixed ? "weakties: error: \(message)" : message)
    }

    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Progress messages on stderr, only on a terminal and without --quiet; stage times with
/// `WEAKTIES_TIMINGS=1` (for the benchmark's breakdown).
/// `WEAKTIES_PROGRESS=1` shows them without a terminal too (for tests and logs).
struct Progress: Sendable {
    let enabled: Bool
    let timings = ProcessInfo.processInfo.environment["WEAKTIES_TIMINGS"] == "1"
    init(quiet: Bool) {
        enabled = !quiet && (isatty(STDERR_FILENO) == 1 || ProcessInfo.processInfo.environment["WEAKTIES_PROGRESS"] == "1")
    }
    /// A stage that begins: `weakties: computing … …`.
    func say(_ message: String) { if enabled { Console.writeError("weakties: \(message) …") } }
    /// A stage that ended, with its time: `weakties: read 270 mentions: … (0.1 s)`.
    func done(_ message: String, since start: Date) {
        if enabled { Console.writeError("weakties: \(message) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)") }
    }

    /// An estimate of shortest-path work (betweenness, closeness: a search from every actor, n·m steps),
    /// from this machine's measurement: exact betweenness of a Barabási–Albert graph with n = 10,000,
    /// m = 5 (50,000 ties) took about 10 s on one thread, i.e. 2e-8 s per actor × tie. Empty below 2 s.
    static func pathEstimate(actors: Int, ties: Int, threads: Int, sources: Int? = nil) -> String {
        let seconds = 2e-8 * Double(sources ?? actors) * Double(max(ties, 1)) / Double(max(threads, 1))
        guard seconds >= 2 else { return "" }
        return seconds < 90 ? " (about \(Int(seconds.rounded())) s)" : " (about \(Int((seconds / 60).rounded())) min)"
    }

    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, (bytes + 1023) / 1024)) kB"
    }
    func time(_ stage: String, _ seconds: Double) {
        if timings { Console.writeError("weakties: timing \(stage) \(String(format: "%.4f", seconds)) s") }
    }
}
