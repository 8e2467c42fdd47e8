/// Aligned plain-text tables for terminal output: two spaces of indent and between columns, the first
/// column left-aligned where it holds words (right-aligned where it holds only digits, as years), the
/// others right-aligned (numbers). Widths count characters, so `κ` and `–` take one column.
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max()! }
        let wordsFirst = rows.contains { !($0.first ?? "").allSatisfy(\.isNumber) }
        func line(_ cells: [String]) -> String {
            "  " + cells.enumerated().map { c, cell in
                c == 0 && wordsFirst ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
