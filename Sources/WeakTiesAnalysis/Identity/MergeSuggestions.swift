import Foundation
import WeakTiesStudy

/// Pairs of actor ids that probably name the same organisation: spelling variants, abbreviations
/// ("KR" for Krefeld, "Ev." for Evangelische), legal forms ("e. V.", "eV", "gGmbH"), umlaut
/// transliterations ("Mönchengladbach", "Moenchengladbach"), typos and word order — while names that
/// differ in a distinctive word or a number ("Caritas Krefeld" and "Caritas Mönchengladbach",
/// "Kita Nr. 12" and "Kita Nr. 13") stay apart. Written as an alias table for the researcher to edit.
///
/// Score (0–1): a soft Dice coefficient over the names' word tokens, each token weighted by its
/// inverse document frequency in the study (so "Krefeld" or "Stadt" count less than "Caritas"),
/// tokens matching exactly (1), as abbreviation (0.9), with one or two typing errors (1 − edits /
/// length, from 0.75; a swap of neighbours is one edit) or as truncation (0.5 + 0.4 × the share of
/// the word kept); a name whose letters equal the other's but for one (compounds) scores 0.95; when
/// each name has a word the other lacks the score is multiplied by 0.7; stop words ("der", "für")
/// are ignored. Same region or partner type add 0.05 each, a different region takes 0.15
/// and a different partner type 0.10; different numbers halve the score; an innovation is never
/// merged with a partner. Candidates are only the pairs sharing a rare token or its first four
/// letters (blocking), so the cost grows with the study, not with the square of its actors.
public struct MergeSuggestions: Sendable {
    public struct Options: Sendable {
        /// Pairs scoring at least this are suggested.
        public var minimumScore: Double
        /// Tokens shared by more actors than this are not used to find candidates.
        public var maximumBlock: Int

        public init(minimumScore: Double = 0.8, maximumBlock: Int = 2_000) {
            self.minimumScore = minimumScore
            self.maximumBlock = maximumBlock
        }
    }

    /// One suggested alias: `alias` is probably `canonical`.
    public struct Suggestion: Sendable, Equatable {
        public let alias: Int
        public let canonical: Int
        public let score: Double
        /// Why, in words: the matched tokens and the attribute checks.
        public let reasons: [String]
    }

    public let study: Study
    public let options: Options
    /// Suggestions, grouped: every alias of a group points at the group's canonical actor (declared
    /// in the nodes table, else most mentioned, else the longer, fuller id), sorted by canonical then alias.
    public let suggestions: [Suggestion]
    /// Pairs compared after blocking.
    public let comparedPairs: Int
    /// Blocking keys skipped as too common.
    public let skippedBlocks: Int

    /// - Complexity: O(n · tokens) to tokenise, plus O(Σ block²) comparisons of bounded cost.
    public init(study: Study, options: Options = Options()) {
        self.study = study
        self.options = options
        let names = study.actors.map { NameTokens($0.id) }
        // Document frequency of tokens, for weights and for choosing blocking keys.
        var frequency: [String: Int] = [:]
        for name in names { for token in Set(name.tokens) { frequency[token, default: 0] += 1 } }
        let n = Double(max(names.count, 1))
        func weight(_ token: String) -> Double { log(1 + n / Double(frequency[token] ?? 1)) }

        // Blocking: each actor's two rarest tokens and their four-letter prefixes.
        var blocks: [String: [Int32]] = [:]
        for (a, name) in names.enumerated() {
            let rare = Array(Set(name.tokens)).sorted { (frequency[$0]!, $0) < (frequency[$1]!, $1) }.prefix(2)
            var keys = Set<String>()
            for token in rare {
                keys.insert("t:" + token)
                if token.count >= 4 { keys.insert("p:" + token.prefix(4)) }
            }
            for key in keys { blocks[key, default: []].append(Int32(a)) }
        }
        var compared = 0, skipped = 0
        var seen = Set<Int64>()
        var pairs: [(Int, Int, Double, [String])] = []
        let actors = study.actors
        for key in blocks.keys.sorted() {
            let members = blocks[key]!
            guard members.count >= 2 else { continue }
            guard members.count <= options.maximumBlock else { skipped += 1; continue }
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let (a, b) = (Int(min(members[i], members[j])), Int(max(members[i], members[j])))
                    guard seen.insert(Int64(a) << 32 | Int64(b)).inserted else { continue }
                    compared += 1
                    let (x, y) = (actors[a], actors[b])
                    if (x.kind == .innovation && y.kind == .partner) || (x.kind == .partner && y.kind == .innovation) { continue }
                    var (score, reasons) = names[a].similarity(to: names[b], weight: weight)
                    guard score >= options.minimumScore - 0.2 else { continue }
                    if let r1 = clean(x.region), let r2 = clean(y.region) {
                        if r1.lowercased() == r2.lowercased() { score += 0.05; reasons.append("same region") } else { score -= 0.15; reasons.append("different regions (\(r1), \(r2))") }
                    }
                    if let t1 = clean(x.partnerType), let t2 = clean(y.partnerType) {
                        if t1.lowercased() == t2.lowercased() { score += 0.05; reasons.append("same partner type") } else { score -= 0.10; reasons.append("different partner types (\(t1), \(t2))") }
                    }
                    score = min(1, max(0, score))
                    if score >= options.minimumScore { pairs.append((a, b, score, reasons)) }
                }
            }
        }
        comparedPairs = compared
        skippedBlocks = skipped

        // Groups by union–find over the suggested pairs; one canonical actor per group.
        var parent = Array(0..<actors.count)
        func find(_ v: Int) -> Int {
            var v = v
            while parent[v] != v { parent[v] = parent[parent[v]]; v = parent[v] }
            return v
        }
        for (a, b, _, _) in pairs { parent[find(a)] = find(b) }
        var mentions = [Int](repeating: 0, count: actors.count)
        for m in 0..<study.mentions.count { mentions[Int(study.mentions.source[m])] += 1; mentions[Int(study.mentions.target[m])] += 1 }
        var canonicalOf: [Int: Int] = [:]
        for (a, b, _, _) in pairs {
            for v in [a, b] {
                let root = find(v)
                if let c = canonicalOf[root] {
                    let (p, q) = (actors[v], actors[c])
                    let better = (p.isDeclared ? 1 : 0, mentions[v], p.id.count, q.id) > (q.isDeclared ? 1 : 0, mentions[c], q.id.count, p.id)
                    if better { canonicalOf[root] = v }
                } else {
                    canonicalOf[root] = v
                }
            }
        }
        // Each alias with its best pair's score and reasons.
        var best: [Int: (Double, [String])] = [:]
        for (a, b, score, reasons) in pairs {
            for v in [a, b] where canonicalOf[find(v)] != v {
                if best[v] == nil || best[v]!.0 < score { best[v] = (score, reasons) }
            }
        }
        suggestions = best.map { v, e in Suggestion(alias: v, canonical: canonicalOf[find(v)]!, score: e.0, reasons: e.1) }
            .sorted { (actors[$0.canonical].id, actors[$0.alias].id) < (actors[$1.canonical].id, actors[$1.alias].id) }
    }
}

private func clean(_ value: String?) -> String? {
    guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
    return v
}

/// A name as tokens: lower-cased, umlauts transliterated (ä → ae, ß → ss), other accents dropped,
/// legal forms removed, known abbreviations expanded; numbers kept apart.
struct NameTokens {
    let tokens: [String]
    /// Tokens as written (lower-cased, transliterated) before expansion: for abbreviation checks.
    let written: [String]
    let numbers: [String]

    static let legalForms: Set<String> = ["ev", "gmbh", "ggmbh", "ug", "gug", "ag", "gag", "eg", "kg", "mbh", "evtl", "ek"]
    static let stopWords: Set<String> = ["der", "die", "das", "des", "dem", "den", "und", "fuer", "von", "vom", "im", "in",
                                         "am", "an", "zu", "zum", "zur", "the", "of", "and", "for"]
    static let expansions: [String: String] = [
        "kr": "krefeld", "mg": "moenchengladbach", "mgladbach": "moenchengladbach", "gladbach": "moenchengladbach",
        "ev": "evangelisch", "evang": "evangelisch", "evangelische": "evangelisch", "evangelischer": "evangelisch",
        "kath": "katholisch", "katholische": "katholisch", "katholischer": "katholisch",
        "st": "sankt", "str": "strasse", "verw": "verwaltung", "stadtverw": "stadtverwaltung",
        "dt": "deutsch", "deutsche": "deutsch", "deutscher": "deutsch", "deutsches": "deutsch",
        "int": "international", "gem": "gemeinde", "ver": "verein",
    ]

    init(_ name: String) {
        var folded = ""
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "ä": folded += "ae"
            case "ö": folded += "oe"
            case "ü": folded += "ue"
            case "ß": folded += "ss"
            default: folded.unicodeScalars.append(scalar)
            }
        }
        folded = folded.folding(options: [.diacriticInsensitive], locale: nil)
        // Runs of single letters are one token ("e. V." → "ev").
        var raw: [String] = []
        var inLetterRun = false
        for token in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) {
            if token.count == 1 && token.first!.isLetter {
                if inLetterRun { raw[raw.count - 1] += token } else { raw.append(token); inLetterRun = true }
            } else {
                raw.append(token)
                inLetterRun = false
            }
        }
        var tokens: [String] = [], numbers: [String] = [], written: [String] = []
        for (i, token) in raw.enumerated() {
            if token.allSatisfy(\.isNumber) { numbers.append(String(Int(token) ?? 0)); continue }
            if Self.stopWords.contains(token) && raw.count > 1 { continue }
            // Legal forms go; "ev" only at the end ("e. V."), elsewhere it is "Ev." (Evangelische).
            if raw.count > 1 && Self.legalForms.contains(token) && (token != "ev" || i == raw.count - 1) { continue }
            written.append(token)
            tokens.append(Self.expansions[token] ?? token)
        }
        self.tokens = tokens
        self.written = written
        self.numbers = numbers
    }

    /// The score and the reasons for it (see `MergeSuggestions`).
    func similarity(to other: NameTokens, weight: (String) -> Double) -> (Double, [String]) {
        guard !tokens.isEmpty, !other.tokens.isEmpty else { return (0, []) }
        var used = [Bool](repeating: false, count: other.tokens.count)
        var matched = 0.0, total = 0.0
        var reasons: [String] = []
        for t in tokens { total += weight(t) }
        for t in other.tokens { total += weight(t) }
        var unmatched: [String] = []
        for (i, a) in tokens.enumerated() {
            var bestJ = -1, bestS = 0.0, bestWhy = ""
            for (j, b) in other.tokens.enumerated() where !used[j] {
                let (s, why) = Self.tokenSimilarity(a, written[i], b, other.written[j])
                if s > bestS { (bestJ, bestS, bestWhy) = (j, s, why) }
            }
            guard bestJ >= 0 else { unmatched.append(written[i]); continue }
            used[bestJ] = true
            matched += bestS * (weight(a) + weight(other.tokens[bestJ]))
            if !bestWhy.isEmpty { reasons.append(bestWhy) }
        }
        var score = total > 0 ? matched / total : 0
        // Compounds ("Stadtteil Küche", "Stadtteilküche"): the letters alone, where nearly equal.
        let x = tokens.joined(), y = other.tokens.joined()
        if score < 1 && x.count >= 8 && ActorLookup.editDistance(x, y, limit: 1) <= 1 {
            score = max(score, x == y ? 1 : 0.95)
            reasons.append("same letters")
        }
        if tokens.sorted() == other.tokens.sorted() && tokens != other.tokens { reasons.append("word order") }
        // Each name has a word the other lacks ("Caritas Oppum", "Caritas Linn"): two organisations.
        let otherUnmatched = other.written.indices.filter { !used[$0] }.map { other.written[$0] }
        if !unmatched.isEmpty && !otherUnmatched.isEmpty {
            score *= 0.7
            reasons.append("each has a word the other lacks (\(unmatched.joined(separator: " ")) / \(otherUnmatched.joined(separator: " ")))")
        }
        if numbers != other.numbers && !(numbers.isEmpty && other.numbers.isEmpty) {
            score *= 0.5
            reasons.append("different numbers")
        }
        return (score, reasons)
    }

    /// Similarity of two tokens (expanded and as written) with its reason ("" for equal tokens).
    static func tokenSimilarity(_ a: String, _ aWritten: String, _ b: String, _ bWritten: String) -> (Double, String) {
        if a == b { return (1, aWritten == bWritten ? "" : "\(aWritten) = \(bWritten)") }
        if isAbbreviation(aWritten, of: b) || isAbbreviation(bWritten, of: a) {
            return (0.9, "\(aWritten) ~ \(bWritten) (abbreviation)")
        }
        let longest = max(a.count, b.count)
        if min(a.count, b.count) >= 3 && longest >= 4 {
            let allowed = longest >= 8 ? 2 : 1
            let d = typoDistance(Array(a.utf8), Array(b.utf8))
            if d <= allowed {
                let s = 1 - Double(d) / Double(longest)
                if s >= 0.75 { return (s, "\(aWritten) ~ \(bWritten) (typo)") }
            }
            // A truncation ("Stadtverw." – "Stadtverwaltung") counts more the more of the word it keeps:
            // "Sparkasse" is half of "Sparkassenstiftung", another organisation.
            if min(a.count, b.count) >= 4 && (a.hasPrefix(b) || b.hasPrefix(a)) {
                return (0.5 + 0.4 * Double(min(a.count, b.count)) / Double(longest), "\(aWritten) ~ \(bWritten) (prefix)")
            }
        }
        return (0, "")
    }

    /// Edits between two tokens counting a swap of neighbouring letters as one (optimal string
    /// alignment distance): the usual typing errors.
    static func typoDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// `short` (2–5 letters) abbreviates `word`: a prefix of it, or its letters in order starting
    /// with the word's first letter ("kr" – "krefeld", "awo" – "arbeiterwohlfahrt").
    static func isAbbreviation(_ short: String, of word: String) -> Bool {
        guard (2...5).contains(short.count), word.count > short.count + 1, short.first == word.first else { return false }
        if word.hasPrefix(short) { return true }
        var rest = word[...]
        for ch in short {
            guard let k = rest.firstIndex(of: ch) else { return false }
            rest = rest[rest.index(after: k)...]
        }
        return true
    }
}
