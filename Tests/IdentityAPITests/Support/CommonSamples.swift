import Models

/// Fully populated values of the common.proto types that identity messages hold.
enum CommonSamples {
    static let date = CalendarDate(year: 1987, month: 11, day: 30)
    static let timestamp = Timestamp(unixMicros: 1_700_000_000_123_456)
    static let money = Money(minorUnits: -123_456_789_012, currency: "CNY")
    static let keyValue = KeyValue(key: "vip_flag", value: "是 Zoë")
    static let pageRequest = PageRequest(pageSize: 250, pageToken: "after:张三")
    static let pageResponse = PageResponse(nextPageToken: "p2", totalCount: 1_000_001)
    static let timeRange = TimeRange(start: Timestamp(unixMicros: -5), end: timestamp)
    static let job = Job(jobId: "job-1", kind: "bulk-resolution", state: .running, requestedBy: "ops-李四",
                         createdAt: Timestamp(unixMicros: 1), startedAt: Timestamp(unixMicros: 2),
                         finishedAt: Timestamp(unixMicros: 3), itemsTotal: 10_000_000_000, itemsDone: 9,
                         itemsFailed: -1, message: "m/u 参数 re-estimated")
}
