import Foundation
import Testing
import TestSupport

/// Exports read back by networkx (the tool that owns node-link JSON and reads GraphML and Pajek).
@Suite struct ExportCommandTests {
    static let python = which("python3")
    static let hasNetworkx: Bool = {
        guard let python else { return false }
        return (try? runProcess(python, ["-c", "import networkx"]).status) == 0
    }()

    @Test(.enabled(if: hasNetworkx, "python3 with networkx not found: export read-back tests are skipped"))
    func networkxReadsEveryExportWithItsAttributes() throws {
        let dir = TemporaryDirectory()
        // Hostile ids and labels: quotes, markup, ampersands, line breaks, umlauts.
        let ties = dir.write("ties.csv", """
            source,target,strength,interview,coder,weight
            "Café ""Zum Ü"" <b>",A & B,stark,I1,K1,2
            A & B,"line
            break",weak,I2,K2,1
            "Café ""Zum Ü"" <b>","line
            break",strong,I1,K2,3

            """)
        let nodes = dir.write("nodes.csv", "id,label,kind,region,note\n\"Café \"\"Zum Ü\"\" <b>\",Café,innovation,Krefeld,\"x'y\"\nA & B,A&B,partner,MG,\n")
        for (ext, reader) in [("graphml", "nx.read_graphml(path)"), ("json", "nx.node_link_graph(json.load(open(path)), edges='edges')"),
                              ("net", "nx.Graph(nx.read_pajek(path))")] {
            let path = dir.path + "/study." + ext
            let result = try weakties(["export", ties, "--nodes", nodes, "--output", path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let script = """
                import json, sys, networkx as nx
                path = sys.argv[1]
                g = \(reader)
                out = {"nodes": sorted(map(str, g.nodes())), "edges": g.number_of_edges()}
                if sys.argv[2] != "net":
                    n = g.nodes['Café "Zum Ü" <b>']
                    out["label"] = n.get("label"); out["note"] = n.get("note"); out["established"] = n.get("established")
                    e = g.edges['Café "Zum Ü" <b>', 'A & B']
                    out["edge"] = [e.get("strength"), e.get("mentions"), e.get("weight"), e.get("interviews")]
                print(json.dumps(out))
                """
            let run = try runProcess(Self.python!, ["-c", script, path, ext])
            #expect(run.status == 0, "\(ext): \(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            #expect(object["edges"] as? Int == 3, "\(ext)")
            if ext == "net" {
                #expect(object["nodes"] as? [String] == ["A&B", "Café", "line break"].sorted())  // Pajek keeps labels only
            } else {
                #expect(object["nodes"] as? [String] == ["A & B", "Café \"Zum Ü\" <b>", "line\nbreak"].sorted(), "\(ext)")
                #expect(object["label"] as? String == "Café" && object["note"] as? String == "x'y", "\(ext)")
                let edge = object["edge"] as! [Any]
                #expect(edge[0] as? String == "strong" && (edge[1] as? NSNumber)?.intValue == 1, "\(ext)")
                #expect((edge[2] as? NSNumber)?.doubleValue == 2 && edge[3] as? String == "I1", "\(ext)")
            }
        }
    }

    @Test func unknownFormatIsAUsageError() throws {
        let dir = TemporaryDirectory()
        let result = try weakties(["export", exampleTies, "--output", dir.path + "/x.xlsx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown format 'xlsx' (expected graphml, gexf, pajek, paj, dl, json, gephi-csv or dot)"))
    }
}
