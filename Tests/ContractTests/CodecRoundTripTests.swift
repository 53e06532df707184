import Models
import NIOCore
import ServiceAPI
import Testing
import WireCodec

/// Every message of the protos survives protobuf-c's pack and unpack with every field set, and every Swift type of a
/// proto message survives the codec and covers every field of its proto.
@Suite struct CodecRoundTripTests {
    static let messageNames = WireSchema.messages.map(\.name)

    @Test(arguments: messageNames)
    func fullyPopulatedMessageSurvivesPackAndUnpack(name: String) throws {
        let schema = try #require(WireSchema.message(named: name))
        // One record per member of the widest oneof, so that every member of every oneof is exercised.
        for choice in 0..<SampleRecords.widestOneof(schema) {
            let record = SampleRecords.populated(schema, oneofChoice: choice)
            let oneofs = Set(schema.fields.compactMap(\.oneof))
            let plain = schema.fields.filter { $0.oneof == nil }.count
            #expect(record.values.count == plain + oneofs.count, "every field but the other oneof members is set")

            var bytes = ByteBuffer()
            try WireCodec.pack(record, into: &bytes)
            #expect(bytes.readableBytes > 0 || schema.fields.isEmpty)
            let decoded = try WireCodec.unpack(name, from: bytes)
            #expect(decoded == record,
                    "oneof choice \(choice); differs in \(SampleRecords.differingFields(decoded, record))")

            // Packing what was unpacked gives the same bytes: nothing is lost or reordered on the way.
            var again = ByteBuffer()
            try WireCodec.pack(decoded, into: &again)
            #expect(again == bytes, "oneof choice \(choice): re-encoding changed the bytes")
        }
    }

    static let messagesWithOneofs = WireSchema.messages.filter { $0.fields.contains { $0.oneof != nil } }.map(\.name)

    @Test(arguments: messagesWithOneofs)
    func oneofMemberAtZeroStaysPresent(name: String) throws {
        // The protos use `oneof x_present { double x = 1; }` to tell "0" from "not given": a zero must survive.
        let schema = try #require(WireSchema.message(named: name))
        for (index, field) in schema.fields.enumerated() where field.oneof != nil {
            let record = WireRecord(schema: schema, values: [index: SampleRecords.zero(of: field.kind)])
            var bytes = ByteBuffer()
            try WireCodec.pack(record, into: &bytes)
            #expect(bytes.readableBytes > 0, "\(field.name) set to zero was not sent")
            #expect(try WireCodec.unpack(name, from: bytes) == record, "\(field.name) set to zero")
        }
    }

    @Test(arguments: messageNames)
    func emptyMessageEncodesToNothingAndBack(name: String) throws {
        let schema = try #require(WireSchema.message(named: name))
        var bytes = ByteBuffer()
        try WireCodec.pack(WireRecord(schema: schema), into: &bytes)
        #expect(bytes.readableBytes == 0)
        #expect(try WireCodec.unpack(name, from: bytes) == WireRecord(schema: schema))
    }

    @Test(arguments: SwiftSample.all)
    func swiftTypeSurvivesTheCodec(sample: SwiftSample) throws {
        try sample.checkRoundTrip()
    }

    @Test(arguments: SwiftSample.all)
    func swiftTypeCoversEveryFieldOfItsProto(sample: SwiftSample) throws {
        let schema = try #require(WireSchema.message(named: sample.protoName), "no message \(sample.protoName)")
        let records = try sample.records()
        #expect(!records.isEmpty)
        var covered = Set<Int>()
        for record in records {
            #expect(record.schema === schema)
            covered.formUnion(record.values.keys)
        }
        let missing = schema.fields.indices.filter { !covered.contains($0) }.map { schema.fields[$0].name }
        #expect(missing.isEmpty, "\(sample.protoName) fields no Swift property sets: \(missing)")
    }

    @Test(arguments: SwiftSample.all)
    func recordOfASwiftValueIsWhatUnpackReadsFromItsBytes(sample: SwiftSample) throws {
        // WireRecord stores no field at its proto3 zero value: that and absent are one thing on the wire.
        for (record, encoded) in zip(try sample.records(), try sample.encodings()) {
            let unpacked = try WireCodec.unpack(sample.protoName, from: encoded)
            #expect(unpacked == record, "unpacked vs record(of:): \(SampleRecords.differingFields(unpacked, record))")
        }
    }

    @Test func everyWireMessageConformanceHasASample() throws {
        // The Swift side of each proto message declares `protoName`; a type added without a sample here would
        // escape the two tests above.
        let declared = try SourceTree.protoNamesDeclaredInSwift()
        let sampled = Set(SwiftSample.all.map(\.protoName))
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(sampled).isEmpty,
                "WireMessage types without a sample: \(declared.subtracting(sampled).sorted())")
        #expect(sampled.subtracting(declared).isEmpty,
                "samples of no WireMessage type: \(sampled.subtracting(declared).sorted())")
    }
}

/// One Swift `WireMessage` type with populated values, type-erased so that a table of them can drive a test.
struct SwiftSample: Sendable, CustomTestStringConvertible {
    let protoName: String
    let checkRoundTrip: @Sendable () throws -> Void
    let records: @Sendable () throws -> [WireRecord]
    let encodings: @Sendable () throws -> [ByteBuffer]

    var testDescription: String { protoName }

    /// `values` between them set every field of the proto (more than one only where oneofs force it).
    static func of<M: WireMessage & Equatable>(_ values: M...) -> SwiftSample {
        SwiftSample(
            protoName: M.protoName,
            checkRoundTrip: {
                for value in values {
                    let encoded = try WireCodec.encode(value)
                    #expect(try WireCodec.decode(M.self, from: encoded) == value)
                    // The Swift-type path and the record path are two codecs over one schema: the same bytes.
                    var packed = ByteBuffer()
                    try WireCodec.pack(try WireCodec.record(of: value), into: &packed)
                    #expect(packed == encoded)
                }
            },
            records: { try values.map { try WireCodec.record(of: $0) } },
            encodings: { try values.map { try WireCodec.encode($0) } })
    }

    static let event = FeedEvent(position: 7, type: "clm.identity.v1.CustomerCreated", subject: "C-张三-001",
                                 payload: [0x00, 0x0A, 0xFF], occurredAt: Timestamp(unixMicros: 1_700_000_000_123_456),
                                 traceID: "trace-Zoë")

    static let all: [SwiftSample] = [
        .of(HealthCheckRequest()),
        .of(HealthCheckResponse(status: .notServing, service: "scoring", replica: "r-2", version: "0.1.0",
                                uptimeSeconds: 86_401, schemaVersion: 4,
                                problems: ["database: 连接被拒绝", "feed: behind by 3"])),
        .of(ListMethodsRequest()),
        .of(ListMethodsResponse(service: "identity", methods: [
            MethodInfo(name: "/clm.rpc.v1.Health/Check", requestType: "clm.rpc.v1.HealthCheckRequest",
                       responseType: "clm.rpc.v1.HealthCheckResponse", roles: [], implemented: true, idempotent: true),
            MethodInfo(name: "/clm.identity.v1.Identity/EraseCustomer",
                       requestType: "clm.identity.v1.EraseCustomerRequest",
                       responseType: "clm.identity.v1.EraseCustomerResponse", roles: ["admin"], implemented: false,
                       idempotent: false),
        ])),
        .of(MethodInfo(name: "/clm.common.v1.EventFeed/ListEvents", requestType: "clm.common.v1.ListEventsRequest",
                       responseType: "clm.common.v1.ListEventsResponse", roles: ["analyst", "service"],
                       implemented: true, idempotent: true)),
        .of(ListEventsRequest(after: 1_000_000_000_001, limit: 500, waitMillis: 30_000)),
        .of(ListEventsResponse(events: [event, FeedEvent(position: 8, type: "t", subject: "s", payload: [1],
                                                         occurredAt: nil, traceID: "")],
                               headPosition: 9)),
        .of(event),
        .of(Money(minorUnits: -123_456_789_012, currency: "CNY")),
        .of(CalendarDate(year: 1987, month: 11, day: 30)),
        .of(Timestamp(unixMicros: -1_000_001)),
        .of(PageRequest(pageSize: 250, pageToken: "after:张三")),
        .of(PageResponse(nextPageToken: "p2", totalCount: -1)),
    ]
}
