extension Study {
    /// The study with only the ties of `strength` and their mentions, every actor kept (an actor
    /// whose ties are all of the other strength becomes an isolate): for analysing the weak-tie or
    /// strong-tie network alone. Ties and mentions are renumbered in their order; a notice counts
    /// what was kept. - Complexity: O(actors + ties + mentions × columns).
    public func restricted(to strength: Strength) -> Study {
        keepingTies(ties.strength.map { $0 == strength }, notice: "only \(strength.name) ties")
    }

    /// The study with only the ties `keepTie` marks and their mentions, every actor kept; ties and
    /// mentions renumbered in their order. With `notice`, a notice counts what was kept.
    /// - Complexity: O(actors + ties + mentions × columns).
    public func keepingTies(_ keepTie: [Bool], notice label: String?) -> Study {
        var newTie = [Int32](repeating: -1, count: ties.count)
        var kept = 0
        for t in 0..<ties.count where keepTie[t] { newTie[t] = Int32(kept); kept += 1 }
        let m = mentions
        let keptMentions = (0..<m.count).filter { keepTie[Int(m.tie[$0])] }
        func pick<T>(_ values: [T]) -> [T] { keptMentions.map { values[$0] } }
        let mentionTable = MentionTable(
            columnNames: m.columnNames, cells: m.cells.map { TextColumn(values: $0.values, codes: pick($0.codes)) },
            source: pick(m.source), target: pick(m.target), tie: keptMentions.map { newTie[Int(m.tie[$0])] },
            strength: pick(m.strength), initiatorCodes: pick(m.initiatorCodes), sinceYears: pick(m.sinceYears),
            proximityLevels: m.proximityLevels.map(pick), weight: pick(m.weight), fileIndex: pick(m.fileIndex),
            line: pick(m.line), files: m.files, columnIndex: m.columnIndex)
        let keptTies = (0..<ties.count).filter { keepTie[$0] }
        // New mention index of each kept mention, for the ties' CSR lists.
        var newMention = [Int32](repeating: -1, count: m.count)
        for (k, old) in keptMentions.enumerated() { newMention[old] = Int32(k) }
        var offsets = [0]
        var indices: [Int32] = []
        indices.reserveCapacity(keptMentions.count)
        for t in keptTies {
            for i in ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1] { indices.append(newMention[Int(ties.mentionIndices[i])]) }
            offsets.append(indices.count)
        }
        let tieTable = TieTable(
            source: keptTies.map { ties.source[$0] }, target: keptTies.map { ties.target[$0] },
            strength: keptTies.map { ties.strength[$0] }, strongVotes: keptTies.map { ties.strongVotes[$0] },
            weakVotes: keptTies.map { ties.weakVotes[$0] }, mentionOffsets: offsets, mentionIndices: indices)
        let notice = label.map { Diagnostic(.notice, SourceLocation(file: sources.first?.path ?? "", line: 0),
                                            "\($0): \(kept) of \(ties.count) ties and \(keptMentions.count) of \(m.count) mentions kept") }
        return Study(actors: actors, mentions: mentionTable, ties: tieTable, nodeColumns: nodeColumns,
                     diagnostics: diagnostics + (notice.map { [$0] } ?? []), sources: sources, options: options,
                     actorIndexByID: actorIndexByID)
    }
}
