public import NIOCore
public import NIOPosix
import Synchronization
import WireCodec

/// Requests waiting for the event loop, and whether a drain of them is already scheduled.
private struct Outbound: Sendable {
    var calls: [OutgoingCall] = []
    var drainScheduled = false
}

/// One client connection to one server socket; many calls in flight at once, answered in any order.
public final class RPCConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<ClientConnectionHandler>
    private let nextCallID = Atomic<UInt64>(1)
    /// Requests queued by callers' tasks for the event loop to write.
    private let outbound = Mutex(Outbound())
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
            let remaining = (deadline - .now()).nanoseconds / 1000
            if remaining <= 0 { throw RPCError(.deadlineExceeded, "the deadline passed before the call was sent") }
            timeout = remaining
        }
        var frame = channel.allocator.buffer(
            capacity: payload.readableBytes + method.utf8.count + traceID.utf8.count + 48)
        EnvelopeCodec.writeFrame(RequestEnvelope(callID: callID, method: method, timeoutMicros: timeout,
                                                 traceID: traceID, payload: payload), into: &frame)
        let phase = CallPhase()
        let response: ResponseEnvelope
        do {
            response = try await withTaskCancellationHandler {
                // Unsafe rather than checked: the continuation is resumed exactly once, by whichever of the paths
                // below or in ClientConnectionHandler takes it out of the queue or the pending table first.
                try await withUnsafeThrowingContinuation { continuation in
                    if phase.isCancelled {
                        continuation.resume(throwing: RPCError(.cancelled, "the caller cancelled the call"))
                        return
                    }
                    enqueue(OutgoingCall(callID: callID, frame: frame, deadline: deadline, continuation: continuation))
                    // Cancelled between the check and the queue: the cancellation handler left it to us.
                    if !phase.markQueued() { cancel(callID) }
                }
            } onCancel: {
                // Still being queued: the call itself sees the flag and cancels. Queued: the loop fails it; that
                // runs after the drain that registers it, since the drain was scheduled when it was queued.
                if phase.markCancelled() { cancel(callID) }
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

    /// Queues a request for the event loop; the first one queued since the last drain schedules the drain, so that
    /// requests from many tasks go out in one write and one flush, and a lone request is flushed at once.
    private func enqueue(_ call: OutgoingCall) {
        let scheduleDrain = outbound.withLock { state in
            state.calls.append(call)
            defer { state.drainScheduled = true }
            return !state.drainScheduled
        }
        guard scheduleDrain else { return }
        let handler = handler
        channel.eventLoop.execute { [self] in
            let calls = outbound.withLock { state in
                state.drainScheduled = false
                var taken: [OutgoingCall] = []
                swap(&taken, &state.calls)
                return taken
            }
            handler.value.send(calls)
        }
    }

    private func cancel(_ callID: UInt64) {
        let handler = handler
        channel.eventLoop.execute { handler.value.fail(callID, RPCError(.cancelled, "the caller cancelled the call")) }
    }

    /// Closes the connection; calls still waiting fail UNAVAILABLE.
    public func close() async {
        try? await channel.close()
    }
}
