// InputLimits: the one knob that raises every size limit of the readers (the CLI's raise-limits option).
import Foundation

/// A factor on the readers' size limits (Docs/Formats.md, "Limits"): declared Pajek/DL sizes, attribute
/// cells, CSV columns, REFI-QDA code depth and the expanded size of ZIP containers. 1 (the default)
/// keeps the documented limits; a larger factor lets an unusual but real file through, at the memory
/// and time the limits were there to bound. The nesting limits that protect the stack (JSON 512,
/// YAML mapping 64 levels) are not raised. Set once, before reading, by the program.
public enum InputLimits {
    /// The factor (1 or more); the program sets it once before reading.
    nonisolated(unsafe) public static var factor = 1

    /// `limit` × `factor`, saturating.
    static func raised(_ limit: Int) -> Int { limit.multipliedReportingOverflow(by: max(1, factor)).overflow ? Int.max : limit * max(1, factor) }
}
