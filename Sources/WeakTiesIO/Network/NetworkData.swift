import WeakTiesStudy

/// Text attribute columns filled row by row, in order of first appearance; missing cells are `nil`.
public struct TextAttributeColumns: Sendable {
    public private(set) var names: [String] = []
    public private(set) var values: [[String?]] = []
    private var indexByName: [String: Int] = [:]
    /// Number of rows started.
    public private(set) var rowCount = 0

    public init() {}

    /// Starts a new row (every column gets a missing cell until set).
    public mutating func startRow() {
        rowCount += 1
        for c in values.indices { values[c].append(nil) }
    }

    /// Sets `name` in the current row (the last started), creating the column if new (before the first
    /// row, only the column is created).
    public mutating func set(_ name: String, _ value: String?) {
        let c: Int
        if let existing = indexByName[name] {
            c = existing
        } else {
            c = names.count
            indexByName[name] = c
            names.append(name)
            values.append([String?](repeating: nil, count: rowCount))
        }
        if rowCount > 0 { values[c][rowCount - 1] = value }
    }

    /// Sets every missing cell of `name` (if the column exists) to `value`.
    public mutating func fillMissing(_ name: String, with value: String) {
        guard let c = indexByName[name] else { return }
        for r in values[c].indices where values[c][r] == nil { values[c][r] = value }
    }

    /// The index of column `name`, created (missing in every row so far) if new.
    public mutating func columnIndex(_ name: String) -> Int {
        if let c = indexByName[name] { return c }
        let c = names.count
        indexByName[name] = c
        names.append(name)
        values.append([String?](repeating: nil, count: rowCount))
        return c
    }

    /// Sets column `column` in the current row.
    public mutating func set(column: Int, _ value: String?) {
        values[column][rowCount - 1] = value
    }

    /// Reserves room for `rows` rows in every column (and in columns created later).
    public mutating func reserveCapacity(_ rows: Int) {
        for c in values.indices { values[c].reserveCapacity(rows) }
    }

    /// The value of `name` in `row`, if set.
    public func value(_ name: String, _ row: Int) -> String? { indexByName[name].flatMap { values[$0][row] } }

    /// Whether a column called `name` exists.
    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// Removes the column `name` (its values are returned).
    @discardableResult
    public mutating func remove(_ name: String) -> [String?]? {
        guard let c = indexByName[name] else { return nil }
        let removed = values.remove(at: c)
        names.remove(at: c)
        indexByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return removed
    }
}

/// A network as a file of another tool describes it, before the study contract: nodes with text
/// attributes, edges (arcs or edges) with text attributes, each with the line where it is declared.
///
/// Every network reader (GraphML, GEXF, Pajek, DL, node-link JSON, Gephi CSV) produces one;
/// `NetworkTables` turns it into the ties and nodes `CodedTable`s that `StudyAssembler` checks.
public struct NetworkData: Sendable {
    /// The file name shown in messages.
    public var file: String
    /// The format's name, for messages (`GraphML`, `Pajek`, …).
    public var format: String
    /// Whether edges are directed unless an edge says otherwise.
    public var isDirected = false
    public var nodeIDs: [String] = []
    public var nodeLines: [Int32] = []
    public var nodeAttributes = TextAttributeColumns()
    public var edgeSources: [String] = []
    public var edgeTargets: [String] = []
    /// Per edge: directed (`true`), undirected (`false`) or as the graph says (`nil`).
    public var edgeDirected: [Bool?] = []
    public var edgeLines: [Int32] = []
    public var edgeAttributes = TextAttributeColumns()
    /// Warnings and notices raised while reading (folded matrices, skipped elements, …).
    public var diagnostics: [Diagnostic] = []

    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }

    /// Adds a node; set its attributes with `nodeAttributes.set` afterwards.
    public mutating func addNode(_ id: String, line: Int) {
        nodeIDs.append(id)
        nodeLines.append(Int32(clamping: line))
        nodeAttributes.startRow()
    }

    /// Adds an edge; set its attributes with `edgeAttributes.set` afterwards.
    public mutating func addEdge(_ source: String, _ target: String, directed: Bool? = nil, line: Int) {
        edgeSources.append(source)
        edgeTargets.append(target)
        edgeDirected.append(directed)
        edgeLines.append(Int32(clamping: line))
        edgeAttributes.startRow()
    }

    public mutating func warn(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(.warning, SourceLocation(file: file, line: line), message))
    }

    public mutating func notice(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(.notice, SourceLocation(file: file, line: line), message))
    }
}
