import CLMTesting
import Foundation
import Models
import NIOCore
import RPC
import Testing
import WireCodec

/// The client finds replicas in a folder, spreads calls over them, reconnects, and retries only when it is safe.
@Suite struct ClientTests {
    /// Two replicas, `a` and `b`, in one folder; `a` shuts down while a slow call keeps its connection open, so
    /// that `a` answers new calls UNAVAILABLE ("shutting down") after they were sent.
    private func withReplicaAShuttingDown(
        _ body: (RPCClient, _ seenByA: Shared<Observed>, _ seenByB: Shared<Observed>) async throws -> Void
    ) async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let seenByA = Shared(Observed())
        let seenByB = Shared(Observed())
        let a = try await RunningServer.start(at: folder.socket("a"), router: testRouter(replica: "a", observed: seenByA))
        let b = try await RunningServer.start(at: folder.socket("b"), router: testRouter(replica: "b", observed: seenByB))
        do {
            try await withClient(.folder(folder.path)) { client in
                // Calls take the replicas in turn, sorted: a, b, then a slow call to a.
                #expect(try await client.call(TestAPI.whoami, HealthCheckRequest()).replica == "a")
                #expect(try await client.call(TestAPI.whoami, HealthCheckRequest()).replica == "b")
                let slow = Task { try await client.call(TestAPI.echo, ListEventsRequest(after: 1, waitMillis: 500)) }
                #expect(await eventually { seenByA.current.running == 1 })
                await a.triggerShutdown()
                #expect(await eventually { !FileManager.default.fileExists(atPath: a.path) })
                try await Task.sleep(for: .milliseconds(50))  // until a's connections have been told to drain
                try await body(client, seenByA, seenByB)
                #expect(try await slow.value.headPosition == 1)
            }
            try await a.waitUntilStopped()
            try await b.stop()
        } catch {
            await a.stopQuietly()
            await b.stopQuietly()
            throw error
        }
    }

    @Test func anIdempotentCallAnsweredUnavailableIsRetriedOnAnotherReplica() async throws {
        try await withReplicaAShuttingDown { client, seenByA, seenByB in
            let before = seenByB.current.count("Whoami")
            // Whichever of the two goes to a first is answered UNAVAILABLE there, and retried on b.
            for _ in 0..<2 {
                let answer = try await client.call(TestAPI.whoami, HealthCheckRequest())
                #expect(answer.replica == "b")
            }
            #expect(seenByA.current.count("Whoami") == 1)
            #expect(seenByB.current.count("Whoami") == before + 2)
        }
    }

    @Test func aNonIdempotentCallIsNotRetriedOnceSent() async throws {
        try await withReplicaAShuttingDown { client, seenByA, seenByB in
            var failures: [RPCError] = []
            var answeredBy: [String] = []
            for _ in 0..<2 {
                do throws(RPCError) {
                    answeredBy.append(try await client.call(TestAPI.record, HealthCheckRequest()).replica)
                } catch {
                    failures.append(error)
                }
            }
            #expect(answeredBy == ["b"])
            #expect(failures.map(\.status) == [.unavailable])
            #expect(failures.first.mentions("shutting down"))
            #expect(seenByA.current.count("Record") == 0)
            #expect(seenByB.current.count("Record") == 1)
        }
    }

    @Test func theClientReconnectsWhenTheServerRestartsOnTheSamePath() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let path = folder.socket("r1")
        let first = try await RunningServer.start(at: path, router: testRouter(replica: "first"))
        try await withClient(.socket(path)) { client in
            #expect(try await client.call(TestAPI.whoami, HealthCheckRequest()).replica == "first")
            try await first.stop()
            await #expect(throws: RPCError.self) { try await client.call(TestAPI.whoami, HealthCheckRequest()) }
            let second = try await RunningServer.start(at: path, router: testRouter(replica: "second"))
            do {
                #expect(try await client.call(TestAPI.whoami, HealthCheckRequest()).replica == "second")
                // Not idempotent: it works only if the client reconnected before sending.
                #expect(try await client.call(TestAPI.record, HealthCheckRequest()).replica == "second")
            } catch {
                await second.stopQuietly()
                throw error
            }
            try await second.stop()
        }
    }

    @Test func callsAreSpreadOverEveryReplicaInTheFolder() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let a = try await RunningServer.start(at: folder.socket("a"), router: testRouter(replica: "a"))
        let b = try await RunningServer.start(at: folder.socket("b"), router: testRouter(replica: "b"))
        do {
            try await withClient(.folder(folder.path)) { client in
                #expect(client.replicas() == [a.path, b.path])
                var counts: [String: Int] = [:]
                for _ in 0..<10 {
                    counts[try await client.call(TestAPI.whoami, HealthCheckRequest()).replica, default: 0] += 1
                }
                #expect(counts == ["a": 5, "b": 5])
            }
        } catch {
            await a.stopQuietly()
            await b.stopQuietly()
            throw error
        }
        try await a.stop()
        try await b.stop()
    }

    @Test func aFolderWithNoSocketsIsUnavailableSayingSo() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        try await withClient(.folder(folder.path)) { client in
            let started = ContinuousClock.now
            let error = await #expect(throws: RPCError.self) {
                try await client.call(TestAPI.whoami, HealthCheckRequest(), timeout: .seconds(60))
            }
            #expect(error?.status == .unavailable)
            #expect(error.mentions("no replica is listening in \(folder.path)"))
            // It says so at once rather than waiting out the deadline (generous: a loaded machine is slow).
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }
}
