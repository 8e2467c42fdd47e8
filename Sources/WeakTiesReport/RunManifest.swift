import WeakTiesAnalysis
import Foundation
import WeakTiesIO

/// `run.json`, written beside every report: what produced it, from which inputs (with SHA-256), with
/// which options, and the checksum of every file written. No time stamps, so the same run gives the
/// same bytes.
public enum RunManifest {
    /// The manifest as JSON. `inputs` are (path, role) as given on the command line; their bytes are
    /// read for the checksums. - Throws: `InputOutputError` when an input cannot be read.
    public static func json(toolVersion: String, command: String, inputs: [(path: String, role: String)],
                            options: [(String, JSONValue)], outputs: [ReportFile]) throws -> JSONValue {
        let inputList: [JSONValue] = try inputs.map { input in
            guard let data = FileManager.default.contents(atPath: input.path) else {
                throw InputOutputError(path: input.path, message: "cannot read the input again for its checksum")
            }
            return .object([("path", .string(input.path)), ("role", .string(input.role)), ("bytes", .int(data.count)),
                            ("sha256", .string(SHA256.hex(data)))])
        }
        return .object([
            ("tool", .string("weakties")), ("version", .string(toolVersion)), ("command", .string(command)),
            ("schema_version", .int(StudyReport.schemaVersion)),
            ("inputs", .array(inputList)),
            ("options", .object(options)),
            ("outputs", .array(zip(outputs, Parallel.map(outputs.count) { SHA256.hex(outputs[$0].data) }).map { file, sha in
                .object([("path", .string(file.path)), ("bytes", .int(file.data.count)), ("sha256", .string(sha))])
            })),
        ])
    }
}
