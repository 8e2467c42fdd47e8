import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// Units, coder values and disagreements built from a study; consensus rules and aliases at import.
@Suite struct AgreementTests {
    /// Interview I1 coded by A and B, I2 by A only, one mention without coder.
    static let ties = """
        source,target,strength,interview,coder,initiator,proximity_spatial,motive,quote
        x,y,strong,I1,A,source,high,"Raum, Werte",A sagt xy
        x,y,weak,I1,A,source,high,Raum,A sagt xy nochmal
        y,x,strong,I1,B,target,medium,"werte; raum",B sagt yx
        x,z,weak,I1,A,,,,A sagt xz
        x,w,weak,I1,B,,,,B sagt xw
        x,v,strong,I2,A,,,,nur A
        x,u,weak,I1,,,,,ohne Coder

        """

    func load(_ text: String = ties, options: StudyOptions = StudyOptions()) throws -> Study {
        let dir = TemporaryDirectory()
        return try StudyLoader.load(ties: [dir.write("ties.csv", text)], options: options)
    }

    @Test func unitsValuesAndDisagreements() throws {
        let study = try load()
        let agreement = try Agreement(study: study, options: .init(replicates: 0))
        #expect(agreement.coders == ["A", "B"])
        #expect(agreement.comparedInterviews == ["I1"])
        #expect(agreement.singleCodedInterviews == 1)
        #expect(agreement.uncodedMentions == 1)
        let presence = try #require(agreement.overall(.presence))
        // Units xy (both), xz (A), xw (B): one agreement in three.
        #expect(presence.units == 3)
        #expect(abs(presence.percentAgreement - 1.0 / 3) < 1e-12)
        // A's two mentions of xy tie 1:1, so A's value is strong (equal votes: strong), as B's.
        let strength = try #require(agreement.overall(.strength))
        #expect(strength.units == 1 && strength.percentAgreement == 1)
        // B wrote the pair the other way round: 'target' of y–x is x, A's 'source' of x–y.
        #expect(try #require(agreement.overall(.initiator)).percentAgreement == 1)
        // Motive values are compared as sets after splitting and case folding.
        #expect(try #require(agreement.overall(.motive("raum"))).percentAgreement == 1)
        #expect(try #require(agreement.overall(.motive("werte"))).percentAgreement == 1)
        let spatial = try #require(agreement.overall(.proximity(.spatial)))
        #expect(spatial.percentAgreement == 0)

        #expect(agreement.disagreements.count == 3)
        let xy = try #require(agreement.disagreements.first { $0.differences.contains { $0.field == "proximity_spatial" } })
        #expect(xy.differences.map(\.field) == ["proximity_spatial"])
        #expect(xy.differences[0].values == ["high", "medium"])
        #expect(xy.mentions.map(\.count) == [2, 1])
        let disputed = agreement.disagreements.filter(\.isPresenceDisputed)
        #expect(disputed.count == 2)
        #expect(Set(disputed.map { $0.differences[0].values }) == [["coded", "not coded"], ["not coded", "coded"]])
        // Largest first: every disagreement here has one field; list order decides.
        #expect(agreement.largestDisagreements(1).first?.tie == agreement.disagreements.first?.tie)
    }

    /// On named units every pair of the four actors named in I1 (x, y, z, w: six pairs) is a unit;
    /// the three pairs nobody tied agree on absence.
    @Test func namedPresenceUnitsCountUntiedPairs() throws {
        let agreement = try Agreement(study: try load(), options: .init(presenceUnits: .named, replicates: 0))
        let presence = try #require(agreement.overall(.presence))
        #expect(presence.units == 6)
        let expected = CodingTable(units: [[1, 1], [1, 0], [0, 1], [0, 0], [0, 0], [0, 0]])
        #expect(abs(presence.alpha - Reliability.krippendorffAlpha(expected, level: .nominal)) < 1e-12)
        #expect(abs(presence.percentAgreement - 4.0 / 6) < 1e-12)
    }

    @Test func studiesWithoutDoubleCodingOrCodersAreRefused() throws {
        #expect(throws: AgreementError.noDoubleCoding(coders: 1, interviews: 1)) {
            try Agreement(study: try load("source,target,strength,interview,coder\na,b,weak,I1,A\n"))
        }
        #expect(throws: AgreementError.missingColumn("coder")) {
            try Agreement(study: try load("source,target,strength,interview\na,b,weak,I1\n"))
        }
    }

    /// The example study's two coders, as the closing note reports them.
    @Test func exampleStudy() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/krefeld-mg/").path
        let study = try StudyLoader.load(ties: [example + "/ties.csv"], nodes: example + "/nodes.csv")
        let agreement = try Agreement(study: study, options: .init(replicates: 200))
        #expect(agreement.coders == ["K1", "K2"])
        let strength = try #require(agreement.overall(.strength))
        #expect(strength.alpha > 0.4 && strength.alpha < 0.9)
        #expect(strength.alphaInterval.low < strength.alpha && strength.alpha < strength.alphaInterval.high)
        #expect(!agreement.disagreements.isEmpty)
    }

    // MARK: Consensus rules

    static let threeCoders = """
        source,target,strength,interview,coder
        a,b,strong,I1,A
        a,b,strong,I1,B
        a,b,weak,I1,C
        a,c,weak,I1,A
        a,c,weak,I1,B
        a,d,weak,I1,C
        a,e,weak,I2,A
        a,f,weak,,

        """

    func pairs(_ study: Study) -> Set<String> {
        Set((0..<study.ties.count).map { t in
            [study.actors[Int(study.ties.source[t])].id, study.actors[Int(study.ties.target[t])].id].sorted().joined(separator: "-")
        })
    }

    @Test(arguments: [
        (ConsensusRule.union, ["a-b", "a-c", "a-d", "a-e", "a-f"], 8),
        (.majority, ["a-b", "a-c", "a-e", "a-f"], 7),
        (.intersection, ["a-b", "a-e", "a-f"], 5),
        (.coder("C"), ["a-b", "a-d", "a-e", "a-f"], 4),
        (.coder("a"), ["a-b", "a-c", "a-e", "a-f"], 4),
    ])
    func consensusRules(rule: ConsensusRule, expected: [String], mentions: Int) throws {
        let study = try load(Self.threeCoders, options: StudyOptions(consensus: rule))
        #expect(pairs(study) == Set(expected))
        #expect(study.mentions.count == mentions)
        if rule != .union {
            #expect(study.notices.contains { $0.message.hasPrefix("consensus rule '\(rule)'") })
        }
        // Kept mentions keep their cells aligned with their rows.
        for m in 0..<study.mentions.count {
            let location = study.mentions.location(m)
            #expect(location.line >= 2 && location.line <= 9)
        }
    }

    @Test func actorsOnlySetAsideMentionsNamedGoWithThem() throws {
        let study = try load(Self.threeCoders, options: StudyOptions(consensus: .intersection))
        #expect(study.actors.map(\.id).sorted() == ["a", "b", "e", "f"])
        #expect(throws: AgreementError.consensusApplied("intersection")) { try Agreement(study: study) }
    }

    @Test func consensusErrorsAreLocated() throws {
        do {
            _ = try load(Self.threeCoders, options: StudyOptions(consensus: .coder("D")))
            Issue.record("expected an error")
        } catch let failure as ImportFailure {
            #expect(failure.errors.first?.description.hasPrefix("\(failure.errors[0].location.file):1: error: the consensus rule names coder 'D', who coded no mention (coders: A, B, C)") == true)
        }
        do {
            _ = try load("source,target,strength,interview\na,b,weak,I1\n", options: StudyOptions(consensus: .majority))
            Issue.record("expected an error")
        } catch let failure as ImportFailure {
            #expect(failure.errors.first?.message == "the consensus rule 'majority' weighs the coders of each interview, but the ties tables have no coder column")
        }
        #expect(ConsensusRule("coder: K 1") == .coder("K 1"))
        #expect(ConsensusRule("coder:") == nil && ConsensusRule("most") == nil)
    }

    // MARK: Aliases

    func aliases(_ text: String) throws -> AliasTable {
        let dir = TemporaryDirectory()
        return try AliasTable(table: DelimitedTableReader.read(path: dir.write("aliases.csv", text)))
    }

    @Test func aliasesMergeActorsAndKeepTheWrittenSpelling() throws {
        let table = try aliases("alias,canonical_id,score\nStadt KR,Stadt Krefeld,0.9\nStadtverw. KR,Stadt KR,\n")
        #expect(table.resolve("Stadtverw. KR") == "Stadt Krefeld")
        let text = "source,target,strength\nCafé,Stadt KR,weak\nCafé,Stadt Krefeld,strong\nCafé,Stadtverw. KR,weak\nTafel,Stadt Krefeld,weak\n"
        let study = try load(text, options: StudyOptions(aliases: table))
        #expect(study.actors.map(\.id).sorted() == ["Café", "Stadt Krefeld", "Tafel"])
        #expect(study.ties.count == 2)
        #expect(study.mentions.text("target", 0) == "Stadt KR")
        #expect(study.mentions.text("target", 2) == "Stadtverw. KR")
    }

    @Test func aliasTableErrorsAreLocated() throws {
        func messages(_ text: String) -> [String] {
            do { _ = try aliases(text); return [] } catch let failure as ImportFailure {
                return failure.errors.map { "\($0.location.line): \($0.message)" }
            } catch { return ["\(error)"] }
        }
        #expect(messages("alias,canonical_id\na,b\na,c\n") == ["3: alias 'a' maps to 'c' here but to 'b' on line 2"])
        #expect(messages("alias,canonical_id\na,b\nb,c\nc,a\n") == ["2: aliases form a cycle: 'a' → 'b' → 'c' → 'a'"])
        #expect(messages("alias,canonical_id\na,a\n") == ["2: 'a' is given as an alias of itself"])
        #expect(messages("alias,target\na,b\n") == ["1: no 'canonical_id' column (an alias table has the columns alias,canonical_id)"])
        #expect(messages("alias,canonical_id\n,b\n") == ["2: empty alias"])
    }

    @Test func aliasesThatJoinATiesEndsAndSpreadsheetSafeIds() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength\nCafé,Stadt KR,weak\nStadt KR,Stadtverwaltung Krefeld,weak\n")
        let table = try aliases("alias,canonical_id\nStadt KR,Stadt Krefeld\nStadtverwaltung Krefeld,Stadt Krefeld\n")
        do {
            _ = try StudyLoader.load(ties: [ties], options: StudyOptions(aliases: table))
            Issue.record("expected an error")
        } catch let failure as ImportFailure {
            let first = failure.errors.first?.description ?? ""
            #expect(first.hasPrefix("\(ties):3:2: error: self-loop after aliases: 'Stadt KR' and 'Stadtverwaltung Krefeld' are both 'Stadt Krefeld' ("))
            #expect(first.hasSuffix("aliases.csv:2:1); drop the row or the alias"))
        }
        let safe = try aliases("alias,canonical_id\n'@home Krefeld e.V.,'@home Krefeld\n")
        #expect(safe.resolve("@home Krefeld e.V.") == "@home Krefeld")
    }

    @Test func unknownCanonicalIDsAndContradictingRowsAreErrors() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength\nCafé,Stadt KR,weak\nCafé,Stadt Krefeld,weak\n")
        do {
            _ = try StudyLoader.load(ties: [ties], options: StudyOptions(aliases: try aliases("alias,canonical_id\nStadt KR,Stadt Krefled\n")))
            Issue.record("expected an error")
        } catch let failure as ImportFailure {
            #expect(failure.errors.map(\.message) == ["canonical id 'Stadt Krefled' of alias 'Stadt KR' is not an id of the study: neither the nodes table nor the ties name it (did you mean 'Stadt Krefeld'?)"])
        }
        let table = try aliases("alias,canonical_id\nStadt KR,Stadt Krefeld\n")
        let agreeing = dir.write("nodes.csv", "id,kind,region\nStadt KR,partner,\nStadt Krefeld,partner,Krefeld\nCafé,innovation,Krefeld\n")
        let study = try StudyLoader.load(ties: [ties], nodes: agreeing, options: StudyOptions(aliases: table))
        #expect(study.actors.count == 2)
        #expect(study.notices.contains { $0.message == "'Stadt KR' is an alias of 'Stadt Krefeld': its row is merged into line 3" })
        let contradicting = dir.write("nodes2.csv", "id,kind,region\nStadt KR,partner,Mönchengladbach\nStadt Krefeld,partner,Krefeld\n")
        do {
            _ = try StudyLoader.load(ties: [ties], nodes: contradicting, options: StudyOptions(aliases: table))
            Issue.record("expected an error")
        } catch let failure as ImportFailure {
            #expect(failure.errors.first?.message.contains("its region 'Mönchengladbach' contradicts 'Krefeld' (line 3)") == true)
        }
    }

    /// apply → export → import gives the same graph.
    @Test(arguments: [(ExportFormat.graphml, "graphml"), (.gexf, "gexf"), (.json, "json")])
    func aliasesRoundTripThroughExports(format: ExportFormat, fileExtension: String) throws {
        let dir = TemporaryDirectory()
        let table = try aliases("alias,canonical_id\nStadt KR,Stadt Krefeld\n")
        let text = "source,target,strength,interview\nCafé,Stadt KR,weak,I1\nCafé,Stadt Krefeld,strong,I2\nTafel,Stadt KR,weak,I3\n"
        let study = try load(text, options: StudyOptions(aliases: table))
        let path = dir.path + "/out." + fileExtension
        try format.write(study, to: path)
        let again = try StudyLoader.load(ties: [path], format: nil)
        #expect(pairs(again) == pairs(study))
        #expect(again.actors.map(\.id).sorted() == study.actors.map(\.id).sorted())
        #expect(again.mentions.count == study.mentions.count)
        // The spelling the coder wrote survives as an extra column.
        #expect(again.distinctValues(ofMentionColumn: "target_as_written") == ["Stadt KR"])
    }
}

@Suite struct RestrictionTests {
    @Test func weakOnlyKeepsEveryActorAndTheWeakTiesWithTheirMentions() throws {
        let dir = TemporaryDirectory()
        let study = try StudyLoader.load(ties: [dir.write("t.csv", """
            source,target,strength,quote
            a,b,strong,q1
            a,c,weak,q2
            b,c,weak,q3
            a,c,weak,q4
            c,d,strong,q5

            """)])
        let weak = study.restricted(to: .weak)
        #expect(weak.actors.count == study.actors.count)
        #expect(weak.ties.count == 2)
        #expect(weak.mentions.count == 3)
        #expect((0..<weak.mentions.count).map { weak.mentions.text("quote", $0) } == ["q2", "q3", "q4"])
        #expect((0..<weak.mentions.count).map { Int(weak.mentions.tie[$0]) } == [0, 1, 0])
        #expect(Array(weak.ties[0].mentions) == [0, 2])
        #expect(weak.mentions.location(2).line == 5)
        #expect(weak.notices.last?.message == "only weak ties: 2 of 4 ties and 3 of 5 mentions kept")
        let strong = study.restricted(to: .strong)
        #expect(strong.ties.count == 2 && strong.weakTieCount == 0)
    }
}
