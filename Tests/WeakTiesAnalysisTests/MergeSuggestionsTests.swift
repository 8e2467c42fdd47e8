import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// Merge suggestions on a generated study with planted name variants (typos, abbreviations, legal
/// forms, word order, transliterated umlauts) among look-alikes that differ (same kind of
/// organisation in another district, another organisation in the same district).
@Suite struct MergeSuggestionsTests {
    static let types = ["Caritas", "Diakonie", "Tafel", "Grundschule", "Sportverein", "Ev. Kirchengemeinde",
                        "Kath. Kirchengemeinde", "Stadtbibliothek", "Bürgerverein", "Jugendzentrum", "Förderverein",
                        "Seniorentreff", "Kleingartenverein", "Heimatverein", "Familienzentrum", "Volkshochschule",
                        "Arbeiterwohlfahrt", "Nachbarschaftshilfe", "Stadtteilbüro", "Tierschutzverein"]
    static let districts: [(String, String)] = [
        ("Oppum", "Krefeld"), ("Bockum", "Krefeld"), ("Uerdingen", "Krefeld"), ("Hüls", "Krefeld"), ("Fischeln", "Krefeld"),
        ("Linn", "Krefeld"), ("Verberg", "Krefeld"), ("Traar", "Krefeld"), ("Gartenstadt", "Krefeld"), ("Inrath", "Krefeld"),
        ("Rheydt", "Mönchengladbach"), ("Eicken", "Mönchengladbach"), ("Hardt", "Mönchengladbach"),
        ("Odenkirchen", "Mönchengladbach"), ("Wickrath", "Mönchengladbach"), ("Neuwerk", "Mönchengladbach"),
        ("Giesenkirchen", "Mönchengladbach"), ("Rheindahlen", "Mönchengladbach"), ("Venn", "Mönchengladbach"),
    ]

    enum Variant: CaseIterable { case typo, abbreviation, legalForm, wordOrder, umlaut }

    struct Planted {
        var ties: String
        var nodes: String
        /// Entity of each id.
        var entity: [String: Int]
        var planted: [Variant: Int]
        /// The variant kind of each planted id.
        var kindOf: [String: Variant] = [:]
    }

    static func plant(seed: UInt64, entities: Int, variantShare: Double) -> Planted {
        var rng = SeededRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }
        var entity: [String: Int] = [:]
        var region: [String: String] = [:]
        var type: [String: String] = [:]
        var names: [String] = []
        var planted: [Variant: Int] = [:]
        var kindOf: [String: Variant] = [:]
        var usedBases = Set<String>()
        var k = 0
        while k < entities {
            let t = pick(types), (d, city) = pick(districts)
            let legal = rng.next() % 4 == 0 ? " e.V." : ""
            let base = "\(t) \(d) \(city)\(legal)"
            guard usedBases.insert("\(t)|\(d)").inserted else { continue }
            entity[base] = k; region[base] = city; type[base] = t.hasSuffix("gemeinde") ? "church" : "civil_society"
            names.append(base)
            if Double(rng.next() % 1000) / 1000 < variantShare {
                var kind = pick(Variant.allCases)
                var variant = base
                if kind == .umlaut && !base.contains(where: { "äöüÄÖÜ".contains($0) }) { kind = .typo }
                switch kind {
                case .typo:
                    var letters = Array(d)
                    let i = 1 + Int(rng.next() % UInt64(letters.count - 2))
                    if rng.next() % 2 == 0 { letters.swapAt(i, i + 1) } else { letters.remove(at: i) }
                    variant = "\(t) \(String(letters)) \(city)\(legal)"
                case .abbreviation: variant = "\(t) \(d) \(city == "Krefeld" ? "KR" : "MG")\(legal)"
                case .legalForm: variant = "\(t) \(d) \(city)" + (legal.isEmpty ? pick([" eV", " e. V.", " gGmbH"]) : pick(["", " eV", " e. V."]))
                case .wordOrder: variant = "\(d) \(t) \(city)\(legal)"
                case .umlaut:
                    variant = base.replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ö", with: "oe")
                        .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "Ü", with: "Ue")
                }
                if variant != base && entity[variant] == nil {
                    entity[variant] = k; region[variant] = city; type[variant] = type[base]
                    names.append(variant)
                    planted[kind, default: 0] += 1
                    kindOf[variant] = kind
                }
            }
            k += 1
        }
        var ties = "source,target,strength,interview\n"
        var nodes = "id,kind,region,partner_type\n"
        for (i, name) in names.enumerated() {
            let innovation = "Innovation \(i % 40)"
            ties += "\(innovation),\"\(name)\",weak,I\(i % 40)\n"
            nodes += "\"\(name)\",partner,\(region[name]!),\(type[name]!)\n"
        }
        for i in 0..<40 { nodes += "Innovation \(i),innovation,,\n" }
        return Planted(ties: ties, nodes: nodes, entity: entity, planted: planted, kindOf: kindOf)
    }

    static func evaluate(_ planted: Planted, minimumScore: Double = 0.8) throws -> (precision: Double, recall: Double, suggestions: MergeSuggestions) {
        let dir = TemporaryDirectory()
        let study = try StudyLoader.load(ties: [dir.write("ties.csv", planted.ties)], nodes: dir.write("nodes.csv", planted.nodes))
        let suggestions = MergeSuggestions(study: study, options: .init(minimumScore: minimumScore))
        let correct = suggestions.suggestions.count { s in
            planted.entity[study.actors[s.alias].id] == planted.entity[study.actors[s.canonical].id]
        }
        let plantedCount = planted.planted.values.reduce(0, +)
        let precision = suggestions.suggestions.isEmpty ? 1 : Double(correct) / Double(suggestions.suggestions.count)
        return (precision, Double(correct) / Double(plantedCount), suggestions)
    }

    @Test func plantedVariantsAreFoundAndLookAlikesKeptApart() throws {
        var precisions: [Double] = [], recalls: [Double] = []
        var found: [String: Int] = [:], plantedByKind: [String: Int] = [:]
        for seed in 1...5 as ClosedRange<UInt64> {
            let planted = Self.plant(seed: seed, entities: 300, variantShare: 0.3)
            let (precision, recall, s) = try Self.evaluate(planted)
            precisions.append(precision); recalls.append(recall)
            let merged = Set(s.suggestions.flatMap { [s.study.actors[$0.alias].id, s.study.actors[$0.canonical].id] })
            for (id, kind) in planted.kindOf {
                plantedByKind["\(kind)", default: 0] += 1
                if merged.contains(id) { found["\(kind)", default: 0] += 1 }
            }
            let wrong = s.suggestions.filter { planted.entity[s.study.actors[$0.alias].id] != planted.entity[s.study.actors[$0.canonical].id] }
            for w in wrong.prefix(3) {
                print("false: \(s.study.actors[w.alias].id) → \(s.study.actors[w.canonical].id) \(w.score) \(w.reasons)")
            }
        }
        let precision = precisions.reduce(0, +) / 5, recall = recalls.reduce(0, +) / 5
        print("merge suggestions on planted variants (5 studies × 300 organisations, 30 % with a variant): precision \(precision), recall \(recall); found by kind: \(plantedByKind.keys.sorted().map { "\($0) \(found[$0, default: 0])/\(plantedByKind[$0]!)" })")
        #expect(precision >= 0.95)
        #expect(recall >= 0.95)
    }

    @Test func tokensAndRules() {
        #expect(NameTokens("Förderverein Oppum e. V.").tokens == ["foerderverein", "oppum"])
        #expect(NameTokens("Ev. Kirchengemeinde Cracau").tokens == ["evangelisch", "kirchengemeinde", "cracau"])
        #expect(NameTokens("Stadt KR").tokens == ["stadt", "krefeld"])
        #expect(NameTokens("Kita Nr. 12").numbers == ["12"])
        #expect(NameTokens.isAbbreviation("awo", of: "arbeiterwohlfahrt"))
        #expect(!NameTokens.isAbbreviation("kr", of: "kempen"))
        #expect(NameTokens("Stadt KR").similarity(to: NameTokens("Stadt Krefeld"), cutoff: 0).0 == 1)
        #expect(NameTokens("Caritas Krefeld").similarity(to: NameTokens("Caritas Mönchengladbach"), cutoff: 0).0 < 0.6)
        #expect(NameTokens("Kita Nr. 12").similarity(to: NameTokens("Kita Nr. 13"), cutoff: 0).0 <= 0.5)
        #expect(NameTokens("Stadtverw. Krefeld").similarity(to: NameTokens("Stadtverwaltung Krefeld"), cutoff: 0).0 > 0.8)
        #expect(NameTokens.typoDistance(Array("oppum".utf8), Array("opupm".utf8)) == 1)
    }
}
