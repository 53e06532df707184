@testable import ScoringService
import ServiceRuntime
import Synchronization
import Testing

/// How a whole-book pass splits the book and keeps several chunks in flight (`BookChunks`), and where a pass whose
/// chunks committed out of order may be resumed (`ChunkFrontier`).
struct BookChunksTests {
    @Test func chunksAreConsecutiveRunsThatCoverTheBookOnce() {
        let codes = (1...23).map { "C\($0 < 10 ? "0" : "")\($0)" }
        let chunks = BookChunks(codes: codes, size: 5, workers: 3)
        #expect(chunks.chunks.map(\.count) == [5, 5, 5, 5, 3])
        #expect(chunks.chunks.flatMap { $0 } == codes)
        #expect(chunks.customers(before: 2) == 10 && chunks.customers(before: 5) == 23)
        #expect(BookChunks(codes: codes, size: 100, workers: 4).workers == 1, "no more workers than chunks")
    }

    @Test func everyChunkIsTakenByExactlyOneWorker() async throws {
        let codes = (0..<1_000).map { "C" + String(10_000 + $0) }
        let taken = Mutex<[Int]>([])
        let partials = try await BookChunks(codes: codes, size: 7, workers: 3).run(start: { 0 }) { count, index, chunk in
            taken.withLock { $0.append(index) }
            count += chunk.count
            try await Task.sleep(for: .microseconds(index % 3 * 100))
        }
        #expect(partials.count == 3)
        #expect(partials.reduce(0, +) == 1_000, "each customer counted once, whichever worker took the chunk")
        #expect(taken.withLock { $0.sorted() } == Array(0..<143))
    }

    @Test func theFirstErrorStopsThePass() async {
        struct Broken: Error {}
        let taken = Mutex(0)
        await #expect(throws: Broken.self) {
            _ = try await BookChunks(codes: (0..<100).map { "C\($0)" }, size: 1, workers: 2).run(start: { 0 }) { _, index, _ in
                taken.withLock { $0 += 1 }
                if index == 3 { throw Broken() }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        #expect(taken.withLock { $0 } < 10, "no chunk is started long after the failure")
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
        #expect(try ScoringSettings(environment: [:]).inPool(of: 4).rescoreWorkers == 2)
        #expect(try ScoringSettings(environment: [:]).inPool(of: 2).rescoreWorkers == 1)
        #expect(try ScoringSettings(environment: [:]).inPool(of: 1).rescoreWorkers == 1, "one chunk at a time, as before")
        let three = try ScoringSettings(environment: ["CLM_SCORING_RESCORE_WORKERS": "3"])
        #expect(try three.inPool(of: 4).rescoreWorkers == 3)
        #expect(throws: ConfigurationError.self) { try three.inPool(of: 3) }
    }
}
