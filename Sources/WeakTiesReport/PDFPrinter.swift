import Foundation
import WeakTiesIO

/// Prints a report's HTML pages to PDF (A4, the pages' print style sheet) with headless Chromium, the
/// browser the report's tests run in: `ReportFormat.pdf`. One Chromium process per page,
/// two at a time; a page of the example study takes about a second.
///
/// Chromium stamps each PDF with the time it was made (`/CreationDate`, `/ModDate`); both are set to
/// 1970-01-01 (same length, so the file's cross-reference offsets stay right), which makes the same
/// report give byte-identical PDFs. Links between pages do not survive in PDF (they point into a
/// temporary folder); links within a page do.
enum PDFPrinter {
    /// The Chromium executable on `PATH` (`chromium`, `chromium-browser`, `google-chrome`), if any.
    static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") {
                let candidate = String(directory) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDFs of `pages` (paths among `files`, `.html`), as `<name>.pdf`, in the order given.
    /// - Throws: `ReportError.pdfNeedsChromium`, `ReportError.pdfFailed`, `InputOutputError`.
    static func print(_ files: [ReportFile], pages: [String]) throws -> [ReportFile] {
        guard let chromium = chromium() else { throw ReportError.pdfNeedsChromium }
        // The pages with everything they use (they are self-contained) in a folder of their own.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weakties-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files where file.path.hasSuffix(".html") {
            try withLocalLinks(file.data, page: file.path).write(to: folder.appendingPathComponent(file.path))
        }
        let printed = try Parallel.map(pages.count) { i throws -> ReportFile in
            let page = folder.appendingPathComponent(pages[i])
            let pdf = folder.appendingPathComponent(pages[i].replacingOccurrences(of: ".html", with: ".pdf"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer", // Chromium's own options
                                 "--user-data-dir=" + folder.appendingPathComponent("profile-\(i)").path, // Chromium's own options
                                 "--print-to-pdf=" + pdf.path, page.absoluteString] // Chromium's own options
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            do { try process.run() } catch { throw ReportError.pdfFailed(pages[i], "\(error)") }
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let data = try? Data(contentsOf: pdf), data.starts(with: Array("%PDF".utf8)) else {
                let text = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "; ")
                throw ReportError.pdfFailed(pages[i], "Chromium exited with \(process.terminationStatus): \(text)")
            }
            return ReportFile(path: pdf.lastPathComponent, data: fixedDates(data))
        }
        return printed
    }

    /// A page's HTML made ready to print: a script run before printing keeps the links within the page
    /// (`#ties`, and the page's own `repair-cafe-cracau.html#tie-…` on its map) and those to the web,
    /// and takes the address off links to the report's other pages, which would point into the
    /// temporary folder (and name it in every PDF).
    static func withLocalLinks(_ html: Data, page: String) -> Data {
        let script = """
            <script>(function(){var own=\(JSONValue.string(page).serialized());            document.querySelectorAll('a').forEach(function(a){            ['href','xlink:href'].forEach(function(name){var h=a.getAttribute(name);if(h===null)return;            if(h.indexOf(own+'#')===0){a.setAttribute(name,h.slice(own.length));return;}            if(h.charAt(0)==='#'||/^(https?|mailto):/i.test(h))return;a.removeAttribute(name);});});})();</script>
            """
        guard let text = String(data: html, encoding: .utf8), let end = text.range(of: "</body>", options: .backwards) else { return html }
        return Data(text.replacingCharacters(in: end, with: script + "</body>").utf8)
    }

    /// `pdf` with every date Chromium wrote, `(D:YYYYMMDDHHmmSS+hh'mm')`, set to 1970-01-01 00:00 UTC
    /// (the same number of bytes).
    static func fixedDates(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let prefix = Array("(D:".utf8)
        let fixed = Array("(D:19700101000000+00'00')".utf8)
        var i = 0
        while i + fixed.count <= bytes.count {
            if bytes[i] == 0x28, bytes[i..<i + 3].elementsEqual(prefix),
               bytes[i + 3..<i + 17].allSatisfy({ (0x30...0x39).contains($0) }),
               bytes[i + 17] == 0x2B || bytes[i + 17] == 0x2D || bytes[i + 17] == 0x5A,
               let close = bytes[i..<min(bytes.count, i + fixed.count + 2)].firstIndex(of: 0x29), close - i + 1 == fixed.count {
                bytes.replaceSubrange(i..<i + fixed.count, with: fixed)
                i += fixed.count
            } else {
                i += 1
            }
        }
        return Data(bytes)
    }
}
