import WeakTiesStudy

/// Reads ties and nodes tables from disk and assembles the study.
public enum StudyLoader {
    /// Loads a study from one or more ties tables and an optional nodes table.
    ///
    /// Every file is read and every table that could be read is checked against the contract before
    /// failing, so all errors of all files (up to 50 per file) are reported at once, file by file in
    /// the order given, by line and column within a file.
    /// - Throws: `InputOutputError` (a file cannot be read) or `ImportFailure` (located data errors).
    public static func load(
        ties tiePaths: [String], nodes nodePath: String? = nil, options: StudyOptions = StudyOptions(),
        delimiter: UInt8? = nil
    ) throws -> Study {
        var tables: [CodedTable] = []
        var readErrors: [Diagnostic] = []
        var omitted = 0
        func read(_ path: String) throws -> CodedTable? {
            let (table, errors) = try DelimitedTableReader.readCollectingErrors(path: path, delimiter: delimiter)
            readErrors += errors.errors
            omitted += errors.omittedCount
            return table
        }
        for path in tiePaths { if let table = try read(path) { tables.append(table) } }
        let nodes = try nodePath.flatMap(read)
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
        for file in fileOrder where collectors[file] != nil {
            listed += collectors[file]!.errors
            omitted += collectors[file]!.omittedCount
            collectors[file] = nil
        }
        throw ImportFailure(errors: listed, omittedCount: omitted)
    }
}
