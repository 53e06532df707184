import NIOCore

/// A Swift `TaskExecutor` that runs jobs on one NIO event loop.
///
/// Handler tasks started with it as their preference run on their connection's event loop: the request arrives,
/// the handler runs and the answer is written on one thread, with no hop to the global concurrent executor and
/// back. Only for handlers that never block their thread (they may await anything).
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}
