public import Foundation

/// The repository's folder, found from a source file's path, so that tests read the protos and fixtures wherever
/// they run from.
public enum RepositoryRoot {
    /// The folder holding Package.swift above `file`.
    /// - Throws: `RepositoryRootError` when there is none (the test binary was moved away from its sources).
    public static func url(from file: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        throw RepositoryRootError(description: "no Package.swift above \(file)")
    }
}

public struct RepositoryRootError: Error, CustomStringConvertible {
    public let description: String
}
