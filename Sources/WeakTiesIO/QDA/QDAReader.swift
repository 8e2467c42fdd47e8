import Foundation
import WeakTiesStudy

/// Reads a REFI-QDA project (`.qdpx`, the exchange format of ATLAS.ti, MAXQDA, NVivo, QDA Miner,
/// Quirkos, …; or its bare `project.qde`) into a ties table and a nodes table, using a `QDAMapping`.
///
/// Every coded text selection (`PlainTextSelection`) that carries a partner code is one mention per
/// partner code: `source` is the innovation (an innovation code on the selection, else on its
/// document, else the document's entry in the mapping), `target` the partner, `strength`,
/// `initiator`, `proximity_*`, `motive` and `benefit` from the mapped codes on the selection,
/// `interview` the document's name, `coder` the user who coded the partner, `quote` the selected
/// text. Other selections are ignored. The nodes table lists the innovation and partner codes with
/// their kind. Locations point at the selection's line in `project.qde`.
/// - Complexity: O(project size).
public enum QDAReader {
    /// The deepest code hierarchy read (codes within codes).
    static let maximumCodeDepth = 256

    /// Reads a REFI-QDA project (`.qdpx`, or a bare `.qde`) into a ties and a nodes table.
    /// - Throws: `InputOutputError`, or `ImportFailure` (refused container, malformed XML, a
    ///   selection without an innovation).
    public static func read(path: String, mapping: QDAMapping = QDAMapping(), file: String? = nil) throws -> (ties: CodedTable, nodes: CodedTable) {
        let name = file ?? path
        var container: ZIPContainer?
        let project: Data
        let qdeName: String
        if URL(fileURLWithPath: path).pathExtension.lowercased() == "qde" {
            guard let data = FileManager.default.contents(atPath: path) else { throw InputOutputError(path: name, message: "no such file") }
            project = data
            qdeName = name
        } else {
            let zip = try ZIPContainer(path: path, file: name, kind: "a REFI-QDA project (.qdpx)")
            guard let entry = zip.paths.first(where: { $0.lowercased() == "project.qde" }) ?? zip.paths.first(where: { $0.lowercased().hasSuffix(".qde") }),
                  let data = try zip.data(entry)
            else { throw ImportFailure.at(name, 0, nil, "no project.qde inside: not a REFI-QDA project") }
            container = zip
            project = data
            qdeName = name + "/" + entry
        }
        let handler = ProjectHandler()
        try XMLInput.parse(data: project, file: qdeName, handler: handler)

        // Code paths (`Partner/Stadtwerke`), by guid.
        var codePath: [String: [String]] = [:]
        for code in handler.codes { codePath[code.guid] = (code.parent.flatMap { codePath[$0] } ?? []) + [code.name] }

        func value(_ codes: [String], under root: String) -> [String] {
            let prefix = root.split(separator: "/").map(String.init)
            return codes.compactMap { guid in
                guard let path = codePath[guid], path.count > prefix.count, Array(path.prefix(prefix.count)) == prefix else { return nil }
                return path.dropFirst(prefix.count).joined(separator: "/")
            }
        }

        var ties = TextAttributeColumns()
        for column in ["source", "target", "strength", "interview", "coder", "quote", "initiator"] + ProximityDimension.allCases.map(\.columnName) + ["motive", "benefit"] {
            ties.set(column, nil)
        }
        var lines: [Int32] = []
        var errors = ErrorCollector()
        var innovations: [String] = [], partners: [String] = []
        var textCache: [String: [Unicode.Scalar]] = [:]

        for source in handler.sources {
            let documentInnovation = value(source.codes, under: mapping.innovation).first ?? mapping.documents[source.name]
            for selection in source.selections {
                let codes = selection.codings.map(\.code)
                let partnerCodes = selection.codings.filter { value([$0.code], under: mapping.partner).first != nil }
                guard !partnerCodes.isEmpty else { continue }
                let location = SourceLocation(file: qdeName, line: selection.line)
                guard let innovation = value(codes, under: mapping.innovation).first ?? documentInnovation else {
                    errors.add(location, "selection coded with a partner in document '\(source.name)' has no innovation: code it (or the document) with '\(mapping.innovation)/<name>', or map the document under 'documents' in the mapping file")
                    continue
                }
                var quote = ""
                if let start = selection.start, let end = selection.end {
                    if textCache[source.guid] == nil {
                        textCache[source.guid] = Array(try text(of: source, in: container).unicodeScalars)
                    }
                    let scalars = textCache[source.guid]!
                    if start >= 0, start <= end, end <= scalars.count {
                        var s = String.UnicodeScalarView()
                        s.append(contentsOf: scalars[start..<end])
                        quote = String(s)
                    }
                }
                let proximity = value(codes, under: mapping.proximity)
                for coding in partnerCodes {
                    let partner = value([coding.code], under: mapping.partner)[0]
                    ties.startRow()
                    lines.append(Int32(selection.line))
                    ties.set("source", innovation)
                    ties.set("target", partner)
                    ties.set("strength", value(codes, under: mapping.strength).first ?? "")
                    ties.set("interview", source.name)
                    ties.set("coder", (coding.user ?? selection.user).flatMap { handler.users[$0] } ?? "")
                    ties.set("quote", quote)
                    ties.set("initiator", value(codes, under: mapping.initiator).first ?? "")
                    for dimension in ProximityDimension.allCases {
                        let level = proximity.first { $0.lowercased().hasPrefix(dimension.rawValue + "/") }
                        ties.set(dimension.columnName, level.map { String($0.split(separator: "/").last!) } ?? "")
                    }
                    ties.set("motive", value(codes, under: mapping.motive).joined(separator: "; "))
                    ties.set("benefit", value(codes, under: mapping.benefit).joined(separator: "; "))
                    if !innovations.contains(innovation) { innovations.append(innovation) }
                    if !partners.contains(partner) { partners.append(partner) }
                }
            }
        }
        try errors.throwIfAny()
        var nodes = TextAttributeColumns()
        nodes.set("id", nil); nodes.set("kind", nil)
        var nodeLines: [Int32] = []
        for (id, kind) in innovations.map({ ($0, "innovation") }) + partners.filter({ !innovations.contains($0) }).map({ ($0, "partner") }) {
            nodes.startRow()
            nodeLines.append(0)
            nodes.set("id", id); nodes.set("kind", kind)
        }
        var tiesTable = NetworkTables.codedTable(file: qdeName, ties, lines: lines, format: "REFI-QDA")
        tiesTable.mayBeEmpty = false
        tiesTable.headerLine = 0
        let nodesTable = NetworkTables.codedTable(file: qdeName, nodes, lines: nodeLines, format: "REFI-QDA")
        return (tiesTable, nodesTable)
    }

    /// The plain text of a source: inline `PlainTextContent`, else the container's file named by
    /// `plainTextPath` (`internal://x.txt` is `sources/x.txt`).
    static func text(of source: ProjectHandler.Source, in container: ZIPContainer?) throws -> String {
        if let inline = source.inlineText { return inline }
        guard let container, let path = source.plainTextPath else { return "" }
        let fileName = path.hasPrefix("internal://") ? String(path.dropFirst("internal://".count)) : path
        guard let entry = container.paths.first(where: { $0.lowercased() == "sources/" + fileName.lowercased() })
                ?? container.paths.first(where: { $0.hasSuffix("/" + fileName) }),
              let data = try container.data(entry) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    final class ProjectHandler: XMLHandler {
        struct Code { var guid: String; var name: String; var parent: String? }
        struct Coding { var code: String; var user: String? }
        struct Selection { var start: Int?; var end: Int?; var user: String?; var line: Int; var codings: [Coding] = [] }
        struct Source {
            var guid: String; var name: String; var plainTextPath: String?; var inlineText: String?
            var codes: [String] = []; var selections: [Selection] = []
        }
        var codes: [Code] = []
        var codeStack: [String] = []
        var users: [String: String] = [:]
        var sources: [Source] = []
        var inSource = false
        var selection: Selection?
        var coding: Coding?
        var inPlainText = false
        var text = ""

        func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
            switch name {
            case "User":
                if let guid = attributes["guid"] { users[guid] = attributes["name"] ?? guid }
            case "Code":
                guard let guid = attributes["guid"] else { return "<Code> without a guid" }
                // Each code keeps its whole path, so depth d costs d² (20,000 levels: 1.4 GB, a crash).
                if codeStack.count >= InputLimits.raised(QDAReader.maximumCodeDepth) {
                    return "codes nested more than \(InputLimits.raised(QDAReader.maximumCodeDepth)) levels deep; refused (a code system for ties needs 3)"
                }
                codes.append(Code(guid: guid, name: attributes["name"] ?? guid, parent: codeStack.last))
                codeStack.append(guid)
            case "TextSource":
                sources.append(Source(guid: attributes["guid"] ?? "", name: attributes["name"] ?? attributes["guid"] ?? "",
                                      plainTextPath: attributes["plainTextPath"]))
                inSource = true
            case "PlainTextContent":
                inPlainText = true
                text = ""
            case "PlainTextSelection":
                selection = Selection(start: attributes["startPosition"].flatMap(Int.init), end: attributes["endPosition"].flatMap(Int.init),
                                      user: attributes["creatingUser"], line: position.line)
            case "Coding":
                coding = Coding(code: "", user: attributes["creatingUser"])
            case "CodeRef":
                guard let target = attributes["targetGUID"] else { return "<CodeRef> without a targetGUID" }
                if selection != nil {
                    var c = coding ?? Coding(code: "", user: nil)
                    c.code = target
                    selection!.codings.append(c)
                } else if inSource, !sources.isEmpty {
                    sources[sources.count - 1].codes.append(target)
                }
            default: break
            }
            return nil
        }

        func endElement(_ name: String, at position: XMLPosition) -> String? {
            switch name {
            case "Code": codeStack.removeLast()
            case "TextSource": inSource = false
            case "PlainTextContent":
                inPlainText = false
                if !sources.isEmpty { sources[sources.count - 1].inlineText = text }
            case "PlainTextSelection":
                if let selection, !sources.isEmpty { sources[sources.count - 1].selections.append(selection) }
                selection = nil
            case "Coding": coding = nil
            default: break
            }
            return nil
        }

        func characters(_ string: String) { if inPlainText { text += string } }
    }
}
