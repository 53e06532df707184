#if canImport(Glibc)
import Glibc
#endif

/// The peer of a Unix socket as the kernel reports it (getsockopt SO_PEERCRED).
///
/// Mirrors Linux's `struct ucred` (pid, uid, gid: three 32-bit fields), which Swift's Glibc module does not
/// import because glibc declares it only under `_GNU_SOURCE`. Read through NIO's `unsafeGetSocketOption`,
/// which copies the kernel's bytes into a value of this type; `option` and the size check keep the two in step.
struct PeerCredentials: Sendable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// SO_PEERCRED: 17 on every Linux architecture (asm-generic/socket.h).
    static let option: Int32 = 17

    static let layoutMatchesKernel: Bool = MemoryLayout<PeerCredentials>.size == 12
}
