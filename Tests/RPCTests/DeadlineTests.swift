import CLMTesting
import Models
import NIOCore
import RPC
import ServiceAPI
import Testing
import WireCodec

/// Deadlines end calls on time, and travel with the calls a handler makes.
@Suite struct DeadlineTests {
    @Test func aHandlerSlowerThanItsDeadlineIsDeadlineExceededAtTheDeadlineAndIsCancelled() async throws {
        let observed = Shared(Observed())
        try await withServer(testRouter(observed: observed)) { server in
            let raw = try await RawConnection.connect(to: server.path)
            let started = ContinuousClock.now
            // Raw, so that the answer is the server's and not the client's own timer.
            try await raw.send(.test(1, TestAPI.echo, ListEventsRequest(after: 1, waitMillis: 3_000),
                                     timeoutMicros: 200_000))
            let answer = try #require(await raw.nextResponse())
            let waited = ContinuousClock.now - started
            #expect(answer.callID == 1)
            #expect(answer.status == RPCStatus.deadlineExceeded.rawValue)
            #expect(waited >= .milliseconds(190) && waited < .milliseconds(1_500))
            #expect(await eventually { observed.current.cancelled == 1 })
            await raw.close()
        }
    }

    @Test func theClientGivesUpAtItsDeadlineToo() async throws {
        try await withServer(testRouter()) { server in
            try await withClient(.socket(server.path)) { client in
                let started = ContinuousClock.now
                let error = await #expect(throws: RPCError.self) {
                    try await client.call(TestAPI.echo, ListEventsRequest(after: 1, waitMillis: 3_000),
                                          timeout: .milliseconds(150))
                }
                #expect(error?.status == .deadlineExceeded)
                #expect(ContinuousClock.now - started < .milliseconds(1_500))
            }
        }
    }

    @Test func aHandlersCallsCarryItsDeadlineAndTraceToTheNextService() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let seenByB = Shared(Observed())
        let b = try await RunningServer.start(at: folder.socket("b"), router: testRouter(observed: seenByB))
        let clientOfB = RPCClient(.socket(b.path))
        let seenByA = Shared<ServerContext?>(nil)
        var routerA = RPCRouter()
        routerA.register(TestAPI.echo, roles: []) { request, context in
            seenByA.update { $0 = context }
            // No timeout of its own beyond the default 30 s: A's deadline must cap it.
            return try await clientOfB.call(TestAPI.echo, request)
        }
        let a = try await RunningServer.start(at: folder.socket("a"), router: routerA)
        do {
            try await withClient(.socket(a.path)) { client in
                let answer = try await client.call(TestAPI.echo, ListEventsRequest(after: 3), timeout: .seconds(2),
                                                   traceID: "trace-hop")
                #expect(answer.headPosition == 3)
            }
            let deadlineA = try #require(seenByA.current?.deadline)
            let contextB = try #require(seenByB.current.lastContext)
            let deadlineB = try #require(contextB.deadline)
            // Deadlines travel as time remaining, so B's is later than A's by the time the request spent in
            // transit (microseconds); it must never be B's own 30 s default.
            #expect(deadlineB <= deadlineA + .milliseconds(50))
            #expect(deadlineB < .now() + .seconds(2))
            #expect(contextB.traceID == "trace-hop")
            #expect(seenByA.current?.traceID == "trace-hop")
        } catch {
            await clientOfB.close()
            await a.stopQuietly()
            await b.stopQuietly()
            throw error
        }
        await clientOfB.close()
        try await a.stop()
        try await b.stop()
    }
}
