/// The fields of an encoded protobuf message, read in order without decoding it: for the few places that look at
/// wire bytes directly (a stored card's standing in scoring, the string check before protobuf-c unpacks a message).
/// Groups (wire types 3 and 4, long deprecated) count as malformed.
public enum ProtobufFields {
    /// One field's value: a varint, or the range of a length-delimited field's bytes. Fixed-width fields are
    /// skipped.
    public enum Value {
        case varint(UInt64)
        case bytes(Range<Int>)
    }

    /// Calls `body` with each varint or length-delimited field of `bytes[range]` (all of `bytes` when nil), in order
    /// (a repeated field once per occurrence). Returns false, having stopped, when the bytes are not a well-formed
    /// message. An error `body` throws stops the scan and is thrown on.
    @inlinable
    @discardableResult
    public static func scan<Bytes: RandomAccessCollection<UInt8>, Failure: Error>(
        _ bytes: Bytes, in range: Range<Int>? = nil, _ body: (Int, Value) throws(Failure) -> Void
    ) throws(Failure) -> Bool where Bytes.Index == Int {
        let range = range ?? bytes.startIndex..<bytes.endIndex
        var at = range.lowerBound
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while at < range.upperBound, shift < 64 {
                let byte = bytes[at]
                at += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        while at < range.upperBound {
            guard let key = varint(), key >> 3 > 0, key >> 3 <= UInt64(Int32.max) else { return false }
            let number = Int(key >> 3)
            switch key & 7 {
            case 0:
                guard let value = varint() else { return false }
                try body(number, .varint(value))
            case 1, 5:
                let width = key & 7 == 1 ? 8 : 4
                guard range.upperBound - at >= width else { return false }
                at += width
            case 2:
                guard let length = varint(), length <= UInt64(range.upperBound - at) else { return false }
                try body(number, .bytes(at..<(at + Int(length))))
                at += Int(length)
            default:
                return false
            }
        }
        return true
    }
}
