import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy
import ZIPFoundation

/// Excel workbooks as ties and nodes tables (fixture: Fixtures/xlsx/study.xlsx, written by
/// Fixtures/xlsx/make_xlsx.py), and the ZIP limits shared with REFI-QDA projects.
@Suite struct XLSXTests {
    static let workbook = Bundle.module.url(forResource: "study", withExtension: "xlsx", subdirectory: "Fixtures/xlsx")!.path

    @Test func readsSharedStringsInlineStringsNumbersDatesAndBooleans() throws {
        let ties = try XLSXReader.read(path: Self.workbook)
        #expect(ties.header == ["source", "target", "strength", "quote", "coded_on", "since"])
        #expect(ties.rowLines == [2, 5])  // spreadsheet rows; the empty row 3 is skipped
        #expect((0..<ties.columns.count).map { ties.columns[$0][0] } == ["Repair-Café", "Stadtwerke", "stark", "Wir reden & <machen>", "2019-03-01", "2019"])
        #expect((0..<ties.columns.count).map { ties.columns[$0][1] } == ["Repair-Café", "Bürgerverein", "2", "", "2019-03-02T12:00:00", "2015"])
        let nodes = try XLSXReader.read(path: Self.workbook, sheet: "nodes")
        #expect(nodes.columns[2].values == ["true", "false"])
        #expect(try XLSXReader.sheetNames(path: Self.workbook) == ["ties", "nodes"])
    }

    @Test func aWorkbookIsReadByTheContractLikeACSVTable() throws {
        let study = try StudyLoader.load(ties: [Self.workbook], nodes: Self.workbook, format: nil, nodesSheet: "nodes")
        #expect(study.actors.map(\.id) == ["Repair-Café", "Stadtwerke", "Bürgerverein"])
        #expect(study.ties.strength == [.strong, .weak])
        #expect(study.actors[0].established == true && study.mentions.since(0) == 2019)
    }

    @Test func errorsNameTheSheetRowAndColumn() throws {
        do {
            _ = try StudyLoader.load(ties: [Self.workbook], options: StudyOptions(strongThreshold: 3), format: nil, sheet: "nodes")
            Issue.record("accepted")
        } catch let failure as ImportFailure {
            #expect(failure.errors.map(\.description) == [
                "\(Self.workbook)[nodes]:1: error: missing required column 'source' (or one of: innovation, ego, from)",
                "\(Self.workbook)[nodes]:1: error: missing required column 'target' (or one of: partner, alter, to)",
                "\(Self.workbook)[nodes]:1: error: missing required column 'strength' (or one of: tie, staerke, stärke)",
            ])
        }
        #expect(throws: ImportFailure.self) { try XLSXReader.read(path: Self.workbook, sheet: "nope") }
    }

    static func archive(_ entries: [(String, Data)], compressed: Bool = true) throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        let path = dir.path + "/book.xlsx"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compressed ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return (dir, path)
    }

    @Test func zipBombsAndPathTraversalAreRefused() throws {
        let (dir1, bomb) = try Self.archive([("xl/workbook.xml", Data(count: 20 << 20))])
        #expect(throws: ImportFailure.self) { try XLSXReader.read(path: bomb) }
        do { _ = try XLSXReader.read(path: bomb) } catch let failure as ImportFailure {
            #expect(failure.errors[0].message.contains("would expand"))
        }
        let (dir2, traversal) = try Self.archive([("../../etc/evil.xml", Data("x".utf8)), ("xl/workbook.xml", Data("<workbook/>".utf8))])
        do {
            _ = try XLSXReader.read(path: traversal)
            Issue.record("accepted")
        } catch let failure as ImportFailure {
            #expect(failure.errors[0].message.contains("path traversal"))
        }
        let notZip = dir2.write("plain.xlsx", "source,target\n")
        #expect(throws: ImportFailure.self) { try XLSXReader.read(path: notZip) }
        _ = dir1
    }
}
