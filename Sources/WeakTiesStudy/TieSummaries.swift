/// Values of a tie summarised from its mentions, defined once for the graph's edge columns, the
/// metrics' weights and the report's evidence.
extension Study {
    /// The earliest `since` year coded among the tie's mentions (nil where none is coded).
    public func earliestYear(ofTie t: Int) -> Int? {
        var earliest: Int?
        for m in ties.mentionIndices[ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1]] {
            if let year = mentions.since(Int(m)), year < earliest ?? Int.max { earliest = year }
        }
        return earliest
    }

    /// The mean of the weights coded among each tie's mentions (NaN for a tie with none; a strength,
    /// not a distance), or nil when the ties table has no weight column.
    public var tieWeights: [Double]? {
        guard mentions.column(named: TieField.weight.rawValue) != nil else { return nil }
        return (0..<ties.count).map { t in
            let coded = ties[t].mentions.map { mentions.weight[Int($0)] }.filter { !$0.isNaN }
            return coded.isEmpty ? .nan : coded.reduce(0, +) / Double(coded.count)
        }
    }

    /// The number of mentions of each tie.
    public var mentionCounts: [Int] {
        (0..<ties.count).map { ties.mentionOffsets[$0 + 1] - ties.mentionOffsets[$0] }
    }
}
