public import IdentityAPI

/// Where a record sent to the service came from: what a rejection by the service is reported with.
public struct RecordOrigin: Sendable, Hashable {
    /// Line (from 1) of the record's row in the file.
    public let line: Int
    public let sourceSystem: String
    public let sourceKey: String

    public init(line: Int, sourceSystem: String, sourceKey: String) {
        self.line = line
        self.sourceSystem = sourceSystem
        self.sourceKey = sourceKey
    }

    /// The origin of a record: its line, source system and key.
    public init(_ record: ImportRecord) {
        self.init(line: record.line, sourceSystem: record.sourceSystem, sourceKey: record.sourceKey)
    }
}

/// Records on their way to an ingest RPC, with where each came from.
public struct IngestBatch<Wire: Sendable>: Sendable {
    public private(set) var records: [Wire] = []
    public private(set) var origins: [RecordOrigin] = []
    /// Records per call; the proto allows 10000.
    public let capacity: Int

    public init(capacity: Int = 1000) {
        precondition((1...10_000).contains(capacity), "a batch holds 1 to 10000 records")
        self.capacity = capacity
        records.reserveCapacity(capacity)
        origins.reserveCapacity(capacity)
    }

    public var isEmpty: Bool { records.isEmpty }
    public var isFull: Bool { records.count >= capacity }

    public mutating func append(_ record: Wire, origin: RecordOrigin) {
        records.append(record)
        origins.append(origin)
    }

    /// The records gathered so far; the batch is empty afterwards.
    public mutating func take() -> IngestBatch<Wire> {
        let full = self
        records.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
        return full
    }
}

/// A record the service refused, with the line and key to report it by.
public struct ServiceRejection: Sendable, Hashable {
    public let rejection: RowRejection
    public let origin: RecordOrigin
}

/// What the service did with the records of an import, by `RecordResult.outcome`.
///
/// Every record sent is counted exactly once: by its result's outcome, or as rejected when the service gave it no
/// result (or none it could use), so that records sent = stored + rejected by the service.
public struct IngestOutcomes: Sendable, Hashable, Codable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var stale = 0
    /// Refused by the service.
    public var rejected = 0
    /// Party records sent to the clerical review queue.
    public var sentToReview = 0
    /// Business records stored with parties not received yet (linked once they arrive).
    public var withPendingParties = 0

    public init() {}

    /// Records the service kept (created, updated, unchanged or stale: an older version is not an error).
    public var stored: Int { created + updated + unchanged + stale }
    public var sent: Int { stored + rejected }

    /// Counts one batch's results against the origins of the records sent (results found by `index`) and returns
    /// the records refused, in the batch's order.
    public mutating func apply(_ results: [RecordResult], origins: [RecordOrigin]) -> [ServiceRejection] {
        var byIndex: [RecordResult?] = Array(repeating: nil, count: origins.count)
        for result in results where result.index >= 0 && Int(result.index) < origins.count {
            if byIndex[Int(result.index)] == nil { byIndex[Int(result.index)] = result }
        }
        var refused: [ServiceRejection] = []
        for (index, origin) in origins.enumerated() {
            func reject(_ reason: String) {
                rejected += 1
                refused.append(ServiceRejection(
                    rejection: RowRejection(line: origin.line, reason: .rejectedByService(reason), sourceKey: origin.sourceKey),
                    origin: origin))
            }
            guard let result = byIndex[index] else {
                reject("the service returned no result for this record")
                continue
            }
            switch result.outcome {
            case .created: created += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            case .stale: stale += 1
            case .rejected:
                reject(result.reason.isEmpty ? "no reason given" : result.reason)
                continue
            case .unspecified:
                reject("the service gave no outcome for this record")
                continue
            }
            if result.sentToReview { sentToReview += 1 }
            if !result.pendingParties.isEmpty { withPendingParties += 1 }
        }
        return refused
    }
}
