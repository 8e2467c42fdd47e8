import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy

/// Workbooks of the example study written by the programs researchers use — LibreOffice Calc,
/// openpyxl, pandas (Fixtures/xlsx/real, made by make_real.sh there, which says how) — give exactly
/// the CSV's study: every actor with its attributes, every tie with its strength votes, every mention
/// with every cell.
@Suite struct XLSXRealWriterTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "xlsx", subdirectory: "Fixtures/xlsx/real")!.path
    }

    static let csvStudy: Study? = try? StudyLoader.load(ties: [InteropImportTests.exampleTies], nodes: InteropImportTests.exampleNodes)

    /// One workbook with sheets `ties` and `nodes` (openpyxl, pandas, LibreOffice re-saving the
    /// openpyxl one).
    @Test(arguments: ["openpyxl-study", "pandas-study", "libreoffice-resaved-study"])
    func aTwoSheetWorkbookGivesTheCSVsStudy(name: String) throws {
        let path = Self.fixture(name)
        let study = try StudyLoader.load(ties: [path], nodes: path, format: nil, sheet: "ties", nodesSheet: "nodes")
        try Self.expectTheExampleStudy(study)
    }

    /// LibreOffice Calc opening each CSV and saving it as a workbook: its custom number format 164 is
    /// `General`, which must stay a number (it was read as a date: `1` became `1900-01-02`).
    @Test func libreOfficeWorkbooksOfEachCSVGiveTheCSVsStudy() throws {
        let study = try StudyLoader.load(ties: [Self.fixture("libreoffice-ties")], nodes: Self.fixture("libreoffice-nodes"), format: nil)
        try Self.expectTheExampleStudy(study)
    }

    static func expectTheExampleStudy(_ study: Study) throws {
        let csv = try #require(csvStudy)
        #expect(study.actors.count == 123 && study.ties.count == 185 && study.mentions.count == 270)
        #expect(study.mentions.columnNames == csv.mentions.columnNames)
        let got = InteropImportTests.content(study), expected = InteropImportTests.content(csv)
        #expect(got.count == expected.count)
        for (a, b) in zip(got, expected) where a != b {
            Issue.record("workbook: \(a)\n     csv: \(b)")
            break
        }
        // Strengths, years and proximity levels as the analysis reads them.
        #expect(study.ties.strength == csv.ties.strength)
        #expect((0..<study.mentions.count).map { study.mentions.since($0) } == (0..<csv.mentions.count).map { csv.mentions.since($0) })
        for dimension in ProximityDimension.allCases {
            #expect((0..<study.mentions.count).map { study.mentions.proximity(dimension, $0) }
                == (0..<csv.mentions.count).map { csv.mentions.proximity(dimension, $0) })
        }
        #expect((0..<study.mentions.count).map { study.mentions.initiator($0) } == (0..<csv.mentions.count).map { csv.mentions.initiator($0) })
        // Only the warning the CSV also gives (two actors created from the ties table).
        #expect(study.warnings.count == csv.warnings.count)
    }
}
