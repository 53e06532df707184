/// Asks for one page of a listing (common.proto `PageRequest`).
public struct PageRequest: Codable, Sendable, Hashable {
    /// At most this many items; 0 means the method's default.
    public var pageSize: Int32
    /// Empty for the first page, else the previous page's `nextPageToken`.
    public var pageToken: String

    public init(pageSize: Int32 = 0, pageToken: String = "") {
        self.pageSize = pageSize
        self.pageToken = pageToken
    }
}

/// Says where the next page starts (common.proto `PageResponse`).
public struct PageResponse: Codable, Sendable, Hashable {
    /// Empty on the last page.
    public var nextPageToken: String
    /// Items over all pages, or -1 when the service cannot tell cheaply.
    public var totalCount: Int64

    public init(nextPageToken: String = "", totalCount: Int64 = -1) {
        self.nextPageToken = nextPageToken
        self.totalCount = totalCount
    }
}
