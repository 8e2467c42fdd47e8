import Foundation
import WeakTies

/// The seeded generator of the library (SplitMix64), so property tests are reproducible.
public typealias SeededRandom = SplitMix64

/// A path 0 – 1 – … – (n−1), for tests of deep traversals (no recursion may overflow the stack).
public func pathGraph(_ n: Int, directed: Bool) throws -> Graph {
    var b = GraphBuilder(directed: directed)
    b.reserveCapacity(nodes: n, edges: max(0, n - 1))
    for i in 0..<n { b.addNode(String(i)) }
    for i in 0..<max(0, n - 1) { try b.addEdge(Int32(i), Int32(i + 1)) }
    return try b.build()
}

/// A fresh temporary directory, removed when the value is deinitialised.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "weakties-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` inside the directory and returns the full path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    /// Writes `text` as UTF-8 to `name` inside the directory and returns the full path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }
}

/// The repository root (found from this source file's location).
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A product built beside the test bundle (or in .build/debug), e.g. `weakties` or `weakties-bench`.
public func builtProduct(_ name: String) -> String {
    let candidates = [
        Bundle.main.bundleURL.appendingPathComponent(name).path,
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name).path,
        repositoryRoot + "/.build/debug/" + name,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}

/// `../shared` beside the repository, where third-party sample files live (absent in a user's clone).
public var sharedDirectory: String? {
    let path = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}

/// Runs a program and captures its exit status, stdout and stderr.
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                       stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    // Read both pipes concurrently with the process so large outputs cannot deadlock.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Debian's Chromium on PATH (`chromium`, else `chromium-browser`); where there is none, says on stderr
/// that `what` (the tests' purpose) is skipped and returns nil.
public func chromium(skipping what: String) -> String? {
    let found = which("chromium") ?? which("chromium-browser")
    if found == nil {
        FileHandle.standardError.write(Data("skipped: chromium not found (apt-get install chromium); \(what)\n".utf8))
    }
    return found
}

/// Finds an executable on PATH.
public func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// The canonical content of a study, for comparing two imports: actors, ties with votes and the
/// mentions' verbatim cells of the known fields, independent of column order or encoding.
public func canonicalDescription(_ study: Study) -> [String] {
    var lines = study.actors.map { "actor \($0.id) kind=\($0.kind.rawValue) label=\($0.label)" }.sorted()
    for t in 0..<study.ties.count {
        let tie = study.ties[t]
        let a = study.actors[Int(tie.source)].id, b = study.actors[Int(tie.target)].id
        let quotes = tie.mentions.map { study.mentions.text("quote", Int($0)) }.sorted()
        lines.append("tie \(min(a, b))|\(max(a, b)) \(tie.strength.name) \(tie.strongVotes)/\(tie.weakVotes) \(quotes)")
    }
    return lines.sorted()
}
