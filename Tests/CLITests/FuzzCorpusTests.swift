import Foundation
import Testing
import TestSupport

/// The fuzzing set-up of `make fuzz` stays usable: the fuzz driver, built normally, replays every seed
/// of every target's corpus (Fuzz/corpus/<target>) through the reader it fuzzes, and refuses an unknown
/// target. Findings of `make fuzz` are replayed the same way and become tests in
/// WeakTiesIOTests/FuzzRegressionTests.swift.
@Suite struct FuzzCorpusTests {
    static let targets = ["csv", "gephi-csv", "xlsx", "graphml", "gexf", "pajek", "dl", "json", "qda", "yaml"]

    @Test(arguments: targets)
    func everySeedReplays(target: String) throws {
        let folder = repositoryRoot + "/Fuzz/corpus/" + target
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(!seeds.isEmpty)
        // The test's own environment too (a sanitizer's options under make test-sanitize).
        let environment = ProcessInfo.processInfo.environment.merging(["WEAKTIES_FUZZ_TARGET": target]) { $1 }
        let run = try runProcess(builtProduct("weakties-fuzz"), seeds, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == seeds.count)
    }

    @Test func anUnknownTargetIsRefused() throws {
        let environment = ProcessInfo.processInfo.environment.merging(["WEAKTIES_FUZZ_TARGET": "xls"]) { $1 }
        let run = try runProcess(builtProduct("weakties-fuzz"), [], environment: environment)
        #expect(run.status == 64 && run.stderr.contains("set WEAKTIES_FUZZ_TARGET to one of"))
    }
}
