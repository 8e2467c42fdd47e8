// A tour of the WeakTies library API: import a coded study, look at its ties and their evidence.
//
// Run: swift run LibraryTour [ties.csv] [nodes.csv]
import Foundation
import WeakTies

let arguments = CommandLine.arguments.dropFirst()
let tiesPath = arguments.first ?? "Examples/krefeld-mg/ties.csv"
let nodesPath = arguments.dropFirst().first ?? "Examples/krefeld-mg/nodes.csv"

do {
    // 1. Import: every rule of the data contract is applied; problems come back located.
    let study = try StudyLoader.load(ties: [tiesPath], nodes: nodesPath)
    print("Imported \(study.actors.count) actors, \(study.mentions.count) mentions → \(study.ties.count) ties")
    for warning in study.warnings { print("  \(warning)") }

    // 2. The domain: innovations and their ties, each with the interview evidence behind it.
    for innovation in study.actors.indices.filter({ study.actors[$0].kind == .innovation }).prefix(2) {
        let actor = study.actors[innovation]
        let status = actor.established == true ? "established" : "new"
        print("\n\(actor.label) (\(actor.region ?? "?"), \(status))")
        for t in 0..<study.ties.count where study.ties.source[t] == innovation || study.ties.target[t] == innovation {
            let tie = study.ties[t]
            let other = study.actors[Int(tie.source == innovation ? tie.target : tie.source)]
            print("  \(tie.strength.name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(other.label)"
                  + " — \(tie.strongVotes) strong / \(tie.weakVotes) weak votes")
            for m in tie.mentions {
                let mention = study.mentions[Int(m)]
                let quote = mention.quote.replacingOccurrences(of: "\n", with: " ")
                print("         \(mention.interview) (\(mention.coder), \(mention.location)): „\(quote.prefix(70))“")
            }
        }
    }

    // 3. The graph: the same indices, CSR adjacency, typed attribute columns, ready for metrics.
    let graph = study.graph()
    let components = graph.connectedComponents()
    let hub = (0..<Int32(graph.nodeCount)).max { graph.degree(of: $0) < graph.degree(of: $1) }!
    print("\nGraph: \(graph.nodeCount) nodes, \(graph.edgeCount) edges, \(components.count) component(s)")
    print("Most connected: \(study.actors[Int(hub)].label) with \(graph.degree(of: hub)) ties")
    if case .string(let strengths)? = graph.edgeAttributes["strength"]?.values {
        let weak = strengths.count { $0 == "weak" }
        print("Weak ties: \(weak) of \(graph.edgeCount)")
    }

    // 4. Metrics: results share one shape (NodeScores), options are values, weights are explicit.
    let betweenness = try graph.betweenness(BetweennessOptions(normalized: true)).nodes
    let holes = try graph.structuralHoles()
    print("\nBrokers (normalised betweenness, Burt's constraint):")
    for v in betweenness.top(3) {
        print("  \(study.actors[v].label): \(String(format: "%.3f", betweenness[v])), constraint \(String(format: "%.3f", holes.constraint[v]))")
    }
    let isWeak = study.ties.strength.map { $0 == .weak }
    let bridges = graph.bridges()
    print("Bridges: \(bridges.count), of which weak: \(bridges.count { isWeak[Int($0)] })")

    // 5. The analysis layer: every study number once, by typed key, computed on first use. The metrics
    //    table, the report and the maps all read it, so they show the same values.
    let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
    let cracau = Int(study.actorIndex(of: "Repair-Café Cracau")!)
    let eiType = try metrics.scores(.eiIndex, by: "partner_type")[cracau]
    print("\nE-I by partner type of \(study.actors[cracau].label): \(String(format: "%.2f", eiType))"
          + " (network: \(String(format: "%.2f", try metrics.networkEIIndex(by: "partner_type"))))")
    print("Granovetter: \(metrics.granovetter.weakBridges) of \(metrics.granovetter.bridges) bridges are weak ties")

    // 6. The weak-tie report reads those values; writers only format them.
    let report = try StudyReport(metrics: metrics, options: ReportOptions(innovations: ["Repair-Café Cracau"]))
    let cafe = report.innovations[0]
    print("\(cafe.label): \(cafe.tieCount) ties, weak-tie share \(String(format: "%.2f", cafe.weakTieShare)),",
          "E-I (region) \(String(format: "%.2f", cafe.openness.eiRegion)), initiation pattern: \(cafe.initiation.pattern)")
    for suggestion in cafe.partnersToMeet.prefix(2) {
        print("  worth meeting: \(study.actors[suggestion.partner].label) (\(suggestion.reasons.joined(separator: ", ")))")
    }
    // The same report as JSON (schema_version 1) or as pages with Graphviz maps:
    let pages = try report.files(ReportRendering(format: .md, language: .de))
    print("Markdown report: \(pages.count) files, e.g. \(pages.map(\.path).first { $0.hasSuffix(".md") } ?? "")")
} catch let failure as ImportFailure {
    print(failure)
    exit(65)
} catch {
    print(error)
    exit(74)
}
