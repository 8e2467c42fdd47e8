// WeakTiesRender: the only module that calls C (Graphviz), DOT in, SVG/PNG/PDF out, behind one lock.
// Not here: what a map shows (the encoding is StudyMap in WeakTiesReport).
import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical: nodes in ranks along the edges (maps run left to right and draw clusters).
    case dot
    /// Spring model by stress majorisation.
    case neato
    /// Force-directed (spring) placement; draws clusters.
    case fdp
    /// Multiscale force-directed placement for large graphs (the default).
    case sfdp
    /// Circular: each biconnected component on a circle.
    case circo
    /// Radial: nodes on rings around a root node (a map's ego where it has one).
    case twopi
}

/// An output format Graphviz renders to.
public enum RenderFormat: String, Sendable, CaseIterable {
    /// SVG text (vector).
    case svg
    /// A PNG bitmap.
    case png
    /// A PDF document (vector).
    case pdf
    /// The graph as DOT again, with the layout's positions and sizes written in (Graphviz's `dot`
    /// output format, not the `dot` engine).
    case dot

    /// Graphviz's name for the format (`dot` output is the laid-out graph in DOT).
    var graphvizName: String { self == .dot ? "dot" : rawValue }
}

/// A rendering failed: Graphviz's own message, as a Swift error.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// The DOT text could not be parsed: Graphviz's message ("malformed DOT" without one).
    case syntax(String)
    /// The layout engine failed on the parsed graph: Graphviz's message, else the engine named.
    case layout(String)
    /// The laid-out graph could not be rendered to the format: Graphviz's message, else the format named.
    case render(String)

    public var description: String {
        switch self {
        case .syntax(let message): "Graphviz could not read the DOT text: \(message)"
        case .layout(let message): "Graphviz layout failed: \(message)"
        case .render(let message): "Graphviz rendering failed: \(message)"
        }
    }
}

/// The only place that calls Graphviz: DOT text in, rendered bytes out.
///
/// Graphviz keeps global state and is not thread-safe, so every call goes through one process-wide
/// lock; one `GVC_t` context is created on first use and kept. Errors are collected by Graphviz
/// (`agseterr(AGMAX)`) instead of being printed, and returned as `RenderError`. Every Graphviz
/// resource is freed with `defer` in the order `gvFreeRenderData`, `gvFreeLayout`, `agclose`.
public enum GraphvizRenderer {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var context: OpaquePointer?

    /// The one `GVC_t`, created on first use; call with `lock` held.
    private static func sharedContext() -> OpaquePointer? {
        if context == nil {
            // Keep Graphviz's messages for aglasterr() instead of printing them to stderr.
            agseterr(AGMAX)
            context = gvContext()
        }
        return context
    }

    /// Lays out `dot` with `engine` and renders it to `format`.
    /// - Throws: `RenderError` with Graphviz's message for malformed DOT or an unknown engine.
    public static func render(dot: String, engine: LayoutEngine = .sfdp, format: RenderFormat) throws(RenderError) -> Data {
        try withLayout(dot: dot, engine: engine) { gvc, graph throws(RenderError) in
            try renderData(gvc, graph, format)
        }
    }

    /// Where each node of a layout is: the node's DOT name to its centre and size, in points, in
    /// Graphviz's coordinates (origin at the bottom left, y growing upwards). The same layout (and
    /// the same random state) as `render(dot:engine:format:)`, so the positions are those of the
    /// picture that call draws.
    /// - Throws: `RenderError` with Graphviz's message for malformed DOT or an unknown engine.
    public static func layout(dot: String, engine: LayoutEngine = .sfdp) throws(RenderError) -> [String: NodePlacement] {
        try withLayout(dot: dot, engine: engine) { gvc, graph throws(RenderError) in
            // Graphviz writes the `pos`, `width` and `height` attributes of the layout onto the graph
            // when it renders DOT (attach_attrs); the rendered text itself is not needed.
            _ = try renderData(gvc, graph, .dot)
            var placements: [String: NodePlacement] = [:]
            var node = agfstnode(graph)
            while let current = node {
                let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
                let pos = attribute(current, "pos").split(separator: ",").compactMap { Double($0.filter { $0 != "!" }) }
                if pos.count == 2 {
                    placements[name] = NodePlacement(x: pos[0], y: pos[1], width: (Double(attribute(current, "width")) ?? 0) * 72,
                                                     height: (Double(attribute(current, "height")) ?? 0) * 72)
                }
                node = agnxtnode(graph, current)
            }
            return placements
        }
    }

    /// Parses `dot`, lays it out and hands the laid-out graph to `body`, under the lock; frees
    /// everything afterwards.
    private static func withLayout<T>(dot: String, engine: LayoutEngine,
                                      _ body: (OpaquePointer?, UnsafeMutablePointer<Agraph_t>) throws(RenderError) -> T) throws(RenderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let gvc = sharedContext()
        _ = aglasterr()  // clear an earlier message
        // Graphviz draws random numbers from the C library's generators, and some layouts (sfdp's
        // coarsening, the prism overlap removal) do not reseed them: without this, the second layout of
        // the same graph in a process differed from the first. Reset both generators to the state a new
        // process starts with, so every render equals the Graphviz command's output.
        srand48(0x1234ABCD)
        srand(1)
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw .syntax(lastMessage() ?? "malformed DOT")
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
            throw .layout(lastMessage() ?? "layout \(engine.rawValue) failed")
        }
        defer { gvFreeLayout(gvc, graph) }
        return try body(gvc, graph)
    }

    private static func renderData(_ gvc: OpaquePointer?, _ graph: UnsafeMutablePointer<Agraph_t>, _ format: RenderFormat) throws(RenderError) -> Data {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format.graphvizName, &buffer, &length) == 0, let buffer else {
            throw .render(lastMessage() ?? "rendering \(format.rawValue) failed")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// A node attribute's text ("" where unset).
    private static func attribute(_ node: UnsafeMutablePointer<Agnode_t>, _ name: String) -> String {
        var key = Array(name.utf8CString)
        return key.withUnsafeMutableBufferPointer { key in
            agget(UnsafeMutableRawPointer(node), key.baseAddress).map { String(cString: $0) } ?? ""
        }
    }

    /// Loads what the first render would load: the context, the `engines`' layout plugin, the
    /// renderer of `format` and the text layout (fonts), by drawing a two-node graph. Graphviz spends
    /// about 40 ms on that (measured; mostly loading the Pango/Cairo libraries and fontconfig), so a
    /// caller that will draw maps can start this on another thread while it reads its input. Later
    /// renders give the same bytes with or without it (the generators are reset for every render).
    public static func prepare(engines: [LayoutEngine], format: RenderFormat = .svg) {
        for engine in engines {
            // The maps' font, an HTML-like label (the legend) and a bold face: each loads something.
            _ = try? render(dot: "graph { fontname=\"DejaVu Sans\"; label=<<table><tr><td><b>Ä</b></td></tr></table>>; "
                            + "node [fontname=\"DejaVu Sans\"]; a [label=\"Ä a\"]; a -- b }", engine: engine, format: format)
        }
    }

    private static func lastMessage() -> String? {
        guard let message = aglasterr() else { return nil }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// A node's centre and size in a layout, in points (1/72 inch), in Graphviz's coordinates (origin at
/// the bottom left, y growing upwards).
public struct NodePlacement: Sendable, Equatable {
    /// The centre's horizontal coordinate.
    public let x: Double
    /// The centre's vertical coordinate (upwards).
    public let y: Double
    /// The node's width.
    public let width: Double
    /// The node's height.
    public let height: Double

    /// A placement from its centre and size, in points.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One map to draw in a batch.
public struct RenderJob: Sendable, Equatable {
    /// The graph to draw as DOT text; its size is the job's estimated cost when the batch is split.
    public let dot: String
    /// The engine that lays the graph out.
    public let engine: LayoutEngine

    /// A job that lays out `dot` with `engine`.
    public init(dot: String, engine: LayoutEngine) {
        self.dot = dot
        self.engine = engine
    }
}

extension GraphvizRenderer {
    /// Renders several graphs, on two cores where it pays: Graphviz is not thread-safe, so the second
    /// core is used through a second process. Jobs are split by estimated cost (DOT size) into two
    /// lanes, the largest jobs to the second lane up to half of the work; one lane is rendered
    /// in-process, the other at the same time by the Graphviz command (`dot -K<engine>`, one process per
    /// job; used only when it is the linked library's version, so the bytes are the same, checked in the
    /// tests). Without such a command, or with `parallel: false`, everything is rendered in-process.
    /// Results are in job order.
    /// - Throws: `RenderError` (a failing job in the command lane is rendered again in-process to
    ///   obtain Graphviz's own message).
    public static func render(batch jobs: [RenderJob], format: RenderFormat, parallel: Bool = true) throws(RenderError) -> [Data] {
        var results = [Data?](repeating: nil, count: jobs.count)
        let command = parallel && ProcessInfo.processInfo.activeProcessorCount > 1 && jobs.count > 1 ? graphvizCommand : nil
        var commandLane: [Int] = []
        if command != nil {
            // The largest jobs go to the command lane while it stays within half of the work, so few
            // processes are started (a start costs about as much as a small layout: `spawnCost` bytes).
            let spawnCost = 20_000
            let half = jobs.reduce(0) { $0 + $1.dot.utf8.count } / 2
            var commandCost = 0
            for i in jobs.indices.sorted(by: { (jobs[$0].dot.utf8.count, $1) > (jobs[$1].dot.utf8.count, $0) }) {
                let cost = jobs[i].dot.utf8.count + spawnCost
                if commandCost + cost <= half {
                    commandLane.append(i)
                    commandCost += cost
                }
            }
        }
        let commandResults = LockedResults(count: jobs.count)
        // Threads of their own rather than dispatch queues: these block on pipes and processes, and
        // blocked workers starve libdispatch's pool on two cores.
        let done = DispatchSemaphore(value: 0)
        if let command, !commandLane.isEmpty {
            let lane = commandLane
            Thread {
                for i in lane { commandResults.set(i, runCommand(command, jobs[i], format: format)) }
                done.signal()
            }.start()
        } else {
            done.signal()
        }
        let lane = Set(commandLane)
        do {
            for i in jobs.indices where !lane.contains(i) { results[i] = try render(dot: jobs[i].dot, engine: jobs[i].engine, format: format) }
        } catch {
            done.wait()  // the command lane finishes before the error leaves
            throw error
        }
        done.wait()
        for i in commandLane {
            // A failed command (killed, missing plugin) falls back to in-process, which reports the error.
            if let data = commandResults.get(i) {
                results[i] = data
            } else {
                results[i] = try render(dot: jobs[i].dot, engine: jobs[i].engine, format: format)
            }
        }
        return results.map { $0! }
    }

    /// The Graphviz command on PATH (absolute directories only), if it is the version of the library we
    /// link: only then are its bytes ours. Checked once (`dot -V` against `gvcVersion`).
    static let graphvizCommand: String? = {
        let library: String = {
            lock.lock()
            defer { lock.unlock() }
            return gvcVersion(sharedContext()).map { String(cString: $0) } ?? ""
        }()
        guard !library.isEmpty else { return nil }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        where directory.hasPrefix("/") {
            let path = "\(directory)/dot"
            guard FileManager.default.isExecutableFile(atPath: path) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-V"]
            let output = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = output
            guard (try? process.run()) != nil else { return nil }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            // `dot - graphviz version 2.43.0 (0)`
            return text.contains("version \(library) ") || text.hasSuffix("version \(library)") ? path : nil
        }
        return nil
    }()

    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Renders one job with the Graphviz command; nil when it fails.
    static func runCommand(_ command: String, _ job: RenderJob, format: RenderFormat) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = ["-K\(job.engine.rawValue)", "-T\(format.graphvizName)"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // A command that stops reading must not end this process with SIGPIPE: the write fails instead,
        // and the job falls back to in-process rendering.
        _ = ignoreBrokenPipes
        do { try process.run() } catch { return nil }
        // Write on another thread so a large output cannot block a large input.
        let written = DispatchSemaphore(value: 0)
        Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(job.dot.utf8))
            try? input.fileHandleForWriting.close()
            written.signal()
        }.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        written.wait()
        process.waitUntilExit()
        return process.terminationStatus == 0 && !data.isEmpty ? data : nil
    }
}

/// Results written by one thread and read by another after a `DispatchGroup.wait()`.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Data?]
    init(count: Int) { values = [Data?](repeating: nil, count: count) }
    func set(_ i: Int, _ value: Data?) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> Data? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
