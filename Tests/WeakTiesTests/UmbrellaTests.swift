import Foundation
import Testing
import TestSupport
import WeakTies

/// The umbrella module: one import gives the whole API, and every output reads one computation.
@Suite struct UmbrellaTests {
    /// `ReportOptions.only` makes the report one of that tie network whichever initializer builds it:
    /// from a study, or from metrics of every tie (which the report then recomputes on the weak ties).
    @Test func onlyWeakTiesHoldsForBothInitializers() throws {
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let fromMetrics = try StudyReport(metrics: metrics, options: ReportOptions(only: .weak))
        let fromStudy = try StudyReport(study: study, options: ReportOptions(only: .weak))
        for report in [fromMetrics, fromStudy] {
            #expect(report.study.ties.count == 115 && report.study.ties.strength.allSatisfy { $0 == .weak })
            #expect(report.metrics.study.ties.count == 115)
        }
        #expect(try fromMetrics.metrics.scores(.betweenness).values == fromStudy.metrics.scores(.betweenness).values)
    }

    /// The issue that created the analysis layer: the report gave Repair-Café Cracau an E-I index by
    /// partner type of 0.57 while the metrics table left it empty. Both now read `StudyMetrics`.
    @Test func metricsTableAndReportShowTheSameNumbers() throws {
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let table = try MetricsTable(metrics: metrics, options: .init(attributes: ["partner_type", "region"]))
        let report = try StudyReport(metrics: metrics)
        let column = { (name: String) in table.columns.firstIndex(of: name)! }
        for innovation in report.innovations {
            let row = table.nodeValues[innovation.actor]
            #expect(row[column("ei_partner_type")] == innovation.openness.eiPartnerType)
            #expect(row[column("ei_region")] == innovation.openness.eiRegion)
            #expect(row[column("betweenness_normalized")] == innovation.centrality.betweennessNormalized)
            #expect(row[column("constraint")] == innovation.openness.constraint)
            #expect(Int(row[column("weak_bridges")]) == innovation.granovetter.weakBridges)
        }
        let cracau = try #require(report.innovations.first { $0.id == "Repair-Café Cracau" })
        #expect(abs(cracau.openness.eiPartnerType - 4.0 / 7) < 1e-12)
        let network = Dictionary(uniqueKeysWithValues: table.network)
        #expect(network["ei_partner_type"] == report.overview.eiPartnerType)
        #expect(network["bridges"] == Double(report.overview.granovetter.bridges))
    }

    /// Edge betweenness (O(n·m)) is computed only when betweenness is asked for; its column is empty otherwise.
    @Test func edgeBetweennessOnlyWithBetweenness() throws {
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let without = try MetricsTable(study: study, options: .init(metrics: [.degree], nodes: false, network: false))
        #expect(without.edgeValues.allSatisfy { $0[3].isNaN })
        let with = try MetricsTable(study: study, options: .init(metrics: [.betweenness], nodes: false, network: false))
        #expect(with.edgeValues.allSatisfy { !$0[3].isNaN } && with.edgeValues.contains { $0[3] > 0 })
    }

    /// Computation lives below the umbrella: its folder holds the re-exports only (and the DocC catalog).
    @Test func umbrellaOnlyReExports() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Sources/WeakTies")
        #expect(files.sorted() == ["WeakTies.docc", "WeakTies.swift"])
        let text = try String(contentsOfFile: repositoryRoot + "/Sources/WeakTies/WeakTies.swift", encoding: .utf8)
        let code = text.split(separator: "\n").filter { !$0.hasPrefix("//") && !$0.isEmpty }
        #expect(code.allSatisfy { $0.hasPrefix("@_exported import ") || $0.hasPrefix("public let weakTiesVersion") }, "\(code)")
    }

    /// Library messages speak of the data; only the command line names its flags. (The arguments the
    /// PDF printer passes to Chromium are Chromium's options, marked as such on their lines.)
    @Test func libraryNamesNoCommandLineFlags() throws {
        let sources = repositoryRoot + "/Sources"
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources))
        var offenders: [String] = []
        let flag = try Regex(#"--[a-z]"#)
        for case let path as String in enumerator where path.hasSuffix(".swift") && !path.hasPrefix("weakties/") {
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(flag) && !line.hasSuffix("// Chromium's own options") {
                offenders.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
