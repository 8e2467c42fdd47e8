import Foundation
import Testing
import TestSupport
import WeakTies

/// The code of the DocC tutorial "Getting started with WeakTies"
/// (Sources/WeakTies/WeakTies.docc/Tutorials/GettingStartedWithWeakTies.tutorial), run as its last step
/// shows it: the same statements, with the example study's paths made absolute and the files written
/// into a temporary folder. Two more tests check that the code here is still the code of the tutorial's
/// last step, and that each step's file only adds to the one before: so every step shows a beginning of
/// this tested code, and DocC's diffs show what a step adds.
@Suite struct TutorialExamplesTests {
    static let catalog = repositoryRoot + "/Sources/WeakTies/WeakTies.docc/"
    /// The main.swift of each step, in the order the tutorial shows them.
    static let stepFiles = (1...13).map { String(format: "getting-started-%02d.swift", $0) }

    @Test func gettingStartedAsInTheTutorial() throws {
        let root = repositoryRoot + "/"
        let dir = TemporaryDirectory()
        let out = dir.path + "/"
        // --- tutorial: main.swift ---
        // Load the example study: every rule of the data contract is applied.
        let study = try StudyLoader.load(ties: [root + "Examples/krefeld-mg/ties.csv"],
                                         nodes: root + "Examples/krefeld-mg/nodes.csv")
        print("\(study.actors.count) actors, \(study.ties.count) ties from \(study.mentions.count) coded mentions")
        print("\(study.innovationCount) innovations, \(study.partnerCount) partners, \(study.weakTieCount) weak ties")
        for warning in study.warnings { print(warning) }

        // Every number of the study, computed once on first use and kept.
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let degree = try metrics.scores(.degree)
        let betweenness = try metrics.scores(.betweennessNormalized)
        let constraint = try metrics.scores(.constraint)
        let effectiveSize = try metrics.scores(.effectiveSize)

        print("\nBrokers of the whole network (degree, betweenness, constraint, effective size):")
        for v in betweenness.top(5) {
            print(study.actors[v].label, Int(degree[v]), String(format: "%.3f", betweenness[v]),
                  String(format: "%.3f", constraint[v]), String(format: "%.1f", effectiveSize[v]))
        }

        // The weak-tie network alone: every actor, only the weak ties.
        let weakOnly = study.restricted(to: .weak)
        let weakMetrics = try StudyMetrics(study: weakOnly, options: .init(threads: 1))
        let weakBetweenness = try weakMetrics.scores(.betweennessNormalized)

        print("\nBrokers of the weak-tie network (betweenness there, and in the whole network):")
        for v in weakBetweenness.top(5) {
            print(weakOnly.actors[v].label, String(format: "%.3f", weakBetweenness[v]), String(format: "%.3f", betweenness[v]))
        }
        let granovetter = metrics.granovetter
        print("\(granovetter.weakBridges) of \(granovetter.bridges) bridges are weak ties")

        // One innovation, found by its id or label (case and accents ignored), and its profile.
        let cracau = try ActorLookup(study: study).find("repair cafe cracau")
        let profiles = try InnovationProfiles(metrics: metrics)
        let profile = profiles.profile(of: cracau)
        print("\n\(profile.label): \(profile.tieCount) ties, \(profile.weakTies) of them weak;",
              "weak-tie share \(String(format: "%.2f", profile.weakTieShare)),",
              "E-I index by region \(String(format: "%.2f", profile.openness.eiRegion)),",
              "constraint \(String(format: "%.3f", profile.openness.constraint))")
        for suggestion in profile.tiesToStrengthen {
            print("  strengthen the tie to", study.actors[suggestion.partner].label, suggestion.reasons.joined(separator: ", "))
        }
        for suggestion in profile.partnersToMeet {
            print("  meet", study.actors[suggestion.partner].label, suggestion.reasons.joined(separator: ", "))
        }

        // What a new weak tie to each of the three best candidates would change.
        let matching = try Matching(metrics: metrics)
        for candidate in matching.candidates(for: cracau, limit: 3) {
            let introducers = candidate.introducers.map { study.actors[$0.actor].label }
            print("  \(study.actors[candidate.partner].label): score \(String(format: "%.2f", candidate.score)),",
                  "constraint \(String(format: "%.3f", candidate.constraintBefore)) → \(String(format: "%.3f", candidate.constraintAfter)),",
                  "\(candidate.reachGained) actors newly within two steps,",
                  "introduced by \(introducers.isEmpty ? "nobody yet" : introducers.joined(separator: ", "))")
        }

        // Write the results: the network for Gephi and other tools, the metrics table, the report.
        try ExportFormat.graphml.write(study, to: out + "krefeld-mg.graphml")
        let table = try MetricsTable(metrics: metrics,
                                     options: .init(metrics: [.degree, .betweennessNormalized, .constraint, .effectiveSize],
                                                    attributes: ["region"]))
        try AtomicFile.write(table.csv(), to: out + "metrics.csv")
        let report = try StudyReport(metrics: metrics, options: ReportOptions(innovations: [study.actors[cracau].id]))
        let files = try report.files(ReportRendering(format: .html))
        try AtomicDirectory.write(files.map { ($0.path, $0.data) }, into: out + "report")
        print("\nWrote krefeld-mg.graphml, metrics.csv and the report's \(files.count) files into report/")
        // --- end ---
        #expect(study.actors.count == 123 && study.ties.count == 185 && study.mentions.count == 270)
        #expect(study.innovationCount == 14 && study.partnerCount == 109 && study.weakTieCount == 115)
        #expect(study.warnings.count == 1)
        #expect(betweenness.top(5).count == 5 && degree.count == study.actors.count)
        #expect(constraint.count == study.actors.count && effectiveSize.count == study.actors.count)
        // The weak-tie network keeps every actor (same indices) and only the weak ties.
        #expect(weakOnly.ties.count == 115 && weakOnly.actors.count == study.actors.count)
        #expect(weakOnly.ties.strength.allSatisfy { $0 == .weak } && weakOnly.notices.count == study.notices.count + 1)
        #expect(weakBetweenness.top(5).contains { weakBetweenness[$0] != betweenness[$0] })
        #expect(granovetter.weakBridges <= granovetter.bridges)
        #expect(profile.id == "Repair-Café Cracau" && profile.label == "Repair-Café Cracau")
        #expect(profile.tieCount == profile.strongTies + profile.weakTies && profile.weakTies > 0)
        #expect(!profile.partnersToMeet.isEmpty && profile.partnersToMeet.count <= 5)
        // The tutorial says so: with the default weights, the matching's three best candidates are the
        // profile's first three partners worth meeting.
        let candidates = matching.candidates(for: cracau, limit: 3)
        #expect(candidates.count == 3)
        #expect(candidates.map(\.partner) == Array(profile.partnersToMeet.prefix(3).map(\.partner)))
        // The three outputs: the export reads back, the table and the report show the same numbers.
        // (`format: nil`: the reader is picked by the extension.)
        let reread = try StudyLoader.load(ties: [out + "krefeld-mg.graphml"], format: nil)
        #expect(reread.actors.count == study.actors.count && reread.ties.count == study.ties.count)
        #expect(reread.mentions.count == study.mentions.count)
        let csv = try String(contentsOfFile: out + "metrics.csv", encoding: .utf8)
        #expect(csv.hasPrefix("id,label,kind,degree,betweenness_normalized,constraint,effective_size,ei_region,"))
        #expect(table.nodeValues.count == study.actors.count)
        #expect(table.nodeValues[cracau][2] == profile.openness.constraint)
        #expect(report.innovations.count == 1 && report.innovations[0].openness.constraint == profile.openness.constraint)
        #expect(Set(files.map(\.path)).isSuperset(of: ["index.html", "repair-cafe-cracau.html"]))
        for file in ["index.html", "repair-cafe-cracau.html"] {
            // (`dir`, not `out`: the temporary folder lives until here.)
            #expect(FileManager.default.fileExists(atPath: dir.path + "/report/" + file), "report/\(file)")
        }
    }

    /// The code above is the last step's main.swift line for line (indentation and the prefixes
    /// `root + ` and `out + ` aside, imports aside), and the tutorial shows the step files in order.
    @Test func theTestedCodeIsTheTutorialsCode() throws {
        let resources = Self.catalog + "Resources/"
        let final = try String(contentsOfFile: resources + Self.stepFiles.last!, encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let start = try #require(source.range(of: "// --- tutorial: main.swift ---\n"))
        let end = try #require(source.range(of: "// --- end ---", range: start.upperBound..<source.endIndex))
        func lines(_ code: String) -> [String] {
            code.split(separator: "\n").map {
                String($0).replacingOccurrences(of: "root + ", with: "").replacingOccurrences(of: "out + ", with: "")
                    .trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty && !$0.hasPrefix("import ") }
        }
        let tested = lines(String(source[start.upperBound..<end.lowerBound]))
        #expect(tested.count > 40)
        #expect(tested == lines(final))

        let tutorial = try String(contentsOfFile: Self.catalog + "Tutorials/GettingStartedWithWeakTies.tutorial", encoding: .utf8)
        let referenced = tutorial.components(separatedBy: "file: \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(referenced == ["getting-started-package.swift"] + Self.stepFiles)
        for name in referenced {
            #expect(FileManager.default.fileExists(atPath: resources + name), "\(name)")
        }
    }

    /// Each step's main.swift is the one before with lines added at the end: every step is a beginning
    /// of the tested code.
    @Test func everyStepAddsToTheOneBefore() throws {
        let texts = try Self.stepFiles.map { try String(contentsOfFile: Self.catalog + "Resources/" + $0, encoding: .utf8) }
        for k in 1..<texts.count {
            #expect(texts[k].hasPrefix(texts[k - 1]) && texts[k].count > texts[k - 1].count, "\(Self.stepFiles[k])")
        }
    }
}
