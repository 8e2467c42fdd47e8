import ArgumentParser
import Foundation
import WeakTies

extension AgreementFormat: ExpressibleByArgument {}
extension Agreement.PresenceUnits: ExpressibleByArgument {}

struct Agree: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure how well coders agree on the ties and list their disagreements for a consensus meeting.",
        discussion: """
            Compares the coders of every interview that two or more coded: whether each pair of actors is \
            tied at all, its strength (and the 1–5 scale where used), the initiator, each proximity \
            dimension, the weight and each motive and benefit value. Prints percent agreement, Cohen's κ \
            per pair of coders, Fleiss' κ over all, and Krippendorff's α with the metric of each variable's \
            level, with seeded bootstrap confidence intervals. With --disagreements FILE, writes every tie \
            or attribute the coders differ on with each coder's values, quotes, file and line (.csv, .md, \
            .html or .json). Units, formulas and references: Docs/Agreement.md.

            Examples:
              weakties agree Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv
              weakties agree coder1.csv coder2.csv --format csv --output reliability.csv
              weakties agree ties.csv --disagreements meeting.html --lang de
              weakties agree ties.csv --format json --bootstrap 5000 --seed 7
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(help: "Output format of the reliability tables.")
    var format: AgreementFormat = .text

    @Option(name: .shortAndLong, help: "Output file (written atomically); default: standard output.")
    var output: String?

    @Option(name: .long, help: "Also write the disagreement list here (format from the extension: .csv, .md, .html or .json).")
    var disagreements: String?

    @Option(name: .customLong("lang"), help: "Language of the tables and the list.")
    var language: ReportLanguage = .en

    @Option(name: .long, help: "Units of tie presence: coded (the pairs at least one coder coded) or named (every pair of actors the interview names; a pair nobody tied agrees on absence).")
    var presenceUnits: Agreement.PresenceUnits = .coded

    @Option(name: .long, parsing: .unconditional, help: "Bootstrap replicates for the confidence intervals (0: none).")
    var bootstrap = 1000

    @Option(name: .long, parsing: .unconditional, help: "Level of the confidence intervals, between 0 and 1.")
    var confidence = 0.95

    @Option(name: .long, parsing: .unconditional, help: "Seed of the bootstrap.")
    var seed: UInt64 = 1

    func validate() throws {
        if bootstrap < 0 { throw ValidationError("--bootstrap must be 0 or more") }
        if !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence must be between 0 and 1 (e.g. 0.95)") }
        if input.consensus != .union {
            throw ValidationError("agree compares every coder's mentions; drop --consensus (it decides which mentions make ties in the other commands)")
        }
        _ = try disagreementsFormat()
    }

    func disagreementsFormat() throws -> AgreementFormat? {
        guard let disagreements else { return nil }
        switch URL(fileURLWithPath: disagreements).pathExtension.lowercased() {
        case "csv": return .csv
        case "md", "markdown": return .md
        case "html", "htm": return .html
        case "json": return .json
        default: throw ValidationError("--disagreements '\(disagreements)': give a file ending in .csv, .md, .html or .json")
        }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let progress = input.progress, started = Date()
        progress.say("comparing the coders' mentions (\(Progress.count(bootstrap)) bootstrap replicates)")
        defer { progress.done("agreement computed and written", since: started) }
        let agreement = try Agreement(study: study, options: .init(presenceUnits: presenceUnits, replicates: bootstrap, seed: seed, confidence: confidence))
        let out = try AgreementOutput(agreement: agreement, language: language)
        var text = out.reliability(format: format)
        if format == .text && presenceUnits == .coded {
            text += "For informative κ and α on tie presence, add --presence-units named.\n"
        }
        if format == .text && disagreements == nil && !agreement.disagreements.isEmpty {
            text += "Write the list for a consensus meeting with --disagreements FILE (.csv, .md, .html).\n"
        }
        if let path = disagreements, let listFormat = try disagreementsFormat() {
            try AtomicFile.write(out.disagreements(format: listFormat), to: path)
        }
        try writeOutput(text, to: output)
    }
}
