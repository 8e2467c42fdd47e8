import Testing
@testable import WeakTiesStudy

@Suite struct VocabularyTests {
    @Test(arguments: [
        ("strong", Strength.strong), ("STARK", .strong), (" weak ", .weak), ("Schwach", .weak),
        ("1", .weak), ("2.9", .weak), ("3", .strong), ("4,5", .strong), ("5", .strong),
    ])
    func strengthSpellings(text: String, expected: Strength) throws {
        #expect(try Strength.parse(text, strongThreshold: 3).get() == expected)
    }

    @Test(arguments: ["0x3", "3e0", "+3", "-1", "0", "6", "5.01", "mittel", "", "3,", ".5"])
    func strengthRejections(text: String) {
        #expect(throws: ValueError.self) { try Strength.parse(text, strongThreshold: 3).get() }
    }

    @Test func strengthThresholdIsInclusive() throws {
        #expect(try Strength.parse("4", strongThreshold: 4).get() == .strong)
        #expect(try Strength.parse("3.99", strongThreshold: 4).get() == .weak)
    }

    @Test(arguments: [
        (StrengthRule.majority, 1, 1, Strength.weak, Strength.strong), (.majority, 1, 2, .strong, .weak),
        (.majority, 2, 1, .weak, .strong), (.anyStrong, 1, 5, .weak, .strong), (.anyStrong, 0, 5, .weak, .weak),
        (.allStrong, 3, 1, .strong, .weak), (.allStrong, 3, 0, .strong, .strong), (.latest, 5, 0, .weak, .weak),
    ])
    func strengthRules(rule: StrengthRule, strong: Int, weak: Int, latest: Strength, expected: Strength) {
        #expect(rule.decide(strongVotes: strong, weakVotes: weak, latest: latest) == expected)
    }

    @Test func initiatorAndProximity() throws {
        #expect(try Initiator.parse("Beide").get() == .both)
        #expect(try Initiator.parse("").get() == nil)
        #expect(try ProximityLevel.parse(" Hoch ", column: "p").get() == .high)
        #expect(try ProximityLevel.parse("2", column: "p").get() == .medium)
        #expect(throws: ValueError.self) { try ProximityLevel.parse("4", column: "p").get() }
    }

    @Test func yearsBooleansAndWeights() throws {
        #expect(try CellParser.year("2019", column: "since").get() == 2019)
        #expect(try CellParser.year("2019.0", column: "since").get() == 2019)
        #expect(try CellParser.year("", column: "since").get() == nil)
        #expect(throws: ValueError.self) { try CellParser.year("19", column: "since").get() }
        #expect(throws: ValueError.self) { try CellParser.year("0999", column: "since").get() }
        #expect(try CellParser.boolean("Ja", column: "established").get() == true)
        #expect(try CellParser.boolean("nein", column: "established").get() == false)
        #expect(try CellParser.weight("2,5", column: "weight").get() == 2.5)
        #expect(throws: ValueError.self) { try CellParser.weight("1e2", column: "weight").get() }
        #expect(throws: ValueError.self) { try CellParser.weight("-1", column: "weight").get() }
    }

    @Test func idNormalisation() {
        #expect(CellParser.normalizedID("  Repair-Café  ") == "Repair-Café")
        #expect(CellParser.normalizedID("Cafe\u{301}").unicodeScalars.count == 4)
        #expect(CellParser.normalizedID("\u{A0}Ä\u{A0}") == "Ä")
        #expect(CellParser.normalizedID(" \t ") == "")
        #expect(CellParser.normalizedID("Stadt Krefeld – Umwelt") == "Stadt Krefeld – Umwelt")
        #expect(CellParser.isKnownNFC("Grüße „x“ €"))
        #expect(!CellParser.isKnownNFC("e\u{301}"))
    }

    @Test func headerNames() {
        #expect(TieField.field(forHeader: " Proximity-Spatial ") == .proximitySpatial)
        #expect(TieField.field(forHeader: "STÄRKE") == .strength)
        #expect(TieField.field(forHeader: "Source Doc") == .interview)
        #expect(NodeField.field(forHeader: "Gründungsjahr") == .founded)
        #expect(TieField.field(forHeader: "transcript_page") == nil)
    }
}
