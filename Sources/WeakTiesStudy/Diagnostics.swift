/// Where something was found in an input file. Lines count physical lines (header = line 1); the
/// column is the 1-based field number (the spreadsheet column), where there is one.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int?

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
    public enum Severity: String, Sendable, Hashable { case error, warning, notice }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String

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
    public private(set) var errors: [Diagnostic] = []
    public private(set) var omittedCount = 0

    public init() {}

    public var isEmpty: Bool { errors.isEmpty }

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
