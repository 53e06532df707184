import ArgumentParser
import Models

/// One page of a listing: `--limit` and `--page-token`.
struct PageOptions: ParsableArguments {
    @Option(help: "At most this many items (0: the service's default).")
    var limit: Int32 = 0

    @Option(name: .customLong("page-token"), help: "Where to continue: the token the previous page printed.")
    var pageToken: String = ""

    var request: PageRequest { PageRequest(pageSize: limit, pageToken: pageToken) }

    /// The line that tells how to get the next page; nil on the last page.
    func nextPageHint(_ page: PageResponse) -> String? {
        page.nextPageToken.isEmpty ? nil : "more: --page-token \(page.nextPageToken)"
    }
}
