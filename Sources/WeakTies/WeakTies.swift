// The umbrella module: `import WeakTies` gives the whole public API.
@_exported import WeakTiesGraph
@_exported import WeakTiesIO
@_exported import WeakTiesMetrics
@_exported import WeakTiesRender
@_exported import WeakTiesReport
@_exported import WeakTiesStudy

/// The toolkit's version, as printed by `weakties --version` and recorded in run manifests.
public let weakTiesVersion = "0.1.0"
