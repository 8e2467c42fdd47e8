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
}
