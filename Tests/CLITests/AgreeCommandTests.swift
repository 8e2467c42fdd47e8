import Foundation
import Testing
import TestSupport

@Suite struct AgreeCommandTests {
    @Test func reliabilityTablesForTheExampleStudy() throws {
        let result = try weakties(["agree", exampleTies, "--nodes", exampleNodes, "--bootstrap", "200", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Inter-coder agreement: 2 coders (K1, K2); 6 interviews coded by two or more, 16 by one\n"))
        #expect(result.stdout.contains("\nK1 and K2 (6 interviews)\n"))
        #expect(result.stdout.contains("strength (weak < strong)"))
        #expect(result.stdout.contains("Largest disagreements:\n  MG-03, Nachbarschaftshilfe – Caritas MG: strength"))
        let german = try weakties(["agree", exampleTies, "--nodes", exampleNodes, "--bootstrap", "0", "--lang", "de", "--quiet"])
        #expect(german.stdout.contains("Krippendorffs α") && german.stdout.contains("Stärke (schwach < stark)"))
    }

    @Test func csvAndJSONAreDeterministic() throws {
        let csv = try weakties(["agree", exampleTies, "--format", "csv", "--bootstrap", "100", "--quiet"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("scope,coder_a,coder_b,variable,level,interviews,units,values,percent_agreement,cohen_kappa,"))
        #expect(csv.stdout.contains("\nall,,,presence,nominal,6,63,"))
        #expect(csv.stdout.contains("\npair,K1,K2,strength,ordinal,6,58,"))
        let first = try weakties(["agree", exampleTies, "--format", "json", "--seed", "5", "--bootstrap", "100", "--quiet"])
        let second = try weakties(["agree", exampleTies, "--format", "json", "--seed", "5", "--bootstrap", "100", "--quiet"])
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["coders"] as? [String] == ["K1", "K2"])
        #expect((object["disagreements"] as? [String: Any])?["count"] as? Int == 36)
        #expect(object["consensus"] as? String == "union")
    }

    @Test func disagreementListsForTheMeeting() throws {
        let dir = TemporaryDirectory()
        for (name, marker) in [("list.csv", "item,interview,source_id,source_label,target_id,target_label,field,coder,value,quotes,locations\n"),
                               ("list.md", "# Disagreements for the consensus meeting\n"), ("list.html", "<table>")] {
            let result = try weakties(["agree", exampleTies, "--bootstrap", "0", "--disagreements", dir.path + "/" + name, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOfFile: dir.path + "/" + name, encoding: .utf8)
            #expect(text.contains(marker), "\(name)")
            #expect(text.contains("ties.csv:"), "\(name) gives file and line")
        }
        let wrong = try weakties(["agree", exampleTies, "--disagreements", dir.path + "/list.txt"])
        #expect(wrong.status == 64 && wrong.stderr.contains("give a file ending in .csv, .md, .html or .json"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/list.txt"))
    }

    @Test func hostileCodingsAreEscaped() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", """
            source,target,strength,interview,coder,quote
            <b>A</b>,B,strong,I1,K1,"<script>alert(1)</script>"
            <b>A</b>,B,weak,I1,K2,=HYPERLINK("http://x")

            """)
        _ = try weakties(["agree", ties, "--bootstrap", "0", "--disagreements", dir.path + "/d.html", "--quiet"])
        let html = try String(contentsOfFile: dir.path + "/d.html", encoding: .utf8)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;A&lt;/b&gt;"))
        _ = try weakties(["agree", ties, "--bootstrap", "0", "--disagreements", dir.path + "/d.csv", "--quiet"])
        let csv = try String(contentsOfFile: dir.path + "/d.csv", encoding: .utf8)
        #expect(csv.contains("'=HYPERLINK") && !csv.contains(",=HYPERLINK"))
    }

    @Test func refusalsAndErrors() throws {
        let dir = TemporaryDirectory()
        let noCoder = dir.write("ties.csv", "source,target,strength,interview\na,b,weak,I1\n")
        let result = try weakties(["agree", noCoder, "--quiet"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("weakties: error: the ties tables have no 'coder' column"))
        let consensus = try weakties(["agree", exampleTies, "--consensus", "majority"])
        #expect(consensus.status == 64 && consensus.stderr.contains("drop --consensus"))
        let badRule = try weakties(["validate", exampleTies, "--consensus", "most"])
        #expect(badRule.status == 64)
        let unknownCoder = try weakties(["validate", exampleTies, "--consensus", "coder:K3", "--quiet"])
        #expect(unknownCoder.status == 65)
        #expect(unknownCoder.stderr.contains("error: the consensus rule names coder 'K3', who coded no mention (coders: K1, K2); did you mean 'K1'?"))
    }

    @Test func consensusIsAppliedAndReported() throws {
        let result = try weakties(["validate", exampleTies, "--nodes", exampleNodes, "--consensus", "intersection", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"consensus\": \"intersection\""))
        #expect(result.stderr.contains("notice: consensus rule 'intersection': 5 of "))
        let text = try weakties(["validate", exampleTies, "--consensus", "coder:K2", "--quiet"])
        #expect(text.stdout.contains("consensus: coder:K2)"))
        // Exports say how their ties were made, where the format has room, and read back.
        let dir = TemporaryDirectory()
        for (name, marker) in [("s.graphml", "<data key=\"g0\">intersection</data>"), ("s.json", "\"consensus\": \"intersection\""),
                               ("s.gexf", "<description>consensus: intersection; strength_rule: majority"), ("s.net", "% consensus: intersection\n")] {
            let export = try weakties(["export", exampleTies, "--consensus", "intersection", "--output", dir.path + "/" + name, "--quiet"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(try String(contentsOfFile: dir.path + "/" + name, encoding: .utf8).contains(marker), "\(name)")
            #expect(try weakties(["validate", dir.path + "/" + name, "--quiet"]).status == 0, "\(name) reads back")
        }
    }

    @Test func aliasesApplyInEveryCommand() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength\nCafé,Stadt KR,weak\nCafé,Stadt Krefeld,strong\nTafel,Stadt KR,weak\n")
        let aliases = dir.write("aliases.csv", "alias,canonical_id\nStadt KR,Stadt Krefeld\n")
        let validate = try weakties(["validate", ties, "--aliases", aliases, "--json", "--quiet"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("\"nodes\": 3") && validate.stdout.contains("\"aliases\": 1"))
        let metrics = try weakties(["metrics", ties, "--aliases", aliases, "--format", "csv", "--quiet"])
        #expect(metrics.status == 0 && !metrics.stdout.contains("Stadt KR,"))
        let broken = dir.write("broken.csv", "alias,canonical_id\nStadt KR,Stadt Krefeld\nStadt KR,Stadt Krefled\n")
        let failure = try weakties(["validate", ties, "--aliases", broken])
        #expect(failure.status == 65)
        #expect(failure.stderr.contains("broken.csv:3:1: error: alias 'Stadt KR' maps to 'Stadt Krefled' here but to 'Stadt Krefeld' on line 2"))
    }
}

/// One number, one place: the report's reliability section shows the numbers `agree` prints.
@Suite struct AgreementInReportTests {
    @Test func reportAndAgreeShowTheSameNumbers() throws {
        let dir = TemporaryDirectory()
        let report = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", dir.path + "/r", "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/r")
        let name = try #require(files.first { $0.hasSuffix(".json") && $0 != "run.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/r/" + name))) as? [String: Any])
        let reliability = try #require((json["study"] as? [String: Any])?["reliability"] as? [String: Any])
        let fromReport = try #require((reliability["estimates"] as? [[String: Any]])?.first { $0["variable"] as? String == "strength" })
        let agree = try weakties(["agree", exampleTies, "--nodes", exampleNodes, "--format", "json", "--quiet"])
        let agreeJSON = try #require(try JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [String: Any])
        let fromAgree = try #require((agreeJSON["overall"] as? [[String: Any]])?.first { $0["variable"] as? String == "strength" })
        #expect(fromReport["alpha"] as? Double == fromAgree["alpha"] as? Double)
        #expect(fromReport["alpha_low"] as? Double == (fromAgree["alpha_interval"] as? [String: Any])?["low"] as? Double)
        let innovations = try #require(json["innovations"] as? [[String: Any]])
        let listed = innovations.reduce(0) { $0 + (($1["disagreements"] as? [Any])?.count ?? 0) }
        #expect(listed > 0)

        let html = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", dir.path + "/h", "--quiet"])
        #expect(html.status == 0)
        let index = try String(contentsOfFile: dir.path + "/h/index.html", encoding: .utf8)
        #expect(index.contains("<h3>Inter-coder agreement</h3>"))
        let page = try String(contentsOfFile: dir.path + "/h/fairteiler-eicken.html", encoding: .utf8)
        #expect(page.contains("<h2>Where coders disagree</h2>"))
    }
}

/// Nothing hidden: a weight column too varied to assess (more than 254 distinct values) is named in
/// every output, not silently left out.
@Suite struct AgreeWeightNotAssessedTests {
    @Test func saidInTextAndJSON() throws {
        let dir = TemporaryDirectory()
        var rows = "source,target,strength,interview,coder,weight\n"
        for k in 0..<300 {
            for coder in ["K1", "K2"] { rows += "I\(k % 7),P\(k),weak,INT-\(k % 20),\(coder),\(Double(k) / 7 + (coder == "K2" ? 0.01 : 0))\n" }
        }
        let ties = dir.write("t.csv", rows)
        let text = try weakties(["agree", ties, "--bootstrap", "0", "--quiet"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("The weight column was not assessed: it has more than 254 distinct values"), "\(text.stdout)")
        let json = try weakties(["agree", ties, "--bootstrap", "0", "--format", "json", "--quiet"])
        #expect(json.stdout.contains("\"weight_not_assessed\": true"))
        let few = dir.write("f.csv", "source,target,strength,interview,coder,weight\nI,P,weak,A,K1,2\nI,P,weak,A,K2,3\n")
        let fine = try weakties(["agree", few, "--bootstrap", "0", "--format", "json", "--quiet"])
        #expect(fine.stdout.contains("\"weight_not_assessed\": false"), "\(fine.stdout)")
    }
}
