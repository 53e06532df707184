import Foundation

/// Prints one line of the report and flushes it at once: when the output goes to a file or a pipe (`make bench |
/// tee`), progress lines would otherwise sit in the buffer until the run ends, which can be an hour at 1M customers.
func say(_ line: String) {
    print(line)
    // fflush(nil) flushes every output stream; naming `stdout` is not allowed under strict concurrency.
    fflush(nil)
}
