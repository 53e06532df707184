public import NIOCore
import WireCodec

/// Splits the byte stream into frames: a big-endian UInt32 length, then that many bytes of one envelope.
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    /// Frames longer than this are refused before their bytes are read.
    public let maxFrameSize: Int

    public init(maxFrameSize: Int) { self.maxFrameSize = maxFrameSize }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard Int(length) <= maxFrameSize else {
            throw FrameError.oversized(length: Int(length), limit: maxFrameSize)
        }
        guard buffer.readableBytes >= EnvelopeCodec.lengthPrefixSize + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: EnvelopeCodec.lengthPrefixSize)
        context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: Int(length))!))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 {
            let have = buffer.readableBytes
            let expected = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self).map { Int($0) }
            buffer.moveReaderIndex(forwardBy: have)
            throw FrameError.truncated(have: have, expected: expected.map { $0 + EnvelopeCodec.lengthPrefixSize })
        }
        return .needMoreData
    }
}

/// Why the byte stream could not be cut into frames.
public enum FrameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The length prefix announces more than the limit; the connection is closed since its bytes cannot be skipped
    /// safely.
    case oversized(length: Int, limit: Int)
    /// The peer closed the connection in the middle of a frame.
    case truncated(have: Int, expected: Int?)

    public var description: String {
        switch self {
        case .oversized(let length, let limit):
            "a frame of \(length) bytes exceeds the limit of \(limit) bytes"
        case .truncated(let have, let expected):
            "the connection ended inside a frame (\(have) of \(expected.map(String.init) ?? "at least 4") bytes)"
        }
    }
}
