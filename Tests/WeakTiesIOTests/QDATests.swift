import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy
import ZIPFoundation

/// REFI-QDA projects through a code-system mapping (Examples/qda-example).
@Suite struct QDATests {
    static let example = repositoryRoot + "/Examples/qda-example/interviews.qdpx"
    static let mapping = repositoryRoot + "/Examples/qda-example/mapping.yaml"

    @Test func theExampleProjectBecomesMentionsWithQuotesCodersAndCodes() throws {
        let study = try StudyLoader.load(ties: [Self.example], format: nil, qdaMapping: try QDAMapping.read(path: Self.mapping))
        #expect(study.actors.map(\.id) == ["Repair-Café Cracau", "Sprachcafé Bockum", "Ev. Kirchengemeinde Cracau",
                                          "Elektromeister im Ruhestand (Cracau)", "Stadtwerke Krefeld", "Volkshochschule Krefeld"])
        #expect(study.innovationCount == 2 && study.partnerCount == 4)
        let first = study.mentions[0]
        #expect(first.interview == "Interview KR-01" && first.coder == "K1" && first.strength == .strong)
        #expect(first.quote.hasPrefix("Das Gemeindehaus ist unser Zuhause.") && first.quote.hasSuffix("ruft der Küster mich an."))
        #expect(first.initiator == .both && first.proximity[.spatial] == .high && first.motive == "gemeinsame Werte")
        let last = study.mentions[study.mentions.count - 1]
        #expect(study.actors[Int(last.source)].id == "Sprachcafé Bockum" && last.coder == "K2" && last.proximity[.social] == .low)
        #expect(last.location.description.hasSuffix("interviews.qdpx/project.qde:94"))
    }

    @Test func withoutTheDocumentMappingSelectionsLackingAnInnovationAreLocatedErrors() throws {
        do {
            _ = try StudyLoader.load(ties: [Self.example], format: nil)
            Issue.record("accepted")
        } catch let failure as ImportFailure {
            #expect(failure.errors.map(\.location.line) == [87, 94])
            #expect(failure.errors[0].message.contains("has no innovation"))
        }
    }

    @Test func mappingFilesAreChecked() throws {
        let dir = TemporaryDirectory()
        let typo = dir.write("m.yaml", "partner: Partner\nstrenght: Strength\n")
        do {
            _ = try QDAMapping.read(path: typo)
            Issue.record("accepted")
        } catch let failure as ImportFailure {
            #expect(failure.errors[0].description == "\(typo):2:1: error: unknown key 'strenght' (expected partner, innovation, documents, strength, initiator, proximity, motive, benefit)")
        }
        #expect(throws: ImportFailure.self) { try QDAMapping.read(path: dir.write("bad.yaml", "partner: [unclosed\n")) }
        #expect(try QDAMapping.read(path: dir.write("empty.yaml", "documents:\n  a: b\n")).partner == "Partner")
    }

    @Test func hostileProjectsAreRefused() throws {
        let dir = TemporaryDirectory()
        func project(_ name: String, _ entries: [(String, Data)]) throws -> String {
            let path = dir.path + "/" + name
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            for (entry, data) in entries {
                try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, s in
                    data.subdata(in: Int(p)..<Int(p) + s)
                }
            }
            return path
        }
        let qde = Data("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>".utf8)
        for (name, entries, message) in [
            ("slip.qdpx", [("project.qde", qde), ("sources/../../../tmp/evil.txt", Data("x".utf8))], "path traversal"),
            ("absolute.qdpx", [("project.qde", qde), ("/etc/cron.d/evil", Data("x".utf8))], "path traversal"),
            ("bomb.qdpx", [("project.qde", qde), ("sources/big.txt", Data(count: 16 << 20))], "would expand"),
        ] {
            do {
                _ = try StudyLoader.load(ties: [try project(name, entries)], format: nil)
                Issue.record("\(name) accepted")
            } catch let failure as ImportFailure {
                #expect(failure.errors[0].message.contains(message), "\(name): \(failure)")
            }
        }
    }
}
