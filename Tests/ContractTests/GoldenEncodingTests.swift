import Models
import NIOCore
import ServiceAPI
import Testing
import WireCodec

/// Our encodings read by an independent decoder (Debian's protoc) as the text written by hand from the values
/// below, and pinned byte for byte by golden fixtures in Fixtures/.
@Suite struct GoldenEncodingTests {
    static let cases: [GoldenCase] = [
        .request("request_envelope", GoldenValues.request),
        .response("response_envelope_permission_denied", GoldenValues.permissionDenied),
        .message("health_check_response", in: "clm/rpc/v1/rpc.proto", GoldenValues.health),
        .message("list_events_response", in: "clm/common/v1/common.proto", GoldenValues.events),
        .record("ingest_parties_request", "clm.identity.v1.IngestPartiesRequest", in: "clm/identity/v1/identity.proto",
                GoldenValues.ingestParties),
        .record("risk_assessment", "clm.scoring.v1.RiskAssessment", in: "clm/scoring/v1/scoring.proto",
                GoldenValues.riskAssessment),
    ]

    @Test(arguments: cases)
    func protocReadsOurEncodingAsTheHandWrittenText(golden: GoldenCase) throws {
        let bytes = try golden.encode()
        let text = try Protoc.decode(bytes, as: golden.protoName, in: golden.protoFile)
        let expected = try SourceTree.fixture("\(golden.fixture).txt")
        #expect(text == expected)
    }

    @Test(arguments: cases)
    func ourEncodingIsTheGoldenBytes(golden: GoldenCase) throws {
        let bytes = try golden.encode()
        if GoldenHex.regenerating { try GoldenHex.write(bytes, to: golden.fixture, protoName: golden.protoName) }
        #expect(bytes == (try GoldenHex.read(golden.fixture)))
    }

    @Test(arguments: cases)
    func goldenBytesDecodeToTheConstructedValue(golden: GoldenCase) throws {
        try golden.expectDecodes(try GoldenHex.read(golden.fixture))
    }
}

/// The values the golden fixtures were written from. Change one and its .txt must be rewritten by hand.
enum GoldenValues {
    static let request = RequestEnvelope(
        callID: 300, method: "/clm.identity.v1.Identity/GetCustomer", timeoutMicros: 2_500_000,
        traceID: "trace-0001", payload: ByteBuffer(bytes: [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x41]))

    static let permissionDenied = ResponseEnvelope(
        callID: 301, status: RPCStatusNumber.permissionDenied, message: "uid 1000 (pid 42) holds no roles",
        violations: [
            FieldViolation(field: "records[0].details.full_name", description: "姓名 must not be empty"),
            FieldViolation(field: "page.page_size", description: "at most 1000"),
        ])

    static let health = HealthCheckResponse(
        status: .serving, service: "identity", replica: "r1", version: "0.1.0", uptimeSeconds: 3_600,
        schemaVersion: 2, problems: ["feed: behind by 3", "disk: 91% full"])

    static let events = ListEventsResponse(
        events: [
            FeedEvent(position: 41, type: "clm.identity.v1.CustomerCreated", subject: "C000041",
                      payload: [0x0A, 0x07, 0x43], occurredAt: Timestamp(unixMicros: 1_700_000_000_000_001),
                      traceID: "t-41"),
            FeedEvent(position: 42, type: "clm.identity.v1.CustomersMerged", subject: "C000042", payload: [],
                      occurredAt: nil, traceID: ""),
        ],
        headPosition: 42)

    /// Two party records, the first with nested details, a date, repeated strings, repeated enums and a key-value.
    @Sendable static func ingestParties() throws -> WireRecord {
        let details = try record("clm.identity.v1.PartyDetails", [
            "kind": .int(1),  // PARTY_KIND_INDIVIDUAL
            "full_name": .string("张三"),
            "document_type": .int(1),  // DOCUMENT_TYPE_RESIDENT_ID
            "document_number": .string("11010519491231002X"),
            "birth_date": .message(try record("clm.common.v1.Date", ["year": .int(1949), "month": .int(12),
                                                                     "day": .int(31)])),
            "sex": .int(1),  // SEX_MALE
            "phones": .list([.string("13800138000"), .string("13900139000")]),
            "declared_habits": .list([.int(1), .int(3)]),  // SMOKING, HAZARDOUS_SPORTS
            "other_attributes": .list([.message(try record("clm.common.v1.KeyValue",
                                                           ["key": .string("vip_flag"), "value": .string("Y")]))]),
        ])
        let first = try record("clm.identity.v1.PartyRecord", [
            "ref": .message(try record("clm.identity.v1.SourceRef", ["source_system": .string("SALES"),
                                                                     "source_key": .string("P-1001")])),
            "source_version": .int(3),
            "source_updated_at": .message(try record("clm.common.v1.Timestamp",
                                                     ["unix_micros": .int(1_700_000_000_000_000)])),
            "details": .message(details),
        ])
        let second = try record("clm.identity.v1.PartyRecord", [
            "ref": .message(try record("clm.identity.v1.SourceRef", ["source_system": .string("UW"),
                                                                     "source_key": .string("U-77")])),
            "source_version": .int(1),
        ])
        return try record("clm.identity.v1.IngestPartiesRequest", [
            "records": .list([.message(first), .message(second)]),
            "defer_resolution": .bool(true),
        ])
    }

    /// Scoring's risk verdict: an enum, doubles, and two amounts of money.
    @Sendable static func riskAssessment() throws -> WireRecord {
        try record("clm.scoring.v1.RiskAssessment", [
            "grade": .int(3),  // RISK_GRADE_C
            "risk_score": .double(62.5),
            "claim_count": .int(3),
            "claim_frequency": .double(0.25),
            "claim_severity": .message(try record("clm.common.v1.Money", ["minor_units": .int(411_522),
                                                                          "currency": .string("CNY")])),
            "claims_paid": .message(try record("clm.common.v1.Money", ["minor_units": .int(1_234_566),
                                                                       "currency": .string("CNY")])),
            "fraud_flags": .int(1),
            "occupation_class": .int(4),
            "declared_habits": .list([.string("smoking"), .string("hazardous_sports")]),
        ])
    }
}

/// rpc.proto's StatusCode numbers, written out here rather than taken from the code under test.
enum RPCStatusNumber {
    static let permissionDenied: Int32 = 7
}
