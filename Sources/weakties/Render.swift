import ArgumentParser
import Foundation
import WeakTies

struct Render: StudyCommand {
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

    @Option(help: "Output format (default: from the --output extension).")
    var format: RenderFormat?

    @Option(name: .shortAndLong, help: "Output file (written atomically).")
    var output: String

    @Option(help: "Graphviz layout.")
    var layout: LayoutEngine = .sfdp

    @Option(parsing: .unconditional, help: "Layout seed: the same seed gives the same map.")
    var seed = 1

    @Option(help: "Node colour by: partner_type, region, sector, kind or an extra nodes column.")
    var colorBy = "partner_type"

    @Option(help: "Node size by.")
    var sizeBy: StudyMap.SizeMetric = .degree

    @Option(help: "Ties to highlight.")
    var highlight: StudyMap.Highlight = .bridges

    @Option(help: "Draw only this actor's ego network.")
    var ego: String?

    @Option(parsing: .unconditional, help: "Ego network radius: 1 or 2.")
    var radius = 1

    @Option(help: "Only strong or only weak ties.")
    var only: TieStrength?

    @Option(help: "Only actors of this kind.")
    var kind: ActorKindChoice?

    @Option(help: "A title drawn above the legend.")
    var title: String?

    var resolvedFormat: RenderFormat? { format ?? RenderFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) }

    func validate() throws {
        if resolvedFormat == nil {
            throw ValidationError("unknown format '\(URL(fileURLWithPath: output).pathExtension)' (expected svg, png, pdf or dot)")
        }
        if ![1, 2].contains(radius) { throw ValidationError("--radius must be 1 or 2") }
    }

    func execute() throws {
        var options = StudyMap.Options()
        options.layout = layout
        options.seed = seed
        options.colorBy = colorBy
        options.sizeBy = sizeBy
        options.highlight = highlight
        options.ego = ego
        options.radius = radius
        options.only = only?.strength
        options.kind = kind?.actorKind
        options.title = title
        let study = try input.loadStudy()
        let progress = input.progress, started = Date()
        progress.say("laying out \(ego == nil ? "the study map" : "the ego map") with \(layout.rawValue)")
        let map = try StudyMap(study: study, options: options)
        try AtomicFile.write(try map.render(format: resolvedFormat!, layout: layout), to: output)
        progress.done("wrote \(output)", since: started)
    }
}

/// `--only`: strong or weak ties.
enum TieStrength: String, ExpressibleByArgument, CaseIterable {
    case strong, weak
    var strength: Strength { self == .strong ? .strong : .weak }
}

/// `--kind`: innovations or partners.
enum ActorKindChoice: String, ExpressibleByArgument, CaseIterable {
    case innovation, partner
    var actorKind: ActorKind { self == .innovation ? .innovation : .partner }
}
