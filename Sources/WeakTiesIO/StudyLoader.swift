import WeakTiesStudy

/// Reads ties and nodes tables from disk and assembles the study.
public enum StudyLoader {
    /// Loads a study from one or more ties tables and an optional nodes table.
    ///
    /// All files are read and checked before failing, so every error of every file is reported at once.
    /// - Throws: `InputOutputError` (a file cannot be read) or `ImportFailure` (located data errors).
    public static func load(
        ties tiePaths: [String], nodes nodePath: String? = nil, options: StudyOptions = StudyOptions(),
        delimiter: UInt8? = nil
    ) throws -> Study {
        var tables: [CodedTable] = []
        var failures: [Diagnostic] = []
        var omitted = 0
        func read(_ path: String) throws -> CodedTable? {
            do {
                return try DelimitedTableReader.read(path: path, delimiter: delimiter)
            } catch let failure as ImportFailure {
                failures += failure.errors
                omitted += failure.omittedCount
                return nil
            }
        }
        for path in tiePaths { if let table = try read(path) { tables.append(table) } }
        let nodes = try nodePath.flatMap(read)
        if !failures.isEmpty { throw ImportFailure(errors: failures, omittedCount: omitted) }
        return try StudyAssembler.assemble(ties: tables, nodes: nodes, options: options)
    }
}
