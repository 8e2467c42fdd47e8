import Foundation
import WeakTiesGraph

/// Writes UCINET DL, `format=edgelist1` with the node ids as labels.
///
/// DL carries the node ids, the ties and one value per tie (`EdgeValue`: strength 2/1 by default, the
/// coded weight or the mention count); nothing else. Labels are quoted; UCINET labels cannot hold `"`
/// or line breaks, so `"` becomes `'` and line breaks spaces. Isolates are kept (they are listed among
/// the labels). An edge list is read by UCINET as ordered pairs, so each undirected tie is written in
/// both directions (the matrix UCINET builds is then symmetric); a directed graph's arcs once.
public enum DLWriter {
    /// The DL text of `graph`. - Complexity: O(n + m).
    /// `labels`: the labels to write (default the node ids as they are).
    public static func write(_ graph: Graph, value: EdgeValue = .strength, labels: [String]? = nil) -> String {
        var out = "DL N=\(graph.nodeCount) FORMAT=EDGELIST1\nLABELS:\n"
        for id in labels ?? graph.nodeIDs { out += "\"" + clean(id) + "\"\n" }
        out += "DATA:\n"
        return out + GraphExport.oneBasedValuedEdges(graph, value: value, bothWays: true)
    }

    static func clean(_ label: String) -> String {
        var out = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "\"": out += "'"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// UCINET keeps 18 characters of a label and upper-cases it, so longer ids (most organisations'
    /// names) or ids differing only in case collapse. These labels are what UCINET keeps, unique: ASCII
    /// (umlauts transliterated, accents dropped), upper case, other characters `_`, at most 18
    /// characters, a repeat shortened and numbered (`STADTTEILKUECHE_~2`). Ids that are such a label
    /// already stay as they are.
    public static func ucinetLabels(_ ids: [String]) -> [String] {
        var used = Set<String>(), out: [String] = []
        for id in ids {
            var base = ""
            for ch in id.uppercased() {
                switch ch {
                case "Ä": base += "AE"
                case "Ö": base += "OE"
                case "Ü": base += "UE"
                case "ß", "ẞ": base += "SS"
                default:
                    for scalar in String(ch).folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
                        base += (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == "-" || scalar == ".")) ? String(scalar) : "_"
                    }
                }
            }
            if base.isEmpty { base = "_" }
            var label = String(base.prefix(18)), k = 1
            while used.contains(label) {
                k += 1
                let suffix = "~\(k)"
                label = String(base.prefix(18 - suffix.count)) + suffix
            }
            used.insert(label)
            out.append(label)
        }
        return out
    }

    /// Where the label map of a DL file goes: `study.dl` → `study-labels.csv` (`label,id`).
    public static func labelMapPath(forDLPath path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(base + "-labels.csv").path
    }

    /// The label map's text: `label,id`, one row per node (spreadsheet-safe cells).
    public static func labelMap(labels: [String], ids: [String]) -> String {
        var out = CSVWriter()
        out.header(["label", "id"])
        for (label, id) in zip(labels, ids) { out.row([.text(label), .text(id)]) }
        return out.output
    }

    /// Where the attribute dataset of a DL file goes: `study.dl` → `study-attributes.dl`, with its
    /// codes in `study-attributes-codes.csv`.
    public static func attributePaths(forDLPath path: String) -> (data: String, codes: String) {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent, folder = url.deletingLastPathComponent()
        return (folder.appendingPathComponent(base + "-attributes.dl").path, folder.appendingPathComponent(base + "-attributes-codes.csv").path)
    }

    /// The node attributes as a UCINET attribute dataset: a rectangular DL full matrix (`NR` actors ×
    /// `NC` attributes; UCINET attribute files hold numbers only), rows labelled as in the network's
    /// DL (`labels`), columns by the attribute names as UCINET keeps them. Text and boolean attributes
    /// (`kind`, `partner_type`, `region`, `sector`, `established`, extra columns) are codes: 1, 2, …
    /// for the values in sorted order, 0 for unknown, as Pajek partitions; the codes' values go into
    /// `codes` (`attribute,code,value`, spreadsheet-safe). A numeric attribute (`founded`, metric
    /// columns) is written as its values where every actor has one; with a gap it is left out (UCINET
    /// would read a 0) and `codes` says so. `label` is not an attribute here (it is the row label).
    /// - Complexity: O(n × attributes + distinct values × log).
    public static func attributes(_ graph: Graph, labels: [String]) -> (data: String, codes: String) {
        var columns: [(name: String, values: [String])] = []
        var codes = CSVWriter()
        codes.header(["attribute", "code", "value"])
        for column in graph.nodeAttributes.columns where column.name != "label" {
            let n = graph.nodeCount
            switch column.values {
            case .int, .double:
                let numbers: [Double?] = switch column.values {
                case .int(let v): v.map { $0.map(Double.init) }
                case .double(let v): v.map { $0.isNaN ? nil : $0 }
                default: []
                }
                if let gap = numbers.firstIndex(where: { $0 == nil }) {
                    let missing = numbers.count { $0 == nil }
                    codes.row([.text(column.name), .text(""), .text("left out: \(missing) of \(n) actors have no value (the first: \(graph.nodeIDs[gap]))")])
                    continue
                }
                columns.append((column.name, numbers.map { NumberFormat.text($0!) }))
            case .string, .bool:
                let (classes, numbers) = GraphExport.classNumbers((0..<n).map { column.values.text(at: $0) })
                codes.row([.text(column.name), .text("0"), .text("unknown")])
                for (i, value) in classes.enumerated() { codes.row([.text(column.name), .text(String(i + 1)), .text(value)]) }
                columns.append((column.name, numbers.map(String.init)))
            }
        }
        var out = "DL NR=\(graph.nodeCount) NC=\(columns.count) FORMAT=FULLMATRIX\nROW LABELS:\n"
        for label in labels { out += "\"" + clean(label) + "\"\n" }
        out += "COLUMN LABELS:\n"
        for label in ucinetLabels(columns.map(\.name)) { out += "\"" + label + "\"\n" }
        out += "DATA:\n"
        for v in 0..<graph.nodeCount { out += columns.map { $0.values[v] }.joined(separator: " ") + "\n" }
        return (out, codes.output)
    }
}
