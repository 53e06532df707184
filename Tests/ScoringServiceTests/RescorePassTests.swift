import Foundation
@testable import ScoringService
import ServiceRuntime
import Synchronization
import Testing

/// How a full rescore hands the runs its scan reads to the workers that score them (`RunQueue`), and where a pass
/// whose runs committed out of order may be resumed (`ChunkFrontier`, `RunLedger`).
struct RescorePassTests {
    /// How many runs the scan has put so far.
    private final class Puts: Sendable {
        let count = Atomic(0)
        var now: Int { count.load(ordering: .sequentiallyConsistent) }
    }

    /// Puts `count` runs from a thread of its own, as the scan does from its database thread, then ends the queue.
    private static func produce(_ count: Int, into queue: RunQueue<Int>, puts: Puts = Puts(),
                                failing error: (any Error)? = nil) {
        let thread = Thread {
            for item in 0..<count {
                guard queue.put(item) else { break }
                puts.count.add(1, ordering: .sequentiallyConsistent)
            }
            queue.finish(throwing: error)
        }
        thread.start()
    }

    @Test func everyRunIsTakenByExactlyOneWorkerInTheOrderRead() async throws {
        let queue = RunQueue<Int>(capacity: 2)
        Self.produce(500, into: queue)
        let taken = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<3 {
                group.addTask {
                    var mine: [Int] = []
                    while let item = try await queue.next() { mine.append(item) }
                    return mine
                }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(taken.flatMap { $0 }.sorted() == Array(0..<500))
        #expect(taken.allSatisfy { $0 == $0.sorted() }, "each worker takes runs in the order read")
    }

    @Test func theScanWaitsForRoomInsteadOfReadingTheBookAhead() async throws {
        let queue = RunQueue<Int>(capacity: 2)
        let puts = Puts()
        Self.produce(10, into: queue, puts: puts)
        try await Task.sleep(for: .milliseconds(200))
        #expect(puts.now == 2, "two runs wait for a worker; the third is not read yet")
        var taken: [Int] = []
        while let item = try await queue.next() { taken.append(item) }
        #expect(taken == Array(0..<10) && puts.now == 10)
    }

    @Test func workersThatStopRefuseTheScanItsNextRun() async throws {
        let queue = RunQueue<Int>(capacity: 1)
        let puts = Puts()
        Self.produce(1_000, into: queue, puts: puts)
        #expect(try await queue.next() == 0)
        queue.stop()
        // The scan ends (finish) once refused; the queue then answers nil after what it held.
        while try await queue.next() != nil {}
        #expect(puts.now < 5, "the scan stopped reading")
    }

    @Test func aFailedScanReachesTheWorkersAfterTheRunsReadBeforeIt() async throws {
        struct Broken: Error {}
        let queue = RunQueue<Int>(capacity: 4)
        Self.produce(3, into: queue, failing: Broken())
        #expect(try await queue.next() == 0)
        #expect(try await queue.next() == 1)
        #expect(try await queue.next() == 2)
        await #expect(throws: Broken.self) { _ = try await queue.next() }
    }

    @Test func theLedgerResumesAfterTheCommittedRunsFromTheStart() {
        let ledger = RunLedger(after: "C100", done: 40)
        ledger.read(0, customers: 5, through: "C105")
        ledger.read(1, customers: 5, through: "C110")
        ledger.read(2, customers: 0, through: "C110")
        #expect(ledger.reach(ifCommitting: 1) == (40, "C100"), "run 0 is still in flight: resume where the pass began")
        ledger.commit(1)
        #expect(ledger.reach(ifCommitting: 0) == (50, "C110"), "runs 0 and 1 then hold the first 50 customers")
        ledger.commit(0)
        #expect(ledger.reach(ifCommitting: 2) == (50, "C110"))
    }

    @Test func theFrontierIsTheCommittedRunFromTheStart() {
        var frontier = ChunkFrontier()
        #expect(frontier.prefix(ifCommitting: 1) == 0, "chunk 0 is still in flight")
        frontier.commit(1)
        frontier.commit(2)
        #expect(frontier.prefix == 0)
        #expect(frontier.prefix(ifCommitting: 0) == 3, "chunk 0 joins 1 and 2")
        #expect(frontier.prefix == 0, "nothing moves until the chunk commits")
        frontier.commit(0)
        #expect(frontier.prefix == 3)
        frontier.commit(4)
        #expect(frontier.prefix == 3 && frontier.prefix(ifCommitting: 3) == 5)
    }
}

/// `CLM_SCORING_RESCORE_WORKERS`: how many chunks a full rescore has in flight.
struct RescoreWorkersSettingTests {
    @Test func theSettingIsReadAndBoundsAreEnforced() throws {
        #expect(try ScoringSettings(environment: [:]).rescoreWorkers == 2)
        #expect(try ScoringSettings(environment: ["CLM_SCORING_RESCORE_WORKERS": " 4 "]).rescoreWorkers == 4)
        for bad in ["0", "17", "two"] {
            #expect {
                _ = try ScoringSettings(environment: ["CLM_SCORING_RESCORE_WORKERS": bad])
            } throws: { error in
                "\(error)" == "setting CLM_SCORING_RESCORE_WORKERS: '\(bad)' is not a count from 1 to 16"
            }
        }
    }
}

extension RescoreWorkersSettingTests {
    @Test func theDefaultFitsASmallPoolAndAGivenNumberMustLeaveAConnection() throws {
        // The reader takes a connection, the workers theirs, and one is left for the rescorer and the calls.
        #expect(try ScoringSettings(environment: [:]).inPool(of: 4).rescoreWorkers == 2)
        #expect(try ScoringSettings(environment: [:]).inPool(of: 3).rescoreWorkers == 1)
        #expect(try ScoringSettings(environment: [:]).inPool(of: 2).rescoreWorkers == 1, "the rest wait meanwhile")
        #expect(throws: ConfigurationError.self, "no room to read and write at once") {
            try ScoringSettings(environment: [:]).inPool(of: 1)
        }
        let three = try ScoringSettings(environment: ["CLM_SCORING_RESCORE_WORKERS": "3"])
        #expect(try three.inPool(of: 5).rescoreWorkers == 3)
        #expect(throws: ConfigurationError.self) { try three.inPool(of: 4) }
    }
}
