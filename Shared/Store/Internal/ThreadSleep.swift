#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Blocks the current (database) thread for `milliseconds`; never called from async code.
func usleepMilliseconds(_ milliseconds: Int) {
    _ = usleep(useconds_t(milliseconds * 1_000))
}
