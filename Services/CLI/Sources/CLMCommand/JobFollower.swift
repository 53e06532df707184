import Foundation
import Models
import RecordImport

/// Follows a service's job (`Job`) to its end: asks for its status every half second and draws its progress on
/// standard error as `clm import` draws bulk resolution (`StderrProgress`: a bar redrawn in place on a terminal,
/// else a line every five seconds).
struct JobFollower {
    /// Names the job on the progress line: `rescore [#####-----]  45%  450 / 1,000  RUNNING`.
    let label: String
    /// Stop following a job that shows no change (state, items done, items failed) for this long.
    let stallLimit: Duration
    var interval: Duration = .milliseconds(500)

    /// Polls until `job` is neither queued nor running; returns it as it ended.
    /// - Parameters:
    ///   - status: the job's current state, by id.
    /// - Throws: ``CommandFailure`` when the job stalls (saying it may still finish); what `status` throws.
    func follow(_ job: Job, status: (String) async throws -> Job) async throws -> Job {
        let progress = StderrProgress(label: label)
        let clock = ContinuousClock()
        var job = job
        var tick = 0
        var lastChange = clock.now
        var lastSeen = (job.state, job.itemsDone, job.itemsFailed)
        while [.queued, .running, .unspecified].contains(job.state) {
            if (job.state, job.itemsDone, job.itemsFailed) != lastSeen {
                lastSeen = (job.state, job.itemsDone, job.itemsFailed)
                lastChange = clock.now
            } else if clock.now - lastChange >= stallLimit {
                progress.draw(line(job), final: true)
                throw CommandFailure("\(label) job \(job.jobId) has shown no progress for \(stallLimit); stopped "
                    + "following it. It may still finish in the service.")
            }
            progress.draw(line(job, tick: tick), final: false)
            tick += 1
            try await Task.sleep(for: interval)
            job = try await status(job.jobId)
        }
        progress.draw(line(job), final: true)
        return job
    }

    private func line(_ job: Job, tick: Int = 0) -> String {
        ProgressText.jobLine(label: label, done: job.itemsDone, total: job.itemsTotal, failed: job.itemsFailed,
                             state: Self.stateName(job.state), tick: tick)
    }

    /// `RUNNING` for JOB_STATE_RUNNING.
    static func stateName(_ state: JobState) -> String { String(state.rawValue.dropFirst("JOB_STATE_".count)) }
}
