import Models
import NIOCore
import RPC
import ServiceAPI
import Synchronization
import WireCodec

/// Round-trip times of calls made one at a time.
struct LatencySample {
    let p50Micros: Double
    let p99Micros: Double
    let callsPerSecond: Double

    init(nanoseconds: [UInt64], elapsedNanoseconds: UInt64) {
        let sorted = nanoseconds.sorted()
        p50Micros = Double(sorted[sorted.count / 2]) / 1_000
        p99Micros = Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]) / 1_000
        callsPerSecond = Double(sorted.count) / (Double(elapsedNanoseconds) / 1e9)
    }
}

/// The measurements, each through the real client and server.
enum Measurements {
    /// Times `calls` typed calls made one after another, after `warmup` untimed ones.
    /// - Throws: the `RPCError` of a call that fails.
    static func latency(_ client: RPCClient, calls: Int, warmup: Int) async throws -> LatencySample {
        for _ in 0..<warmup { _ = try await client.call(BenchEcho.method, BenchEcho.message) }
        var samples = [UInt64](repeating: 0, count: calls)
        let started = now()
        for index in 0..<calls {
            let before = now()
            _ = try await client.call(BenchEcho.method, BenchEcho.message)
            samples[index] = now() - before
        }
        return LatencySample(nanoseconds: samples, elapsedNanoseconds: now() - started)
    }

    /// Times calls of already encoded bytes on one connection: the transport alone, without the codec.
    static func transportLatency(_ connection: RPCConnection, calls: Int) async throws -> LatencySample {
        let payload = try WireCodec.encode(BenchEcho.message)
        var samples = [UInt64](repeating: 0, count: calls)
        let started = now()
        for index in 0..<calls {
            let before = now()
            _ = try await connection.call(BenchEcho.method.path, payload: payload, deadline: nil, traceID: "bench")
            samples[index] = now() - before
        }
        return LatencySample(nanoseconds: samples, elapsedNanoseconds: now() - started)
    }

    /// Calls per second with `inFlight` tasks calling at once over the client's one connection for `seconds`.
    static func throughput(_ client: RPCClient, inFlight: Int, seconds: Double) async throws -> Double {
        let stopAt = now() + UInt64(seconds * 1e9)
        let started = now()
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    var calls = 0
                    while now() < stopAt {
                        _ = try await client.call(BenchEcho.method, BenchEcho.message)
                        calls += 1
                    }
                    return calls
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(total) / (Double(now() - started) / 1e9)
    }

    /// Nanoseconds per encode+decode of the typed message, and its encoded size.
    static func codec(ops: Int) throws -> (nanosPerOp: Double, bytes: Int) {
        var size = 0
        let started = now()
        for _ in 0..<ops {
            let bytes = try WireCodec.encode(BenchEcho.message)
            size = bytes.readableBytes
            let decoded = try WireCodec.decode(ListEventsResponse.self, from: bytes)
            precondition(decoded.headPosition == BenchEcho.message.headPosition)
        }
        return (Double(now() - started) / Double(ops), size)
    }

    /// Nanoseconds per frame+unframe of a request envelope carrying the encoded message.
    static func envelope(ops: Int) throws -> Double {
        let payload = try WireCodec.encode(BenchEcho.message)
        let request = RequestEnvelope(callID: 1, method: BenchEcho.method.path, timeoutMicros: 30_000_000,
                                      traceID: "5f2a9c0d41e8b7a3", payload: payload)
        var frame = ByteBuffer()
        let started = now()
        for _ in 0..<ops {
            frame.clear()
            EnvelopeCodec.writeFrame(request, into: &frame)
            frame.moveReaderIndex(forwardBy: EnvelopeCodec.lengthPrefixSize)
            let decoded = try EnvelopeCodec.decodeRequest(frame)
            precondition(decoded.callID == 1)
        }
        return Double(now() - started) / Double(ops)
    }

    private static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }
}
