/// Statement parameters laid out the way `PQexecPrepared` takes them: values, lengths, formats.
///
/// Text parameters are NUL-terminated UTF-8 (format 0; libpq ignores their length); bytes go in
/// binary format (format 1) with their length, so zero bytes survive; NULL is a null pointer.
struct ParameterBuffer {
    private var storage: [UInt8] = []
    /// Offset of each value in `storage`, or nil for NULL.
    private var offsets: [Int?] = []
    private var lengths: [Int32] = []
    private var formats: [Int32] = []

    init(_ parameters: [PostgresValue]) {
        offsets.reserveCapacity(parameters.count)
        for parameter in parameters {
            switch parameter {
            case .null:
                offsets.append(nil)
                lengths.append(0)
                formats.append(0)
            case .bytes(let bytes):
                offsets.append(storage.count)
                storage.append(contentsOf: bytes)
                lengths.append(Int32(bytes.count))
                formats.append(1)
            default:
                let text = parameter.textRepresentation ?? ""
                offsets.append(storage.count)
                storage.append(contentsOf: text.utf8)
                storage.append(0)
                lengths.append(Int32(text.utf8.count))
                formats.append(0)
            }
        }
    }

    /// Calls `body` with the three C arrays; the pointers are valid only inside the call.
    func withCArrays<T>(
        _ body: (
            UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?
        ) -> T
    ) -> T {
        guard !offsets.isEmpty else { return body(nil, nil, nil) }
        // A zero-length buffer may have no base address; keep one byte so every pointer is valid.
        let bytes = storage.isEmpty ? [0] : storage
        return bytes.withUnsafeBufferPointer { unsigned in
            unsigned.withMemoryRebound(to: CChar.self) { signed in
                let base = signed.baseAddress!
                let values: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { base + $0 } }
                return values.withUnsafeBufferPointer { valuePointers in
                    lengths.withUnsafeBufferPointer { lengthPointers in
                        formats.withUnsafeBufferPointer { formatPointers in
                            body(valuePointers.baseAddress, lengthPointers.baseAddress, formatPointers.baseAddress)
                        }
                    }
                }
            }
        }
    }
}
