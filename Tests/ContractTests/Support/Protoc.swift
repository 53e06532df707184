import Foundation
import NIOCore

/// Debian's `protoc`, an encoder and decoder written by other people than ours: what it reads from our bytes is
/// what any protobuf implementation reads.
enum Protoc {
    /// `$PROTOC`, else /usr/bin/protoc.
    static var executable: String { ProcessInfo.processInfo.environment["PROTOC"] ?? "/usr/bin/protoc" }

    /// The text format protoc prints for `bytes` read as the message `messageName` of `protoFile` (a path relative
    /// to Protos/).
    /// - Throws: `ProtocError` when protoc cannot be run or rejects the bytes.
    static func decode(_ bytes: ByteBuffer, as messageName: String, in protoFile: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ProtocError(message: "\(executable) is not installed (apt-get install protobuf-compiler)")
        }
        let protos = try SourceTree.root().appendingPathComponent("Protos").path
        // Input and error output go through files: protoc reads all of stdin before it writes, so only stdout
        // needs draining while it runs.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clm-protoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in.bin")
        let errors = scratch.appendingPathComponent("err.txt")
        try Data(bytes.readableBytesView).write(to: input)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--decode=\(messageName)", "-I", protos, protoFile]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardError = try FileHandle(forWritingTo: errors)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw ProtocError(message: "protoc --decode=\(messageName) exited \(process.terminationStatus): \(stderr)")
        }
        return String(decoding: text, as: UTF8.self)
    }
}

struct ProtocError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
