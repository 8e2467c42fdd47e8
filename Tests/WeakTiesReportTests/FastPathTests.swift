import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesReport

/// The report's shortcuts against the definitions they replace.
@Suite struct FastPathTests {
    /// The slug as defined before its ASCII shortcut: every character through Foundation's folding.
    static func referenceSlug(_ id: String) -> String {
        var out = ""
        for ch in id.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default:
                let folded = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                for scalar in folded.unicodeScalars {
                    if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                        out.unicodeScalars.append(scalar)
                    } else if !out.hasSuffix("-") {
                        out += "-"
                    }
                }
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "innovation" : String(trimmed.prefix(80))
    }

    @Test func slugsAsFoldedCharacterByCharacter() {
        // Every ASCII character alone and between letters, then seeded random ids mixing ASCII,
        // umlauts, accents, full-width forms and combining marks.
        for code in 0..<128 {
            let c = String(UnicodeScalar(UInt8(code)))
            for id in [c, "a" + c + "b", c + c + "Z9"] { #expect(StudyReport.slug(id) == Self.referenceSlug(id), "\(code)") }
        }
        let alphabet = Array("abcXYZ019 -_./&é\u{301}ÄöüßÅçñøĳﬁＡｂ１Ωω中–·'\"")
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            let id = String((0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            #expect(StudyReport.slug(id) == Self.referenceSlug(id), "\(id.debugDescription)")
        }
    }

    @Test func chartNumbersAsPrintf() {
        // Halfway values (k/20, whose binary value lies on either side of the half), tiny negatives,
        // large and non-finite values, and seeded random coordinates.
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.05, -0.04, -0.06, 1e-300, -1e-300, 9.95, 99.95,
                                123456.75, 1e8 + 0.05, 1e9, -1e12, .infinity, -.infinity, .nan, .ulpOfOne, 0.45 - .ulpOfOne]
        values += (-2000...2000).map { Double($0) / 20 }
        values += (-500...500).map { Double($0) * 0.05 }
        var rng = SplitMix64(seed: 11)
        for _ in 0..<20_000 { values.append((Double(rng.next() % 2_000_000_000) / 1e5 - 10_000) * (rng.next() % 2 == 0 ? 1 : 0.001)) }
        for x in values { #expect(ReportCharts.num(x) == String(format: "%.1f", x), "\(x)") }
    }
}
