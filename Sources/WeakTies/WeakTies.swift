// The umbrella module: `import WeakTies` gives the whole public API. It only re-exports (and names
// the version); computation belongs in the modules below (see Docs/Design.md).
@_exported import WeakTiesAnalysis
@_exported import WeakTiesGraph
@_exported import WeakTiesIO
@_exported import WeakTiesMetrics
@_exported import WeakTiesRender
@_exported import WeakTiesReport
@_exported import WeakTiesStudy

/// The toolkit's version, as the command line prints it and recorded in run manifests.
public let weakTiesVersion = "0.1.0"
