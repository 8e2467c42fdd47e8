// WeakTiesGraph: the graph value type (CSR, dense Int32 indices, typed attribute columns) and its builder.
// Not here: metrics, domain words (innovation, tie), files.
/// The values of one attribute column, typed. Missing values are `nil` (or NaN for `double`).
public enum AttributeValues: Sendable, Equatable {
    /// Text values; `nil` where missing.
    case string([String?])
    /// Floating-point values; NaN where missing.
    case double([Double])
    /// Integer values; `nil` where missing.
    case int([Int?])
    /// Boolean values; `nil` where missing.
    case bool([Bool?])

    /// Number of entries (one per node or per edge).
    public var count: Int {
        switch self {
        case .string(let v): v.count
        case .double(let v): v.count
        case .int(let v): v.count
        case .bool(let v): v.count
        }
    }

    /// The name of the value type, as used in exports (`string`, `double`, `int`, `bool`).
    public var typeName: String {
        switch self {
        case .string: "string"
        case .double: "double"
        case .int: "int"
        case .bool: "bool"
        }
    }

    /// Entry `index` as text; `nil` where missing. Doubles use the shortest round-trip form.
    public func text(at index: Int) -> String? {
        switch self {
        case .string(let v): return v[index]
        case .double(let v): return v[index].isNaN ? nil : String(v[index])
        case .int(let v): return v[index].map(String.init)
        case .bool(let v): return v[index].map { $0 ? "true" : "false" }
        }
    }

    public static func == (lhs: AttributeValues, rhs: AttributeValues) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.double(a), .double(b)):
            // NaN marks a missing value, so two NaNs at the same place are equal here.
            return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        default: return false
        }
    }
}

/// A named, typed column of node or edge attributes.
public struct AttributeColumn: Sendable, Equatable {
    /// The column's name as it appeared in the input (or a documented canonical name).
    public let name: String
    /// One value per node (or edge), indexed like the graph's nodes (or edges).
    public let values: AttributeValues

    /// A column called `name` holding `values` (their length is checked when the column joins a graph).
    public init(name: String, values: AttributeValues) {
        self.name = name
        self.values = values
    }
}

/// An ordered set of attribute columns, all of the same length. Column order is insertion order.
public struct AttributeTable: Sendable, Equatable {
    /// The columns in insertion order (a replaced column keeps its place).
    public private(set) var columns: [AttributeColumn] = []
    private var positionByName: [String: Int] = [:]

    /// An empty table.
    public init() {}

    /// Column names in order.
    public var names: [String] { columns.map(\.name) }

    /// The column called `name`, if any.
    public subscript(name: String) -> AttributeColumn? {
        positionByName[name].map { columns[$0] }
    }

    /// Adds or replaces the column called `column.name`.
    public mutating func set(_ column: AttributeColumn) {
        if let position = positionByName[column.name] {
            columns[position] = column
        } else {
            positionByName[column.name] = columns.count
            columns.append(column)
        }
    }

    public static func == (lhs: AttributeTable, rhs: AttributeTable) -> Bool { lhs.columns == rhs.columns }
}
