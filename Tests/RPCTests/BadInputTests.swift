import CLMTesting
import Models
import NIOCore
import RPC
import ServiceAPI
import Testing
import WireCodec

/// Bytes no well-behaved client sends: each gets its documented outcome, and the server serves the next client.
@Suite struct BadInputTests {
    @Test func anOversizedFrameIsResourceExhaustedOnCallZeroThenTheConnectionCloses() async throws {
        try await withServer(testRouter(), limits: RPCServer.Limits(maxFrameSize: 1024)) { server in
            let raw = try await RawConnection.connect(to: server.path)
            // Only the length prefix: the server must refuse before waiting for 4096 bytes.
            try await raw.send(bytes: [0, 0, 0x10, 0])
            let answer = try #require(await raw.nextResponse())
            #expect(answer.callID == 0)
            #expect(answer.status == RPCStatus.resourceExhausted.rawValue)
            #expect(answer.message.contains("4096") && answer.message.contains("1024"))
            #expect(await raw.next() == .closed)
            try await expectServing(server)
        }
    }

    @Test func aTruncatedFrameThenEndOfFileClosesTheConnection() async throws {
        try await withServer(testRouter()) { server in
            let raw = try await RawConnection.connect(to: server.path)
            var frame = ByteBuffer()
            EnvelopeCodec.writeFrame(try .test(1, TestAPI.echo, ListEventsRequest(after: 1)), into: &frame)
            try await raw.send(bytes: Array(frame.readableBytesView.prefix(frame.readableBytes - 3)))
            // Half a frame is no call yet: nothing comes back while the rest may still arrive.
            #expect(await raw.next(within: 0.2) == .silent)
            try await raw.finishWriting()
            #expect(await raw.next() == .closed)
            try await expectServing(server)
        }
    }

    @Test func garbageThatIsNotAnEnvelopeIsInvalidArgumentOnCallZeroThenTheConnectionCloses() async throws {
        try await withServer(testRouter()) { server in
            let raw = try await RawConnection.connect(to: server.path)
            // Field 31 with wire type 7, which does not exist: protobuf-c cannot read it.
            try await raw.send(bytes: [0, 0, 0, 10] + [UInt8](repeating: 0xFF, count: 10))
            let answer = try #require(await raw.nextResponse())
            #expect(answer.callID == 0)
            #expect(answer.status == RPCStatus.invalidArgument.rawValue)
            #expect(answer.message.contains("RequestEnvelope"))
            #expect(await raw.next() == .closed)
            try await expectServing(server)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomBytesNeverTakeTheServerDown(seed: UInt64) async throws {
        try await withServer(testRouter(), limits: RPCServer.Limits(maxFrameSize: 4096)) { server in
            var generator = SplitMix64(seed: seed)
            let length = Int(generator.next() % 512) + 1
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if seed.isMultiple(of: 2) {
                // A true length prefix, so that the random bytes reach the envelope decoder.
                bytes = withUnsafeBytes(of: UInt32(length).bigEndian, Array.init) + bytes
            }
            let raw = try await RawConnection.connect(to: server.path)
            // The server may close as soon as it has read a bad length prefix, before the rest is written.
            try? await raw.send(bytes: bytes)
            try? await raw.finishWriting()
            // Whatever the bytes said, the server answers or closes, and never goes silent for good.
            var outcome = await raw.next()
            while case .response = outcome { outcome = await raw.next() }
            #expect(outcome == .closed)
            try await expectServing(server)
        }
    }

    @Test func aDuplicateCallIDInFlightIsInvalidArgumentAndTheFirstCallStillAnswers() async throws {
        try await withServer(testRouter()) { server in
            let raw = try await RawConnection.connect(to: server.path)
            try await raw.send(.test(7, TestAPI.echo, ListEventsRequest(after: 1, waitMillis: 300)))
            try await raw.send(.test(7, TestAPI.echo, ListEventsRequest(after: 2)))
            let refused = try #require(await raw.nextResponse())
            #expect(refused.callID == 7)
            #expect(refused.status == RPCStatus.invalidArgument.rawValue)
            #expect(refused.message.contains("already in flight"))
            let first = try #require(await raw.nextResponse())
            #expect(first.callID == 7)
            #expect(first.status == RPCStatus.ok.rawValue)
            #expect(try WireCodec.decode(ListEventsResponse.self, from: first.payload).headPosition == 1)
            await raw.close()
        }
    }

    @Test func tooManyCallsInFlightOnOneConnectionIsResourceExhausted() async throws {
        let limits = RPCServer.Limits(maxInFlightPerConnection: 2)
        try await withServer(testRouter(), limits: limits) { server in
            let raw = try await RawConnection.connect(to: server.path)
            for callID in UInt64(1)...3 {
                try await raw.send(.test(callID, TestAPI.echo, ListEventsRequest(after: 0, waitMillis: 300)))
            }
            let refused = try #require(await raw.nextResponse())
            #expect(refused.callID == 3)
            #expect(refused.status == RPCStatus.resourceExhausted.rawValue)
            let answered = [await raw.nextResponse(), await raw.nextResponse()]
            #expect(Set(answered.map { $0?.callID }) == [1, 2])
            #expect(answered.allSatisfy { $0?.status == RPCStatus.ok.rawValue })
            // Once answers are out, the connection takes calls again.
            try await raw.send(.test(4, TestAPI.echo, ListEventsRequest(after: 4)))
            #expect(await raw.nextResponse()?.status == RPCStatus.ok.rawValue)
            await raw.close()
        }
    }

    @Test(arguments: [Int64(0), -1, Int64.min])
    func aDeadlineThatHasPassedIsDeadlineExceededWithoutRunningTheHandler(timeoutMicros: Int64) async throws {
        let observed = Shared(Observed())
        try await withServer(testRouter(observed: observed)) { server in
            let raw = try await RawConnection.connect(to: server.path)
            try await raw.send(.test(5, TestAPI.echo, ListEventsRequest(after: 1), timeoutMicros: timeoutMicros))
            let answer = try #require(await raw.nextResponse())
            #expect(answer.callID == 5)
            #expect(answer.status == RPCStatus.deadlineExceeded.rawValue)
            #expect(observed.current.count("Echo") == 0)
            // The connection carries on.
            try await raw.send(.test(6, TestAPI.echo, ListEventsRequest(after: 6)))
            #expect(await raw.nextResponse()?.status == RPCStatus.ok.rawValue)
            await raw.close()
        }
    }

    @Test func aDeadlineTooFarAwayToRepresentIsServedAsNoDeadlineInPractice() async throws {
        try await withServer(testRouter()) { server in
            let raw = try await RawConnection.connect(to: server.path)
            try await raw.send(.test(9, TestAPI.echo, ListEventsRequest(after: 9), timeoutMicros: Int64.max))
            let answer = try #require(await raw.nextResponse())
            #expect(answer.status == RPCStatus.ok.rawValue)
            await raw.close()
        }
    }
}

/// Checks that `server` still serves a new client.
func expectServing(_ server: RunningServer, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let answer = try await withConnection(to: server) { try await echo(99, on: $0) }
    #expect(answer == 99, sourceLocation: sourceLocation)
}
