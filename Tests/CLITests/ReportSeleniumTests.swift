import Foundation
import Testing
import TestSupport

/// The report used as a reader uses it, in Debian's headless Chromium driven by Selenium through
/// chromedriver (`Tests/Browser/report_in_browser.py`): typing a search, clicking column headings (and
/// Enter on one), clicking an innovation's node on the study map and a tie on its ego map, with
/// axe-core's WCAG 2 A/AA rules on the overview, an innovation page, the partner index, a group map and
/// the zoomable map of every actor; a phone (390 px, device emulation) must not scroll sideways.
/// Screenshots at 390 and 1280 px are kept as test artefacts in `.build/test-artifacts/report/`.
/// `make test` installs chromium, chromium-driver, Selenium and axe-selenium-python (`make
/// browserdeps`); where they cannot be installed, the test is skipped with a message.
@Suite(.serialized) struct ReportSeleniumTests {
    static let python: String? = {
        guard let python = which("python3") else { return nil }
        let probe = try? runProcess(python, ["-c", "import selenium, axe_selenium_python"])
        let ready = probe?.status == 0 && which("chromedriver") != nil && (which("chromium") ?? which("chromium-browser")) != nil
        if !ready {
            FileHandle.standardError.write(Data("skipped: Selenium, axe-selenium-python, chromedriver or chromium missing (make browserdeps); the report is not driven in a browser\n".utf8))
        }
        return ready ? python : nil
    }()

    @Test(.enabled(if: python != nil)) func aReaderSearchesSortsClicksThroughAndReadsOnAPhone() throws {
        let dir = TemporaryDirectory()
        let report = dir.path + "/report", groups = dir.path + "/groups"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", report, "--quiet"]).status == 0)
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--group-map-above", "50", "--output", groups, "--quiet"]).status == 0)
        let artifacts = repositoryRoot + "/.build/test-artifacts/report"
        let run = try runProcess(Self.python!, [repositoryRoot + "/Tests/Browser/report_in_browser.py", report, artifacts, groups])
        try #require(run.status == 0, "the browser script failed: \(run.stderr.suffix(1500))")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout.prefix(500))")

        #expect((result["console"] as? [String])?.isEmpty == true, "console: \(result["console"] ?? "")")
        // Typing "repair cafe" finds Repair-Café Cracau alone, and the address keeps the search.
        let search = try #require(result["search"] as? [String: Any])
        #expect(search["rows"] as? [String] == ["Repair-Café Cracau"])
        #expect(search["address"] as? String == "#q=repair+cafe")
        // A click sorts ascending, a second click descending; Enter on a heading sorts too.
        let sort = try #require(result["sort"] as? [String: Any])
        let ascending = (sort["ascending"] as? [Double]) ?? [], descending = (sort["descending"] as? [Double]) ?? []
        #expect(ascending.count == 14 && zip(ascending, ascending.dropFirst()).allSatisfy { $0 <= $1 }, "\(ascending)")
        #expect(descending == ascending.reversed() || zip(descending, descending.dropFirst()).allSatisfy { $0 >= $1 }, "\(descending)")
        let ties = (sort["ties"] as? [Int]) ?? []
        #expect(ties.count == 14 && zip(ties, ties.dropFirst()).allSatisfy { $0 <= $1 } && sort["aria"] as? String == "ascending", "\(ties)")
        // The study map's node opens the innovation's page; a tie on its ego map opens the tie's card.
        #expect(result["node_click"] as? String == "repair-cafe-cracau.html")
        let tie = try #require(result["tie_click"] as? [String: Any])
        let href = try #require(tie["href"] as? String)
        #expect(href.hasPrefix("repair-cafe-cracau.html#tie-"))
        #expect(tie["fragment"] as? String == "#" + (href.split(separator: "#").last.map(String.init) ?? ""))
        let target = (tie["target"] as? [String]) ?? []
        #expect(target.count == 3 && target[0] == "ARTICLE" && target[1] == "tie" && target[2].contains("Interview"), "\(target)")
        // No WCAG 2 A or AA violation on any page axe-core checked.
        let axe = try #require(result["axe"] as? [String: Any])
        #expect(Set(axe.keys) == ["index.html", "repair-cafe-cracau.html", "partners.html", "groups/index.html", "groups/map.html"])
        for (page, violations) in axe { #expect((violations as? [Any])?.isEmpty == true, "\(page): \(violations)") }
        // A 390 px phone: no page wider than the screen.
        let phone = try #require(result["phone"] as? [String: [Int]])
        for (page, widths) in phone {
            #expect(widths.count == 3 && widths[2] == 390 && widths[0] <= widths[1], "\(page) at 390 px: scroll width, client width, window \(widths)")
        }
        // The screenshots are there, as PNG files.
        for name in (result["screenshots"] as? [String]) ?? [] {
            let data = try Data(contentsOf: URL(fileURLWithPath: artifacts + "/" + name))
            #expect(data.count > 10_000 && data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(name)")
        }
        #expect(((result["screenshots"] as? [String]) ?? []).count == 5)
    }
}
