import NIOCore
import WireCodec

/// Matches answers to the calls waiting for them on one client connection; confined to the event loop.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        let continuation: CheckedContinuation<ResponseEnvelope, any Error>
        let timer: Scheduled<Void>?
    }

    private var pending: [UInt64: Pending] = [:]
    private var context: ChannelHandlerContext?
    private var flushScheduled = false
    private var closedError: RPCError?
    private let peer: String

    init(peer: String) { self.peer = peer }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    /// Sends one framed request and resumes `continuation` with its answer.
    func send(_ callID: UInt64, frame: ByteBuffer, deadline: NIODeadline?,
              continuation: CheckedContinuation<ResponseEnvelope, any Error>) {
        guard let context, closedError == nil else {
            continuation.resume(throwing: closedError ?? RPCError(.unavailable, "connection to \(peer) is closed"))
            return
        }
        let peer = peer
        let timer = deadline.map { deadline in
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            return context.eventLoop.scheduleTask(deadline: deadline) {
                handler.value.fail(callID, RPCError(.deadlineExceeded, "no answer from \(peer) within the deadline"))
            }
        }
        pending[callID] = Pending(continuation: continuation, timer: timer)
        context.write(wrapOutboundOut(frame), promise: nil)
        // One flush for every request written in the same turn of the event loop.
        guard !flushScheduled else { return }
        flushScheduled = true
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            handler.value.flushScheduled = false
            handler.value.context?.flush()
        }
    }

    /// Ends one call with `error` (deadline, cancellation) if it is still waiting.
    func fail(_ callID: UInt64, _ error: RPCError) {
        guard let call = pending.removeValue(forKey: callID) else { return }
        call.timer?.cancel()
        call.continuation.resume(throwing: error)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let response: ResponseEnvelope
        do {
            response = try EnvelopeCodec.decodeResponse(unwrapInboundIn(data))
        } catch {
            failAll(RPCError(.internalError, "\(peer) sent a frame that is not a response envelope"))
            context.close(promise: nil)
            return
        }
        if response.callID == 0 {
            // The server could not tie its answer to a call: it speaks of the connection as a whole.
            failAll(RPCError(RPCStatus(rawValue: response.status) ?? .unknown, response.message))
            return
        }
        guard let call = pending.removeValue(forKey: response.callID) else { return }
        call.timer?.cancel()
        call.continuation.resume(returning: response)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RPCError(.unavailable, "connection to \(peer) closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(RPCError(.unavailable, "connection to \(peer) failed: \(error)"))
        context.close(promise: nil)
    }

    private func failAll(_ error: RPCError) {
        closedError = closedError ?? error
        let calls = pending
        pending.removeAll()
        for call in calls.values {
            call.timer?.cancel()
            call.continuation.resume(throwing: error)
        }
    }
}
