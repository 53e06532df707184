import Foundation
public import Models

/// Where sockets live: one folder per service under a root, one socket per replica in it
/// (`<root>/identity/<replica>.sock`). Clients spread their calls over every socket they find in the folder.
public struct SocketLayout: Sendable, Hashable {
    /// The root folder, e.g. `/run/clm`.
    public let root: String

    public init(root: String) { self.root = root }

    /// The folder of `service`'s replicas.
    public func folder(for service: ServiceName) -> String { "\(root)/\(service.rawValue)" }

    /// The socket of one replica.
    public func socket(for service: ServiceName, replica: String) -> String {
        "\(folder(for: service))/\(replica).sock"
    }

    /// The sockets found in `folder`, sorted.
    public static func sockets(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".sock") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Makes `service`'s folder if missing, readable and writable by owner and group.
    public func prepareFolder(for service: ServiceName) throws {
        let path = folder(for: service)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o2770])
    }
}
