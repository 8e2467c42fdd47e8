/// Where something was found in an input file. Lines count physical lines (header = line 1); the
/// column is the 1-based field number (the spreadsheet column), where there is one.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file name as shown in messages.
    public let file: String
    /// The physical line (1-based); 0 for the file as a whole.
    public let line: Int
    /// The 1-based field number, or `nil` where the location is a whole line (or file).
    public let column: Int?

    /// A location in `file` at `line` and, optionally, field `column`.
    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, `file:line`, or `file` when the line is 0 (the whole file).
    public var description: String {
        guard line > 0 else { return file }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column ?? 0) < (b.file, b.line, b.column ?? 0)
    }
}

/// A located message about the input, printed like a compiler's: `ties.csv:17:3: error: …`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The input breaks the data contract; the import fails (`ImportFailure`).
        case error
        /// Probably a problem worth checking (an unknown partner type, a tie year in the future); the
        /// import goes on.
        case warning
        /// For the record (aliases merged, mentions set aside by the consensus rule, no nodes table).
        case notice
    }

    /// How serious it is.
    public let severity: Severity
    /// Where in the input it was found.
    public let location: SourceLocation
    /// The message, without location or severity.
    public let message: String

    /// A diagnostic of `severity` at `location`.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Import failed because the input breaks the data contract. Lists every error found (up to a cap per file).
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// The errors, in file and line order.
    public let errors: [Diagnostic]
    /// Errors found beyond the per-file cap, not listed.
    public let omittedCount: Int

    /// At most this many errors are listed per file.
    public static let errorsPerFile = 50

    /// A failure listing `errors` (expected in file and line order), with `omittedCount` more not listed.
    public init(errors: [Diagnostic], omittedCount: Int = 0) {
        self.errors = errors
        self.omittedCount = omittedCount
    }

    public var description: String {
        var lines = errors.map(\.description)
        if omittedCount > 0 { lines.append("… and \(omittedCount) more errors") }
        return lines.joined(separator: "\n")
    }
}

/// Collects the errors of one input file, keeping at most `ImportFailure.errorsPerFile`.
public struct ErrorCollector: Sendable {
    /// The errors kept, in the order added (at most `ImportFailure.errorsPerFile`).
    public private(set) var errors: [Diagnostic] = []
    /// Errors added beyond the cap: counted, not kept.
    public private(set) var omittedCount = 0

    /// An empty collector.
    public init() {}

    /// Whether no error has been kept (and so none added).
    public var isEmpty: Bool { errors.isEmpty }

    /// Adds an error at `location`, or only counts it once the cap is reached.
    public mutating func add(_ location: SourceLocation, _ message: String) {
        if errors.count < ImportFailure.errorsPerFile {
            errors.append(Diagnostic(.error, location, message))
        } else {
            omittedCount += 1
        }
    }

    /// Throws the collected errors, if any.
    public func throwIfAny() throws(ImportFailure) {
        if !errors.isEmpty { throw ImportFailure(errors: errors.sorted { $0.location < $1.location }, omittedCount: omittedCount) }
    }
}
