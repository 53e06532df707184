import NIOCore
import WireCodec

/// Matches answers to the calls waiting for them on one client connection; confined to the event loop.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        let continuation: UnsafeContinuation<ResponseEnvelope, any Error>
        let deadline: NIODeadline?
    }

    private var pending: [UInt64: Pending] = [:]
    private var context: ChannelHandlerContext?
    private var closedError: RPCError?
    private var deadlines = DeadlineSweep()
    private let peer: String

    init(peer: String) { self.peer = peer }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    /// Sends the framed requests queued since the last turn and flushes once: one `writev` for all of them.
    ///
    /// Each continuation is resumed exactly once: here when the connection is closed (it was never registered),
    /// or later by whichever of the answer, `fail` or `failAll` removes it from `pending` first.
    func send(_ calls: [OutgoingCall]) {
        guard let context, closedError == nil else {
            let error = closedError ?? RPCError(.unavailable, "connection to \(peer) is closed")
            for call in calls { call.continuation.resume(throwing: error) }
            return
        }
        for call in calls {
            pending[call.callID] = Pending(continuation: call.continuation, deadline: call.deadline)
            if let deadline = call.deadline { arm(deadline, context: context) }
            context.write(wrapOutboundOut(call.frame), promise: nil)
        }
        context.flush()
    }

    /// Ends one call with `error` (deadline, cancellation) if it is still waiting.
    func fail(_ callID: UInt64, _ error: RPCError) {
        guard let call = pending.removeValue(forKey: callID) else { return }
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
        deadlines.disarm()
        let calls = pending
        pending.removeAll()
        for call in calls.values { call.continuation.resume(throwing: error) }
    }

    // MARK: Deadlines

    /// Makes sure the sweep runs by `deadline`: one timer per connection, not one per call.
    private func arm(_ deadline: NIODeadline, context: ChannelHandlerContext) {
        guard !deadlines.covers(deadline) else { return }
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(deadline, on: context.eventLoop) { handler.value.sweep() }
    }

    /// Fails every call whose deadline has passed, then re-arms for the earliest one left.
    private func sweep() {
        deadlines.disarm()
        let (expired, next) = DeadlineSweep.due(pending.lazy.map { (callID: $0.key, deadline: $0.value.deadline) })
        for callID in expired {
            fail(callID, RPCError(.deadlineExceeded, "no answer from \(peer) within the deadline"))
        }
        if let next, let context { arm(next, context: context) }
    }
}

/// One request on its way from a caller's task to the event loop.
struct OutgoingCall: Sendable {
    let callID: UInt64
    let frame: ByteBuffer
    let deadline: NIODeadline?
    let continuation: UnsafeContinuation<ResponseEnvelope, any Error>
}
