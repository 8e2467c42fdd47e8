import Foundation
import WeakTiesStudy

/// Text attribute columns filled row by row, in order of first appearance; missing cells are `nil`.
///
/// Stored dictionary-encoded: per column its distinct values (as `String` equality tells them apart,
/// or as bytes where a reader adds them with `appendDistinct`) and one `Int32` code per row (-1 for a
/// missing cell), so a column of a million edges with a few
/// distinct values costs four bytes per row, and `NetworkTables` turns it into a `TextColumn` without
/// hashing a cell again.
@_spi(Benchmark) public struct TextAttributeColumns: Sendable {
    public private(set) var names: [String] = []
    /// Per column: its distinct values; code `i` means `distinct[c][i]`.
    public private(set) var distinct: [[String]] = []
    /// Per column: one code per row, -1 where the cell is missing.
    public private(set) var codes: [[Int32]] = []
    /// Per column: the code of each distinct value (built on demand: a column filled by codes is
    /// indexed only when a value is next set as text).
    private var codeOf: [[String: Int32]] = []
    private var indexed: [Int] = []
    private var indexByName: [String: Int] = [:]
    /// Number of rows started.
    public private(set) var rowCount = 0
    /// The most cells (rows × columns: every cell is stored, missing ones too) the table may hold;
    /// readers set it from the file's size (`NetworkData.limitCells(fileBytes:)`) and refuse the file
    /// once `isOverLimit`.
    public var cellLimit = Int.max

    /// Whether the table holds more cells than `cellLimit`. - Complexity: O(1).
    public var isOverLimit: Bool {
        let (cells, overflow) = names.count.multipliedReportingOverflow(by: rowCount)
        return overflow || cells > cellLimit
    }

    public init() {}

    /// The cells as text, column by column (materialised; the codes are the storage).
    public var values: [[String?]] {
        codes.indices.map { c in codes[c].map { $0 < 0 ? nil : distinct[c][Int($0)] } }
    }

    /// Starts a new row (every column gets a missing cell until set).
    public mutating func startRow() {
        rowCount += 1
        for c in codes.indices { codes[c].append(-1) }
    }

    /// Sets `name` in the current row (the last started), creating the column if new (before the first
    /// row, only the column is created).
    public mutating func set(_ name: String, _ value: String?) {
        let c = columnIndex(name)
        if rowCount > 0 { set(column: c, value) }
    }

    /// Sets `name` in an earlier row `row` (a value that comes after a nested element, such as a
    /// nested graph), creating the column if new. - Complexity: O(1) amortised; O(rows) for a new column.
    public mutating func set(_ name: String, row: Int, _ value: String?) {
        let c = columnIndex(name)
        codes[c][row] = value.map { code(of: $0, column: c) } ?? -1
    }

    /// Sets every missing cell of `name` (if the column exists) to `value`.
    public mutating func fillMissing(_ name: String, with value: String) {
        guard let c = indexByName[name], codes[c].contains(-1) else { return }
        let code = self.code(of: value, column: c)
        for r in codes[c].indices where codes[c][r] < 0 { codes[c][r] = code }
    }

    /// The index of column `name`, created (missing in every row so far) if new.
    public mutating func columnIndex(_ name: String) -> Int {
        if let c = indexByName[name] { return c }
        let c = names.count
        indexByName[name] = c
        names.append(name)
        distinct.append([])
        codes.append([Int32](repeating: -1, count: rowCount))
        codeOf.append([:])
        indexed.append(0)
        return c
    }

    /// The code of `value` in column `column`, added to its distinct values if new.
    public mutating func code(of value: String, column c: Int) -> Int32 {
        while indexed[c] < distinct[c].count {
            let i = indexed[c]
            if codeOf[c][distinct[c][i]] == nil { codeOf[c][distinct[c][i]] = Int32(i) }
            indexed[c] += 1
        }
        if let code = codeOf[c][value] { return code }
        let code = Int32(distinct[c].count)
        distinct[c].append(value)
        codeOf[c][value] = code
        indexed[c] += 1
        return code
    }

    /// Appends `value` to the distinct values of column `column` without looking it up, and returns its
    /// code: for readers that tell values apart by their bytes (a canonically equivalent spelling may
    /// be there already; it stays a value of its own). - Complexity: O(1) amortised, no hashing.
    public mutating func appendDistinct(_ value: String, column c: Int) -> Int32 {
        distinct[c].append(value)
        return Int32(distinct[c].count - 1)
    }

    /// Makes room for `count` distinct values in column `column`.
    public mutating func reserveDistinct(_ count: Int, column c: Int) {
        distinct[c].reserveCapacity(count)
        codeOf[c].reserveCapacity(count)
    }

    /// Sets column `column` in the current row.
    public mutating func set(column: Int, _ value: String?) {
        codes[column][rowCount - 1] = value.map { code(of: $0, column: column) } ?? -1
    }

    /// Sets column `column` in the current row to the value of `code` (from `code(of:column:)`, or -1).
    @inline(__always)
    public mutating func set(column: Int, code: Int32) {
        codes[column][rowCount - 1] = code
    }

    /// Makes `values` the distinct values of the new, empty column `column` (codes are their indices;
    /// the values must be distinct, at least as bytes).
    public mutating func adopt(column c: Int, distinct values: [String]) {
        precondition(distinct[c].isEmpty, "adopt needs an empty column")
        distinct[c] = values
    }

    /// Starts `count` rows at once (every cell missing).
    public mutating func appendRows(_ count: Int) {
        rowCount += count
        for c in codes.indices { codes[c].append(contentsOf: repeatElement(-1, count: count)) }
    }

    /// Replaces the codes of column `column`: one per row, each -1 or a code of `code(of:column:)`.
    public mutating func setCodes(column: Int, _ newCodes: [Int32]) {
        precondition(newCodes.count == rowCount, "one code per row")
        codes[column] = newCodes
    }

    /// Reserves room for `rows` rows in every column (and in columns created later).
    public mutating func reserveCapacity(_ rows: Int) {
        for c in codes.indices { codes[c].reserveCapacity(rows) }
    }

    /// The value of `name` in `row`, if set.
    public func value(_ name: String, _ row: Int) -> String? {
        guard let c = indexByName[name] else { return nil }
        let code = codes[c][row]
        return code < 0 ? nil : distinct[c][Int(code)]
    }

    /// Whether a column called `name` exists.
    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// Removes the column `name` (its values are returned).
    @discardableResult
    public mutating func remove(_ name: String) -> [String?]? {
        guard let c = indexByName[name] else { return nil }
        let removed = codes[c].map { $0 < 0 ? nil : distinct[c][Int($0)] }
        codes.remove(at: c); distinct.remove(at: c); codeOf.remove(at: c); indexed.remove(at: c)
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
@_spi(Benchmark) public struct NetworkData: Sendable {
    /// The file name shown in messages.
    public var file: String
    /// The format's name, for messages (`GraphML`, `Pajek`, …).
    public var format: String
    /// The file's text encoding as the summary names it (`utf-8`, `utf-16le`, `iso-8859-1`, …).
    public var encoding = "utf-8"
    /// Whether edges are directed unless an edge says otherwise.
    public var isDirected = false
    public var nodeIDs: [String] = []
    public var nodeLines: [Int32] = []
    public var nodeAttributes = TextAttributeColumns()
    /// Distinct edge ends (ids as written), in order of first appearance: told apart as strings, or as
    /// bytes by readers that add them with `appendEndpoint` (GraphML).
    public private(set) var endpoints: [String] = []
    /// Per edge: its source and target as indices into `endpoints`.
    public private(set) var edgeSourceCodes: [Int32] = []
    public private(set) var edgeTargetCodes: [Int32] = []
    /// The code of each end in `endpoints[..<indexedEndpoints]` (the others were appended directly and
    /// are indexed when `endpointCode` is next called).
    private var endpointCodes: [String: Int32] = [:]
    private var indexedEndpoints = 0
    /// Per edge: its source id.
    public var edgeSources: EdgeEnds { EdgeEnds(ids: endpoints, codes: edgeSourceCodes) }
    /// Per edge: its target id.
    public var edgeTargets: EdgeEnds { EdgeEnds(ids: endpoints, codes: edgeTargetCodes) }
    /// Per edge: directed (`true`), undirected (`false`) or as the graph says (`nil`).
    public var edgeDirected: [Bool?] = []
    public var edgeLines: [Int32] = []
    public var edgeAttributes = TextAttributeColumns()
    /// Warnings and notices raised while reading (folded matrices, skipped elements, …).
    public var diagnostics: [Diagnostic] = []

    /// Cells an attribute table may hold for a file of `fileBytes`: one per 2 bytes, at least 2 million.
    /// A table of real values has fewer cells than that (each value is written out with its key: at
    /// least 6 bytes a cell in JSON, 20 in GraphML); only a mostly empty one comes near — every node
    /// with attribute keys of its own, where 25,000 nodes make 625 million cells — and is refused
    /// instead of filled. Measured: an import costs about 1 µs and 50 bytes per cell (3,000 sparse
    /// nodes, 9 million cells: 8 s, 512 MB), so a 10 MB file stays within about 5 s and 250 MB.
    public static func cellLimit(fileBytes: Int) -> Int { InputLimits.raised(max(2_000_000, fileBytes / 2)) }

    /// Sets both attribute tables' `cellLimit` for a file of `fileBytes`.
    public mutating func limitCells(fileBytes: Int) {
        nodeAttributes.cellLimit = Self.cellLimit(fileBytes: fileBytes)
        edgeAttributes.cellLimit = nodeAttributes.cellLimit
    }

    /// Sets the limits from the size of the file at `path` (none where it cannot be read: the reader
    /// then fails on its own).
    public mutating func limitCells(path: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let size { limitCells(fileBytes: size) }
    }

    /// Why the file is refused, once an attribute table is over its limit (nil until then): readers
    /// check it at each node, edge and value. - Complexity: O(1).
    public var cellLimitMessage: String? {
        // Checked at every node, edge and value: two multiplications, no copy of the tables.
        if nodeAttributes.isOverLimit { return Self.cellLimitMessage("node", nodeAttributes) }
        if edgeAttributes.isOverLimit { return Self.cellLimitMessage("edge", edgeAttributes) }
        return nil
    }

    private static func cellLimitMessage(_ what: String, _ table: TextAttributeColumns) -> String {
        "refused: the \(what) attributes would make a table of \(table.names.count) columns × \(table.rowCount) rows, "
            + "more than \(table.cellLimit) cells (one per 2 bytes of the file, at least 2 million) and mostly empty: "
            + "does every \(what) have attribute keys of its own?"
    }

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

    /// The index of `id` in `endpoints`, added if new.
    public mutating func endpointCode(_ id: String) -> Int32 {
        while indexedEndpoints < endpoints.count {
            if endpointCodes[endpoints[indexedEndpoints]] == nil { endpointCodes[endpoints[indexedEndpoints]] = Int32(indexedEndpoints) }
            indexedEndpoints += 1
        }
        if let code = endpointCodes[id] { return code }
        let code = Int32(endpoints.count)
        endpoints.append(id)
        endpointCodes[id] = code
        indexedEndpoints += 1
        return code
    }

    /// Appends `id` to `endpoints` without looking it up, and returns its code: for readers that tell
    /// ids apart by their bytes (`NetworkTables` compares ends after normalising them). No hashing.
    public mutating func appendEndpoint(_ id: String) -> Int32 {
        endpoints.append(id)
        return Int32(endpoints.count - 1)
    }

    /// Adds an edge; set its attributes with `edgeAttributes.set` afterwards.
    public mutating func addEdge(_ source: String, _ target: String, directed: Bool? = nil, line: Int) {
        addEdge(source: endpointCode(source), target: endpointCode(target), directed: directed, line: line)
    }

    /// Adds an edge between `endpoints[source]` and `endpoints[target]` (codes from `endpointCode`).
    public mutating func addEdge(source: Int32, target: Int32, directed: Bool? = nil, line: Int) {
        edgeSourceCodes.append(source)
        edgeTargetCodes.append(target)
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

/// The source or target ids of a network's edges, read through their codes (no copy).
@_spi(Benchmark) public struct EdgeEnds: RandomAccessCollection, Sendable {
    let ids: [String]
    let codes: [Int32]
    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }
    public subscript(edge: Int) -> String { ids[Int(codes[edge])] }
}
