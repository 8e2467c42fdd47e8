import Foundation
import Testing
import TestSupport
import WeakTies

/// The code of the DocC article "Scripting a custom analysis" (Sources/WeakTies/WeakTies.docc), run as
/// written there (paths made absolute), so the article cannot drift from the API.
@Suite struct DocumentationExamplesTests {
    @Test func weakTieBetweennessAsInTheArticle() throws {
        let root = repositoryRoot + "/"
        // --- article: Load the study, keep the weak ties, measure them ---
        let study = try StudyLoader.load(ties: [root + "Examples/krefeld-mg/ties.csv"],
                                         nodes: root + "Examples/krefeld-mg/nodes.csv")
        let weakOnly = study.restricted(to: .weak)
        let metrics = try StudyMetrics(study: weakOnly, options: .init(threads: 1))
        let betweenness = try metrics.scores(.betweennessNormalized).values
        let brokers = weakOnly.actors.indices
            .filter { !betweenness[$0].isNaN }
            .sorted { betweenness[$0] > betweenness[$1] }
            .prefix(5)
        for v in brokers {
            print(weakOnly.actors[v].label, String(format: "%.3f", betweenness[v]))
        }
        // --- end ---
        #expect(brokers.count == 5)
        #expect(weakOnly.ties.count == 115 && weakOnly.actors.count == study.actors.count)
        // The weak-tie network's betweenness differs from the whole network's.
        let whole = try StudyMetrics(study: study, options: .init(threads: 1)).scores(.betweennessNormalized).values
        #expect(brokers.contains { whole[$0] != betweenness[$0] })
    }

    @Test func customReportNumberAsInTheArticle() throws {
        let root = repositoryRoot + "/"
        // --- article: A number of your own beside the report's ---
        let study = try StudyLoader.load(ties: [root + "Examples/krefeld-mg/ties.csv"],
                                         nodes: root + "Examples/krefeld-mg/nodes.csv")
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let report = try StudyReport(metrics: metrics)
        let groups = try metrics.groups(by: "region")
        for page in report.innovations {
            // Partners in another region reached through weak ties: the report's numbers come from
            // the same StudyMetrics, so this one agrees with them.
            let weakAbroad = page.ties.filter { $0.strength == .weak && groups[$0.partner] != page.region }.count
            print(page.label, page.weakTieShare, weakAbroad)
        }
        // --- end ---
        #expect(report.innovations.count == 14)
    }
}
