import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi
}

/// An output format Graphviz renders to.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    /// Graphviz's name for the format (`dot` output is the laid-out graph in DOT).
    var graphvizName: String { self == .dot ? "dot" : rawValue }
}

/// A rendering failed: Graphviz's own message, as a Swift error.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    case syntax(String)
    case layout(String)
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

    /// Lays out `dot` with `engine` and renders it to `format`.
    /// - Throws: `RenderError` with Graphviz's message for malformed DOT or an unknown engine.
    public static func render(dot: String, engine: LayoutEngine = .sfdp, format: RenderFormat) throws(RenderError) -> Data {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            // Keep Graphviz's messages for aglasterr() instead of printing them to stderr.
            agseterr(AGMAX)
            context = gvContext()
        }
        let gvc = context
        _ = aglasterr()  // clear an earlier message
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw .syntax(lastMessage() ?? "malformed DOT")
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
            throw .layout(lastMessage() ?? "layout \(engine.rawValue) failed")
        }
        defer { gvFreeLayout(gvc, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format.graphvizName, &buffer, &length) == 0, let buffer else {
            throw .render(lastMessage() ?? "rendering \(format.rawValue) failed")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    private static func lastMessage() -> String? {
        guard let message = aglasterr() else { return nil }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
