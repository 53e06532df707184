import NIOCore
import Synchronization

/// Carries the answers of one connection's handlers to its event loop.
///
/// A handler that finishes on the event loop writes its answer at once. One that finishes elsewhere (the global
/// concurrent executor) queues it; the first answer queued since the last drain schedules the drain, which writes
/// all the queued answers and flushes once. A lone answer is thus flushed in the turn that writes it, and many
/// answers finishing together share one `execute`, one lock round trip and one `writev`.
final class ResponseQueue: Sendable {
    private struct State {
        var answers: [(callID: UInt64, frame: ByteBuffer)] = []
        var drainScheduled = false
    }

    private let handler: NIOLoopBound<ServerConnectionHandler>
    private let loop: any EventLoop
    private let state = Mutex(State())

    init(handler: NIOLoopBound<ServerConnectionHandler>, loop: any EventLoop) {
        self.handler = handler
        self.loop = loop
    }

    /// Hands the framed answer of call `callID` to the connection.
    func deliver(_ callID: UInt64, frame: ByteBuffer) {
        if loop.inEventLoop {
            handler.value.finish(callID, frame: frame, flush: true)
            return
        }
        let scheduleDrain = state.withLock { state in
            state.answers.append((callID, frame))
            defer { state.drainScheduled = true }
            return !state.drainScheduled
        }
        guard scheduleDrain else { return }
        loop.execute { [self] in
            let answers = state.withLock { state in
                state.drainScheduled = false
                var taken: [(callID: UInt64, frame: ByteBuffer)] = []
                swap(&taken, &state.answers)
                return taken
            }
            handler.value.finish(answers)
        }
    }
}
