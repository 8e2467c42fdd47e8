import Foundation
import Testing
import TestSupport

/// The built `weakties` binary (next to the test bundle, or in .build/debug).
let weaktiesBinary = builtProduct("weakties")

let exampleTies = repositoryRoot + "/Examples/krefeld-mg/ties.csv"
let exampleNodes = repositoryRoot + "/Examples/krefeld-mg/nodes.csv"

func weakties(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    var env = environment ?? ProcessInfo.processInfo.environment
    env["NO_COLOR"] = env["NO_COLOR"] ?? "1"
    return try runProcess(weaktiesBinary, arguments, environment: env)
}

/// Compares `actual` with the golden file `name`; `UPDATE_GOLDEN=1 swift test` rewrites the file.
func expectGolden(_ actual: String, _ name: String) throws {
    let path = repositoryRoot + "/Tests/CLITests/Golden/" + name
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(actual == expected, "golden file \(name) differs; review and regenerate with UPDATE_GOLDEN=1 swift test")
}

@Suite struct ValidateCommandTests {
    @Test func summarisesTheExampleStudy() throws {
        let result = try weakties(["validate", "Examples/krefeld-mg/ties.csv", "--nodes", "Examples/krefeld-mg/nodes.csv"].map {
            $0.hasPrefix("Examples") ? repositoryRoot + "/" + $0 : $0
        })
        #expect(result.status == 0)
        try expectGolden(result.stdout.replacingOccurrences(of: repositoryRoot + "/", with: ""), "validate-krefeld-mg.txt")
        #expect(result.stderr.contains("warning: 2 actors named in the ties table are missing here and were created"))
    }

    @Test func jsonHasTheDocumentedKeysAndIsDeterministic() throws {
        let first = try weakties(["validate", exampleTies, "--nodes", exampleNodes, "--json", "--quiet"])
        let second = try weakties(["validate", exampleTies, "--nodes", exampleNodes, "--json", "--quiet"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        #expect(first.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        for key in ["nodes", "ties", "strong_ties", "weak_ties", "mentions", "innovations", "partners", "components", "warnings"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["nodes"] as? Int == 123)
        #expect(object["ties"] as? Int == 185)
        #expect(object["strong_ties"] as? Int == 70 && object["weak_ties"] as? Int == 115)
        #expect(object["mentions"] as? Int == 270)
        #expect(object["innovations"] as? Int == 14 && object["partners"] as? Int == 109)
        #expect(object["interviews"] as? Int == 22 && object["coders"] as? Int == 2)
        #expect(object["components"] as? Int == 1)
        #expect((object["warnings"] as? [String])?.count == 1)
    }

    @Test func badDataExitsWith65AndListsEveryError() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength\nA,A,weak\nA,B,mittel\n")
        let result = try weakties(["validate", ties])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            \(ties):2:2: error: self-loop: 'A' is tied to itself
            \(ties):3:3: error: unknown strength 'mittel' (expected strong, weak, stark, schwach or a number from 1 to 5)

            """)
    }

    @Test func missingFileExitsWith74() throws {
        let result = try weakties(["validate", "/nonexistent/ties.csv"])
        #expect(result.status == 74)
        #expect(result.stderr == "/nonexistent/ties.csv: error: no such file\n")
    }

    @Test(arguments: [
        (["validate", "x.csv", "--strength-rule", "loudest"], "The value 'loudest' is invalid for '--strength-rule <strength-rule>'. Please provide one of 'majority', 'any-strong', 'all-strong' or 'latest'."),
        (["validate", "x.csv", "--delimiter", "#"], "The value '#' is invalid for '--delimiter <delimiter>'. Please provide one of ',', ';', 'tab' or '|'."),
        (["validate", "x.csv", "--strong-threshold", "9"], "--strong-threshold must be between 1 and 5"),
        // Negative numbers are values, not options: the message says what is expected.
        (["validate", "x.csv", "--strong-threshold", "-1"], "--strong-threshold must be between 1 and 5"),
        (["report", "x.csv", "--output", "r", "--suggestions", "-1"], "--suggestions must be 0 or more"),
        (["metrics", "x.csv", "--threads", "-2"], "--threads must be at least 1"),
        (["metrics", "x.csv", "--permutations", "-5"], "--permutations must not be negative"),
        (["render", "x.csv", "--output", "x.svg", "--radius", "-1"], "--radius must be 1 or 2"),
        (["metrics", "x.csv", "--seed", "-1"], "--seed"),
        (["validate"], "give at least one ties table"),
        (["validate", "x.csv", "--bogus"], "Unknown option '--bogus'"),
    ])
    func badUsageExitsWith64(arguments: [String], message: String) throws {
        let result = try weakties(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func helpShowsExamplesAndExitCodes() throws {
        let top = try weakties(["--help"])
        #expect(top.status == 0)
        #expect(top.stdout.contains("Exit codes: 0 success, 64 bad usage, 65 bad input data"))
        let validate = try weakties(["validate", "--help"])
        #expect(validate.stdout.contains("Examples:"))
        #expect(validate.stdout.contains("--strength-rule"))
    }

    @Test func quietSilencesWarningsButNotErrors() throws {
        let quiet = try weakties(["validate", exampleTies, "--nodes", exampleNodes, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test func noColorWhenNotATerminal() throws {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["NO_COLOR"] = ""
        let result = try runProcess(weaktiesBinary, ["validate", exampleTies, "--nodes", exampleNodes], environment: env)
        #expect(!result.stderr.contains("\u{1B}["))
    }

    @Test func readsWindows1252WithANoticeOnStderr() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", bytes: Array("source;target;strength\nB".utf8) + [0xE4] + Array("ckerei;Caf".utf8) + [0xE9] + Array(";schwach\n".utf8))
        let result = try weakties(["validate", ties, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("notice: the file is not UTF-8; read as Windows-1252"))
        #expect(result.stdout.contains("\"encoding\": \"windows-1252\""))
    }
}

/// Progress lines: stages with counts on stderr when asked for (a terminal, or WEAKTIES_PROGRESS=1 as
/// here), never with --quiet, never on stdout.
@Suite struct ProgressTests {
    @Test func stagesWithCountsUnlessQuiet() throws {
        var env = ProcessInfo.processInfo.environment
        env["WEAKTIES_PROGRESS"] = "1"
        let metrics = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--metrics", "degree,betweenness"], environment: env)
        #expect(metrics.status == 0)
        #expect(metrics.stderr.contains("weakties: reading ties.csv and nodes.csv (91 kB) …\n"))
        #expect(metrics.stderr.contains("weakties: read 270 mentions: 123 actors, 185 ties ("))
        #expect(metrics.stderr.contains("weakties: computing 2 metrics on 123 actors and 185 ties …\n"))
        #expect(!metrics.stdout.contains("weakties:"))
        let timeline = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--establishment", "--permutations", "99"], environment: env)
        #expect(timeline.stderr.contains("weakties: 30 yearly snapshots, 1995–2024 (") && timeline.stderr.contains("three establishment tests, 99 permutations each"))
        let quiet = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--quiet"], environment: env)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
        // Not a terminal and not asked for: nothing.
        env["WEAKTIES_PROGRESS"] = nil
        #expect(!(try weakties(["validate", exampleTies, "--nodes", exampleNodes], environment: env)).stderr.contains("weakties: reading"))
    }
}
