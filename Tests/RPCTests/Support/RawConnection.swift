import NIOCore
import NIOPosix
import RPC
import WireCodec

/// A client that writes bytes rather than calls: for frames a well-behaved client never sends.
///
/// It reads the server's answers as response envelopes and notices when the server closes the connection.
/// Used from one test task only.
final class RawConnection {
    /// What the server did next.
    enum Outcome: Equatable {
        case response(ResponseEnvelope)
        case closed
        /// Nothing within the time allowed.
        case silent
    }

    private enum Event: Sendable {
        case response(ResponseEnvelope)
        case closed
        case timedOut(Int)
    }

    private let channel: any Channel
    private let continuation: AsyncStream<Event>.Continuation
    private var events: AsyncStream<Event>.AsyncIterator
    private var waits = 0
    private var isClosed = false

    private init(channel: any Channel, stream: AsyncStream<Event>, continuation: AsyncStream<Event>.Continuation) {
        self.channel = channel
        self.events = stream.makeAsyncIterator()
        self.continuation = continuation
    }

    /// Connects to the server at `path`.
    static func connect(to path: String) async throws -> RawConnection {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(FrameDecoder(maxFrameSize: 1 << 24)))
                    try channel.pipeline.syncOperations.addHandler(Collector(continuation: continuation))
                }
            }
            .connect(unixDomainSocketPath: path).get()
        return RawConnection(channel: channel, stream: stream, continuation: continuation)
    }

    /// Writes `bytes` as they are.
    func send(bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }

    /// Writes one framed request envelope.
    func send(_ request: RequestEnvelope) async throws {
        var frame = channel.allocator.buffer(capacity: 256)
        EnvelopeCodec.writeFrame(request, into: &frame)
        try await channel.writeAndFlush(frame)
    }

    /// Shuts down the writing half: the server reads end of file.
    func finishWriting() async throws {
        try await channel.close(mode: .output)
    }

    /// The next thing the server does, waiting at most `seconds`.
    func next(within seconds: Double = 5) async -> Outcome {
        guard !isClosed else { return .closed }
        waits += 1
        let token = waits
        let continuation = continuation
        let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            continuation.yield(.timedOut(token))
        }
        defer { timer.cancel() }
        while let event = await events.next() {
            switch event {
            case .response(let response): return .response(response)
            case .closed:
                isClosed = true
                return .closed
            case .timedOut(let expired) where expired == token: return .silent
            case .timedOut: continue  // a timer of an earlier wait
            }
        }
        isClosed = true
        return .closed
    }

    /// The next response envelope; nil if the server closed the connection or said nothing in time.
    func nextResponse(within seconds: Double = 5) async -> ResponseEnvelope? {
        if case .response(let response) = await next(within: seconds) { return response }
        return nil
    }

    func close() async {
        try? await channel.close()
    }

    /// Turns the frames the server writes into events.
    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let continuation: AsyncStream<Event>.Continuation

        init(continuation: AsyncStream<Event>.Continuation) { self.continuation = continuation }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard let response = try? EnvelopeCodec.decodeResponse(unwrapInboundIn(data)) else {
                context.close(promise: nil)
                return
            }
            continuation.yield(.response(response))
        }

        func channelInactive(context: ChannelHandlerContext) {
            continuation.yield(.closed)
            continuation.finish()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}

extension RequestEnvelope {
    /// A request for a test method with an encoded payload.
    static func test<Request, Response>(_ callID: UInt64, _ method: RPCMethod<Request, Response>, _ request: Request,
                                        timeoutMicros: Int64? = nil) throws -> RequestEnvelope {
        RequestEnvelope(callID: callID, method: method.path, timeoutMicros: timeoutMicros, traceID: "raw",
                        payload: try WireCodec.encode(request))
    }
}
