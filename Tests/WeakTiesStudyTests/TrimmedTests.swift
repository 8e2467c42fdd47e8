import Foundation
import Testing
import WeakTiesStudy

/// `Study.trimmed` against its definition, `trimmingCharacters(in: .whitespaces)` with empty as nil.
@Suite struct TrimmedTests {
    static func reference(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    @Test func everyScalarAtEitherEnd() {
        // Every scalar of the Basic Multilingual Plane up to U+3100 (the space separators end at U+3000),
        // and a few beyond, at the start, at the end and alone.
        var checked = 0
        for code in Array(0..<0x3100) + [0xFEFF, 0xFF01, 0x1F600] {
            guard let scalar = Unicode.Scalar(UInt32(code)) else { continue }
            let c = String(Character(scalar))
            for value in [c, c + "ab", "ab" + c, c + "a" + c, c + c] {
                #expect(Study.trimmed(value) == Self.reference(value), "U+\(String(code, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 12_000)
        #expect(Study.trimmed(nil) == nil)
        #expect(Study.trimmed("") == nil)
        #expect(Study.trimmed(" \t\u{00A0}\u{3000}") == nil)
        #expect(Study.trimmed("\u{2003}Krefeld ") == "Krefeld")
        #expect(Study.trimmed("e\u{301}") == "e\u{301}")
    }
}
