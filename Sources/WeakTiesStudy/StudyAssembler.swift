import Foundation

/// Applies the data contract to tables read by any importer and builds a `Study`:
/// column aliases, value parsing, identity (trim + NFC), validation, aggregation, provenance.
public enum StudyAssembler {
    /// Builds a study from one or more ties tables and an optional nodes table.
    ///
    /// Every error in every file is collected (up to `ImportFailure.errorsPerFile` per file) before
    /// failing, so a user can fix a spreadsheet in one pass.
    /// - Complexity: O(rows + distinct values) time; memory O(distinct values + rows × columns × 4 bytes).
    public static func assemble(
        ties tieTables: [CodedTable], nodes nodeTable: CodedTable?, options: StudyOptions = StudyOptions()
    ) throws(ImportFailure) -> Study {
        var state = AssemblyState(options: options)
        if let nodeTable { state.readNodes(nodeTable) }
        for (fileIndex, table) in tieTables.enumerated() { state.readTies(table, fileIndex: fileIndex) }
        state.checkCanonicalIDs()
        try state.throwErrors()
        return try state.finish(tieTables: tieTables, nodeTable: nodeTable)
    }
}

/// The parsed values of one column, one per distinct cell value: scalars for the rows' hot loop,
/// messages only for the values that break the contract.
private struct CompactColumn<T> {
    let column: Int
    /// The column's code per row.
    let codes: [Int32]
    var values: [T] = []
    var invalid: [Bool] = []
    var messages: [Int: String] = [:]

    init(_ table: CodedTable, _ column: Int, fallback: T, _ parse: (String) -> Result<T, ValueError>) {
        self.column = column
        codes = table.columns[column].codes
        let distinct = table.columns[column].values
        values.reserveCapacity(distinct.count)
        invalid.reserveCapacity(distinct.count)
        for (code, text) in distinct.enumerated() {
            switch parse(text) {
            case .success(let v):
                values.append(v); invalid.append(false)
            case .failure(let e):
                values.append(fallback)  // never read: rows with this value are rejected
                invalid.append(true)
                messages[code] = e.message
            }
        }
    }
}

/// Whether `text` is empty or only white space (`CharacterSet.whitespaces`); ASCII is decided on its
/// bytes (Foundation's trimming, which copies the string, only for other text).
private func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 {
        if byte >= 0x80 { return text.trimmingCharacters(in: .whitespaces).isEmpty }
        if byte != 0x20 && byte != 0x09 { return false }
    }
    return true
}

private struct ActorDraft {
    var id: String
    var label: String
    var kind: ActorKind?
    var partnerType: String?
    var region: String?
    var sector: String?
    var established: Bool?
    var founded: Int?
    var attributes: [String: String] = [:]
    var isDeclared: Bool
    var location: SourceLocation
    var namedAsInnovation = false
    var namedAsPartner = false
}

private struct AssemblyState {
    let options: StudyOptions
    var actors: [ActorDraft] = []
    var indexByID: [String: Int32] = [:]
    var errorsByFile: [(file: String, errors: ErrorCollector)] = []
    var diagnostics: [Diagnostic] = []
    var nodeColumns: [String] = []

    // Mention columns (parsed values).
    var source: [Int32] = [], target: [Int32] = [], strength: [Strength] = []
    var initiator: [UInt8] = [], since: [Int16] = [], weight: [Double] = []
    var proximity: [[UInt8]] = Array(repeating: [], count: ProximityDimension.allCases.count)
    var fileIndex: [Int16] = [], line: [Int32] = []
    var tableMappings: [HeaderMapping<TieField>?] = []
    /// Ids written as themselves (not through an alias) in either table; aliases met in the data.
    var directIDs: Set<String> = []
    var usedAliases: Set<String> = []

    init(options: StudyOptions) { self.options = options }

    /// The canonical id of a normalised id, noting which aliases the data uses.
    mutating func canonicalID(_ id: String) -> String {
        guard !options.aliases.isEmpty else { return id }
        let canonical = options.aliases.resolve(id)
        if canonical == id { directIDs.insert(id) } else { usedAliases.insert(id) }
        return canonical
    }

    /// Every alias the data uses must lead to an id the study contains as itself.
    mutating func checkCanonicalIDs() {
        guard !usedAliases.isEmpty else { return }
        var errors = ErrorCollector()
        let aliases = options.aliases
        for alias in usedAliases.sorted(by: { aliases.locations[$0]! < aliases.locations[$1]! }) {
            let canonical = aliases.resolve(alias)
            guard !directIDs.contains(canonical) else { continue }
            let nearest = ActorLookup.nearest(to: canonical, among: directIDs)
            let hint = nearest.map { " (did you mean '\($0)'?)" } ?? ""
            errors.add(aliases.locations[alias]!, "canonical id '\(canonical)' of alias '\(alias)' is not an id of the study: neither the nodes table nor the ties name it\(hint)")
        }
        record(errors, file: aliases.file ?? "aliases")
    }

    func throwErrors() throws(ImportFailure) {
        let listed = errorsByFile.flatMap { $0.errors.errors.sorted { $0.location < $1.location } }
        let omitted = errorsByFile.reduce(0) { $0 + $1.errors.omittedCount }
        if !listed.isEmpty { throw ImportFailure(errors: listed, omittedCount: omitted) }
    }

    mutating func record(_ errors: ErrorCollector, file: String) {
        if !errors.isEmpty { errorsByFile.append((file, errors)) }
    }

    // MARK: Nodes table

    mutating func readNodes(_ table: CodedTable) {
        diagnostics += table.diagnostics
        var errors = ErrorCollector()
        let mapping = HeaderMapping<NodeField>(
            table: table, field: NodeField.field(forHeader:), required: [.id],
            requiredHint: { _ in "or one of: actor, akteur, node" }, errors: &errors)
        nodeColumns = NodeField.allCases.filter { mapping.columnOf[$0] != nil }.map(\.rawValue)
            + mapping.extraColumns.map { extraName(table, $0) }
        if table.rowCount == 0 && !table.isIncomplete && !table.mayBeEmpty {
            errors.add(SourceLocation(file: table.file, line: table.headerLine), "no data rows after the header")
        }
        guard let idColumn = mapping.columnOf[.id], errors.isEmpty else { record(errors, file: table.file); return }

        func parsed<T>(_ field: NodeField, _ parse: (String) -> Result<T, ValueError>) -> [Result<T, ValueError>]? {
            mapping.columnOf[field].map { table.columns[$0].values.map(parse) }
        }
        let writtenIDs = table.columns[idColumn].values.map(CellParser.normalizedID)
        let ids = writtenIDs.map { canonicalID($0) }
        let kinds = parsed(.kind, CellParser.kind)
        let established = parsed(.established) { CellParser.boolean($0, column: table.header[mapping.columnOf[.established]!]) }
        let founded = parsed(.founded) { CellParser.year($0, column: table.header[mapping.columnOf[.founded]!]) }
        var unknownPartnerTypes: [String: SourceLocation] = [:]

        // Whether each distinct value of a column is blank, decided once per value (not per row).
        var blank: [Int: [Bool]] = [:]
        for c in mapping.columnOf.values { blank[c] = table.columns[c].values.map(isBlank) }
        // Per field its column, codes and blank flags, looked up once (not per row).
        struct TextField { let codes: [Int32]; let values: [String]; let blank: [Bool] }
        var textFields: [NodeField: TextField] = [:]
        for (field, c) in mapping.columnOf { textFields[field] = TextField(codes: table.columns[c].codes, values: table.columns[c].values, blank: blank[c]!) }
        let labelText = textFields[.label], partnerTypeText = textFields[.partnerType]
        let regionText = textFields[.region], sectorText = textFields[.sector]
        func text(_ field: TextField?, _ row: Int) -> String? {
            guard let field else { return nil }
            let code = Int(field.codes[row])
            return field.blank[code] ? nil : field.values[code]
        }
        let kindColumn = mapping.columnOf[.kind], establishedColumn = mapping.columnOf[.established], foundedColumn = mapping.columnOf[.founded]
        func value<T>(_ results: [Result<T?, ValueError>]?, _ column: Int?, _ row: Int) -> T? {
            guard let results, let c = column else { return nil }
            switch results[Int(table.columns[c].codes[row])] {
            case .success(let v): return v
            case .failure(let e): errors.add(table.location(row: row, column: c), e.message); return nil
            }
        }

        let extraNames = mapping.extraColumns.map { ($0, extraName(table, $0)) }
        indexByID.reserveCapacity(indexByID.count + table.rowCount)
        actors.reserveCapacity(actors.count + table.rowCount)
        // Rows of canonical actors first, so a row declaring an alias meets its canonical actor's row.
        let codes = table.columns[idColumn].codes
        let isAliasRow = { (row: Int) in ids[Int(codes[row])] != writtenIDs[Int(codes[row])] }
        let rowOrder = options.aliases.isEmpty ? Array(0..<table.rowCount)
            : (0..<table.rowCount).filter { !isAliasRow($0) } + (0..<table.rowCount).filter(isAliasRow)
        for row in rowOrder {
            let id = ids[Int(table.columns[idColumn].codes[row])]
            let location = table.location(row: row, column: idColumn)
            let kind = value(kinds, kindColumn, row)
            let isEstablished = value(established, establishedColumn, row)
            let foundedYear = value(founded, foundedColumn, row)
            if id.isEmpty { errors.add(location, "empty id"); continue }
            if isAliasRow(row), let existing = indexByID[id] {
                // An alias's own row: merged into its canonical actor where no coded value contradicts it.
                let alias = writtenIDs[Int(codes[row])]
                let first = actors[Int(existing)]
                let conflicts: [(String, String?, String?)] = [
                    ("kind", kind.map(\.rawValue), first.kind.map(\.rawValue)),
                    ("partner_type", text(partnerTypeText, row), first.partnerType),
                    ("region", text(regionText, row), first.region), ("sector", text(sectorText, row), first.sector),
                    ("established", isEstablished.map { "\($0)" }, first.established.map { "\($0)" }),
                    ("founded", foundedYear.map { "\($0)" }, first.founded.map { "\($0)" }),
                ].filter { $0.1 != nil && $0.2 != nil && $0.1 != $0.2 }
                if let (field, mine, theirs) = conflicts.first {
                    errors.add(location, "'\(alias)' is an alias of '\(id)' (\(options.aliases.locations[alias]!)) but its \(field) '\(mine!)' contradicts '\(theirs!)' (line \(first.location.line)); correct one of the rows or drop the alias")
                } else {
                    diagnostics.append(Diagnostic(.notice, location, "'\(alias)' is an alias of '\(id)': its row is merged into line \(first.location.line)"))
                }
                continue
            }
            // One hash per id: inserted here (the actor is appended below), put back if taken.
            if let existing = indexByID.updateValue(Int32(actors.count), forKey: id) {
                indexByID[id] = existing
                let first = actors[Int(existing)]
                if let k1 = first.kind, let k2 = kind, k1 != k2 {
                    errors.add(location, "id '\(id)' declared again with conflicting kind '\(k2.rawValue)' (line \(first.location.line) says '\(k1.rawValue)')")
                } else {
                    errors.add(location, "duplicate id '\(id)' (first declared on line \(first.location.line))")
                }
                continue
            }
            let partnerType = text(partnerTypeText, row)
            if let partnerType, PartnerType(rawValue: partnerType.trimmingCharacters(in: .whitespaces).lowercased()) == nil,
                unknownPartnerTypes[partnerType] == nil, let c = mapping.columnOf[.partnerType]
            {
                unknownPartnerTypes[partnerType] = table.location(row: row, column: c)
            }
            var attributes: [String: String] = [:]
            for (c, name) in extraNames { attributes[name] = table.columns[c][row] }
            actors.append(ActorDraft(
                id: id, label: text(labelText, row) ?? id, kind: kind, partnerType: partnerType,
                region: text(regionText, row), sector: text(sectorText, row), established: isEstablished,
                founded: foundedYear, attributes: attributes, isDeclared: true, location: location))
        }
        for (value, location) in unknownPartnerTypes.sorted(by: { $0.value < $1.value }) {
            diagnostics.append(Diagnostic(.warning, location,
                "partner_type '\(value)' is not one of \(PartnerType.allCases.map(\.rawValue).joined(separator: ", ")); kept as written"))
        }
        record(errors, file: table.file)
    }

    // MARK: Ties tables

    mutating func readTies(_ table: CodedTable, fileIndex file: Int) {
        diagnostics += table.diagnostics
        var errors = ErrorCollector()
        let mapping = HeaderMapping<TieField>(
            table: table, field: TieField.field(forHeader:), required: TieField.required,
            requiredHint: { f in "or one of: " + f.names.dropFirst().joined(separator: ", ") }, errors: &errors)
        tableMappings.append(mapping)
        if table.rowCount == 0 && !table.isIncomplete && !table.mayBeEmpty {
            errors.add(SourceLocation(file: table.file, line: table.headerLine), "no data rows after the header")
        }
        guard let sourceColumn = mapping.columnOf[.source], let targetColumn = mapping.columnOf[.target],
            let strengthColumn = mapping.columnOf[.strength], errors.isEmpty
        else { record(errors, file: table.file); return }

        // Parse each distinct value once into compact arrays; rows then look their value up by code.
        // A value that breaks the contract is marked in `invalid` and its message kept per code.
        let threshold = options.strongThreshold
        let strengths = CompactColumn(table, strengthColumn, fallback: UInt8(0)) { (Strength.parse($0, strongThreshold: threshold)).map { $0.rawValue } }
        func compact<T: Sendable>(_ field: TieField, fallback: T, _ parse: @escaping (String) -> Result<T, ValueError>) -> CompactColumn<T>? {
            mapping.columnOf[field].map { CompactColumn(table, $0, fallback: fallback, parse) }
        }
        let initiators = compact(.initiator, fallback: UInt8(255)) { Initiator.parse($0).map { $0.map { UInt8(Initiator.allCases.firstIndex(of: $0)!) } ?? 255 } }
        let years = compact(.since, fallback: Int16(0)) { [header = table.header[mapping.columnOf[.since] ?? 0]] in
            CellParser.year($0, column: header).map { Int16($0 ?? 0) }
        }
        let weights = compact(.weight, fallback: Double.nan) { [header = table.header[mapping.columnOf[.weight] ?? 0]] in
            CellParser.weight($0, column: header).map { $0 ?? .nan }
        }
        let proximities = ProximityDimension.allCases.map { dimension in
            compact(TieField(rawValue: dimension.columnName)!, fallback: UInt8(0)) { ProximityLevel.parse($0, column: dimension.columnName).map { UInt8($0?.rawValue ?? 0) } }
        }
        let sourceIDs = table.columns[sourceColumn].values.map { canonicalID(CellParser.normalizedID($0)) }
        let targetIDs = table.columns[targetColumn].values.map { canonicalID(CellParser.normalizedID($0)) }
        var sourceActor = [Int32](repeating: -1, count: sourceIDs.count)
        var targetActor = [Int32](repeating: -1, count: targetIDs.count)
        let sourceIsInnovationAlias = normalizedHeaderName(table.header[sourceColumn]) == "innovation"
        let targetIsPartnerAlias = normalizedHeaderName(table.header[targetColumn]) == "partner"

        /// The actor named in `column` of `row` (created on first sight), or -1 for an empty id.
        func resolve(_ row: Int, column: Int, ids: [String], cache: inout [Int32], end: String,
                     mark: WritableKeyPath<ActorDraft, Bool>?, ok: inout Bool) -> Int32 {
            let code = Int(table.columns[column].codes[row])
            if cache[code] >= 0 { return cache[code] }
            guard !ids[code].isEmpty else {
                errors.add(table.location(row: row, column: column), "empty \(end) id")
                ok = false
                return -1
            }
            let index = actor(ids[code], at: table.location(row: row, column: column))
            cache[code] = index
            if let mark { actors[Int(index)][keyPath: mark] = true }
            return index
        }

        func lookup<T>(_ entry: CompactColumn<T>?, _ row: Int, default fallback: T, ok: inout Bool) -> T {
            guard let entry else { return fallback }
            let code = Int(entry.codes[row])
            if entry.invalid[code] {
                errors.add(table.location(row: row, column: entry.column), entry.messages[code]!)
                ok = false
                return fallback
            }
            return entry.values[code]
        }

        let rows = table.rowCount
        let capacity = source.count + rows
        // The mention columns are filled as locals (no access to `self` per row) and put back after.
        var source = self.source, target = self.target, strength = self.strength
        var initiator = self.initiator, since = self.since, weight = self.weight
        var proximity = self.proximity, fileIndex = self.fileIndex, line = self.line
        (self.source, self.target, self.strength, self.initiator, self.since, self.weight) = ([], [], [], [], [], [])
        (self.proximity, self.fileIndex, self.line) = ([], [], [])
        defer {
            (self.source, self.target, self.strength, self.initiator, self.since, self.weight) = (source, target, strength, initiator, since, weight)
            (self.proximity, self.fileIndex, self.line) = (proximity, fileIndex, line)
        }
        source.reserveCapacity(capacity); target.reserveCapacity(capacity); strength.reserveCapacity(capacity)
        initiator.reserveCapacity(capacity); since.reserveCapacity(capacity); weight.reserveCapacity(capacity)
        fileIndex.reserveCapacity(capacity); line.reserveCapacity(capacity)
        for d in proximity.indices { proximity[d].reserveCapacity(capacity) }
        let rowLines = table.rowLines
        for row in 0..<rows {
            var ok = true
            let s = resolve(row, column: sourceColumn, ids: sourceIDs, cache: &sourceActor, end: "source",
                            mark: sourceIsInnovationAlias ? \.namedAsInnovation : nil, ok: &ok)
            let t = resolve(row, column: targetColumn, ids: targetIDs, cache: &targetActor, end: "target",
                            mark: targetIsPartnerAlias ? \.namedAsPartner : nil, ok: &ok)
            if ok && s == t {
                let written = (CellParser.normalizedID(table.columns[sourceColumn][row]), CellParser.normalizedID(table.columns[targetColumn][row]))
                if written.0 != written.1 {
                    let alias = [written.0, written.1].first { options.aliases.canonical[$0] != nil } ?? written.1
                    errors.add(table.location(row: row, column: targetColumn),
                               "self-loop after aliases: '\(written.0)' and '\(written.1)' are both '\(actors[Int(s)].id)' (\(options.aliases.locations[alias].map { "\($0)" } ?? "alias table")); drop the row or the alias")
                } else {
                    errors.add(table.location(row: row, column: targetColumn), "self-loop: '\(actors[Int(s)].id)' is tied to itself")
                }
                ok = false
            }
            let tieStrength = Strength(rawValue: lookup(strengths, row, default: 0, ok: &ok))!
            let who = lookup(initiators, row, default: 255, ok: &ok)
            let year = lookup(years, row, default: 0, ok: &ok)
            var levels: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
            levels.0 = lookup(proximities[0], row, default: 0, ok: &ok)
            levels.1 = lookup(proximities[1], row, default: 0, ok: &ok)
            levels.2 = lookup(proximities[2], row, default: 0, ok: &ok)
            levels.3 = lookup(proximities[3], row, default: 0, ok: &ok)
            levels.4 = lookup(proximities[4], row, default: 0, ok: &ok)
            let w = lookup(weights, row, default: .nan, ok: &ok)
            guard ok, errors.isEmpty else { continue }
            source.append(s); target.append(t); strength.append(tieStrength)
            initiator.append(who)
            since.append(year)
            proximity[0].append(levels.0); proximity[1].append(levels.1); proximity[2].append(levels.2)
            proximity[3].append(levels.3); proximity[4].append(levels.4)
            weight.append(w)
            fileIndex.append(Int16(file)); line.append(rowLines[row])
        }
        record(errors, file: table.file)
    }

    mutating func actor(_ id: String, at location: SourceLocation) -> Int32 {
        if let index = indexByID[id] { return index }
        let index = Int32(actors.count)
        indexByID[id] = index
        actors.append(ActorDraft(id: id, label: id, kind: nil, isDeclared: false, location: location))
        return index
    }

    func extraName(_ table: CodedTable, _ column: Int) -> String {
        let name = table.header[column].trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? "column_\(column + 1)" : name
    }

    // MARK: Finish

    mutating func finish(tieTables: [CodedTable], nodeTable: CodedTable?) throws(ImportFailure) -> Study {
        var (columnNames, cells) = unionColumns(tieTables)
        try applyConsensus(columnNames, &cells, tables: tieTables)
        let kinds = inferKinds(hasNodesTable: nodeTable != nil, nodesFile: nodeTable?.file)
        checkYears(kinds: kinds, files: tieTables.map(\.file))
        let tieTable = aggregate()
        let finalActors = actors.enumerated().map { (i, a) in
            Actor(id: a.id, label: a.label, kind: kinds[i], partnerType: a.partnerType, region: a.region,
                  sector: a.sector, established: a.established, founded: a.founded, attributes: a.attributes,
                  isDeclared: a.isDeclared, location: a.location)
        }
        let files = tieTables.map(\.file)
        let mentions = MentionTable(
            columnNames: columnNames, cells: cells, source: source, target: target, tie: mentionTie,
            strength: strength, initiatorCodes: initiator, sinceYears: since, proximityLevels: proximity,
            weight: weight, fileIndex: fileIndex, line: line, files: files,
            columnIndex: Dictionary(uniqueKeysWithValues: columnNames.enumerated().map { ($1, $0) }))
        var sources = tieTables.map {
            SourceFile(path: $0.file, role: .ties, rows: $0.rowCount, encoding: $0.encoding, delimiter: $0.delimiter)
        }
        if let n = nodeTable {
            sources.append(SourceFile(path: n.file, role: .nodes, rows: n.rowCount, encoding: n.encoding, delimiter: n.delimiter))
        }
        return Study(
            actors: finalActors, mentions: mentions, ties: tieTable, nodeColumns: nodeColumns,
            diagnostics: diagnostics, sources: sources, options: options, actorIndexByID: indexByID)
    }

    var mentionTie: [Int32] = []

    /// Warns, with the line, about a tie year before the founding year of an innovation it joins (the
    /// timeline then counts it as early, at a negative age) and about a year after the current one; at
    /// most 20 of each are listed, the rest counted.
    mutating func checkYears(kinds: [ActorKind], files: [String], currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        var early: [Diagnostic] = [], future: [Diagnostic] = []
        var earlyCount = 0, futureCount = 0
        for m in 0..<since.count where since[m] != 0 {
            let year = Int(since[m])
            let location = SourceLocation(file: files[Int(fileIndex[m])], line: Int(line[m]))
            if year > currentYear {
                futureCount += 1
                if future.count < 20 { future.append(Diagnostic(.warning, location, "the tie's year \(year) is in the future")) }
            }
            for end in [Int(source[m]), Int(target[m])] where kinds[end] == .innovation {
                guard let founded = actors[end].founded, year < founded else { continue }
                earlyCount += 1
                if early.count < 20 {
                    early.append(Diagnostic(.warning, location, "the tie began in \(year), before '\(actors[end].id)' was founded (\(founded)); the timeline counts it at age \(year - founded)"))
                }
            }
        }
        diagnostics += early + future
        if earlyCount > early.count, let first = files.first {
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: first, line: 0), "\(earlyCount - early.count) more ties begin before their innovation was founded"))
        }
        if futureCount > future.count, let first = files.first {
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: first, line: 0), "\(futureCount - future.count) more tie years are in the future"))
        }
    }

    /// Sets aside the mentions the consensus rule does not accept (see `ConsensusRule`), before
    /// aggregation, with a notice that counts them.
    /// - Complexity: O(mentions) expected (one hash per mention).
    mutating func applyConsensus(_ names: [String], _ cells: inout [TextColumn], tables: [CodedTable]) throws(ImportFailure) {
        let rule = options.consensus
        guard rule != .union, let firstTable = tables.first else { return }
        let header = SourceLocation(file: firstTable.file, line: firstTable.headerLine)
        guard let ic = names.firstIndex(of: TieField.interview.rawValue), let cc = names.firstIndex(of: TieField.coder.rawValue) else {
            throw ImportFailure(errors: [Diagnostic(.error, header, "the consensus rule '\(rule)' weighs the coders of each interview, but the ties tables have no \(names.contains(TieField.interview.rawValue) ? "coder" : "interview") column")])
        }
        func dense(_ column: TextColumn) -> (perCode: [Int32], names: [String]) {
            var id: [String: Int32] = [:], names: [String] = []
            let perCode = column.values.map { value -> Int32 in
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { return -1 }
                if let k = id[trimmed] { return k }
                id[trimmed] = Int32(names.count); names.append(trimmed)
                return Int32(names.count - 1)
            }
            return (perCode, names)
        }
        let interviews = dense(cells[ic]), coders = dense(cells[cc])
        let interviewOf = cells[ic].codes.map { interviews.perCode[Int($0)] }
        let coderOf = cells[cc].codes.map { coders.perCode[Int($0)] }
        var chosen: Int32 = -1
        if case .coder(let name) = rule {
            guard let k = coders.names.firstIndex(of: name) ?? coders.names.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                let known = coders.names.sorted()
                let nearest = ActorLookup.nearest(to: name, among: known)
                throw ImportFailure(errors: [Diagnostic(.error, header, "the consensus rule names coder '\(name)', who coded no mention (coders: \(known.joined(separator: ", ")))" + (nearest.map { "; did you mean '\($0)'?" } ?? ""))])
            }
            chosen = Int32(k)
        }
        let count = source.count
        var codersOfInterview = [[Int32]](repeating: [], count: interviews.names.count)
        for m in 0..<count where interviewOf[m] >= 0 && coderOf[m] >= 0 {
            if !codersOfInterview[Int(interviewOf[m])].contains(coderOf[m]) { codersOfInterview[Int(interviewOf[m])].append(coderOf[m]) }
        }
        struct Unit: Hashable { let interview: Int32, a: Int32, b: Int32 }
        var codersOfUnit: [Unit: [Int32]] = [:]
        if chosen < 0 {
            for m in 0..<count where interviewOf[m] >= 0 && coderOf[m] >= 0 && codersOfInterview[Int(interviewOf[m])].count >= 2 {
                let unit = Unit(interview: interviewOf[m], a: min(source[m], target[m]), b: max(source[m], target[m]))
                if !(codersOfUnit[unit]?.contains(coderOf[m]) ?? false) { codersOfUnit[unit, default: []].append(coderOf[m]) }
            }
        }
        var keep = [Bool](repeating: true, count: count)
        var setAsideUnits = Set<Unit>()
        for m in 0..<count where interviewOf[m] >= 0 && coderOf[m] >= 0 {
            let interviewCoders = codersOfInterview[Int(interviewOf[m])]
            guard interviewCoders.count >= 2 else { continue }
            let unit = Unit(interview: interviewOf[m], a: min(source[m], target[m]), b: max(source[m], target[m]))
            switch rule {
            case .union: break
            case .majority: keep[m] = codersOfUnit[unit]!.count * 2 > interviewCoders.count
            case .intersection: keep[m] = codersOfUnit[unit]!.count == interviewCoders.count
            case .coder: keep[m] = !interviewCoders.contains(chosen) || coderOf[m] == chosen
            }
            if !keep[m] { setAsideUnits.insert(unit) }
        }
        let setAside = keep.count { !$0 }
        diagnostics.append(Diagnostic(.notice, header, setAside == 0
            ? "consensus rule '\(rule)': every mention kept"
            : "consensus rule '\(rule)': \(setAside) of \(count) mentions set aside (\(setAsideUnits.count) pairs in \(Set(setAsideUnits.map(\.interview)).count) interviews; weakties agree lists the disagreements)"))
        guard setAside > 0 else { return }
        func kept<T>(_ values: [T]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(count - setAside)
            for m in 0..<count where keep[m] { out.append(values[m]) }
            return out
        }
        source = kept(source); target = kept(target); strength = kept(strength)
        initiator = kept(initiator); since = kept(since); weight = kept(weight)
        proximity = proximity.map(kept); fileIndex = kept(fileIndex); line = kept(line)
        cells = cells.map { TextColumn(values: $0.values, codes: kept($0.codes)) }
        // Actors only the set-aside mentions named (and no nodes table declares) go with them.
        var named = actors.map(\.isDeclared)
        for m in source.indices { named[Int(source[m])] = true; named[Int(target[m])] = true }
        guard named.contains(false) else { return }
        var newIndex = [Int32](repeating: -1, count: actors.count)
        var kept: [ActorDraft] = []
        for (a, draft) in actors.enumerated() where named[a] { newIndex[a] = Int32(kept.count); kept.append(draft) }
        actors = kept
        indexByID = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1.id, Int32($0)) })
        source = source.map { newIndex[Int($0)] }
        target = target.map { newIndex[Int($0)] }
    }

    /// Union of the columns of all ties tables: known fields under canonical names, then extra columns.
    func unionColumns(_ tables: [CodedTable]) -> ([String], [TextColumn]) {
        var names: [String] = []
        var keys: [String] = []  // normalised, for matching extra columns across files
        var position: [String: Int] = [:]  // key → index (a linear search per column was quadratic:
                                           // a header of 100,000 columns took 38 s)
        func add(_ key: String, _ name: String) {
            guard position[key] == nil else { return }
            position[key] = keys.count
            names.append(name); keys.append(key)
        }
        for field in TieField.allCases where tableMappings.contains(where: { $0?.columnOf[field] != nil }) {
            add("field:" + field.rawValue, field.rawValue)
        }
        for (t, table) in tables.enumerated() {
            for c in tableMappings[t]?.extraColumns ?? [] {
                add("extra:" + normalizedHeaderName(extraName(table, c)), extraName(table, c))
            }
        }
        // Which column of each table feeds each union column.
        var feeds = [[Int?]](repeating: [Int?](repeating: nil, count: keys.count), count: tables.count)
        for (t, table) in tables.enumerated() {
            guard let mapping = tableMappings[t] else { continue }
            for (field, c) in mapping.columnOf { feeds[t][position["field:" + field.rawValue]!] = c }
            for c in mapping.extraColumns {
                feeds[t][position["extra:" + normalizedHeaderName(extraName(table, c))]!] = c
            }
        }
        if tables.count == 1 {
            return (names, feeds[0].map { tables[0].columns[$0!] })
        }
        var cells: [TextColumn] = []
        for u in 0..<keys.count {
            var column = TextColumn()
            var codeOf: [String: Int32] = [:]
            func code(_ value: String) -> Int32 {
                if let c = codeOf[value] { return c }
                let c = Int32(column.values.count)
                column.values.append(value); codeOf[value] = c
                return c
            }
            for (t, table) in tables.enumerated() {
                if let c = feeds[t][u] {
                    let remap = table.columns[c].values.map(code)
                    column.codes += table.columns[c].codes.map { remap[Int($0)] }
                } else {
                    column.codes += repeatElement(code(""), count: table.rowCount)
                }
            }
            cells.append(column)
        }
        return (names, cells)
    }

    /// The contract's kind rules for actors the nodes table lacks, with the warning that lists them.
    mutating func inferKinds(hasNodesTable: Bool, nodesFile: String?) -> [ActorKind] {
        var kinds = actors.map { a -> ActorKind? in
            if let k = a.kind { return k }
            if a.namedAsInnovation { return .innovation }
            if a.namedAsPartner { return .partner }
            return nil
        }
        // Ties are undirected: an undeclared actor tied to an innovation is its partner, whichever
        // column named it (the contract's "targets of an innovation", read both ways).
        for m in 0..<source.count {
            let s = Int(source[m]), t = Int(target[m])
            if kinds[s] == .innovation && kinds[t] == nil { kinds[t] = .partner }
        }
        for m in 0..<source.count {
            let s = Int(source[m]), t = Int(target[m])
            if kinds[t] == .innovation && kinds[s] == nil { kinds[s] = .partner }
        }
        let created = actors.indices.filter { !actors[$0].isDeclared }
        if !created.isEmpty {
            let shown = created.prefix(20).map { "'\(actors[$0].id)' (\(actors[$0].location))" }.joined(separator: ", ")
            let more = created.count > 20 ? " and \(created.count - 20) more" : ""
            if let nodesFile {
                diagnostics.append(Diagnostic(.warning, SourceLocation(file: nodesFile, line: 0),
                    "\(created.count) actors named in the ties table are missing here and were created: \(shown)\(more)"))
            } else if !hasNodesTable {
                diagnostics.append(Diagnostic(.notice, SourceLocation(file: actors[created[0]].location.file, line: 0),
                    "no nodes table given: \(created.count) actors created from the ties table"))
            }
        }
        return kinds.map { $0 ?? .unknown }
    }

    /// Folds mentions of the same unordered pair into ties, in order of first mention.
    ///
    /// No hashing: the mentions are bucketed by their smaller end (a stable counting sort), and within
    /// a bucket each larger end remembers the first mention that named it, which represents the pair.
    /// Representatives precede the mentions they stand for, so one pass in input order numbers the ties.
    /// - Complexity: O(n + mentions) time and memory.
    mutating func aggregate() -> TieTable {
        let source = self.source, target = self.target, strength = self.strength  // locals: no access checks
        let mentionCount = source.count, n = actors.count
        var bucketStart = [Int32](repeating: 0, count: n + 1)
        for m in 0..<mentionCount { bucketStart[Int(min(source[m], target[m])) + 1] += 1 }
        for a in 0..<n { bucketStart[a + 1] += bucketStart[a] }
        var byLowerEnd = [Int32](repeating: 0, count: mentionCount)
        var next = bucketStart
        for m in 0..<mentionCount {
            let a = Int(min(source[m], target[m]))
            byLowerEnd[Int(next[a])] = Int32(m)
            next[a] += 1
        }
        var representative = [Int32](repeating: 0, count: mentionCount)
        var seenIn = [Int32](repeating: -1, count: n), firstMention = [Int32](repeating: 0, count: n)
        for a in 0..<n {
            for i in Int(bucketStart[a])..<Int(bucketStart[a + 1]) {
                let m = byLowerEnd[i]
                let b = Int(max(source[Int(m)], target[Int(m)]))
                if seenIn[b] != Int32(a) { seenIn[b] = Int32(a); firstMention[b] = m }
                representative[Int(m)] = firstMention[b]
            }
        }
        var tieSource: [Int32] = [], tieTarget: [Int32] = []
        var strongVotes: [Int32] = [], weakVotes: [Int32] = [], latest: [Strength] = []
        tieSource.reserveCapacity(mentionCount); tieTarget.reserveCapacity(mentionCount)
        strongVotes.reserveCapacity(mentionCount); weakVotes.reserveCapacity(mentionCount); latest.reserveCapacity(mentionCount)
        var mentionTie = [Int32](repeating: 0, count: mentionCount)
        for m in 0..<mentionCount {
            let r = Int(representative[m])
            let t: Int32
            if r == m {
                t = Int32(tieSource.count)
                tieSource.append(source[m]); tieTarget.append(target[m])
                strongVotes.append(0); weakVotes.append(0); latest.append(.weak)
            } else {
                t = mentionTie[r]
            }
            mentionTie[m] = t
            if strength[m] == .strong { strongVotes[Int(t)] += 1 } else { weakVotes[Int(t)] += 1 }
            latest[Int(t)] = strength[m]
        }
        self.mentionTie = mentionTie
        let count = tieSource.count
        var offsets = [Int](repeating: 0, count: count + 1)
        for t in mentionTie { offsets[Int(t) + 1] += 1 }
        for t in 0..<count { offsets[t + 1] += offsets[t] }
        var cursor = offsets
        var indices = [Int32](repeating: 0, count: mentionTie.count)
        for (m, t) in mentionTie.enumerated() {
            indices[cursor[Int(t)]] = Int32(m)
            cursor[Int(t)] += 1
        }
        let rule = options.strengthRule
        let strengths = (0..<count).map {
            rule.decide(strongVotes: Int(strongVotes[$0]), weakVotes: Int(weakVotes[$0]), latest: latest[$0])
        }
        return TieTable(source: tieSource, target: tieTarget, strength: strengths, strongVotes: strongVotes,
                        weakVotes: weakVotes, mentionOffsets: offsets, mentionIndices: indices)
    }
}
