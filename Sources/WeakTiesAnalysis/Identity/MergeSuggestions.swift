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
/// merged with a partner. Candidates are only the pairs sharing a token or a pair of tokens held by
/// at most 200 actors (blocking), so the cost grows with the study, not with the square of its actors.
public struct MergeSuggestions: Sendable {
    /// Which pairs are suggested and how candidates are found.
    public struct Options: Sendable {
        /// Pairs scoring at least this are suggested.
        public var minimumScore: Double
        /// Tokens shared by more actors than this are not used to find candidates.
        public var maximumBlock: Int

        /// Options with the given values (defaults: score at least 0.8, blocks of at most 200 actors).
        public init(minimumScore: Double = 0.8, maximumBlock: Int = 200) {
            self.minimumScore = minimumScore
            self.maximumBlock = maximumBlock
        }
    }

    /// One suggested alias: `alias` is probably `canonical`.
    public struct Suggestion: Sendable, Equatable {
        /// Actor index of the probable variant (to be written as an alias).
        public let alias: Int
        /// Actor index of the group's canonical actor it should become.
        public let canonical: Int
        /// Score of the alias's best suggested pair, from 0 to 1 (name similarity with the region and
        /// partner-type adjustments, clamped); at least `Options.minimumScore`.
        public let score: Double
        /// Why, in words: the matched tokens and the attribute checks.
        public let reasons: [String]
    }

    /// The study whose actor ids were compared.
    public let study: Study
    /// The options the suggestions were made with.
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
        // Document frequency of tokens gives each token its weight, once.
        var frequency: [String: Int] = [:]
        for name in names { for token in Set(name.tokens) { frequency[token, default: 0] += 1 } }
        let n = Double(max(names.count, 1))
        for name in names { name.weights = name.tokens.map { log(1 + n / Double(frequency[$0] ?? 1)) } }
        // The attribute evidence adds at most 0.1: pairs whose names score below this cannot reach
        // the minimum and are not explained.
        let cutoff = options.minimumScore - 0.1

        // Blocking: every pair of an actor's tokens (numbers included, as `#12`) and each single
        // token; blocks above `maximumBlock` actors are skipped, so the comparisons stay
        // O(keys × maximumBlock) whatever the study's size. A variant shares a pair with its original
        // unless every word differs.
        var blocks: [String: [Int32]] = [:]
        for (a, name) in names.enumerated() {
            let words = Array(Array(Set(name.tokens + name.numbers.map { "#" + $0 })).sorted().prefix(12))
            var keys = Set(words.map { "t:" + $0 })
            for i in words.indices { for j in (i + 1)..<words.count { keys.insert("p:" + words[i] + "|" + words[j]) } }
            for key in keys { blocks[key, default: []].append(Int32(a)) }
        }
        var compared = 0, skipped = 0
        var seen = Set<Int64>()
        seen.reserveCapacity(blocks.values.reduce(0) { $0 + ($1.count <= options.maximumBlock ? $1.count * ($1.count - 1) / 2 : 0) })
        let actors = study.actors
        let kinds = actors.map(\.kind)
        var pairs: [(Int, Int, Double, [String])] = []
        for key in blocks.keys.sorted() {
            let members = blocks[key]!
            guard members.count >= 2 else { continue }
            guard members.count <= options.maximumBlock else { skipped += 1; continue }
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let (a, b) = (Int(min(members[i], members[j])), Int(max(members[i], members[j])))
                    guard seen.insert(Int64(a) << 32 | Int64(b)).inserted else { continue }
                    compared += 1
                    if (kinds[a] == .innovation && kinds[b] == .partner) || (kinds[a] == .partner && kinds[b] == .innovation) { continue }
                    guard names[a].similarity(to: names[b], cutoff: cutoff).0 >= cutoff else { continue }
                    let (x, y) = (actors[a], actors[b])
                    var (score, reasons) = names[a].similarity(to: names[b], cutoff: 0, explain: true)
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
        // (An alias grouped through a third actor says so: its evidence is the pair with that actor.)
        var best: [Int: (Double, [String], Int)] = [:]
        for (a, b, score, reasons) in pairs {
            for (v, other) in [(a, b), (b, a)] where canonicalOf[find(v)] != v {
                if best[v] == nil || best[v]!.0 < score { best[v] = (score, reasons, other) }
            }
        }
        suggestions = best.map { v, e in
            let canonical = canonicalOf[find(v)]!
            let via = e.2 == canonical ? [] : ["grouped through '\(actors[e.2].id)'"]
            return Suggestion(alias: v, canonical: canonical, score: e.0, reasons: via + e.1)
        }
            .sorted { (actors[$0.canonical].id, actors[$0.alias].id) < (actors[$1.canonical].id, actors[$1.alias].id) }
    }
}

private func clean(_ value: String?) -> String? {
    guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
    return v
}

/// A name as tokens: lower-cased, umlauts transliterated (ä → ae, ß → ss), other accents dropped,
/// legal forms removed, known abbreviations expanded; numbers kept apart.
/// A class, not a struct: the comparison loop reads two of them per candidate pair, and copying six
/// arrays there was a third of the merge suggestions' run (perf, 1M mentions, 91,000 actors).
final class NameTokens {
    let tokens: [String]
    /// Tokens as written (lower-cased, transliterated) before expansion: for abbreviation checks.
    let written: [String]
    let numbers: [String]
    /// The same as bytes, and the tokens joined, for the comparisons' hot loop.
    let bytes: [[UInt8]]
    let writtenBytes: [[UInt8]]
    let joined: [UInt8]
    /// Each token's weight (inverse document frequency in the study), set before comparing.
    var weights: [Double] = []

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
        bytes = tokens.map { Array($0.utf8) }
        writtenBytes = written.map { Array($0.utf8) }
        joined = Array(tokens.joined().utf8)
        weights = Array(repeating: 1, count: tokens.count)
    }

    /// The score and, when `explain`, the reasons for it (see `MergeSuggestions`). Returns 0 early
    /// where the score cannot reach `cutoff`.
    func similarity(to other: NameTokens, cutoff: Double, explain: Bool = false) -> (Double, [String]) {
        guard !tokens.isEmpty, !other.tokens.isEmpty else { return (0, []) }
        let differentNumbers = numbers != other.numbers
        if differentNumbers && 0.5 < cutoff { return (0, []) }
        var used = [Bool](repeating: false, count: other.tokens.count)
        var matched = 0.0
        let total = weights.reduce(0, +) + other.weights.reduce(0, +)
        var reasons: [String] = []
        var unmatched: [String] = []
        for i in tokens.indices {
            var bestJ = -1, bestS = 0.0
            for j in other.tokens.indices where !used[j] {
                let s = Self.tokenSimilarity(bytes[i], writtenBytes[i], other.bytes[j], other.writtenBytes[j])
                if s > bestS { (bestJ, bestS) = (j, s) }
            }
            guard bestJ >= 0 else { unmatched.append(written[i]); continue }
            used[bestJ] = true
            matched += bestS * (weights[i] + other.weights[bestJ])
            if explain, let why = Self.reason(bestS, written[i], other.written[bestJ]) { reasons.append(why) }
        }
        var score = total > 0 ? matched / total : 0
        // Compounds ("Stadtteil Küche", "Stadtteilküche"): the letters alone, where nearly equal.
        if score < 1 && joined.count >= 8 && abs(joined.count - other.joined.count) <= 1
            && (joined == other.joined || Self.typoDistance(joined, other.joined) <= 1) {
            score = max(score, joined == other.joined ? 1 : 0.95)
            if explain { reasons.append("same letters") }
        }
        if explain && tokens.sorted() == other.tokens.sorted() && tokens != other.tokens { reasons.append("word order") }
        // Each name has a word the other lacks ("Caritas Oppum", "Caritas Linn"): two organisations.
        if !unmatched.isEmpty && used.contains(false) {
            score *= 0.7
            if explain {
                let otherUnmatched = other.written.indices.filter { !used[$0] }.map { other.written[$0] }
                reasons.append("each has a word the other lacks (\(unmatched.joined(separator: " ")) / \(otherUnmatched.joined(separator: " ")))")
            }
        }
        if differentNumbers {
            score *= 0.5
            if explain { reasons.append("different numbers") }
        }
        return (score, reasons)
    }

    /// Similarity of two tokens given as bytes (expanded and as written).
    static func tokenSimilarity(_ a: [UInt8], _ aWritten: [UInt8], _ b: [UInt8], _ bWritten: [UInt8]) -> Double {
        if a == b { return 1 }
        if isAbbreviation(aWritten, of: b) || isAbbreviation(bWritten, of: a) { return 0.9 }
        let longest = max(a.count, b.count), shortest = min(a.count, b.count)
        if shortest >= 3 && longest >= 4 {
            let allowed = longest >= 8 ? 2 : 1
            if longest - shortest <= allowed {
                let d = typoDistance(a, b)
                if d <= allowed {
                    let s = 1 - Double(d) / Double(longest)
                    if s >= 0.75 { return s }
                }
            }
            // A truncation ("Stadtverw." – "Stadtverwaltung") counts more the more of the word it keeps:
            // "Sparkasse" is half of "Sparkassenstiftung", another organisation.
            if shortest >= 4 && (a.starts(with: b) || b.starts(with: a)) { return 0.5 + 0.4 * Double(shortest) / Double(longest) }
        }
        return 0
    }

    /// Why two tokens matched with similarity `s` (nil for equal spellings).
    static func reason(_ s: Double, _ a: String, _ b: String) -> String? {
        if s == 1 { return a == b ? nil : "\(a) = \(b)" }
        if s == 0.9 { return "\(a) ~ \(b) (abbreviation)" }
        if s >= 0.75 && !(a.hasPrefix(b) || b.hasPrefix(a)) { return "\(a) ~ \(b) (typo)" }
        return "\(a) ~ \(b) (prefix)"
    }

    /// Edits between two tokens counting a swap of neighbouring letters as one (optimal string
    /// alignment distance): the usual typing errors.
    static func typoDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if abs(a.count - b.count) > 2 { return abs(a.count - b.count) }
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { d[i * width] = i }
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, d[(i - 2) * width + j - 2] + 1) }
                d[i * width + j] = v
            }
        }
        return d[a.count * width + b.count]
    }

    /// `short` (2–5 letters) abbreviates `word`: a prefix of it, or its letters in order starting
    /// with the word's first letter ("kr" – "krefeld", "awo" – "arbeiterwohlfahrt").
    static func isAbbreviation(_ short: [UInt8], of word: [UInt8]) -> Bool {
        guard (2...5).contains(short.count), word.count > short.count + 1, short.first == word.first else { return false }
        var k = 0
        for ch in short {
            while k < word.count && word[k] != ch { k += 1 }
            guard k < word.count else { return false }
            k += 1
        }
        return true
    }

    static func isAbbreviation(_ short: String, of word: String) -> Bool { isAbbreviation(Array(short.utf8), of: Array(word.utf8)) }
}
