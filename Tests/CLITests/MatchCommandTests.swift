import Foundation
import Testing
import TestSupport

@Suite struct MatchCommandTests {
    @Test func recommendsForOneInnovationFoundByLabel() throws {
        let result = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--innovation", "repair cafe cracau",
                                   "--top", "3", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Repair-Café Cracau")
        #expect(lines.filter { $0.hasPrefix("  1. ") || $0.hasPrefix("  2. ") || $0.hasPrefix("  3. ") }.count == 3)
        #expect(result.stdout.contains("constraint 0.09 → 0.08"))
        #expect(result.stdout.contains("brings a partner type it has no tie to yet"))

        let german = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--innovation", "Repair-Café Cracau",
                                   "--top", "1", "--lang", "de", "--quiet"])
        #expect(german.stdout.contains("bringt einen Partnertyp, zu dem noch keine Beziehung besteht: Politik"))
        #expect(german.stdout.contains("Constraint 0,09 → 0,08"))
    }

    @Test func unknownInnovationSuggestsTheNearest() throws {
        let result = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--innovation", "Repair Cafe Krakau", "--quiet"])
        #expect(result.status == 64)
        #expect(result.stderr == "weakties: error: no actor 'Repair Cafe Krakau' (did you mean 'Repair-Café Cracau'?) (--innovation)\n")
        let partner = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--innovation", "tafel kr", "--quiet"])
        #expect(partner.status == 64)
        #expect(partner.stderr.contains("is a partner, not an innovation (--innovation)"))
        let weight = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--weight", "reach=-1", "--quiet"])
        #expect(weight.status == 64)
        #expect(weight.stderr.contains("the score weight 'reach' must be a non-negative number"))
    }

    @Test func csvAndJSONForAllInnovations() throws {
        let csv = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--format", "csv", "--top", "2", "--quiet"])
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("innovation_id,innovation_label,rank,partner_id,partner_label,partner_type,region,score,") == true)
        #expect(rows.count == 1 + 2 * 14)
        let json = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--format", "json", "--top", "2",
                                 "--betweenness", "--threads", "1", "--quiet"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let innovations = try #require(object["innovations"] as? [[String: Any]])
        #expect(innovations.count == 14)
        let first = try #require((innovations[0]["candidates"] as? [[String: Any]])?.first)
        #expect((first["betweenness"] as? [String: Any])?["after"] is Double)
        #expect(object["betweenness_exact"] as? Bool == true)
        // Same input and seed: the same bytes.
        let again = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--format", "json", "--top", "2",
                                  "--betweenness", "--threads", "1", "--quiet"])
        #expect(again.stdout == json.stdout)
    }

    @Test func eventPlanIsFeasibleDeterministicAndPrintable() throws {
        let dir = TemporaryDirectory()
        let attendees = dir.write("attendees.csv", """
            id,role
            repair cafe cracau,innovation
            Fairteiler Uerdingen,
            Sprachcafé Bockum,
            tafel kr,partner
            Caritas KR,
            Grünflächenamt KR,
            Sparkasse Krefeld,

            """)
        let fixed = dir.write("fixed.csv", "innovation,partner\nFairteiler Uerdingen,Sparkasse Krefeld\n")
        let args = ["match", exampleTies, "--nodes", exampleNodes, "--event", attendees, "--rounds", "2", "--fixed", fixed,
                    "--format", "csv", "--quiet"]
        let plan = try weakties(args)
        #expect(plan.status == 0, "\(plan.stderr)")
        let rows = plan.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty)
        var seen = Set<String>()
        for row in rows {
            #expect(seen.insert("\(row[0]) \(row[4])").inserted, "an innovation twice in one round")
        }
        #expect(plan.stdout.contains("Fairteiler Uerdingen"))
        #expect(try weakties(args).stdout == plan.stdout)
        let html = try weakties(Array(args.dropLast(3)) + ["--format", "html", "--lang", "de", "--quiet"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        #expect(html.stdout.contains("Tischplan") && html.stdout.contains("Ablauf je Person"))
    }

    @Test func eventPlanInputErrorsAreLocated() throws {
        let dir = TemporaryDirectory()
        let attendees = dir.write("attendees.csv", "id\nRepair-Café Cracau\nTafel Krefelt\n")
        let result = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", attendees, "--quiet"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("attendees.csv:3:1: error: no actor 'Tafel Krefelt' (did you mean 'Krefelder Tafel'"))
        let onlyInnovations = dir.write("only.csv", "id\nRepair-Café Cracau\n")
        let none = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", onlyInnovations, "--quiet"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("the attendee list lists no partners"))
        let list = dir.write("two.csv", "id\nRepair-Café Cracau\nKrefelder Tafel\nSparkasse Krefeld\n")
        let fixed = dir.write("fixed.csv", "innovation,partner\nRepair-Café Cracau,Krefelder Tafel\nRepair-Café Cracau,Sparkasse Krefeld\n")
        let capacity = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", list, "--fixed", fixed,
                                     "--rounds", "1", "--quiet"])
        #expect(capacity.status == 65)
        #expect(capacity.stderr.contains("Repair-Café Cracau has 2 fixed meetings but the event has 1 round"))
    }

    @Test func backtestReportsEveryMethod() throws {
        let result = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--backtest", "2017", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let methods = try #require(object["methods"] as? [[String: Any]])
        #expect(methods.map { $0["name"] as? String } == ["score", "common_neighbors", "jaccard", "adamic_adar", "resource_allocation", "random"])
        #expect(object["earlier_ties"] as? Int == 68 && object["ties_without_year"] as? Int == 1)
    }

    @Test func optionsThatWouldBeIgnoredAreRefused() throws {
        let backtest = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--backtest", "2017", "--same-region", "--quiet"])
        #expect(backtest.status == 64)
        #expect(backtest.stderr.contains("--backtest ranks every innovation of the earlier network with the score's weights only; drop --same-region"))
        let dir = TemporaryDirectory()
        let list = dir.write("a.csv", "id,role\nRepair-Café Cracau,innovation\nKrefelder Tafel,innovation\n")
        let event = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", list, "--top", "3", "--quiet"])
        #expect(event.status == 64)
        #expect(event.stderr.contains("drop --top"))
        let mismatch = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", list, "--quiet"])
        #expect(mismatch.status == 65)
        #expect(mismatch.stderr.contains("a.csv:3:2: error: 'Tafel KR' is a partner in the study, not an innovation"))
    }

    @Test func eventPlanAppliesFilters() throws {
        let dir = TemporaryDirectory()
        let list = dir.write("a.csv", "id\nRepair-Café Cracau\nKrefelder Kiste\nCaritas MG\nCaritas KR\nTafel KR\nLokalradio\n")
        let all = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", list, "--format", "csv", "--quiet"])
        let krefeld = try weakties(["match", exampleTies, "--nodes", exampleNodes, "--event", list, "--format", "csv",
                                    "--same-region", "--quiet"])
        #expect(all.status == 0 && krefeld.status == 0)
        #expect(all.stdout.contains("Caritas MG"))
        #expect(!krefeld.stdout.contains("Caritas MG") && !krefeld.stdout.contains("Lokalradio"))
        #expect(krefeld.stdout.split(separator: "\n").count > 1)
    }

    @Test func studiesWithoutInnovationsAndMistypedSubcommandsSayWhatToDo() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength\nA,B,weak\n")
        let report = try weakties(["report", ties, "--output", dir.path + "/r", "--quiet"])
        #expect(report.status == 64)
        #expect(report.stderr.contains("no innovations (no actor of kind 'innovation') to report on: head the ties table's first column 'innovation'"))
        let match = try weakties(["match", ties, "--quiet"])
        #expect(match.status == 65 && match.stderr.contains("or give a nodes table whose 'kind' column says 'innovation'"))
        let typo = try weakties(["metircs", ties])
        #expect(typo.status == 64)
        #expect(typo.stderr == "weakties: error: unknown subcommand 'metircs' (did you mean 'metrics'?); the subcommands are validate, metrics, render, export, report, match, agree, actors, timeline, compare\n")
    }
}
