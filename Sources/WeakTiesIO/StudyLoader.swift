import Foundation
import WeakTiesStudy

/// The formats a study can be read from.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Ties (and nodes) tables: CSV/TSV, the data contract.
    case csv
    /// A GraphML file (`.graphml`).
    case graphml
    /// A GEXF file, Gephi's format (`.gexf`).
    case gexf
    /// A Pajek network (`.net`, `.paj`).
    case pajek
    /// A UCINET DL file (`.dl`).
    case dl
    /// Node-link JSON as networkx and D3 write it (`.json`).
    case json
    /// Gephi's spreadsheet tables (edges, and its nodes table as the nodes table).
    case gephiCSV = "gephi-csv"
    /// A REFI-QDA project (`.qdpx`, `.qde`), mapped by a `QDAMapping`.
    case qda

    /// The format a file's extension implies (`.graphml`, `.gexf`, `.net`/`.paj`, `.dl`, `.json`,
    /// `.qdpx`/`.qde`); anything else is a CSV/TSV table (a Gephi edges table is recognised by its
    /// header).
    public static func detect(path: String) -> InputFormat {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "graphml": .graphml
        case "gexf": .gexf
        case "net", "paj", "pajek": .pajek
        case "dl": .dl
        case "json": .json
        case "qdpx", "qde": .qda
        default: .csv
        }
    }

    /// Whether `path` is an Excel workbook (read by `XLSXReader` wherever a table is expected).
    public static func isSpreadsheet(_ path: String) -> Bool {
        ["xlsx", "xlsm"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Whether the format is a network file of another tool (read through `NetworkTables`).
    public var isNetworkFile: Bool { self != .csv }

    /// Reads a network file. - Throws: `InputOutputError` or `ImportFailure`.
    func readNetwork(path: String) throws -> NetworkData {
        switch self {
        case .graphml: try GraphMLReader.read(path: path)
        case .gexf: try GEXFReader.read(path: path)
        case .pajek: try PajekReader.read(path: path)
        case .dl: try DLReader.read(path: path)
        case .json: try NodeLinkReader.read(path: path)
        case .csv, .gephiCSV, .qda: preconditionFailure("tables are read by StudyLoader")
        }
    }
}

/// Reads ties and nodes tables (or a network file of another tool) from disk and assembles the study.
public enum StudyLoader {
    /// Refuses a path that exists but is not a regular file (directory, FIFO, socket, device), with
    /// what it is; a missing file is left to the reader (which says "no such file").
    /// - Throws: `InputOutputError`.
    public static func requireRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: kind = "a directory"
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR, S_IFBLK: kind = "a device"
        default: kind = "not a regular file"
        }
        throw InputOutputError(path: path, message: "\(kind), not a file to read")
    }

    /// Loads a study from a network file of another tool (GraphML, GEXF, Pajek, DL, node-link JSON)
    /// or Gephi CSV tables, through `NetworkTables` and the same `StudyAssembler` as every table.
    /// `nodes` and `delimiter` apply to Gephi's tables only; `.csv` is read as a Gephi edges table too,
    /// and `.qda` is not a network format (a precondition failure: use `load`).
    /// - Throws: `InputOutputError`, or `ImportFailure` (located syntax or contract errors).
    public static func loadNetwork(path: String, nodes nodePath: String? = nil, format: InputFormat,
                                   options: StudyOptions = StudyOptions(), delimiter: UInt8? = nil) throws -> Study {
        let network: NetworkData
        if format == .gephiCSV || format == .csv {
            let edges = try DelimitedTableReader.read(path: path, delimiter: delimiter)
            let nodes = try nodePath.map { try DelimitedTableReader.read(path: $0, delimiter: delimiter) }
            network = try GephiCSVReader.network(edges: edges, nodes: nodes)
        } else {
            network = try format.readNetwork(path: path)
        }
        let (ties, nodes) = NetworkTables.tables(network)
        return try StudyAssembler.assemble(ties: [ties], nodes: nodes, options: options)
    }

    /// Loads a study in any input format: `format` (or the extension, see `InputFormat.detect`) picks
    /// the reader. Network files are read one at a time and carry their own nodes (`nodes` is for
    /// CSV tables and Gephi's nodes table).
    /// - Throws: `InputOutputError`, `ImportFailure`, or `InputFormatError` for a combination that
    ///   cannot be read (several network files, a nodes table with a network file).
    public static func load(
        ties tiePaths: [String], nodes nodePath: String? = nil, options: StudyOptions = StudyOptions(),
        delimiter: UInt8? = nil, format: InputFormat?, sheet: String? = nil, nodesSheet: String? = nil,
        qdaMapping: QDAMapping = QDAMapping()
    ) throws -> Study {
        // Anything that is not a regular file is refused before it is opened: reading a FIFO blocks
        // until someone writes to it, a device may never end.
        for path in tiePaths + (nodePath.map { [$0] } ?? []) { try requireRegularFile(path) }
        let formats = tiePaths.map { format ?? InputFormat.detect(path: $0) }
        if formats.contains(.qda) {
            guard tiePaths.count == 1, formats[0] == .qda else { throw InputFormatError(message: "give one REFI-QDA project at a time") }
            let (ties, projectNodes) = try QDAReader.read(path: tiePaths[0], mapping: qdaMapping)
            // A nodes table (CSV or workbook) describes the actors better than the code system does.
            let nodes = try nodePath.map { path in
                InputFormat.isSpreadsheet(path) ? try XLSXReader.read(path: path, sheet: nodesSheet)
                    : try DelimitedTableReader.read(path: path, delimiter: delimiter)
            } ?? projectNodes
            return try StudyAssembler.assemble(ties: [ties], nodes: nodes, options: options)
        }
        if let index = formats.firstIndex(where: \.isNetworkFile) {
            guard tiePaths.count == 1 else {
                throw InputFormatError(message: "\(tiePaths[index]) is a \(formats[index].rawValue) network file: give one network file at a time")
            }
            if nodePath != nil && formats[0] != .gephiCSV {
                throw InputFormatError(message: "a separate nodes table goes with CSV tables and Gephi's edges table; a \(formats[0].rawValue) file carries its own nodes", subject: .nodesTable)
            }
            return try loadNetwork(path: tiePaths[0], nodes: nodePath, format: formats[0], options: options, delimiter: delimiter)
        }
        // A Gephi edges table is told by its header, read alone: the file is then read once, as what it is.
        if format == nil && tiePaths.count == 1 && !InputFormat.isSpreadsheet(tiePaths[0]),
           let header = DelimitedTableReader.header(path: tiePaths[0], delimiter: delimiter),
           GephiCSVReader.looksLikeGephiEdges(header)
        {
            return try loadNetwork(path: tiePaths[0], nodes: nodePath, format: .gephiCSV, options: options, delimiter: delimiter)
        }
        return try load(ties: tiePaths, nodes: nodePath, options: options, delimiter: delimiter, sheet: sheet, nodesSheet: nodesSheet)
    }

    /// Loads a study from one or more ties tables and an optional nodes table.
    ///
    /// Every file is read and every table that could be read is checked against the contract before
    /// failing, so all errors of all files (up to 50 per file) are reported at once, file by file in
    /// the order given, by line and column within a file.
    /// - Throws: `InputOutputError` (a file cannot be read) or `ImportFailure` (located data errors).
    public static func load(
        ties tiePaths: [String], nodes nodePath: String? = nil, options: StudyOptions = StudyOptions(),
        delimiter: UInt8? = nil, sheet: String? = nil, nodesSheet: String? = nil
    ) throws -> Study {
        var tables: [CodedTable] = []
        var readErrors: [Diagnostic] = []
        var omitted = 0
        func read(_ path: String, sheet: String?) throws -> CodedTable? {
            if InputFormat.isSpreadsheet(path) {
                do {
                    return try XLSXReader.read(path: path, sheet: sheet)
                } catch let failure as ImportFailure {
                    readErrors += failure.errors
                    return nil
                }
            }
            let (table, errors) = try DelimitedTableReader.readCollectingErrors(path: path, delimiter: delimiter)
            readErrors += errors.errors
            omitted += errors.omittedCount
            return table
        }
        for path in tiePaths { if let table = try read(path, sheet: sheet) { tables.append(table) } }
        let nodes = try nodePath.flatMap { try read($0, sheet: nodesSheet) }
        var contractErrors: [Diagnostic] = []
        do {
            let study = try StudyAssembler.assemble(ties: tables, nodes: nodes, options: options)
            if readErrors.isEmpty { return study }
        } catch let failure {
            contractErrors = failure.errors
            omitted += failure.omittedCount
        }
        let fileOrder = tiePaths + (nodePath.map { [$0] } ?? [])
        var collectors: [String: ErrorCollector] = [:]
        for error in (readErrors + contractErrors).sorted(by: { $0.location < $1.location }) {
            collectors[error.location.file, default: ErrorCollector()].add(error.location, error.message)
        }
        var listed: [Diagnostic] = []
        // A workbook's messages name its sheet (`book.xlsx[ties]`) or part (`book.xlsx/xl/…`).
        for path in fileOrder {
            for file in collectors.keys.sorted() where file == path || file.hasPrefix(path + "[") || file.hasPrefix(path + "/") {
                listed += collectors[file]!.errors
                omitted += collectors[file]!.omittedCount
                collectors[file] = nil
            }
        }
        for file in collectors.keys.sorted() {
            listed += collectors[file]!.errors
            omitted += collectors[file]!.omittedCount
        }
        throw ImportFailure(errors: listed, omittedCount: omitted)
    }
}

/// A combination of input files and formats that cannot be read (a usage error).
public struct InputFormatError: Error, Sendable, CustomStringConvertible {
    /// What the message is about, so a front end can name its own option for it.
    public enum Subject: Sendable {
        /// The ties files or network files given, or their number.
        case tieFiles
        /// The nodes table given with them.
        case nodesTable
    }
    /// What cannot be read together, and what to give instead.
    public let message: String
    /// Which input the message is about.
    public let subject: Subject
    /// A usage error about `subject` (the ties files unless given).
    public init(message: String, subject: Subject = .tieFiles) {
        self.message = message
        self.subject = subject
    }
    public var description: String { message }
}
