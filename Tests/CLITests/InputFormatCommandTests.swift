import Foundation
import Testing
import TestSupport
import WeakTies

/// `--input-format` and friends on the command line, and our imports of third-party files compared
/// with what networkx reads from them.
@Suite struct InputFormatCommandTests {
    @Test func inputFormatOverridesTheExtension() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("network.txt", "*Vertices 2\n1 \"Repair-Café\"\n2 \"Stadtwerke\"\n*Edges\n1 2 3\n")
        let result = try weakties(["validate", file, "--input-format", "pajek", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("actors             2") && result.stdout.contains("ties               1  0 strong, 1 weak"))
        // Read as CSV (the default for .txt) the same file breaks the contract.
        #expect(try weakties(["validate", file, "--quiet"]).status == 65)
    }

    @Test func usageErrorsForFormats() throws {
        let dir = TemporaryDirectory()
        let net = dir.write("a.net", "*Vertices 1\n1 \"a\"\n")
        let unknown = try weakties(["validate", net, "--input-format", "sav"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("The value 'sav' is invalid for '--input-format <input-format>'. Please provide one of the following:")
                && unknown.stderr.contains("- gephi-csv"))
        let two = try weakties(["validate", net, net])
        #expect(two.status == 64 && two.stderr.contains("give one network file at a time"))
        let nodes = try weakties(["validate", net, "--nodes", exampleTies])
        #expect(nodes.status == 64 && nodes.stderr.contains("weakties: error: a separate nodes table goes with CSV tables and Gephi's edges table; a pajek file carries its own nodes (--nodes)"))
    }

    @Test func everyCommandReadsEveryFormat() throws {
        let dir = TemporaryDirectory()
        let gexf = dir.path + "/study.gexf"
        #expect(try weakties(["export", exampleTies, "--nodes", repositoryRoot + "/Examples/krefeld-mg/nodes.csv", "--output", gexf, "--quiet"]).status == 0)
        let metrics = try weakties(["metrics", gexf, "--quiet", "--metrics", "degree"])
        #expect(metrics.status == 0, "\(metrics.stderr)")
        #expect(metrics.stdout.split(separator: "\n").count == 124)  // header + 123 actors
        let render = try weakties(["render", gexf, "--quiet", "--output", dir.path + "/map.svg"])
        #expect(render.status == 0, "\(render.stderr)")
    }

    static let hasNetworkx = InteropExportTests.hasNetworkx
    static let foreign: String? = {
        guard let shared = sharedDirectory, FileManager.default.fileExists(atPath: shared + "/foreign") else {
            FileHandle.standardError.write(Data("skipped: ../shared/foreign not found (networkx comparison of foreign imports)\n".utf8))
            return nil
        }
        return shared + "/foreign"
    }()

    @Test(.enabled(if: hasNetworkx && foreign != nil, "networkx or ../shared/foreign not found"),
          arguments: [("graphtool_football.graphml", "partition", "nx.read_graphml(p)"),
                      ("gephi_us-airports.gexf", "City", "nx.read_gexf(p, version='1.3')")])
    func foreignImportsAgreeWithNetworkx(file: String, attribute: String, reader: String) throws {
        let path = Self.foreign! + "/" + file
        let script = """
            import json, sys, networkx as nx
            p = sys.argv[1]
            g = \(reader)
            print(json.dumps({"nodes": {str(n): str(d.get(sys.argv[2])) for n, d in g.nodes(data=True)},
                              "pairs": sorted("|".join(sorted((str(a), str(b)))) for a, b in g.edges() if a != b)}))
            """
        let run = try runProcess(InteropExportTests.python!, ["-c", script, path, attribute])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let study = try StudyLoader.load(ties: [path], format: nil)
        var ours: [String: String] = [:]
        for actor in study.actors { ours[actor.id] = actor.attributes[attribute] }
        #expect(ours == object["nodes"] as? [String: String])
        let pairs = (0..<study.ties.count).map { t in
            [study.actors[Int(study.ties.source[t])].id, study.actors[Int(study.ties.target[t])].id].sorted().joined(separator: "|")
        }.sorted()
        #expect(pairs == Array(Set(object["pairs"] as! [String])).sorted())
    }

    /// `--raise-limits N` multiplies the readers' size limits: a DL file declaring 260,000 nodes in 40
    /// bytes (above the 250,000 a tiny file may declare) is refused by default and read with a factor
    /// of 2; a factor below 1 is a usage error.
    @Test func raiseLimitsLetsAnUnusualFileThrough() throws {
        let dir = TemporaryDirectory()
        let dl = dir.write("big.dl", "DL N=260000 FORMAT=EDGELIST1\nDATA:\n1 2\n")
        let refused = try weakties(["validate", dl, "--quiet"])
        #expect(refused.status == 65 && refused.stderr.contains("N=260000 is more than this file can hold (at most 250000"))
        let read = try weakties(["validate", dl, "--quiet", "--raise-limits", "2", "--json"])
        #expect(read.status == 0 && read.stdout.contains("\"nodes\": 260000"), "\(read.stdout)\(read.stderr)")
        #expect(try weakties(["validate", dl, "--raise-limits", "0"]).status == 64)
    }
}
