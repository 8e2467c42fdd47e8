// WeakTiesIO: readers and writers, one folder per format, and atomic output. Not here: metrics or analysis
// (IO never imports them), formatting of analysis values (WeakTiesReport).
import Foundation

/// Writes output files all-or-nothing: into a temporary file beside the target, then renamed over it,
/// so a failed run never leaves a partial file.
public enum AtomicFile {
    /// Writes `data` to `path` atomically. - Throws: `InputOutputError`.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        Leftovers.remove(besides: url, kind: "tmp")
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces an existing file atomically.
            if rename(temporary.path, url.path) != 0 {
                throw InputOutputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch let error as InputOutputError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Streams a file to `path` atomically: `body` gets a function that appends bytes (a large
    /// export is written piece by piece, never held whole). - Throws: `InputOutputError`, or what
    /// `body` throws.
    public static func stream(to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        Leftovers.remove(besides: url, kind: "tmp")
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw InputOutputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        do {
            try body { bytes in try handle.write(contentsOf: bytes) }
            try handle.close()
            // rename(2) replaces an existing file atomically.
            if rename(temporary.path, url.path) != 0 {
                throw InputOutputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? InputOutputError { throw error }
            throw InputOutputError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}

/// Writes a set of files into a directory all or nothing: every file is first written into a staging
/// directory beside the target, so nothing reaches the target unless all files could be written. When
/// the target does not exist yet, the staging directory becomes it in one rename(2) (missing parent
/// directories are created). When it exists, the files are renamed in one by one, each file they
/// replace moved aside first; a failure part-way takes the new files out and puts the replaced ones
/// back. A failure removes the staging directory. (Only a crash between two renames can leave a mix.)
public enum AtomicDirectory {
    /// Writes `files` (paths relative to `directory`, `/`-separated) into `directory`.
    /// - Throws: `InputOutputError`.
    public static func write(_ files: [(path: String, data: Data)], into directory: String) throws {
        try StagedDirectory(directory).commit(files)
    }

    /// The folder part of a `/`-separated path ("" for none).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Writes every file under `root` (its folders exist) on all cores; the first failure's message.
    static func writeAll(_ files: [(path: String, data: Data)], under root: String) -> String? {
        Parallel.map(files.count) { writeFile(files[$0].data, to: root + "/" + files[$0].path) }.lazy.compactMap { $0 }.first
    }

    /// open/write/close; nil, or what went wrong.
    static func writeFile(_ data: Data, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        let failure = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return "\(path): \(String(cString: strerror(errno)))"
                }
                offset += n
            }
            return nil
        }
        // A failed close can be the first sign of a full disk on network file systems.
        if close(fd) != 0, failure == nil { return "\(path): \(String(cString: strerror(errno)))" }
        return failure
    }
}

/// A directory written all or nothing, its files added while they are made (`AtomicDirectory.write`
/// adds them all at once). The files go into a staging directory beside the target
/// (`.<name>.<pid>.partial`); `commit` moves them into place as `AtomicDirectory` documents, `abandon`
/// removes them. `stream` writes files on a thread of its own while the caller goes on: a report's
/// 2,500 pages are written while the rest is rendered, not after it (regional model: 0.2–0.7 s of
/// writing at the end, with the two cores spinning on the directory's lock, the kernel's inode
/// allocation being slow after many files were deleted).
public final class StagedDirectory: @unchecked Sendable {
    /// The directory as given (in error messages).
    let given: String
    let target: URL
    let exists: Bool
    let staging: URL
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    // The writing thread's queue, its signal, and the first failure.
    private var queue: [(path: String, data: Data)] = []
    private var head = 0
    private var closed = false
    private var failure: String?
    private let pending = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var writerStarted = false
    private var joined = false
    private var streamed: Set<String> = []

    /// Prepares `directory`: its parent created, leftovers of killed runs removed, an empty staging
    /// directory made. - Throws: `InputOutputError` (a file of that name, no permission).
    public init(_ directory: String) throws {
        let fm = FileManager.default
        given = directory
        target = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw InputOutputError(path: directory, message: "cannot write the report here: a file of that name exists")
        }
        let parent = target.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw InputOutputError(path: directory, message: "cannot create the directory \(parent.path)")
        }
        Leftovers.remove(besides: target, kind: "partial")
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw InputOutputError(path: directory, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Creates the staging folders `paths` need (each once). - Throws: `InputOutputError`.
    func createFolders(for paths: [String]) throws {
        let needed = Set(paths.map { AtomicDirectory.folder(of: $0) })
        lock.lock()
        let missing = needed.subtracting(folders).sorted()
        folders.formUnion(missing)
        lock.unlock()
        do {
            for folder in missing {
                try FileManager.default.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true)
            }
        } catch {
            throw InputOutputError(path: given, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Queues a file to be written into the staging directory by the writing thread (started with the
    /// first file); any thread may call this. A failure is reported by `commit`.
    public func stream(_ path: String, _ data: Data) {
        lock.lock()
        queue.append((path, data))
        streamed.insert(path)
        let start = !writerStarted
        writerStarted = true
        lock.unlock()
        pending.signal()
        if start {
            Thread { [self] in drain() }.start()
        }
    }

    private func drain() {
        while true {
            pending.wait()
            lock.lock()
            if head == queue.count && closed {
                lock.unlock()
                finished.signal()
                return
            }
            let file = queue[head]
            queue[head].data = Data()  // written: its bytes are no longer held here
            head += 1
            let failed = failure != nil
            lock.unlock()
            if failed { continue }
            var message: String?
            do {
                try createFolders(for: [file.path])
                message = AtomicDirectory.writeFile(file.data, to: staging.path + "/" + file.path)
            } catch {
                message = "\(error)"
            }
            if let message {
                lock.lock()
                if failure == nil { failure = message }
                lock.unlock()
            }
        }
    }

    /// Waits for the writing thread to write what was streamed; the first failure's message.
    private func finishStreaming() -> String? {
        lock.lock()
        let started = writerStarted && !joined
        closed = true
        joined = true
        lock.unlock()
        if started {
            pending.signal()
            finished.wait()
        }
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// The directory's files: those not streamed are written here (on all cores), the streamed ones
    /// waited for, then all of them moved into the target. On failure the staging directory is
    /// removed and the target left as it was. - Throws: `InputOutputError`.
    public func commit(_ files: [(path: String, data: Data)]) throws {
        lock.lock()
        let rest = files.filter { !streamed.contains($0.path) }
        lock.unlock()
        do {
            try createFolders(for: rest.map(\.path))
        } catch {
            abandon()
            throw error
        }
        let written = AtomicDirectory.writeAll(rest, under: staging.path)
        if let message = finishStreaming() ?? written {
            abandon()
            throw InputOutputError(path: given, message: "cannot write: \(message)")
        }
        try place(files.map(\.path))
    }

    /// Removes the staging directory (after the writing thread ended): nothing reaches the target.
    public func abandon() {
        _ = finishStreaming()
        try? FileManager.default.removeItem(at: staging)
    }

    /// Moves the staged files `paths` into the target (see `AtomicDirectory`). - Throws: `InputOutputError`.
    func place(_ paths: [String]) throws {
        let fm = FileManager.default
        let directory = given
        func fail(_ message: String) -> InputOutputError {
            try? fm.removeItem(at: staging)
            return InputOutputError(path: directory, message: message)
        }
        if !exists {
            if rename(staging.path, target.path) != 0 { throw fail("cannot write: \(String(cString: strerror(errno)))") }
            return
        }
        // Into an existing directory: each file it replaces is first moved aside into the staging
        // directory, so a failure part-way can put every replaced file back and take the new ones out.
        let replaced = staging.path + "/.replaced"
        var placed: [String] = [], movedAside: [(original: String, aside: String)] = []
        func rollBack(_ message: String) -> InputOutputError {
            for path in placed.reversed() { unlink(path) }
            for move in movedAside.reversed() { _ = rename(move.aside, move.original) }
            return fail(message)
        }
        for folder in Set(paths.map { AtomicDirectory.folder(of: $0) }).subtracting([""]).sorted() {
            do {
                try fm.createDirectory(atPath: target.path + "/" + folder, withIntermediateDirectories: true)
            } catch {
                throw rollBack("cannot write: \(error.localizedDescription)")
            }
        }
        var asideFolders: Set<String> = []
        for path in paths {
            let destination = target.path + "/" + path
            var status = stat()
            if lstat(destination, &status) == 0 {  // a file, folder or link (even a broken one) is there
                let aside = replaced + "/" + path
                let folder = AtomicDirectory.folder(of: aside)
                if !asideFolders.contains(folder) {
                    do {
                        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    } catch {
                        throw rollBack("cannot write: \(error.localizedDescription)")
                    }
                    asideFolders.insert(folder)
                }
                if rename(destination, aside) != 0 {
                    throw rollBack("cannot replace \(path): \(String(cString: strerror(errno)))")
                }
                movedAside.append((destination, aside))
            }
            if rename(staging.path + "/" + path, destination) != 0 {
                throw rollBack("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            placed.append(destination)
        }
        try? fm.removeItem(at: staging)
    }
}

/// What a killed run leaves beside its output — `.<name>.<pid>.tmp` (a file being written) or
/// `.<name>.<pid>.partial` (a report being staged) — is removed by the next run writing the same output,
/// once the process that made it is gone (`kill(pid, 0)` fails with ESRCH), so runs at the same time
/// never touch each other's files. A staging folder holding `.replaced` (a run killed while swapping
/// files in; the user's previous files are inside) is kept, never deleted.
enum Leftovers {
    static func remove(besides output: URL, kind: String) {
        let directory = output.deletingLastPathComponent().path
        let prefix = "." + output.lastPathComponent + ".", suffix = "." + kind
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let own = ProcessInfo.processInfo.processIdentifier
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) && name.count > prefix.count + suffix.count {
            let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pid = Int32(digits), pid > 0, pid != own, kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = directory + "/" + name
            if kind == "partial", FileManager.default.fileExists(atPath: path + "/.replaced") { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
