import Foundation
import Testing
import TestSupport
@testable import WeakTiesIO
import WeakTiesStudy

/// `DelimitedTableReader.header`: the first non-blank record alone, for deciding how to read a file.
@Suite struct HeaderSniffTests {
    @Test func readsTheHeaderOnly() throws {
        let dir = TemporaryDirectory()
        // Blank lines and a BOM before the header, semicolons, quoted names.
        #expect(DelimitedTableReader.header(path: dir.write("a.csv", "\u{FEFF}\n\n\"Source\";Target;\"Weight\"\nA;B;1\n"))
                == ["Source", "Target", "Weight"])
        // Whatever breaks the contract after the header is not read: an unterminated quote on the last line.
        let broken = dir.write("b.csv", "source,target,strength\n" + String(repeating: "A,B,strong\n", count: 50_000) + "A,\"B,weak\n")
        #expect(DelimitedTableReader.header(path: broken) == ["source", "target", "strength"])
        #expect(throws: ImportFailure.self) { try DelimitedTableReader.read(path: broken) }
        // Windows-1252 names are decoded as such.
        let latin = dir.path + "/c.csv"
        try Data([0x51, 0x75, 0x65, 0x6C, 0x6C, 0x65, 0x2C, 0x53, 0x74, 0xE4, 0x72, 0x6B, 0x65, 0x0A]).write(to: URL(fileURLWithPath: latin))
        #expect(DelimitedTableReader.header(path: latin) == ["Quelle", "Stärke"])
        // No header: empty, missing, a directory, a binary file.
        #expect(DelimitedTableReader.header(path: dir.write("d.csv", "\n \n")) == nil)
        #expect(DelimitedTableReader.header(path: dir.path + "/missing.csv") == nil)
        #expect(DelimitedTableReader.header(path: dir.path) == nil)
        #expect(DelimitedTableReader.header(path: dir.write("e.csv", "PK\u{3}\u{4}binary")) == nil)
    }

    @Test func aGephiEdgesTableIsStillRecognisedAndATieTableIsNot() throws {
        let dir = TemporaryDirectory()
        let gephi = dir.write("edges.csv", "Source,Target,Type,Id,Weight\nA,B,Undirected,0,2\n")
        let study = try StudyLoader.load(ties: [gephi], nodes: nil, options: StudyOptions(), delimiter: nil, format: nil,
                                         sheet: nil, nodesSheet: nil, qdaMapping: QDAMapping())
        #expect(study.ties.count == 1 && study.sources.first?.path == gephi)
        let ties = dir.write("ties.csv", "source,target,strength\nA,B,strong\n")
        #expect(try StudyLoader.load(ties: [ties], nodes: nil, options: StudyOptions(), delimiter: nil, format: nil,
                                     sheet: nil, nodesSheet: nil, qdaMapping: QDAMapping()).ties.count == 1)
    }

    /// Each input file is read once: the bytes the CSV reader reads (counted where it reads them) are the
    /// file's size, plus at most the first block (1 MiB) again when the header is looked at to tell a
    /// Gephi edges table from a ties table (no format given). Not a timing: a count.
    @Test func eachInputIsReadOnce() throws {
        let dir = TemporaryDirectory()
        var rows = "source,target,strength,quote\n"
        for k in 0..<60_000 { rows += "Akteur \(k % 997),Partner \(k),\(k % 3 == 0 ? "stark" : "weak"),Ein Satz über die Zusammenarbeit Nr. \(k).\n" }
        let ties = dir.write("ties.csv", rows)
        let size = try FileManager.default.attributesOfItem(atPath: ties)[.size] as! Int
        try #require(size > 3 << 20)
        func bytesRead(format: InputFormat?) throws -> Int {
            ReadLog.shared.watch(ties)
            _ = try StudyLoader.load(ties: [ties], nodes: nil, options: StudyOptions(), delimiter: nil, format: format,
                                     sheet: nil, nodesSheet: nil, qdaMapping: QDAMapping())
            return try #require(ReadLog.shared.stop(ties))
        }
        #expect(try bytesRead(format: .csv) == size)
        let sniffed = try bytesRead(format: nil)
        #expect(sniffed >= size && sniffed <= size + (1 << 20), "read \(sniffed) bytes of a \(size)-byte file")
        // A Gephi edges table: the header, then the file once as what it is.
        let gephi = dir.write("edges.csv", "Source,Target,Type,Id,Weight\n" + (0..<80_000).map { "A\($0),B\($0),Undirected,\($0),1\n" }.joined())
        let gephiSize = try FileManager.default.attributesOfItem(atPath: gephi)[.size] as! Int
        ReadLog.shared.watch(gephi)
        _ = try StudyLoader.load(ties: [gephi], nodes: nil, options: StudyOptions(), delimiter: nil, format: nil,
                                 sheet: nil, nodesSheet: nil, qdaMapping: QDAMapping())
        let gephiRead = try #require(ReadLog.shared.stop(gephi))
        #expect(gephiRead >= gephiSize && gephiRead <= gephiSize + (1 << 20), "read \(gephiRead) bytes of a \(gephiSize)-byte file")
    }
}
