import Foundation
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite(.serialized) struct RenderCommandTests {
    @Test func studyMapSVGIsDeterministicWellFormedAndComplete() throws {
        let dir = TemporaryDirectory()
        let first = dir.path + "/a.svg", second = dir.path + "/b.svg"
        for path in [first, second, first] {  // the third run overwrites an existing file
            let result = try weakties(["render", exampleTies, "--nodes", exampleNodes, "--output", path, "--seed", "3", "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a == b)
        let parser = XMLParser(data: a)
        parser.shouldResolveExternalEntities = false
        #expect(parser.parse())
        let text = String(decoding: a, as: UTF8.self)
        for label in ["Café Cracau", "&quot;Zweite Naht&quot;", "strong tie", "weak tie", "bridge"] {
            #expect(text.contains(label), "\(label)")
        }
        #expect(text.contains("stroke-dasharray"))  // weak ties are dashed
    }

    @Test(arguments: [("png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("pdf", Array("%PDF".utf8))])
    func binaryFormats(ext: String, magic: [UInt8]) throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/map." + ext
        let result = try weakties(["render", exampleTies, "--nodes", exampleNodes, "--output", path, "--ego", "Repair-Café Cracau", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(magic.count)) == magic)
    }

    @Test func egoMapAndFiltersShowOnlyWhatWasAskedFor() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/ego.dot"
        #expect(try weakties(["render", exampleTies, "--nodes", exampleNodes, "--output", path, "--ego", "Repair-Café Cracau",
                              "--only", "weak", "--quiet"]).status == 0)
        let dot = try String(contentsOfFile: path, encoding: .utf8)
        #expect(dot.contains("\"Repair-Café Cracau\" ["))
        #expect(!dot.contains("\"Fairteiler Eicken\" ["))
        #expect(!dot.contains("\"style\"=\"solid\""))
        #expect(dot.contains("\"style\"=\"dashed\""))
    }

    /// An ego named by its label, in another case and without accents, is drawn as the ego (outlined,
    /// the twopi root): the same map as by its id.
    @Test func egoByLabelIsTheSameMapAsById() throws {
        let dir = TemporaryDirectory()
        var maps: [String] = []
        for ego in ["Bürgerbus Fischeln e.V.", "burgerbus FISCHELN"] {
            let path = dir.path + "/ego-\(maps.count).dot"
            try #require(try weakties(["render", exampleTies, "--nodes", exampleNodes, "--output", path, "--ego", ego,
                                       "--layout", "twopi", "--quiet"]).status == 0)
            maps.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(maps[0] == maps[1])
        #expect(maps[1].contains("\"root\"=\"Bürgerbus Fischeln e.V.\"") && maps[1].contains("\"penwidth\"=\"3\""))
    }

    @Test(arguments: [
        (["--output", "x.gif"], 64, "unknown format 'gif' (expected svg, png, pdf or dot)"),
        (["--output", "x.svg", "--layout", "bogus"], 64, "The value 'bogus' is invalid for '--layout <layout>'. Please provide one of the following:"),
        (["--output", "x.svg", "--ego", "Nobody"], 64, "weakties: error: no actor 'Nobody' (--ego)"),
        (["--output", "x.svg", "--ego", "repair cafe krakau"], 64, "weakties: error: no actor 'repair cafe krakau' (did you mean 'Repair-Café Cracau'?) (--ego)"),
        (["--output", "x.svg", "--radius", "3"], 64, "--radius must be 1 or 2"),
        (["--output", "x.svg", "--color-by", "farbe"], 64, "weakties: error: unknown node attribute 'farbe' to colour the map by (--color-by)"),
    ])
    func badRequests(arguments: [String], status: Int32, message: String) throws {
        let dir = TemporaryDirectory()
        let args = arguments.map { $0.hasPrefix("x.") ? dir.path + "/" + $0 : $0 }
        let result = try weakties(["render", exampleTies, "--nodes", exampleNodes, "--quiet"] + args)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
