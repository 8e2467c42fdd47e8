import Foundation
import WeakTiesRender
import WeakTiesReport
import WeakTiesStudy

extension StudyReport {
    /// The report's files with maps drawn by `StudyMap` through Graphviz (`sfdp`, seeded): the study map
    /// and one ego map (radius 1) per innovation, strong and weak ties distinguished, bridges highlighted.
    /// - Throws: `ReportTemplateError`, `StudyMapError`, `RenderError`.
    public func files(_ rendering: ReportRendering) throws -> [ReportFile] {
        try files(rendering) { request in
            var options = StudyMap.Options()
            options.ego = request.ego
            options.title = request.title
            options.seed = request.seed
            options.layout = .sfdp
            let svg = try StudyMap(study: study, options: options).render(format: .svg, layout: .sfdp)
            return String(decoding: svg, as: UTF8.self)
        }
    }
}
