#if canImport(CGlibcMalloc)
import CGlibcMalloc
#endif

/// Hands memory the process has freed back to the system.
///
/// glibc keeps freed small blocks in its arenas, so after a phase that built and dropped gigabytes of small objects
/// (a bulk resolution's prepared records) the resident size stays at that phase's height, and the next phase's
/// allocations land on top of the holes instead of in them. Trimming between the two keeps the peak at the larger
/// phase rather than their sum.
public enum FreedMemory {
    public static func returnToSystem() {
        #if canImport(CGlibcMalloc)
        _ = malloc_trim(0)
        #endif
    }
}
