internal import CWireProtos
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Memory for one C message graph (built for packing, or filled by `protobuf_c_message_unpack`), handed out by
/// bumping a cursor and released all at once.
///
/// The first block is a temporary allocation on the caller's stack, so a typical message costs no `malloc` at
/// all; bigger graphs spill into `malloc`ed blocks that `releaseOverflow()` frees. Pieces are never freed one by
/// one: protobuf-c's per-piece `free` becomes a no-op (see `allocator`).
struct BumpArena {
    /// Bytes of the stack block `withArena` provides.
    static let stackBytes = 4096
    /// Smallest spill block: enough that a few hundred small strings do not each cost a `malloc`.
    private static let minimumOverflowBytes = 16 << 10
    /// Everything handed out is aligned for any field protobuf-c lays out (pointers, Int64, Double).
    private static let alignment = 8

    private var cursor: UnsafeMutableRawPointer
    private var end: UnsafeMutableRawPointer
    /// Spill blocks, each starting with the pointer to the one before it.
    private var overflow: UnsafeMutableRawPointer?

    private init(block: UnsafeMutableRawBufferPointer) {
        cursor = block.baseAddress!
        end = block.baseAddress! + block.count
        overflow = nil
    }

    /// Runs `body` with an arena whose first block is on the stack; frees any spill blocks afterwards.
    ///
    /// Not generic over a result: the codec's callers are themselves unspecialised generics, for which every
    /// generic type here would cost a runtime metadata lookup per call.
    static func withArena(_ body: (UnsafeMutablePointer<BumpArena>) throws -> Void) throws {
        try withUnsafeTemporaryAllocation(byteCount: stackBytes, alignment: 16) { block throws in
            var arena = BumpArena(block: block)
            defer { arena.releaseOverflow() }
            try withUnsafeMutablePointer(to: &arena) { try body($0) }
        }
    }

    /// `count` bytes (uninitialised), aligned to 8.
    mutating func allocate(_ count: Int) -> UnsafeMutableRawPointer {
        let size = (max(count, 1) + Self.alignment - 1) & ~(Self.alignment - 1)
        if end - cursor < size { spill(atLeast: size) }
        let block = cursor
        cursor += size
        return block
    }

    /// `count` zeroed bytes, aligned to 8.
    mutating func allocateZeroed(_ count: Int) -> UnsafeMutableRawPointer {
        let block = allocate(count)
        block.initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 1))
        return block
    }

    /// A NUL-terminated copy of `bytes`, or nil when they contain a NUL (which protobuf-c's `strlen` would
    /// silently cut the string at).
    mutating func cString(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<CChar>? {
        let block = allocate(bytes.count + 1)
        if let base = bytes.baseAddress, bytes.count > 0 {
            if memchr(base, 0, bytes.count) != nil { return nil }
            block.copyMemory(from: base, byteCount: bytes.count)
        }
        block.storeBytes(of: 0, toByteOffset: bytes.count, as: UInt8.self)
        return block.assumingMemoryBound(to: CChar.self)
    }

    private mutating func spill(atLeast size: Int) {
        let header = MemoryLayout<UnsafeMutableRawPointer?>.stride
        let capacity = max(size + header, Self.minimumOverflowBytes)
        let block = malloc(capacity)!
        block.storeBytes(of: overflow, as: UnsafeMutableRawPointer?.self)
        overflow = block
        cursor = block + header
        end = block + capacity
    }

    /// Frees the spill blocks; the stack block goes with the caller's frame.
    mutating func releaseOverflow() {
        while let block = overflow {
            overflow = block.load(as: UnsafeMutableRawPointer?.self)
            free(block)
        }
    }

    /// A protobuf-c allocator drawing from `arena`: `free` does nothing, the arena is released as a whole.
    static func allocator(for arena: UnsafeMutablePointer<BumpArena>) -> ProtobufCAllocator {
        ProtobufCAllocator(
            alloc: { data, size in
                data!.assumingMemoryBound(to: BumpArena.self).pointee.allocate(size)
            },
            free: { _, _ in },
            allocator_data: UnsafeMutableRawPointer(arena))
    }
}
