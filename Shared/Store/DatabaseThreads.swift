import NIOPosix
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Dedicated threads for blocking libpq calls, so they never occupy an event loop or the Swift
/// cooperative pool.
final class DatabaseThreads: Sendable {
    private let threadPool: NIOThreadPool

    /// Starts `count` threads.
    init(count: Int) {
        threadPool = NIOThreadPool(numberOfThreads: count)
        threadPool.start()
    }

    /// Runs `work` on one of the threads and returns its result.
    ///
    /// `work` need not escape: it is only referenced until the thread has run it, which is checked
    /// before the caller resumes. If the task is cancelled before a thread picks the work up, the work
    /// is skipped and `CancellationError` is thrown; once started, it runs to the end.
    /// - Throws: Whatever `work` throws, `CancellationError`, or ``StoreError/Code/poolClosed`` after
    ///   ``shutdown()``.
    func run<T: Sendable>(_ work: @Sendable () throws -> T) async throws -> T {
        try await withoutActuallyEscaping(work) { work in
            let slot = WorkSlot(work)
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                    threadPool.submit { state in
                        // The slot drops its reference to `work` before the caller resumes, which is what
                        // makes withoutActuallyEscaping safe here.
                        continuation.resume(with: slot.run(active: state == .active))
                    }
                }
            } onCancel: {
                slot.cancel()
            }
        }
    }

    /// Waits for running work to finish, then stops the threads; work still queued is not run.
    func shutdown() async {
        try? await threadPool.shutdownGracefully()
    }
}

/// Holds one piece of work until a thread takes it, and whether the caller gave up waiting.
private final class WorkSlot<T: Sendable>: Sendable {
    private struct Content {
        var work: (@Sendable () throws -> T)?
        var cancelled = false
    }

    private let content: Mutex<Content>

    init(_ work: @escaping @Sendable () throws -> T) {
        content = Mutex(Content(work: work))
    }

    /// Marks the work as no longer wanted if it has not started.
    func cancel() {
        content.withLock { $0.cancelled = true }
    }

    /// Takes the work out of the slot and runs it unless cancelled; the reference ends with this call.
    func run(active: Bool) -> Result<T, any Error> {
        let (work, cancelled) = content.withLock { content in
            defer { content.work = nil }
            return (content.work, content.cancelled)
        }
        guard active else {
            return .failure(StoreError(.poolClosed, message: "the database threads were stopped before the work ran"))
        }
        guard let work, !cancelled else { return .failure(CancellationError()) }
        return Result { try work() }
    }
}

/// Blocks the current (database) thread for `milliseconds`; never called from async code.
func usleepMilliseconds(_ milliseconds: Int) {
    _ = usleep(useconds_t(milliseconds * 1_000))
}
