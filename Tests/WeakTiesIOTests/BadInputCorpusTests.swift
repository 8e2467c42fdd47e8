import Foundation
import Testing
import TestSupport
import WeakTiesIO
import WeakTiesStudy

/// The bad-input corpus: each file in Fixtures/bad with the exact message it must produce
/// (Fixtures/bad/EXPECTED.tsv). Files are read where they lie and never modified.
@Suite struct BadInputCorpusTests {
    static let folder = Bundle.module.url(forResource: "bad", withExtension: nil, subdirectory: "Fixtures")!

    static let cases: [(String, String)] = {
        let text = try! String(contentsOf: folder.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }
    }()

    @Test func everyFileInTheFolderIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(Self.cases.map(\.0)))
    }

    @Test(arguments: cases.map(\.0))
    func fileGivesItsExactMessage(file: String) throws {
        let expected = Self.cases.first { $0.0 == file }!.1
        let path = Self.folder.appendingPathComponent(file).path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try StudyLoader.load(ties: [path])
            Issue.record("\(file) was accepted")
        } catch let failure as ImportFailure {
            #expect(failure.errors.map { $0.description.replacingOccurrences(of: Self.folder.path + "/", with: "") } == [expected])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
