import Logging
import Models
import NIOCore
import WireCodec

/// Serves the calls of one connection: checks each request, runs its handler in a task, and writes the answers
/// in whatever order they finish. All state is confined to the channel's event loop.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct InFlight {
        /// Nil only while `start` creates it: a handler started immediately may answer before it returns.
        var task: Task<Void, Never>?
        let deadline: NIODeadline?
    }

    private let router: RPCRouter
    private let caller: Caller
    private let limits: RPCServer.Limits
    private let replica: String
    private var logger: Logger
    private var inFlight: [UInt64: InFlight] = [:]
    private var draining = false
    private var flushScheduled = false
    /// True between the first `channelRead` of a batch and `channelReadComplete`: answers written meanwhile
    /// (refusals, handlers that answer immediately) share the flush at the end of the batch.
    private var reading = false
    private var flushAtReadComplete = false
    private var context: ChannelHandlerContext?
    private var deadlines = DeadlineSweep()
    /// Where handlers run.
    private let execution: RPCServer.HandlerExecution
    /// The connection's event loop as a task executor, for `.eventLoop`.
    private let executor: EventLoopTaskExecutor?
    /// Answers of handlers that finished off the event loop, on their way to it.
    private var responses: ResponseQueue?

    init(router: RPCRouter, caller: Caller, limits: RPCServer.Limits, replica: String, logger: Logger,
         execution: RPCServer.HandlerExecution, executor: EventLoopTaskExecutor?) {
        self.router = router
        self.caller = caller
        self.limits = limits
        self.replica = replica
        self.logger = logger
        self.logger[metadataKey: "peer"] = "\(caller)"
        self.execution = execution
        self.executor = executor
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        responses = ResponseQueue(handler: NIOLoopBound(self, eventLoop: context.eventLoop), loop: context.eventLoop)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        // The queue refers back to this handler: break the cycle (tasks still running keep the queue alive).
        responses = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reading = true
        let frame = unwrapInboundIn(data)
        let request: RequestEnvelope
        do {
            request = try EnvelopeCodec.decodeRequest(frame)
        } catch {
            // Without a readable envelope there is no call id to answer and no telling where the stream stands.
            logger.warning("closing connection: unreadable envelope", metadata: ["error": "\(error)"])
            closeWithError(RPCError(.invalidArgument, "a frame of \(frame.readableBytes) bytes is not a request "
                + "envelope (clm.rpc.v1.RequestEnvelope); closing the connection"))
            return
        }
        switch admit(request) {
        case .failure(let error): answer(request.callID, error)
        case .success(let route): start(request, route: route, context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        if flushAtReadComplete {
            flushAtReadComplete = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines.disarm()
        for call in inFlight.values { call.task?.cancel() }
        inFlight.removeAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error {
        case let frameError as FrameError:
            if case .oversized = frameError {
                logger.warning("closing connection: \(frameError)")
                closeWithError(RPCError(.resourceExhausted, "\(frameError); closing the connection"))
            } else {
                logger.warning("connection closed: \(frameError)")
                context.close(promise: nil)
            }
        default:
            logger.debug("connection error: \(error)")
            context.close(promise: nil)
        }
    }

    /// Stops taking new calls; closes the connection once the calls in flight are answered.
    func beginDraining() {
        draining = true
        if inFlight.isEmpty { context?.close(promise: nil) }
    }

    // MARK: Admission

    private func admit(_ request: RequestEnvelope) -> Result<RPCRouter.Route, RPCError> {
        if draining {
            return .failure(RPCError(.unavailable, "replica \(replica) is shutting down; retry on another replica"))
        }
        if inFlight[request.callID] != nil {
            return .failure(RPCError(.invalidArgument, "call id \(request.callID) is already in flight on this connection"))
        }
        if inFlight.count >= limits.maxInFlightPerConnection {
            return .failure(RPCError(.resourceExhausted, "\(inFlight.count) calls are already in flight on this "
                + "connection, the limit; wait for answers or open another connection"))
        }
        guard let route = router.route(request.method) else {
            return .failure(RPCError(.unimplemented, "unknown method '\(request.method)'; this service serves "
                + "\(router.routes.count) methods (clm.rpc.v1.Reflection/ListMethods lists them)"))
        }
        if !route.roles.isEmpty, caller.roles.isDisjoint(with: route.roles.union([.admin])) {
            let held = caller.roles.isEmpty ? "no roles" : "roles " + caller.roles.sorted().map(\.rawValue).joined(separator: ", ")
            return .failure(RPCError(.permissionDenied, "\(caller) holds \(held); \(route.path) needs one of "
                + route.roles.union([.admin]).sorted().map(\.rawValue).joined(separator: ", ")))
        }
        if let timeout = request.timeoutMicros, timeout <= 0 {
            return .failure(RPCError(.deadlineExceeded, "the call's deadline had passed before it reached the server"))
        }
        return .success(route)
    }

    // MARK: Calls

    private func start(_ request: RequestEnvelope, route: RPCRouter.Route, context: ChannelHandlerContext) {
        let deadline = request.timeoutMicros.map { NIODeadline.now() + .microseconds($0) }
        let traceID = request.traceID.isEmpty ? TraceID.make() : request.traceID
        let serverContext = ServerContext(method: request.method, caller: caller, deadline: deadline,
                                          traceID: traceID, connectionLogger: logger)
        let callID = request.callID
        let payload = request.payload
        let allocator = context.channel.allocator
        guard let responses else { return }
        let body: @Sendable () async -> Void = {
            let frame = await ServerConnectionHandler.serve(route, payload: payload, context: serverContext,
                                                            callID: callID, allocator: allocator)
            responses.deliver(callID, frame: frame)
        }
        // Registered first: with `.immediate` the handler may answer before the task handle is back.
        inFlight[callID] = InFlight(task: nil, deadline: deadline)
        if let deadline { arm(deadline, context: context) }
        let task: Task<Void, Never>
        switch execution {
        case .concurrent: task = Task(operation: body)
        // On this loop: a handler that does not block answers with no thread hop.
        case .eventLoop: task = Task(executorPreference: executor, operation: body)
        // Runs right here until it first suspends.
        case .immediate: task = Task.immediate(operation: body)
        }
        inFlight[callID]?.task = task
    }

    /// Writes the answers that arrived through the response queue, then flushes them at once.
    func finish(_ answers: [(callID: UInt64, frame: ByteBuffer)]) {
        for answer in answers { finish(answer.callID, frame: answer.frame, flush: false) }
        if !draining || !inFlight.isEmpty { context?.flush() }
    }

    /// Writes one answer, unless the deadline answered the call first (then the late result is dropped).
    func finish(_ callID: UInt64, frame: ByteBuffer, flush: Bool) {
        guard inFlight.removeValue(forKey: callID) != nil else { return }
        if !flush {
            writeWithoutFlush(frame)
        } else if reading {
            // Answered while a batch of requests is being read: flushed with the others at its end.
            if !writeWithoutFlush(frame) { flushAtReadComplete = true }
        } else if inFlight.isEmpty && !draining {
            // Nothing else is running on this connection to share a flush with: send it now.
            context?.writeAndFlush(wrapOutboundOut(frame), promise: nil)
        } else {
            write(frame)
        }
    }

    // MARK: Deadlines

    private func arm(_ deadline: NIODeadline, context: ChannelHandlerContext) {
        guard !deadlines.covers(deadline) else { return }
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(deadline, on: context.eventLoop) { handler.value.sweep() }
    }

    /// Answers DEADLINE_EXCEEDED for every call whose deadline has passed (and cancels its task), then re-arms.
    private func sweep() {
        deadlines.disarm()
        let (expired, next) = DeadlineSweep.due(inFlight.lazy.map { (callID: $0.key, deadline: $0.value.deadline) })
        for callID in expired { expire(callID) }
        if let next, let context { arm(next, context: context) }
    }

    private func expire(_ callID: UInt64) {
        guard let call = inFlight.removeValue(forKey: callID) else { return }
        call.task?.cancel()
        answer(callID, RPCError(.deadlineExceeded, "the call did not finish within its deadline"))
    }

    // MARK: Writing

    private func answer(_ callID: UInt64, _ error: RPCError) {
        guard let context else { return }
        var frame = context.channel.allocator.buffer(capacity: 128 + error.message.utf8.count)
        EnvelopeCodec.writeFrame(Self.envelope(callID, error), into: &frame)
        write(frame)
    }

    private func write(_ frame: ByteBuffer) {
        guard let context else { return }
        if writeWithoutFlush(frame) { return }
        if reading {
            flushAtReadComplete = true
            return
        }
        // One flush for all the answers that finish in the same turn of the event loop.
        guard !flushScheduled else { return }
        flushScheduled = true
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            handler.value.flushScheduled = false
            handler.value.context?.flush()
        }
    }

    /// Writes without flushing; returns true when it was the last answer of a draining connection, which is then
    /// flushed and closed.
    @discardableResult
    private func writeWithoutFlush(_ frame: ByteBuffer) -> Bool {
        guard let context else { return true }
        if draining && inFlight.isEmpty {
            // The last answer of a draining connection: close once it is on the wire.
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in channel.close(promise: nil) }
            return true
        }
        context.write(wrapOutboundOut(frame), promise: nil)
        return false
    }

    private func closeWithError(_ error: RPCError) {
        guard let context else { return }
        var frame = context.channel.allocator.buffer(capacity: 128 + error.message.utf8.count)
        EnvelopeCodec.writeFrame(Self.envelope(0, error), into: &frame)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Runs the handler with the call's deadline and trace id in scope for the calls it makes, and frames its answer.
    private static func serve(_ route: RPCRouter.Route, payload: ByteBuffer, context: ServerContext, callID: UInt64,
                              allocator: ByteBufferAllocator) async -> ByteBuffer {
        let result = await CallPropagation.$deadline.withValue(context.deadline) {
            await CallPropagation.$traceID.withValue(context.traceID) {
                await route.respond(payload, context)
            }
        }
        return frame(callID, result, allocator: allocator)
    }

    private static func frame(_ callID: UInt64, _ result: Result<ByteBuffer, RPCError>,
                              allocator: ByteBufferAllocator) -> ByteBuffer {
        let envelope: ResponseEnvelope
        switch result {
        case .success(let body): envelope = ResponseEnvelope(callID: callID, status: RPCStatus.ok.rawValue, payload: body)
        case .failure(let error): envelope = Self.envelope(callID, error)
        }
        var frame = allocator.buffer(capacity: 64 + envelope.payload.readableBytes + envelope.message.utf8.count)
        EnvelopeCodec.writeFrame(envelope, into: &frame)
        return frame
    }

    private static func envelope(_ callID: UInt64, _ error: RPCError) -> ResponseEnvelope {
        ResponseEnvelope(callID: callID, status: error.status.rawValue, message: error.message,
                         violations: error.violations)
    }
}
