import Foundation
import Testing
import TestSupport

@Suite struct ActorsCommandTests {
    @Test func listsActors() throws {
        let result = try weakties(["actors", exampleTies, "--nodes", exampleNodes, "--format", "csv", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("id,label,kind,partner_type,region,sector,mentions,ties,declared,where\n"))
        #expect(result.stdout.contains("\nRepair-Café Cracau,Repair-Café Cracau,innovation,,Krefeld,Reparatur,"))
    }

    /// The workflow: suggest → keep the rows → give the table back with --aliases.
    @Test func suggestedAliasTableFeedsBackIntoEveryCommand() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", """
            source,target,strength,interview
            Repair-Café,Stadt Krefeld,weak,I1
            Repair-Café,Stadt KR,strong,I2
            Tafel,Caritas Krefeld,weak,I3
            Tafel,Caritas Mönchengladbach,weak,I3
            Tafel,Förderverein Oppum e. V.,weak,I3
            Repair-Café,Foerderverein Oppum,weak,I4

            """)
        let suggested = try weakties(["actors", ties, "--suggest-merges", "--format", "csv", "--quiet"])
        #expect(suggested.status == 0, "\(suggested.stderr)")
        let rows = suggested.stdout.split(separator: "\n")
        #expect(rows.first == "alias,canonical_id,score,reasons,alias_mentions,alias_where,canonical_mentions,canonical_where")
        #expect(rows.count == 3, "\(suggested.stdout)")
        #expect(rows.contains { $0.hasPrefix("Stadt KR,Stadt Krefeld,") })
        #expect(!suggested.stdout.contains("Caritas Mönchengladbach"))
        let aliases = dir.write("aliases.csv", suggested.stdout)
        let validate = try weakties(["validate", ties, "--aliases", aliases, "--json", "--quiet"])
        #expect(validate.status == 0, "\(validate.stderr)")
        // Eight ids, two of them aliases: six actors.
        #expect(validate.stdout.contains("\"nodes\": 6"))
        let text = try weakties(["actors", ties, "--suggest-merges", "--quiet"])
        #expect(text.stdout.hasPrefix("2 ids look like another actor"))
        #expect(text.stdout.contains("ties.csv:3"))
    }
}
