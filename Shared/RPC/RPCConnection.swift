public import NIOCore
public import NIOPosix
import Synchronization
import WireCodec

/// One client connection to one server socket; many calls in flight at once, answered in any order.
public final class RPCConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<ClientConnectionHandler>
    private let nextCallID = Atomic<UInt64>(1)
    /// The socket this connection reaches.
    public let path: String

    private init(channel: any Channel, handler: NIOLoopBound<ClientConnectionHandler>, path: String) {
        self.channel = channel
        self.handler = handler
        self.path = path
    }

    /// Connects to the server listening at `path`.
    /// - Throws: `RPCError(.unavailable)` when nothing listens there.
    public static func connect(to path: String, maxFrameSize: Int = 16 << 20,
                               group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        async throws(RPCError) -> RPCConnection
    {
        do {
            let channel = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(FrameDecoder(maxFrameSize: maxFrameSize)))
                        try channel.pipeline.syncOperations.addHandler(ClientConnectionHandler(peer: path))
                    }
                }
                .connect(unixDomainSocketPath: path).get()
            let handler = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self),
                             eventLoop: channel.eventLoop)
            }.get()
            return RPCConnection(channel: channel, handler: handler, path: path)
        } catch {
            throw RPCError(.unavailable, "cannot connect to \(path): \(error)")
        }
    }

    /// False once the connection has closed; calls on it then fail UNAVAILABLE.
    public var isActive: Bool { channel.isActive }

    /// Sends one request and waits for its answer.
    /// - Parameters:
    ///   - method: the full method name.
    ///   - payload: the encoded request message.
    ///   - deadline: when to stop waiting; the server is told the time that remains.
    /// - Returns: the encoded response message.
    /// - Throws: `RPCError` with the server's status, or DEADLINE_EXCEEDED, CANCELLED, UNAVAILABLE from here.
    public func call(_ method: String, payload: ByteBuffer, deadline: NIODeadline?, traceID: String)
        async throws(RPCError) -> ByteBuffer
    {
        let callID = nextCallID.add(1, ordering: .relaxed).oldValue
        var timeout: Int64?
        if let deadline {
            timeout = (deadline - .now()).nanoseconds / 1000
            if timeout! <= 0 { throw RPCError(.deadlineExceeded, "the deadline passed before the call was sent") }
        }
        var frame = channel.allocator.buffer(capacity: payload.readableBytes + method.utf8.count + 48)
        EnvelopeCodec.writeFrame(RequestEnvelope(callID: callID, method: method, timeoutMicros: timeout,
                                                 traceID: traceID, payload: payload), into: &frame)
        let loop = channel.eventLoop
        let handler = handler
        let response: ResponseEnvelope
        do {
            response = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    loop.execute { [frame] in
                        handler.value.send(callID, frame: frame, deadline: deadline, continuation: continuation)
                    }
                }
            } onCancel: {
                loop.execute { handler.value.fail(callID, RPCError(.cancelled, "the caller cancelled the call")) }
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.unknown, "\(error)")
        }
        guard response.status == RPCStatus.ok.rawValue else {
            throw RPCError(RPCStatus(rawValue: response.status) ?? .unknown, response.message,
                           violations: response.violations)
        }
        return response.payload
    }

    /// Closes the connection; calls still waiting fail UNAVAILABLE.
    public func close() async {
        try? await channel.close()
    }
}
