import Foundation
import Mustache
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesReport

/// `TemplateEngine` against swift-mustache, its reference: the same bytes for the report's pages, for
/// hand-made edge cases of the spec and for seeded random templates and variables.
@Suite struct TemplateEngineTests {
    /// swift-mustache's rendering of `templates` (name → text) with the report's content types.
    static func mustache(_ templates: [String: String], _ context: [String: Any], _ name: String) throws -> String? {
        _ = ReportTemplates.registerContentTypes
        var library = MustacheLibrary()
        for (key, text) in templates { try library.register(text, named: key) }
        return library.render(context, withTemplate: name)
    }

    /// Both renderings of `template` (with `partials`), compared.
    static func same(_ template: String, _ context: [String: Any], partials: [String: String] = [:],
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var templates = partials
        templates["main"] = template
        let engine = try #require(TemplateEngine(templates: templates), "the engine should parse \(template.debugDescription)",
                                  sourceLocation: sourceLocation)
        let expected = try mustache(templates, context, "main")
        #expect(engine.render(context, template: "main") == expected, "\(template.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func reportPagesAreByteIdenticalToMustache() throws {
        // The example study and the small fixture with hostile labels: every page of both formats in both
        // languages, rendered by the engine and by swift-mustache.
        let dir = TemporaryDirectory()
        let hostile = Fixture.nodes.replacingOccurrences(of: "Zeitung", with: "<b>'Zeitung' & \"Co\"</b> *x* [y](z) {{t}}")
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let studies = [
            try Fixture.study(dir, nodes: hostile),
            try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv"),
        ]
        var compared = 0
        for study in studies {
            let report = try StudyReport(study: study, options: ReportOptions(groupMapAbove: 20))
            let placeholders = (0...report.innovations.count + 1).map(ReportTemplates.placeholder)
            for format in [ReportFormat.html, .md] {
                for language in [ReportLanguage.en, .de] {
                    let strings = try ReportStrings(language)
                    let rendering = ReportRendering(format: format, language: language)
                    let fast = try ReportTemplates.library(format: format, userDirectory: nil, strings: strings)
                    #expect(fast.usesEngine, "the bundled \(format) templates are rendered by the engine")
                    let reference = try ReportTemplates.library(format: format, userDirectory: nil, strings: strings, engine: false)
                    #expect(!reference.usesEngine)
                    let a = try report.pages(rendering, strings: strings, library: fast, placeholders: placeholders)
                    let b = try report.pages(rendering, strings: strings, library: reference, placeholders: placeholders)
                    #expect(a.map(\.path) == b.map(\.path))
                    for (x, y) in zip(a, b) {
                        #expect(x.data == y.data, "\(format) \(language) \(x.path)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 40)
    }

    @Test func specEdgeCasesMatchMustache() throws {
        let context: [String: Any] = [
            "name": "A & <B> \"c\" 'd'", "empty": "", "yes": true, "no": false, "number": 42, "decimal": 0.5,
            "list": [["x": "1"], ["x": "2", "y": "inner"]] as [[String: Any]], "none": [] as [Any],
            "strings": ["a", "b"], "mixed": ["a", ["x": "z"], true] as [Any],
            "nested": ["deep": ["value": "v", "flag": false] as [String: Any], "x": "outer x"] as [String: Any],
            "pairs": ["k": "v"], "y": "top y", "markdown": "*a* _b_ [c]\nline\r\nnext",
        ]
        let cases = [
            "plain text\nsecond line\n", "{{name}}|{{{name}}}|{{&name}}|{{ name }}|{{missing}}|{{number}}|{{decimal}}|{{yes}}",
            "{{#yes}}Y{{/yes}}{{^yes}}N{{/yes}}{{#no}}Y{{/no}}{{^no}}N{{/no}}{{#missing}}M{{/missing}}{{^missing}}!M{{/missing}}",
            "{{#list}}[{{x}}:{{y}}]{{/list}}{{^list}}none{{/list}}{{#none}}x{{/none}}{{^none}}empty{{/none}}",
            "{{#strings}}<{{.}}>{{/strings}}{{#mixed}}({{.}}|{{x}}){{/mixed}}",
            "{{nested.deep.value}}|{{nested.x}}|{{nested.missing.value}}|{{#nested}}{{deep.value}}{{x}}{{name}}{{/nested}}",
            "{{#nested.deep}}{{value}}{{.value}}{{.name}}{{name}}{{/nested.deep}}{{^nested.deep.flag}}f{{/nested.deep.flag}}",
            "{{#empty}}E{{.}}E{{/empty}}{{#name}}[{{.}}]{{/name}}{{#number}}#{{.}}{{/number}}",
            "  {{#list}}\n  item {{x}}\n  {{/list}}\n", "{{#list}}\n{{x}}\n{{/list}}\n", "a {{#yes}}\nb\n {{/yes}} c\n",
            "  {{! a comment }}\nafter\n", "x {{! inline }} y\n", "  {{^no}}  \n  shown\n  {{/no}}  \ntail", "\t{{#yes}}\t\n\tin\n\t{{/yes}}",
            "{{% CONTENT_TYPE: TEXT}}\n{{name}}\n", "{{% CONTENT_TYPE: MARKDOWN}}\n{{markdown}}|{{name}}\n",
            "{{% CONTENT_TYPE: WEAKTIES_HTML}}\n{{name}}{{#list}}{{x}}{{/list}}\n",
            "{{% CONTENT_TYPE: MARKDOWN}}\n{{#nested}}{{% CONTENT_TYPE: TEXT}}{{name}}{{/nested}}{{name}}", "{{.}}", "{{#pairs}}{{k}}{{/pairs}}",
            "{{list}}|{{strings}}|{{none}}", "trailing spaces   ", "line\n   ", "{ not a tag } {x} }}", "\r\nwindows\r\n{{#yes}}\r\nin\r\n{{/yes}}\r\n",
            "{{#list}}{{#strings}}{{x}}{{.}}{{/strings}}{{/list}}", "{{^list}}{{/list}}{{#list}}{{/list}}end",
        ]
        for template in cases { try Self.same(template, context) }
        // Partials: their own escaping, standalone ones indented line by line (as swift-mustache does it).
        let partials = ["p": "{{name}}\nline two {{x}}\n{{#list}}\n- {{x}}\n{{/list}}\n", "q": "  {{> p}}\nq end", "empty": ""]
        for template in ["{{> p}}", "  {{> p}}\nafter", "{{% CONTENT_TYPE: TEXT}}\n{{> p}}{{name}}", "a {{> p}} b",
                         "\t{{> q}}\n", "{{#list}}\n  {{> p}}\n{{/list}}", "{{> missing}}x", " {{>empty}}\nz", "{{> p }}"] {
            try Self.same(template, context, partials: partials)
        }
    }

    @Test func whatTheEngineLeavesToMustache() throws {
        // Transforms, set delimiters, inheritance and dynamic partials: the engine declines; unparsable
        // templates too (swift-mustache then says where the error is).
        for template in ["{{uppercased(name)}}", "{{=<% %>=}}<% name %>", "{{<parent}}{{$a}}x{{/a}}{{/parent}}", "{{$a}}x{{/a}}",
                         "{{>*dynamic}}", "{{#a}}", "{{/a}}", "{{#a}}{{/b}}", "{{name", "{{{name}}", "{{% CONTENT_TYPE: NONE}}", "{{!x", "x {"] {
            #expect(TemplateEngine(templates: ["main": template]) == nil, "\(template.debugDescription)")
        }
        // A user's template with a transform: the report is rendered by swift-mustache, with the transform.
        let dir = TemporaryDirectory()
        let templates = dir.path + "/templates"
        try ReportWriter.writeTemplates(into: templates)
        let path = templates + "/html-map.mustache"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "<title>", with: "<title>{{uppercased(lang)}} ").write(toFile: path, atomically: true, encoding: .utf8)
        let library = try ReportTemplates.library(format: .html, userDirectory: templates, strings: ReportStrings(.en))
        #expect(!library.usesEngine)
        let page = try #require(library.render(["lang": "en"], withTemplate: "map"))
        #expect(page.contains("<title>EN "))
        // Without it the user's copies are the engine's again.
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ReportTemplates.library(format: .html, userDirectory: templates, strings: ReportStrings(.en)).usesEngine)
    }

    @Test func seededRandomTemplatesMatchMustache() throws {
        // Templates made of random text, whitespace, line breaks and every tag the engine covers, nested
        // sections closed in order; random variables with lists, objects, flags and empty values.
        var rng = SplitMix64(seed: 20261204)
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        let names = ["a", "b", "c", "list", "flag", "obj", "obj.a", "obj.list", ".", "missing", "t.x"]
        func value(_ depth: Int) -> Any {
            switch rng.next() % (depth > 2 ? 4 : 7) {
            case 0: return pick(["", "x", "<&>", "'q'", "line\nbreak", "  ", "ü"])
            case 1: return rng.next() % 2 == 0
            case 2: return Int(rng.next() % 100)
            case 3: return pick(["a", "*b*"])
            case 4: return (0..<Int(rng.next() % 3)).map { _ in object(depth + 1) as Any }
            case 5: return (0..<Int(rng.next() % 3)).map { _ in object(depth + 1) }
            default: return object(depth + 1)
            }
        }
        func object(_ depth: Int) -> [String: Any] {
            var out: [String: Any] = [:]
            for name in ["a", "b", "c", "list", "flag", "obj", "t"] where rng.next() % 3 != 0 { out[name] = value(depth) }
            return out
        }
        func template(_ depth: Int) -> String {
            var out = ""
            for _ in 0..<Int(rng.next() % 8) {
                switch rng.next() % 12 {
                case 0: out += pick(["x", "text ", "  ", "\t", "{", "}", "a}b", "<p>"])
                case 1, 2: out += pick(["\n", "  \n", "\r\n", "\n  "])
                case 3: out += "{{\(pick(names))}}"
                case 4:
                    let open = pick(["{{{", "{{&"])
                    out += open + pick(names) + (open == "{{{" ? "}}}" : "}}")
                case 5 where depth < 3, 6 where depth < 3:
                    let name = pick(names.filter { $0 != "." })
                    let kind = pick(["#", "^"])
                    out += pick(["", "  ", "\n", "\n  "]) + "{{\(kind)\(name)}}" + pick(["", "\n", "  \n"]) + template(depth + 1)
                        + pick(["", "\n", "\n  "]) + "{{/\(name)}}" + pick(["", "\n", " \n"])
                case 7: out += pick(["", "  ", "\n"]) + "{{! note }}" + pick(["", "\n"])
                case 8: out += pick(["", "  ", "\n  "]) + "{{> part}}" + pick(["", "\n"])
                case 9: out += "{{% CONTENT_TYPE: \(pick(["TEXT", "HTML", "MARKDOWN", "WEAKTIES_HTML"]))}}" + pick(["", "\n"])
                default: out += pick(["word", " ", "é"])
                }
            }
            return out
        }
        var rendered = 0
        for _ in 0..<400 {
            let main = template(0)
            let part = rng.next() % 2 == 0 ? "part: {{a}}\n{{#list}}\n- {{b}}\n{{/list}}\n" : "{{c}}"
            let templates = ["main": main, "part": part]
            let context = object(0)
            guard let engine = TemplateEngine(templates: templates) else {
                // Only what swift-mustache also refuses (a `{{{` closed by `}}`, …).
                #expect(throws: (any Error).self, "\(main.debugDescription)") { try Self.mustache(templates, context, "main") }
                continue
            }
            #expect(engine.render(context, template: "main") == (try Self.mustache(templates, context, "main")), "\(main.debugDescription)")
            rendered += 1
        }
        #expect(rendered > 300)
    }
}
