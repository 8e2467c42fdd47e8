// Benchmark driver (release build). Modes:
//   weakties-bench import <ties.csv> [repetitions]      import in-process: parse, decode, intern, aggregate
//   weakties-bench metrics <edges.txt> [threads]         metric kernels on an edge list ("u v" per line)
//   weakties-bench report <ties.csv> <nodes.csv> [reps]  the HTML report in-process, stage by stage
// Prints one JSON object per measurement on stdout (the comparison scripts read them).
import Foundation
import WeakTies
@_spi(Benchmark) import WeakTiesIO

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func report(_ name: String, _ time: Double, _ extra: [(String, JSONValue)] = []) {
    print(JSONValue.object([("measure", .string(name)), ("seconds", .double(time))] + extra).serialized())
}

/// Reads an undirected edge list with integer node ids 0..<n.
func readEdgeList(_ path: String) throws -> Graph {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var pairs: [(Int32, Int32)] = []
    var maxNode: Int32 = -1
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let u = Int32(parts[0]), let v = Int32(parts[1]) else { continue }
        pairs.append((u, v))
        maxNode = max(maxNode, u, v)
    }
    var builder = GraphBuilder(directed: false)
    builder.reserveCapacity(nodes: Int(maxNode) + 1, edges: pairs.count)
    for i in 0...max(0, Int(maxNode)) { builder.addNode(String(i)) }
    for (u, v) in pairs { try builder.addEdge(u, v) }
    return try builder.build()
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "import" where args.count >= 2:
    let repetitions = args.count > 2 ? Int(args[2]) ?? 3 : 3
    var best = Double.infinity
    var mentions = 0
    for _ in 0..<repetitions {
        best = min(best, try seconds { mentions = try StudyLoader.load(ties: [args[1]]).mentions.count })
    }
    report("import", best, [("mentions", .int(mentions))])
case "formats" where args.count >= 2:
    // In-process GraphML import (file → study) and export (study → GraphML text), best of REPS.
    let repetitions = args.count > 2 ? Int(args[2]) ?? 3 : 3
    // graphml_write makes the whole document a String (as before); graphml_write_streamed hands it
    // out in 1 MiB pieces, as `weakties export` writes it to the file.
    var readBest = Double.infinity, writeBest = Double.infinity, streamedBest = Double.infinity
    var study: Study?
    var bytes = 0
    for _ in 0..<repetitions {
        readBest = min(readBest, try seconds { study = try StudyLoader.load(ties: [args[1]], format: nil) })
        writeBest = min(writeBest, seconds { bytes = GraphExport.graphML(StudyExport.graph(study!)).utf8.count })
        streamedBest = min(streamedBest, seconds {
            var streamed = 0
            GraphExport.writeGraphML(StudyExport.graph(study!)) { streamed += $0.count }
            precondition(streamed == bytes)
        })
    }
    let info: [(String, JSONValue)] = [("nodes", .int(study!.actors.count)), ("mentions", .int(study!.mentions.count)), ("bytes_written", .int(bytes))]
    report("graphml_read", readBest, info)
    report("graphml_write", writeBest, info)
    report("graphml_write_streamed", streamedBest, info)
case "formats-stages" where args.count >= 2:
    // Where a GraphML import spends its time: XML → NetworkData, → CodedTables, → Study, → Graph.
    var network: NetworkData?
    var tables: (ties: CodedTable, nodes: CodedTable?)?
    var study: Study?
    report("xml_scan_only", try seconds { try XMLScanBenchmark.scanOnly(path: args[1]) })
    report("xml_scan_strings", try seconds { try XMLScanBenchmark.scanOnlyWithStrings(path: args[1]) })
    report("graphml_scan", try seconds { network = try GraphMLReader.read(path: args[1]) })
    report("network_tables", seconds { tables = NetworkTables.tables(network!) })
    report("assemble", try seconds { study = try StudyAssembler.assemble(ties: [tables!.ties], nodes: tables!.nodes) })
    report("graph", seconds { _ = study!.graph() })
    report("summary", seconds { _ = StudySummary(study!) })
    report("export_graph", seconds { _ = StudyExport.graph(study!) })
case "metrics" where args.count >= 2:
    let threads = args.count > 2 ? Int(args[2]) ?? availableCores : availableCores
    let g = try readEdgeList(args[1])
    let info: [(String, JSONValue)] = [("nodes", .int(g.nodeCount)), ("edges", .int(g.edgeCount))]
    // Node betweenness only, as the peers compute it.
    report("betweenness_1_thread", try seconds { _ = try g.betweenness(BetweennessOptions(threads: 1, edgeScores: false)) }, info)
    if threads > 1 {
        report("betweenness_\(threads)_threads", try seconds {
            _ = try g.betweenness(BetweennessOptions(threads: threads, edgeScores: false))
        }, info)
    }
    // Sampled betweenness (K = n/10 sources) and its error against the exact values.
    let exact = try g.betweenness(BetweennessOptions(threads: threads, edgeScores: false)).nodes
    let k = max(1, g.nodeCount / 10)
    var sampled = exact
    let sampleTime = try seconds { sampled = try g.betweenness(BetweennessOptions(threads: 1, sampleSources: k, seed: 7, edgeScores: false)).nodes }
    let top = exact.top(max(1, g.nodeCount / 100))
    let meanError = top.reduce(0.0) { $0 + abs(sampled[$1] - exact[$1]) / exact[$1] } / Double(top.count)
    let overlap = Set(top).intersection(Set(sampled.top(top.count))).count
    report("betweenness_sampled_1_thread", sampleTime, info + [
        ("sources", .int(k)), ("top_1_percent_mean_relative_error", .double(meanError)),
        ("top_1_percent_overlap", .double(Double(overlap) / Double(top.count)))])
    report("closeness_harmonic_1_thread", try seconds { _ = try g.closeness(threads: 1) }, info)
    report("pagerank", try seconds { _ = try g.pageRank() }, info)
    report("constraint_effective_size", try seconds { _ = try g.structuralHoles() }, info)
    report("local_bridges", seconds { _ = g.localBridges() }, info)
    report("core_number", seconds { _ = g.coreNumber() }, info)
    report("clustering", seconds { _ = g.clustering() }, info)
case "render" where args.count >= 2:
    // In-process layout + SVG of a DOT file (compare with `sfdp -Tsvg FILE`).
    let dot = try String(contentsOfFile: args[1], encoding: .utf8)
    let engine = LayoutEngine(rawValue: args.count > 2 ? args[2] : "sfdp") ?? .sfdp
    var best = Double.infinity
    var svgs: [Data] = []
    for _ in 0..<3 { best = min(best, try seconds { svgs.append(try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg)) }) }
    if args.count > 3 { for (i, svg) in svgs.enumerated() { try svg.write(to: URL(fileURLWithPath: args[3] + ".\(i)")) } }
    report("render_\(engine.rawValue)_svg", best)
case "render-memory":
    // Resident memory before and after N in-process renders (a leak check run in its own process).
    let renders = args.count > 1 ? Int(args[1]) ?? 500 : 500
    let dot = "graph G { start=1; " + (0..<60).map { "n\($0) -- n\(($0 * 7 + 3) % 60);" }.joined() + " }"
    func rss() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    for _ in 0..<50 { _ = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg) }
    let before = rss()
    let time = try seconds { for _ in 0..<renders { _ = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg) } }
    report("render_memory", time, [("renders", .int(renders)), ("rss_before_kb", .int(before)), ("rss_after_kb", .int(rss()))])
case "report" where args.count >= 3:
    // Where the time of `weakties report --format html` goes: import, metrics, maps (layout + SVG), pages.
    let repetitions = args.count > 3 ? Int(args[3]) ?? 3 : 3
    var best: [String: Double] = [:]
    func keep(_ name: String, _ time: Double) { best[name] = min(best[name] ?? .infinity, time) }
    for _ in 0..<repetitions {
        var study: Study!
        keep("import", try seconds { study = try StudyLoader.load(ties: [args[1]], nodes: args[2]) })
        var report: StudyReport!
        keep("metrics", try seconds { report = try StudyReport(study: study) })
        var maps = 0.0
        var files: [ReportFile] = []
        let total = try seconds {
            files = try report.files(ReportRendering(format: .html))
        }
        // The maps alone, as the report draws them.
        maps = try seconds {
            _ = try report.maps(report.innovations.map { ReportMapRequest(ego: $0.id, title: $0.label, seed: 1) }
                                + [ReportMapRequest(ego: nil, title: "", seed: 1)])
        }
        keep("maps", maps)
        keep("pages", total - maps)
        keep("pages_and_maps", total)
        _ = files
    }
    for name in ["import", "metrics", "maps", "pages", "pages_and_maps"] { report("report_" + name, best[name]!) }
    // The maps' DOT sizes and one lane alone (in-process, sequential), for the split's cost model.
    let study = try StudyLoader.load(ties: [args[1]], nodes: args[2])
    let r = try StudyReport(study: study)
    var jobs: [RenderJob] = []
    for request in r.innovations.map({ ReportMapRequest(ego: $0.id, title: $0.label, seed: 1) }) + [ReportMapRequest(ego: nil, title: "", seed: 1)] {
        var options = StudyMap.Options()
        options.ego = request.ego
        options.layout = request.ego == nil ? .sfdp : .twopi
        options.splines = false
        jobs.append(RenderJob(dot: try StudyMap(study: study, options: options).dot, engine: options.layout))
    }
    report("maps_sequential_in_process", try seconds { _ = try GraphvizRenderer.render(batch: jobs, format: .svg, parallel: false) },
           [("dot_bytes", .array(jobs.map { .int($0.dot.utf8.count) }))])
    report("study_map_in_process", try seconds { _ = try GraphvizRenderer.render(dot: jobs.last!.dot, engine: .sfdp, format: .svg) })
    report("maps_parallel", try seconds { _ = try GraphvizRenderer.render(batch: jobs, format: .svg) })
case "report-pages" where args.count >= 3:
    // The pages alone (maps replaced by a constant), for instruction counts under callgrind.
    let repetitions = args.count > 3 ? Int(args[3]) ?? 1 : 1
    let studyReport = try StudyReport(study: try StudyLoader.load(ties: [args[1]], nodes: args[2]))
    var best = Double.infinity
    for _ in 0..<repetitions {
        best = min(best, try seconds {
            _ = try studyReport.files(ReportRendering(format: .html)) { $0.map { _ in "<svg></svg>" } }
        })
    }
    report("report_pages_only", best)
default:
    print("""
    usage: weakties-bench <command> …   (each prints JSON lines: measure, seconds, details)
      import <ties.csv> [repetitions]                 in-process import, best of the repetitions
      formats <file.graphml> [repetitions]            GraphML import (file → study) and export
      formats-stages <file.graphml>                   each stage of a GraphML import
      metrics <edges.txt> [threads]                   each metric kernel, compute only
      render <file.dot> [engine] [svg-prefix]         in-process layout + SVG, best of 3
      render-memory [renders]                         resident memory before and after N renders
      report <ties.csv> <nodes.csv> [repetitions]     the stages of weakties report --format html
      report-pages <ties.csv> <nodes.csv> [reps]      the pages alone (maps replaced by a constant)
    """)
    exit(64)
}
