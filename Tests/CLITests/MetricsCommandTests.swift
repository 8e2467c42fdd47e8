import Foundation
import Testing
import TestSupport

@Suite struct MetricsCommandTests {
    @Test func nodeTableOfTheExampleStudyMatchesTheGoldenFile() throws {
        let result = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--attribute", "region",
                                   "--attribute", "partner_type", "--threads", "1", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
        let perAttribute = { (a: String) in
            ["ei_\(a)", "blau_\(a)", "iqv_\(a)", "outside_share_\(a)"] + roles.flatMap { ["brokerage_\(a)_\($0)", "brokerage_\(a)_\($0)_z"] }
        }
        let expectedHeader = ["id", "label", "kind", "degree", "degree_centrality", "strength", "betweenness",
            "betweenness_normalized", "closeness", "harmonic", "eigenvector", "pagerank", "clustering", "core_number",
            "constraint", "effective_size", "efficiency", "hierarchy", "ego_density", "weak_tie_share", "bridges",
            "weak_bridges", "local_bridges", "weak_local_bridges", "community",
            "community_external_share"] + perAttribute("region") + perAttribute("partner_type")
        #expect(lines.first.map(String.init) == expectedHeader.joined(separator: ","))
        #expect(lines.count == 124)
        try expectGolden(result.stdout, "metrics-krefeld-mg.csv")
    }

    @Test func edgeTableAndJSON() throws {
        let csv = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--edges", "--quiet"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("source,target,strength,mentions,bridge,local_bridge_span,edge_betweenness\n"))
        #expect(csv.stdout.split(separator: "\n").count == 186)
        let json = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--format", "json", "--metrics", "degree,constraint", "--quiet"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let nodes = object["nodes"] as! [[String: Any]]
        #expect(nodes.count == 123)
        #expect(Set(nodes[0].keys) == ["id", "label", "kind", "degree", "constraint"])
        let network = object["network"] as! [String: Any]
        #expect(network["ties"] as? Int == 185 && network["bridges"] != nil && network["weak_local_bridges"] != nil)
        let withTest = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--format", "json", "--attribute", "region",
                                     "--permutations", "200", "--seed", "9", "--quiet"])
        let tested = (try JSONSerialization.jsonObject(with: Data(withTest.stdout.utf8)) as! [String: Any])["network"] as! [String: Any]
        for key in ["ei_region", "ei_region_rescaled", "ei_region_p_greater_or_equal", "ei_region_p_less_or_equal",
                    "assortativity_region", "modularity", "communities", "ei_region_group:Krefeld"] {
            #expect(tested[key] != nil, "network key \(key)")
        }
        #expect((object["edges"] as! [[String: Any]]).count == 185)
    }

    @Test func spreadsheetCellsCannotStartFormulas() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength\n\"=HYPERLINK(\"\"http://x\"\")\",@Partner,weak\n+Third,-Fourth,strong\n+Third,@Partner,weak\n")
        let result = try weakties(["metrics", ties, "--metrics", "degree", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            id,label,kind,degree
            "'=HYPERLINK(""http://x"")","'=HYPERLINK(""http://x"")",unknown,1
            '@Partner,'@Partner,unknown,2
            '+Third,'+Third,unknown,2
            '-Fourth,'-Fourth,unknown,1

            """)
    }

    @Test func failingRunsLeaveNoOutputFile() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength\nA,A,weak\n")
        let output = dir.path + "/metrics.csv"
        let result = try weakties(["metrics", ties, "--output", output])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ties.csv"])
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = TemporaryDirectory()
        let output = dir.path + "/metrics.json"
        let result = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", output, "--quiet"])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        #expect(object?["network"] != nil)
    }

    @Test(arguments: [
        (["--attribute", "farbe"], 64, "unknown node attribute 'farbe' (available: region, sector, partner_type, kind, district)"),
        (["--metrics", "degree,fame"], 64, "unknown metric 'fame'"),
        (["--weights", "distance"], 64, "weakties: error: distance weights need a 'weight' column in the ties table with a value for every tie (--weights)"),
        (["--format", "xml"], 64, "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv' and 'json'."),
    ])
    func badRequests(arguments: [String], status: Int32, message: String) throws {
        let result = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--quiet"] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// Brokerage by an attribute nobody has a value of is undefined: empty cells and a warning naming
    /// the attribute, not confident z-scores of one group (exit 0: the other metrics stand).
    @Test func brokerageByAnAttributeWithoutValuesIsEmptyWithAWarning() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength\nA,B,weak\nB,C,strong\nC,D,weak\nA,C,weak\n")
        let nodes = dir.write("n.csv", "id,region\nA,\nB,\nC,\nD,\n")
        let result = try weakties(["metrics", ties, "--nodes", nodes, "--attribute", "region", "--metrics", "degree"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("weakties: warning: the attribute 'region' has no values: brokerage, E-I indices and assortativity by it are undefined (empty)"))
        let rows = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 4 && rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(4).allSatisfy(\.isEmpty) })
        let quiet = try weakties(["metrics", ties, "--nodes", nodes, "--attribute", "region", "--metrics", "degree", "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }
}

@Suite struct MetricsOnlyStrengthTests {
    /// `--only weak`: the weak-tie network alone, every actor kept.
    @Test func weakTieNetworkAlone() throws {
        let result = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--only", "weak", "--metrics", "degree", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("notice: only weak ties: 115 of 185 ties and 157 of 270 mentions kept"))
        let rows = result.stdout.split(separator: "\n").dropFirst()
        let degrees = rows.compactMap { Int($0.split(separator: ",").last ?? "") }
        #expect(degrees.count == rows.count)
        #expect(degrees.reduce(0, +) == 2 * 115)
        let all = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--metrics", "degree", "--format", "csv", "--quiet"])
        #expect(all.stdout.split(separator: "\n").count == result.stdout.split(separator: "\n").count)
    }
}
