import Foundation
import Testing
import TestSupport

/// `weakties report --format pdf`: the overview and each innovation's page printed on A4 by headless
/// Chromium, byte-identical from run to run (Chromium's time stamps fixed), without links into the
/// temporary folder the pages were printed from; without Chromium, exit 69 and nothing written.
@Suite(.serialized) struct ReportPDFTests {
    static let chromium: String? = TestSupport.chromium(skipping: "--format pdf is not tested")

    @Test(.enabled(if: chromium != nil)) func handoutsAreA4PDFsAndTheSameEveryRun() throws {
        let dir = TemporaryDirectory()
        let first = dir.path + "/a", second = dir.path + "/b"
        for out in [first, second] {
            let result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--innovation", "repair cafe cracau",
                                       "--format", "pdf", "--output", out, "--quiet"])
            try #require(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == URL(fileURLWithPath: out).appendingPathComponent("index.pdf").path + "\n")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(names == ["index.pdf", "repair-cafe-cracau.pdf", "run.json"])
        for name in names where name.hasSuffix(".pdf") {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            #expect(a == (try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))), "\(name) differs between runs")
            #expect(a.starts(with: Array("%PDF-".utf8)))
            let text = String(decoding: a, as: UTF8.self)
            // A4 pages (595 × 842 pt), several of them, and no address of the folder they were printed in.
            #expect(text.contains("/MediaBox [0 0 594.95996 841.91998]"), "\(name): not A4")
            #expect(text.components(separatedBy: "/Type /Page\n").count + text.components(separatedBy: "/Type /Page/").count > 2)
            #expect(!text.contains("file://") && !text.contains("weakties-pdf-"), "\(name) names the temporary folder")
            #expect(text.contains("(D:19700101000000+00'00')") && !text.contains("(D:20"), "\(name): Chromium's time stamps left in")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first + "/run.json"))) as! [String: Any]
        #expect((manifest["outputs"] as? [[String: Any]])?.count == 2)
    }

    @Test func withoutChromiumItSaysSoAndWritesNothing() throws {
        let dir = TemporaryDirectory()
        let empty = dir.path + "/bin"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = empty
        let out = dir.path + "/pdf"
        let result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "pdf", "--output", out], environment: environment)
        #expect(result.status == 69)
        #expect(result.stderr.contains("headless Chromium, which is not installed here"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
