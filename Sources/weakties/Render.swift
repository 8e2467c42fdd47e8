import ArgumentParser
import Foundation
import WeakTies

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a network map through Graphviz (SVG, PNG, PDF or DOT).",
        discussion: """
            Strong ties are solid and thick, weak ties dashed and thin; innovations are rounded boxes, partners \
            ellipses; colour shows --color-by, size --size-by; bridges are drawn in vermillion. A legend is \
            drawn into the map. The same input and --seed give byte-identical output. See Docs/Maps.md.

            Examples:
              weakties render Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output study.svg
              weakties render ties.csv --nodes nodes.csv --ego "Repair-Café Cracau" --radius 2 --output ego.png
              weakties render ties.csv --nodes nodes.csv --only weak --color-by region --layout fdp --output weak.pdf
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(help: "svg, png, pdf or dot (default: from the --output extension).")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file (written atomically).")
    var output: String

    @Option(help: "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi.")
    var layout = "sfdp"

    @Option(parsing: .unconditional, help: "Layout seed: the same seed gives the same map.")
    var seed = 1

    @Option(help: "Node colour by: partner_type, region, sector, kind or an extra nodes column.")
    var colorBy = "partner_type"

    @Option(help: "Node size by: degree, betweenness, pagerank, eigenvector or none.")
    var sizeBy = "degree"

    @Option(help: "Highlight bridges, local-bridges or none.")
    var highlight = "bridges"

    @Option(help: "Draw only this actor's ego network.")
    var ego: String?

    @Option(parsing: .unconditional, help: "Ego network radius: 1 or 2.")
    var radius = 1

    @Option(help: "Only strong or only weak ties.")
    var only: String?

    @Option(help: "Only actors of this kind: innovation or partner.")
    var kind: String?

    @Option(help: "A title drawn above the legend.")
    var title: String?

    var resolvedFormat: RenderFormat? {
        RenderFormat(rawValue: (format ?? URL(fileURLWithPath: output).pathExtension).lowercased())
    }

    func validate() throws {
        if resolvedFormat == nil {
            throw ValidationError("unknown format '\(format ?? URL(fileURLWithPath: output).pathExtension)' (expected svg, png, pdf or dot)")
        }
        if LayoutEngine(rawValue: layout) == nil {
            throw ValidationError("unknown layout '\(layout)' (expected \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if StudyMap.SizeMetric(rawValue: sizeBy) == nil {
            throw ValidationError("unknown --size-by '\(sizeBy)' (expected \(StudyMap.SizeMetric.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if StudyMap.Highlight(rawValue: highlight) == nil {
            throw ValidationError("unknown --highlight '\(highlight)' (expected bridges, local-bridges or none)")
        }
        if ![1, 2].contains(radius) { throw ValidationError("--radius must be 1 or 2") }
        if let only, Strength.allCases.first(where: { $0.name == only }) == nil {
            throw ValidationError("unknown --only '\(only)' (expected strong or weak)")
        }
        if let kind, ![ActorKind.innovation, .partner].map(\.rawValue).contains(kind) {
            throw ValidationError("unknown --kind '\(kind)' (expected innovation or partner)")
        }
    }

    func run() throws {
        let study = try input.loadStudy()
        var options = StudyMap.Options()
        options.layout = LayoutEngine(rawValue: layout)!
        options.seed = seed
        options.colorBy = colorBy
        options.sizeBy = StudyMap.SizeMetric(rawValue: sizeBy)!
        options.highlight = StudyMap.Highlight(rawValue: highlight)!
        options.ego = ego
        options.radius = radius
        options.only = only.flatMap { o in Strength.allCases.first { $0.name == o } }
        options.kind = kind.flatMap(ActorKind.init(rawValue:))
        options.title = title
        let data: Data
        do {
            data = try StudyMap(study: study, options: options).render(format: resolvedFormat!, layout: options.layout)
        } catch let error as StudyMapError {
            Console.printError(error.description)
            throw ExitCode(ExitCodes.usage)
        } catch let error as RenderError {
            Console.printError(error.description)
            throw ExitCode(ExitCodes.internalError)
        }
        do {
            try AtomicFile.write(data, to: output)
        } catch let error as InputOutputError {
            Console.printError(error.description, prefixed: false)
            throw ExitCode(ExitCodes.ioError)
        }
    }
}
