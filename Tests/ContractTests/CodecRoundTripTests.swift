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

    @Test(arguments: SwiftEnumSample.common)
    func swiftEnumHasExactlyTheProtoValuesInOrder(sample: SwiftEnumSample) throws {
        let schema = try #require(SampleRecords.enumSchemas()[sample.protoName], "no field of enum \(sample.protoName)")
        #expect(sample.cases.map(\.rawValue) == schema.values.map(\.name))
        #expect(schema.values.first?.number == 0)
        #expect(sample.cases.first?.name == "unspecified")
        for (name, rawValue) in sample.cases {
            #expect(name == SwiftEnumSample.caseName(of: rawValue, in: sample.protoName), "\(rawValue)")
        }
    }

    @Test func everyEnumOfCommonProtoHasASwiftEnum() throws {
        let declared = try ProtoSource.load().enums.filter { $0.hasPrefix("clm.common.v1.") }
        let swift = Set(SwiftEnumSample.common.map(\.protoName))
        #expect(declared.count >= 9)
        #expect(declared == swift, "differ: \(declared.symmetricDifference(swift).sorted())")
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
        .of(KeyValue(key: "vip_flag", value: "是 Zoë")),
        .of(DateRange(firstDay: CalendarDate(year: 2024, month: 1, day: 1),
                      lastDay: CalendarDate(year: 2024, month: 12, day: 31))),
        .of(TimeRange(start: Timestamp(unixMicros: -5), end: Timestamp(unixMicros: 1_700_000_000_000_000))),
        .of(job),
        .of(CustomerActivity(customerCode: "C-张三-001", kind: .premiumOverdue, activityKey: "UW/PAY-9#2",
                             occurredOn: CalendarDate(year: 2025, month: 2, day: 28), policyKey: "UW/P-77",
                             productLine: .health, amount: Money(minorUnits: 12_345, currency: "CNY"),
                             channel: .wechat, agentCode: "A-0091", fraudFlag: true, detail: "服务: 体检")),
        .of(CustomerCodesChanged(kind: .splitUndone, customerCode: "C-1", otherCustomerCode: "C-2",
                                 operationId: "op-77", occurredAt: Timestamp(unixMicros: 1_700_000_000_000_001))),
        .of(value),
        .of(CustomerValueChanged(value: value)),
    ]

    static let job = Job(jobId: "job-1", kind: "rescore-all", state: .failed, requestedBy: "schedule",
                         createdAt: Timestamp(unixMicros: 1), startedAt: Timestamp(unixMicros: 2),
                         finishedAt: Timestamp(unixMicros: 3), itemsTotal: -1, itemsDone: 10_000_000_000,
                         itemsFailed: 7, message: "数据库: connection lost")

    static let value = CustomerValue(customerCode: "C-9", valueScore: 87.25, tier: .diamond, potential: true,
                                     layer: .top, riskGrade: .e, loyaltyScore: 0.5, vip: true,
                                     annualisedPremium: Money(minorUnits: 1_200_000, currency: "CNY"),
                                     clv: Money(minorUnits: -3, currency: "CNY"), ruleSetId: "book-default",
                                     ruleSetVersion: 3, scoredAt: Timestamp(unixMicros: 1_700_000_000_999_999))
}

/// One Swift enum of a proto enum, type-erased: the proto enum's full name and the Swift cases in order.
struct SwiftEnumSample: Sendable, CustomTestStringConvertible {
    let protoName: String
    /// Each case's Swift name and raw value.
    let cases: [(name: String, rawValue: String)]

    var testDescription: String { protoName }

    static func of<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ protoName: String) -> SwiftEnumSample
    where E.RawValue == String {
        SwiftEnumSample(protoName: protoName, cases: E.allCases.map { ("\($0)", $0.rawValue) })
    }

    /// The Swift case name the naming rule gives a proto value: lowerCamelCase of what follows the enum's prefix,
    /// `DOCUMENT_TYPE_RESIDENT_ID` of `DocumentType` giving `residentId`.
    static func caseName(of value: String, in protoName: String) -> String {
        let short = protoName.split(separator: ".").last.map(String.init) ?? protoName
        var prefix = ""
        for character in short {
            if character.isUppercase, !prefix.isEmpty { prefix += "_" }
            prefix += character.uppercased()
        }
        let rest = value.hasPrefix(prefix + "_") ? value.dropFirst(prefix.count + 1) : Substring(value)
        let words = rest.lowercased().split(separator: "_")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }

    static let common: [SwiftEnumSample] = [
        .of(ProductLine.self, "clm.common.v1.ProductLine"),
        .of(ContactChannel.self, "clm.common.v1.Channel"),
        .of(CustomerTier.self, "clm.common.v1.CustomerTier"),
        .of(PyramidLayer.self, "clm.common.v1.PyramidLayer"),
        .of(RiskGrade.self, "clm.common.v1.RiskGrade"),
        .of(LifecycleStage.self, "clm.common.v1.LifecycleStage"),
        .of(JobState.self, "clm.common.v1.JobState"),
        .of(ActivityKind.self, "clm.common.v1.ActivityKind"),
        .of(CodeChangeKind.self, "clm.common.v1.CodeChangeKind"),
    ]
}
