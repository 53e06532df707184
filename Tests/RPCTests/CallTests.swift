import CLMTesting
import Models
import NIOCore
import RPC
import ServiceAPI
import Testing
import WireCodec

/// Calls that go right, and calls the server turns down while keeping the connection.
@Suite struct CallTests {
    @Test func aCallIsAnsweredWithTheHandlersResponse() async throws {
        let observed = Shared(Observed())
        try await withServer(testRouter(observed: observed)) { server in
            try await withClient(.socket(server.path)) { client in
            let answer = try await client.call(TestAPI.echo, ListEventsRequest(after: 42), traceID: "trace-1")
            #expect(answer.headPosition == 42)
            #expect(observed.current.count("Echo") == 1)
            #expect(observed.current.lastContext?.traceID == "trace-1")
            #expect(observed.current.lastContext?.method == TestAPI.echo.path)
            }
        }
    }

    @Test func manyCallsOnOneConnectionAreAnsweredOutOfOrderAndMatchedToTheirCalls() async throws {
        let count = 8
        try await withServer(testRouter()) { server in
            try await withConnection(to: server) { connection in
                let finished = Shared<[Int64]>([])
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<count {
                        // Earlier calls sleep longer, so the answers come back in reverse.
                        let request = ListEventsRequest(after: Int64(index), waitMillis: Int32((count - index) * 40))
                        group.addTask {
                            let body = try await connection.call(
                                TestAPI.echo.path, payload: try WireCodec.encode(request),
                                deadline: .now() + .seconds(10), traceID: "t")
                            let answer = try WireCodec.decode(ListEventsResponse.self, from: body)
                            #expect(answer.headPosition == Int64(index))
                            finished.update { $0.append(answer.headPosition) }
                        }
                        // Send in order, so that the order of the answers is the handlers' doing.
                        try await Task.sleep(for: .milliseconds(2))
                    }
                    try await group.waitForAll()
                }
                #expect(finished.current == (0..<Int64(count)).reversed())
            }
        }
    }

    @Test func anUnknownMethodIsUnimplementedNamingItAndTheConnectionCarriesOn() async throws {
        try await withServer(testRouter()) { server in
            try await withConnection(to: server) { connection in
                let missing = "/clm.test.v1.Test/NoSuchMethod"
                let error = await #expect(throws: RPCError.self) {
                    try await connection.call(missing, payload: ByteBuffer(), deadline: nil, traceID: "t")
                }
                #expect(error?.status == .unimplemented)
                #expect(error.mentions(missing))
                let echoed = try await echo(7, on: connection)
                #expect(echoed == 7)
            }
        }
    }

    @Test func aPayloadThatDoesNotDecodeIsInvalidArgumentAndTheConnectionCarriesOn() async throws {
        let observed = Shared(Observed())
        try await withServer(testRouter(observed: observed)) { server in
            try await withConnection(to: server) { connection in
                let garbage = ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x12])
                let error = await #expect(throws: RPCError.self) {
                    try await connection.call(TestAPI.echo.path, payload: garbage, deadline: nil, traceID: "t")
                }
                #expect(error?.status == .invalidArgument)
                #expect(error.mentions("clm.common.v1.ListEventsRequest"))
                #expect(observed.current.count("Echo") == 0)
                let echoed = try await echo(8, on: connection)
                #expect(echoed == 8)
            }
        }
    }

    @Test func aDeclaredButUnbuiltMethodIsUnimplementedAndListedAsNotImplemented() async throws {
        let check = try #require(WireSchema.service(named: CommonAPI.healthService)?.methods.first {
            $0.name == "Check"
        })
        var router = testRouter()
        router.declareUnimplemented(check, roles: [], reason: "coming in release 2")
        let served = router
        router.register(CommonAPI.listMethods, roles: []) { _, _ in
            ListMethodsResponse(service: "test", methods: served.methods)
        }
        try await withServer(router) { server in
            try await withClient(.socket(server.path)) { client in
            let error = await #expect(throws: RPCError.self) {
                try await client.call(CommonAPI.check, HealthCheckRequest())
            }
            #expect(error?.status == .unimplemented)
            #expect(error.mentions("coming in release 2"))

            let listed = try await client.call(CommonAPI.listMethods, ListMethodsRequest()).methods
            let byName = Dictionary(uniqueKeysWithValues: listed.map { ($0.name, $0) })
            #expect(byName[CommonAPI.check.path]?.implemented == false)
            #expect(byName[CommonAPI.check.path]?.requestType == "clm.rpc.v1.HealthCheckRequest")
            #expect(byName[TestAPI.echo.path]?.implemented == true)
            #expect(byName[TestAPI.guarded.path]?.roles == ["operator"])
            }
        }
    }
}

/// Calls Echo on `connection` and returns what it echoed.
func echo(_ value: Int64, on connection: RPCConnection, waitMillis: Int32 = 0) async throws -> Int64 {
    let request = ListEventsRequest(after: value, waitMillis: waitMillis)
    let body = try await connection.call(TestAPI.echo.path, payload: try WireCodec.encode(request),
                                         deadline: .now() + .seconds(5), traceID: "t")
    return try WireCodec.decode(ListEventsResponse.self, from: body).headPosition
}
