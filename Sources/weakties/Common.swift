import ArgumentParser
import Foundation
import WeakTies

/// Exit codes, following BSD sysexits.
enum ExitCodes {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let internalError: Int32 = 70
    static let ioError: Int32 = 74
}

/// Options shared by every command that reads a study.
struct StudyInputOptions: ParsableArguments {
    @Argument(help: "Ties table(s): CSV/TSV or .xlsx, one row per coded mention; or one network file (GraphML, GEXF, Pajek, DL, node-link JSON, Gephi CSV) or REFI-QDA project.")
    var ties: [String]


    @Option(name: .long, help: "Nodes table (CSV/TSV or .xlsx; Gephi's nodes table with Gephi CSV): one row per actor (id, label, kind, partner_type, region, …).")
    var nodes: String?

    @Option(name: .long, help: "Input format: csv, graphml, gexf, pajek, dl, json, gephi-csv or qda (default: from the extension; see Docs/Formats.md).")
    var inputFormat: String?

    @Option(name: .long, help: "Sheet of an Excel ties workbook (.xlsx) to read (default: the first).")
    var sheet: String?

    @Option(name: .long, help: "Sheet of an Excel nodes workbook (.xlsx) to read (default: the first).")
    var nodesSheet: String?

    @Option(name: .long, help: "YAML file mapping a REFI-QDA code system onto ties (see Docs/QDA.md; default: Partner/, Innovation/, Strength/, …).")
    var qdaMapping: String?

    @Option(name: .long, help: "Field delimiter: ',', ';', 'tab' or '|' (default: detected from the header line).")
    var delimiter: String?

    @Option(name: .long, parsing: .unconditional, help: "Numeric strengths (1–5) at or above this are strong.")
    var strongThreshold: Double = 3

    @Option(name: .long, help: "How a pair's mentions decide its strength: majority, any-strong, all-strong, latest.")
    var strengthRule: String = StrengthRule.majority.rawValue

    @Flag(name: .shortAndLong, help: "Print no warnings or notices (errors are always printed).")
    var quiet = false

    func validate() throws {
        if ties.isEmpty { throw ValidationError("give at least one ties table") }
        if StrengthRule(rawValue: strengthRule) == nil {
            throw ValidationError("unknown strength rule '\(strengthRule)' (expected \(StrengthRule.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if !(1...5).contains(strongThreshold) { throw ValidationError("--strong-threshold must be between 1 and 5") }
        _ = try delimiterByte()
        _ = try format()
    }

    func format() throws -> InputFormat? {
        guard let inputFormat else { return nil }
        guard let format = InputFormat(rawValue: inputFormat.lowercased()) else {
            throw ValidationError("unknown input format '\(inputFormat)' (expected \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }

    func delimiterByte() throws -> UInt8? {
        guard let delimiter else { return nil }
        switch delimiter {
        case ",": return UInt8(ascii: ",")
        case ";": return UInt8(ascii: ";")
        case "tab", "\\t", "\t", "TAB": return 9
        case "|": return UInt8(ascii: "|")
        default: throw ValidationError("unknown delimiter '\(delimiter)' (expected ',', ';', 'tab' or '|')")
        }
    }

    var studyOptions: StudyOptions {
        StudyOptions(strongThreshold: strongThreshold, strengthRule: StrengthRule(rawValue: strengthRule)!)
    }

    /// Loads the study, printing located errors and exiting with the documented code on failure.
    func loadStudy() throws -> Study {
        do {
            let study = try StudyLoader.load(ties: ties, nodes: nodes, options: studyOptions, delimiter: try delimiterByte(),
                                             format: try format(), sheet: sheet, nodesSheet: nodesSheet,
                                             qdaMapping: try qdaMapping.map(QDAMapping.read(path:)) ?? QDAMapping())
            if !quiet { for diagnostic in study.diagnostics { Console.printDiagnostic(diagnostic) } }
            return study
        } catch let failure as ImportFailure {
            for error in failure.errors { Console.printDiagnostic(error) }
            if failure.omittedCount > 0 { Console.printError("… and \(failure.omittedCount) more errors not shown") }
            throw ExitCode(ExitCodes.dataError)
        } catch let error as InputFormatError {
            Console.printError(error.message)
            throw ExitCode(ExitCodes.usage)
        } catch let error as InputOutputError {
            Console.printError(error.description, prefixed: false)
            throw ExitCode(ExitCodes.ioError)
        } catch {
            Console.printError("internal error: \(error)")
            throw ExitCode(ExitCodes.internalError)
        }
    }
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
