// weakties-fuzz: one libFuzzer entry point for every reader (`make fuzz`), and a replay tool for the
// files it finds. Not here: the readers themselves (WeakTiesIO), what a crash becomes (a regression
// test in Tests/WeakTiesIOTests/FuzzRegressionTests.swift).
import Foundation
import WeakTiesIO
import WeakTiesStudy

/// The readers to fuzz: each a file extension and how the whole load path (reader, then the contract
/// check of StudyAssembler) is driven.
enum FuzzTarget: String, CaseIterable {
    case csv, xlsx, graphml, gexf, pajek, dl, json, qda, yaml
    case gephiCSV = "gephi-csv"

    var fileExtension: String {
        switch self {
        case .csv, .gephiCSV: "csv"
        case .xlsx: "xlsx"
        case .graphml: "graphml"
        case .gexf: "gexf"
        case .pajek: "net"
        case .dl: "dl"
        case .json: "json"
        case .qda: "qdpx"
        case .yaml: "yaml"
        }
    }

    /// Reads `path` as this target's format; errors are the expected outcome for most inputs (only a
    /// crash, a hang or too much memory is a finding).
    func run(path: String) {
        switch self {
        case .csv: _ = try? StudyLoader.load(ties: [path], format: .csv)
        case .gephiCSV: _ = try? StudyLoader.load(ties: [path], format: .gephiCSV)
        case .xlsx: _ = try? StudyLoader.load(ties: [path], format: nil)
        case .graphml: _ = try? StudyLoader.load(ties: [path], format: .graphml)
        case .gexf: _ = try? StudyLoader.load(ties: [path], format: .gexf)
        case .pajek: _ = try? StudyLoader.load(ties: [path], format: .pajek)
        case .dl: _ = try? StudyLoader.load(ties: [path], format: .dl)
        case .json: _ = try? StudyLoader.load(ties: [path], format: .json)
        case .qda: _ = try? StudyLoader.load(ties: [path], format: .qda)
        case .yaml: _ = try? QDAMapping.read(path: path)
        }
    }
}

/// Writes each input to one scratch file (the readers read files) and reads it.
enum Fuzzer {
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["WEAKTIES_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("weakties-fuzz: set WEAKTIES_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(64)
        }
        return target
    }()

    /// In memory where there is /dev/shm (a write per input), else the temporary folder.
    static let scratch: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/weakties-fuzz-\(getpid()).\(target.fileExtension)"
    }()

    static func one(_ data: Data) {
        guard FileManager.default.createFile(atPath: scratch, contents: data) else { return }
        target.run(path: scratch)
    }
}

#if FUZZING
/// libFuzzer's driver (in the toolchain's libFuzzer runtime, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The executable's entry point hands over to libFuzzer (SwiftPM names the program's `main` itself,
/// so libFuzzer's own `main` is not the one that runs).
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        _ = Fuzzer.target  // refuse a missing target before fuzzing
        exit(runFuzzerDriver(&argc, &argv) { bytes, count in
            Fuzzer.one(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
    }
}
#else
/// Without the fuzzer: replays files (a corpus, a crash libFuzzer saved) through the same path, so a
/// finding can be reproduced in a normal build: `WEAKTIES_FUZZ_TARGET=dl weakties-fuzz crash-…`.
@main
enum Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            Fuzzer.one(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("\(Fuzzer.target.rawValue): \(path): read")
        }
        try? FileManager.default.removeItem(atPath: Fuzzer.scratch)
    }
}
#endif
