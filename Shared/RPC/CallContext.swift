public import Logging
public import Models
public import NIOCore

/// Who is calling, as the kernel says (SO_PEERCRED) and as the access policy maps it.
public struct Caller: Sendable, Hashable, CustomStringConvertible {
    public let uid: UInt32
    public let gid: UInt32
    public let pid: Int32
    public let roles: Set<Role>

    public init(uid: UInt32, gid: UInt32, pid: Int32, roles: Set<Role>) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.roles = roles
    }

    public var description: String { "uid \(uid) (pid \(pid))" }
}

/// What a handler knows about the call it serves.
public struct ServerContext: Sendable {
    public let method: String
    public let caller: Caller
    /// When the caller stops waiting; nil if it set no deadline.
    public let deadline: NIODeadline?
    public let traceID: String
    /// Carries the trace id and method in its metadata.
    ///
    /// Built when asked for: setting logger metadata formats it at once (StreamLogHandler renders all of it), a
    /// cost every call would otherwise pay whether or not its handler logs.
    public var logger: Logger {
        guard addsCallMetadata else { return baseLogger }
        var logger = baseLogger
        logger[metadataKey: "trace"] = .string(traceID)
        logger[metadataKey: "method"] = .string(method)
        return logger
    }

    private let baseLogger: Logger
    /// True when `logger` is to add the trace id and method to `baseLogger` (the server's own contexts).
    private let addsCallMetadata: Bool

    public init(method: String, caller: Caller, deadline: NIODeadline?, traceID: String, logger: Logger) {
        self.method = method
        self.caller = caller
        self.deadline = deadline
        self.traceID = traceID
        self.baseLogger = logger
        self.addsCallMetadata = false
    }

    /// A context whose `logger` is `connectionLogger` with the call's trace id and method added when it is read.
    init(method: String, caller: Caller, deadline: NIODeadline?, traceID: String, connectionLogger: Logger) {
        self.method = method
        self.caller = caller
        self.deadline = deadline
        self.traceID = traceID
        self.baseLogger = connectionLogger
        self.addsCallMetadata = true
    }

    /// Throws PERMISSION_DENIED unless the caller holds `role` (or admin): for checks finer than per method,
    /// such as seeing personal data unmasked.
    public func require(_ role: Role) throws(RPCError) {
        guard caller.roles.contains(role) || caller.roles.contains(.admin) else {
            throw RPCError(.permissionDenied, "\(caller) does not hold the role \(role)")
        }
    }
}

/// The call being served on this task, so that calls it makes to other services carry its deadline and trace id.
public enum CallPropagation {
    @TaskLocal public static var deadline: NIODeadline?
    @TaskLocal public static var traceID: String?
}
