#if canImport(Glibc)
import CLMTesting
import Glibc
#endif
import Foundation
import Models
import NIOCore
import RPC
import Testing
import WireCodec

/// Graceful shutdown lets calls in flight finish, and the socket is for owner and group only.
@Suite struct ShutdownTests {
    @Test func shutdownWithCallsInFlightAnswersThemAllThenRemovesTheSocketAndReturns() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let observed = Shared(Observed())
        let server = try await RunningServer.start(at: folder.socket("r1"), router: testRouter(observed: observed))
        let first = try await RPCConnection.connect(to: server.path)
        let second = try await RPCConnection.connect(to: server.path)
        let answers = Task {
            try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<5 {
                    let connection = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        let body = try await connection.call(
                            TestAPI.echo.path,
                            payload: try WireCodec.encode(ListEventsRequest(after: Int64(index), waitMillis: 400)),
                            deadline: .now() + .seconds(10), traceID: "t")
                        return try WireCodec.decode(ListEventsResponse.self, from: body).headPosition
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(await eventually { observed.current.running == 5 })
        await server.triggerShutdown()
        // What SIGTERM starts: the listener goes at once, the calls in flight carry on.
        #expect(await eventually { !FileManager.default.fileExists(atPath: server.path) })
        #expect(observed.current.running == 5)
        await #expect(throws: RPCError.self) { try await RPCConnection.connect(to: server.path) }

        let echoed = try await answers.value
        #expect(echoed.sorted() == [0, 1, 2, 3, 4])
        try await server.waitUntilStopped()
        // The server closed both connections once their calls were answered.
        #expect(await eventually { !first.isActive && !second.isActive })
    }

    @Test func aNewCallOnAnOpenConnectionDuringShutdownIsUnavailable() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let observed = Shared(Observed())
        let server = try await RunningServer.start(at: folder.socket("r1"), router: testRouter(observed: observed))
        let connection = try await RPCConnection.connect(to: server.path)
        let slow = Task { try await echo(1, on: connection, waitMillis: 400) }
        #expect(await eventually { observed.current.running == 1 })
        await server.triggerShutdown()
        #expect(await eventually { !FileManager.default.fileExists(atPath: server.path) })
        try await Task.sleep(for: .milliseconds(50))
        let error = await #expect(throws: RPCError.self) { try await echo(2, on: connection) }
        #expect(error?.status == .unavailable)
        #expect(error.mentions("shutting down"))
        #expect(try await slow.value == 1)
        try await server.waitUntilStopped()
    }

    @Test func theSocketFileIsReadableAndWritableByOwnerAndGroupOnly() async throws {
        try await withServer(testRouter()) { server in
            // The server sets the mode just after binding: give it a moment, then it must be 0660.
            var info = stat()
            for _ in 0..<100 {
                if stat(server.path, &info) == 0, info.st_mode & 0o777 == 0o660 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(stat(server.path, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFSOCK)
            #expect(info.st_mode & 0o777 == 0o660)
        }
    }
}

extension ShutdownTests {
    @Test func cancellingRunClosesTheListenerAndReturns() async throws {
        let folder = try SocketFolder()
        defer { folder.remove() }
        let path = folder.socket("r1")
        let server = RPCServer(socketPath: path, router: testRouter(), policy: .rootIsOperator, logger: .quiet)
        let run = Task { try await server.run() }
        #expect(await eventually { (try? FileManager.default.attributesOfItem(atPath: path)) != nil })
        let connection = try await RPCConnection.connect(to: path)
        let slow = Task { try await echo(1, on: connection, waitMillis: 3_000) }
        try await Task.sleep(for: .milliseconds(50))
        run.cancel()
        let returned = Shared(false)
        Task {
            _ = try? await run.value
            returned.update { $0 = true }
        }
        // A service group cancels its services when one fails: run() must not outlive that.
        #expect(await eventually(within: 2) { returned.current })
        #expect(!FileManager.default.fileExists(atPath: path))
        // Cancelled means now: the call in flight is cut off rather than waited for.
        let error = await #expect(throws: RPCError.self) { try await slow.value }
        #expect(error?.status == .unavailable)
    }
}
