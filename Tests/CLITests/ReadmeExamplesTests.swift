import Foundation
import Testing
import TestSupport

/// Every command of the README's command-line examples runs as written (from a directory holding the
/// repository's `Examples`), in order, and exits 0: the examples name only files that ship or that an
/// earlier example writes.
@Suite struct ReadmeExamplesTests {
    static func commands() throws -> [String] {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "## The command line"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init).filter { $0.hasPrefix("weakties ") }
    }

    @Test func everyExampleRuns() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 20)
        let dir = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/Examples", withDestinationPath: repositoryRoot + "/Examples")
        let binDir = URL(fileURLWithPath: weaktiesBinary).deletingLastPathComponent().path
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = binDir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["NO_COLOR"] = "1"
        for command in commands {
            // PDF handouts need headless Chromium (installed by make browserdeps where it can be).
            if command.contains("--format pdf") && which("chromium") == nil && which("chromium-browser") == nil {
                FileHandle.standardError.write(Data("skipped: chromium not found; the README's --format pdf example is not run\n".utf8))
                continue
            }
            let result = try runProcess("/bin/sh", ["-c", "cd \"$0\" && " + command, dir.path], environment: env)
            #expect(result.status == 0, "\(command)\n\(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: dir.path + "/report/index.html"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/my-templates/html-index.mustache"))
    }
}

@Suite struct WriteTemplatesTests {
    @Test func bundledTemplatesToStartFrom() throws {
        let dir = TemporaryDirectory()
        let result = try weakties(["report", "--write-templates", dir.path + "/t"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/t").sorted()
        #expect(names.count == 15 && names.contains("html-partners.mustache") && names.contains("html-map.mustache") && names.contains("html-index.mustache") && names.contains("md-innovation.mustache"))
        // Never over a user's edits; never silently beside a report run.
        let again = try weakties(["report", "--write-templates", dir.path + "/t"])
        #expect(again.status == 74 && again.stderr.contains("exists already"))
        let mixed = try weakties(["report", exampleTies, "--write-templates", dir.path + "/u"])
        #expect(mixed.status == 64 && mixed.stderr.contains("--write-templates only writes the templates"))
        // The written templates render the report unchanged.
        let own = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "md", "--template", dir.path + "/t", "--output", dir.path + "/a", "--quiet"])
        let bundled = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "md", "--output", dir.path + "/b", "--quiet"])
        #expect(own.status == 0 && bundled.status == 0)
        #expect(try String(contentsOfFile: dir.path + "/a/index.md", encoding: .utf8) == String(contentsOfFile: dir.path + "/b/index.md", encoding: .utf8))
    }
}
