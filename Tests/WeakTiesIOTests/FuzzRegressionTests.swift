import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy

/// Inputs `make fuzz` found that crashed, hung or ate memory, kept as they were found
/// (Fixtures/fuzz/<what>.<ext>): each is refused quickly with a located message naming the file.
@Suite struct FuzzRegressionTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/fuzz")!.path
    }

    /// An 11 kB workbook (the LibreOffice nodes fixture, mutated) whose central directory places two
    /// entries' data beyond the end of the file: ZIPFoundation read past the end forever (libFuzzer:
    /// timeout). Refused from the directory's offsets before anything is extracted.
    @Test func zipEntriesBeyondTheEndOfTheFileAreRefused() throws {
        let path = Self.fixture("xlsx-entry-offset-beyond-end.xlsx")
        do {
            _ = try StudyLoader.load(ties: [path], format: nil)
            Issue.record("accepted")
        } catch let failure as ImportFailure {
            #expect(failure.errors.first?.description == "\(path): error: a damaged ZIP container: entry 'xl/_rels/workbook.xml.rels' has no local header where the directory places it")
        }
    }
}
