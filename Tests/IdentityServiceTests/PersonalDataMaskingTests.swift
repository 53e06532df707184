import CLMTesting
import Foundation
import IdentityAPI
import Models
import RPC
import Testing

/// Masking by role (issue 3 item 8) through the real clm-identity. Callers are told apart by the kernel (their Unix
/// peer uid) and the uid the service runs as is always admin, so the test reads back as two other uids: a reader
/// (`analyst`) and a reader that also holds `pii`. `clm customer show` runs as each uid; the methods the CLI has no
/// command for go through a ``PeerUIDRelay`` running as each uid.
@Suite(.serialized) struct PersonalDataMaskingTests {
    static let readerUID: UInt32 = 65534  // nobody
    static let piiUID: UInt32 = 65533  // no account needed: setpriv switches to a bare number
    static let access = "\(readerUID)=analyst;\(piiUID)=analyst,pii"
    static let born = CalendarDate(year: 1949, month: 12, day: 31)

    /// 张三丰 in two systems (one record with the phone as +86 and spaces, the ID's check character in lower case); a
    /// third record with the same name, phone and birth date but another valid resident ID, which the guard rail sends
    /// to review; and a Latin-named person whose Hong Kong / Macao permit number is malformed (9 digits after the H).
    static let records = [
        PartyRecord(ref: SourceRef(sourceSystem: "UW", sourceKey: "U-1"), sourceVersion: 1,
                    details: PartyDetails(kind: .individual, fullName: "张三丰", documentType: .residentId,
                                          documentNumber: "11010519491231002X", birthDate: born, sex: .female,
                                          phones: ["13812345678"], email: "zhang.sanfeng@example.com",
                                          addressLines: ["北京市朝阳区建国路88号"])),
        PartyRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "S-1"), sourceVersion: 1,
                    details: PartyDetails(kind: .individual, fullName: "張三丰", documentType: .residentId,
                                          documentNumber: "11010519491231002x", birthDate: born, sex: .female,
                                          phones: ["+86 138 1234 5678"], addressLines: ["北京市朝阳区建国路88号"])),
        PartyRecord(ref: SourceRef(sourceSystem: "CLAIMS", sourceKey: "C-1"), sourceVersion: 1,
                    details: PartyDetails(kind: .individual, fullName: "张三丰", documentType: .residentId,
                                          documentNumber: "110105194912310046", birthDate: born, sex: .female,
                                          phones: ["13812345678"], addressLines: ["北京市朝阳区建国路88号"])),
        PartyRecord(ref: SourceRef(sourceSystem: "POS", sourceKey: "P-7"), sourceVersion: 1,
                    details: PartyDetails(kind: .individual, givenName: "Michaela", familyName: "Neumann",
                                          documentType: .hkMacaoPermit, documentNumber: "H123456789",
                                          birthDate: CalendarDate(year: 1985, month: 7, day: 14), sex: .female,
                                          phones: ["13900001111"])),
    ]

    /// What one uid was told.
    struct Answers {
        var shown: GetCustomerResponse  // `clm customer show --json`
        var customer: GetCustomerResponse
        var view: GetCustomer360Response
        var resolved: ResolvePartyResponse
        var reviews: ListReviewItemsResponse
        var latin: GetCustomer360Response
        /// Every answer as JSON, for looking for values anywhere in them.
        var json: String
    }

    @Test(.enabled(if: getuid() == 0, "reading as other uids needs root (setpriv)"))
    func readersGetMaskedPersonalDataAndPiiHoldersGetItClear() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "masking")
        let suite = try await ServiceProcesses.start([.identity], database: database,
                                                     environment: ["CLM_ACCESS": Self.access])
        defer { Task { await suite.stopAll() } }
        let folder = try CLMBinary.runFolder("clm-mask")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The service makes its folder 2770 and its socket 0660 (its own group only); other uids need to list the
        // folder and connect. This is the test's own run folder.
        let identityFolder = suite.layout.folder(for: .identity)
        _ = chmod(identityFolder, 0o2775)
        let sockets = SocketLayout.sockets(in: identityFolder)
        for socket in sockets { _ = chmod(socket, 0o666) }
        let socket = try #require(sockets.first)

        // Stored by the test process's own uid, which is the service's: admin.
        let client = suite.client(.identity)
        let stored = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: Self.records))
        await client.close()
        #expect(stored.summary.created == 4, "\(stored.results)")
        let code = stored.results[0].customerCode, latinCode = stored.results[3].customerCode
        #expect(stored.results[1].customerCode == code, "the two records of 张三丰 did not link")
        #expect(stored.results[2].sentToReview, "another valid resident ID was not sent to review")

        let reader = try await Self.read(as: Self.readerUID, code: code, latinCode: latinCode, socket: socket,
                                          socketRoot: suite.socketRoot, folder: folder)
        let privileged = try await Self.read(as: Self.piiUID, code: code, latinCode: latinCode, socket: socket,
                                             socketRoot: suite.socketRoot, folder: folder)
        Self.expectMasked(reader)
        Self.expectClear(privileged)
    }

    /// The reader's answers: ID numbers, phones, e-mail, names, birth day and address masked by their rules.
    static func expectMasked(_ answers: Answers) {
        for (label, answer) in [("clm customer show", answers.shown), ("GetCustomer", answers.customer)] {
            let golden = answer.customer.golden.details
            #expect(answer.personalDataMasked, "\(label)")
            #expect(golden.documentNumber == "1101**********002X", "\(label)")
            #expect(golden.phones == ["138****5678"], "\(label)")
            #expect(golden.fullName == "张**", "\(label)")
            #expect(golden.email == "z***@example.com", "\(label)")
            #expect(golden.birthDate == CalendarDate(year: 1949, month: 1, day: 1), "\(label): day and month hidden")
        }

        let view = answers.view
        #expect(view.personalDataMasked)
        #expect(view.customer.golden.details.documentNumber == "1101**********002X")
        #expect(view.customer.golden.details.phones == ["138****5678"])
        let records = Dictionary(uniqueKeysWithValues: view.sourceRecords.map { ($0.record.ref.sourceKey, $0) })
        #expect(records.keys.sorted() == ["S-1", "U-1"])
        // As the source sent them: the lower-case check character and the +86 form keep their shape, masked.
        #expect(records["S-1"]?.record.details.documentNumber == "1101**********002x")
        #expect(records["S-1"]?.record.details.phones == ["+86**********5678"])
        #expect(records["S-1"]?.record.details.addressLines == ["北京**********"])
        #expect(records["U-1"]?.record.details.email == "z***@example.com")
        #expect(records["S-1"]?.normalised.documentNumber == "1101**********002X")
        #expect(records["S-1"]?.normalised.phones == ["138****5678"])

        let resolved = answers.resolved
        #expect(resolved.personalDataMasked)
        #expect(resolved.normalisedQuery.documentNumber == "1101**********002X")
        #expect(resolved.normalisedQuery.phones == ["138****5678"])
        let best = resolved.candidates.first
        #expect(best?.customerCode == resolved.customerCode && resolved.outcome == .link)
        #expect(Self.values(best, "document") == ["resident_id:1101**********002X", "resident_id:1101**********002X"])
        #expect(Self.values(best, "phone") == ["138****5678", "138****5678"])
        #expect(Self.values(best, "birth_date") == ["1949******", "1949******"])
        #expect(Self.values(best, "email") == ["z***@example.com", "z***@example.com"])

        #expect(answers.reviews.personalDataMasked)
        let review = answers.reviews.items.first { $0.record.sourceKey == "C-1" }
        #expect(Self.values(review?.candidate, "document")
            == ["resident_id:1101**********0046", "resident_id:1101**********002X"])

        // Nowhere in any answer: the ID numbers (any check character), the phone in either form, the e-mail.
        for value in ["11010519491231002", "110105194912310046", "13812345678", "138 1234 5678", "zhang.sanfeng"] {
            #expect(!answers.json.contains(value), "\(value) is in a reader's answer")
        }

        let latin = answers.latin.customer.golden.details
        // The malformed permit is kept as given on its record (and not chosen for the golden record).
        #expect(answers.latin.sourceRecords.map(\.record.details.documentNumber) == ["H123**6789"])
        #expect(latin.phones == ["139****1111"])
        #expect(latin.birthDate == CalendarDate(year: 1985, month: 1, day: 1))

        // Names part by part: the family name shown, a given name never whole (a Chinese one starred character by
        // character, as the full name 张** shows it; a Latin one cut to its initial), in every field that has it.
        let golden = view.customer.golden.details
        #expect(golden.familyName == "张" && golden.givenName == "**", "\(golden.familyName) \(golden.givenName)")
        #expect(records["U-1"]?.record.details.fullName == "张**")
        #expect(records["S-1"]?.record.details.fullName == "張**")
        #expect(records["U-1"]?.normalised.givenName == "**")
        #expect(latin.familyName == "neumann" && latin.givenName == "m***", "\(latin.familyName) \(latin.givenName)")
        #expect(latin.fullName == "neumann, m***")
        let sent = answers.latin.sourceRecords.first?.record.details
        #expect(sent?.familyName == "Neumann" && sent?.givenName == "M***", "\(String(describing: sent))")
        #expect(Self.values(best, "given_name") == ["**", "**"])
        #expect(Self.values(best, "family_name") == ["张", "张"])

        // Field checks describe the problem without quoting the value, on the record and on the golden record.
        let notes = answers.latin.sourceRecords.flatMap(\.checks).map(\.note)
        #expect(notes.contains("expected H or M followed by 8 or 10 digits"), "\(notes)")
        #expect(answers.latin.customer.golden.checks.map(\.note)
            .contains("POS/P-7: expected H or M followed by 8 or 10 digits"))
        let latinJSON = (try? JSONEncoder().encode(answers.latin)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for value in ["H123456789", "ichaela", "ICHAELA"] {
            #expect(!latinJSON.contains(value), "\(value) is in a reader's answer")
        }
        for value in ["三丰", "sanfeng"] {
            #expect(!answers.json.contains(value), "\(value) is in a reader's answer")
        }
    }

    /// The `pii` holder's answers: the values as normalised (golden, normalised, comparisons) or as sent (records).
    static func expectClear(_ answers: Answers) {
        for (label, answer) in [("clm customer show", answers.shown), ("GetCustomer", answers.customer)] {
            let golden = answer.customer.golden.details
            #expect(!answer.personalDataMasked, "\(label)")
            #expect(golden.documentNumber == "11010519491231002X", "\(label)")
            #expect(golden.phones == ["13812345678"], "\(label)")
            #expect(golden.fullName == "张三丰", "\(label)")
            #expect(golden.givenName == "三丰", "\(label)")
            #expect(golden.email == "zhang.sanfeng@example.com", "\(label)")
            #expect(golden.birthDate == born, "\(label)")
        }
        let view = answers.view
        #expect(!view.personalDataMasked)
        let records = Dictionary(uniqueKeysWithValues: view.sourceRecords.map { ($0.record.ref.sourceKey, $0) })
        #expect(records["S-1"]?.record.details.documentNumber == "11010519491231002x")
        #expect(records["S-1"]?.record.details.phones == ["+86 138 1234 5678"])
        #expect(records["S-1"]?.record.details.addressLines == ["北京市朝阳区建国路88号"])
        #expect(records["S-1"]?.normalised.phones == ["13812345678"])

        let resolved = answers.resolved
        #expect(!resolved.personalDataMasked)
        #expect(resolved.normalisedQuery.documentNumber == "11010519491231002X")
        let best = resolved.candidates.first
        #expect(Self.values(best, "document") == ["resident_id:11010519491231002X", "resident_id:11010519491231002X"])
        #expect(Self.values(best, "phone") == ["13812345678", "13812345678"])
        #expect(Self.values(best, "birth_date") == ["1949-12-31", "1949-12-31"])

        #expect(!answers.reviews.personalDataMasked)
        let review = answers.reviews.items.first { $0.record.sourceKey == "C-1" }
        #expect(Self.values(review?.candidate, "document")
            == ["resident_id:110105194912310046", "resident_id:11010519491231002X"])

        let latin = answers.latin.customer.golden.details
        #expect(answers.latin.sourceRecords.map(\.record.details.documentNumber) == ["H123456789"])
        #expect(answers.latin.sourceRecords.first?.record.details.givenName == "Michaela")
        #expect(latin.givenName == "michaela" && latin.fullName == "michaela neumann")
        #expect(latin.phones == ["13900001111"])
        #expect(latin.birthDate == CalendarDate(year: 1985, month: 7, day: 14))
    }

    /// A comparison's query and candidate values for `field`.
    static func values(_ candidate: MatchCandidate?, _ field: String) -> [String] {
        guard let comparison = candidate?.comparisons.first(where: { $0.field == field }) else { return [] }
        return [comparison.queryValue, comparison.candidateValue]
    }

    /// Reads everything back as `uid`: `clm customer show --json`, then the other methods through a relay.
    static func read(as uid: UInt32, code: String, latinCode: String, socket: String, socketRoot: String,
                     folder: String) async throws -> Answers {
        let shown = try await CLMBinary.run(["customer", "show", code, "--json", "--socket-dir", socketRoot],
                                            asUID: uid, in: folder)
        try #require(shown.status == 0, "clm customer show as uid \(uid): \(shown.output)")
        let shownAnswer = try JSONDecoder().decode(GetCustomerResponse.self, from: Data(shown.stdout.utf8))

        let relay = try await PeerUIDRelay.start(uid: uid, target: socket, in: folder)
        let client = RPCClient(.socket(relay.socketPath), maxAttempts: 1)
        do {
            var query = records[0]
            query.ref = SourceRef(sourceSystem: "CALL", sourceKey: "Q-1")
            let customer = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: code))
            let view = try await client.call(IdentityAPI.getCustomer360, GetCustomer360Request(customerCode: code))
            let resolved = try await client.call(IdentityAPI.resolveParty, ResolvePartyRequest(query: query))
            let reviews = try await client.call(IdentityAPI.listReviewItems, ListReviewItemsRequest())
            let latin = try await client.call(IdentityAPI.getCustomer360,
                                              GetCustomer360Request(customerCode: latinCode))
            await client.close()
            await relay.stop()
            let encoder = JSONEncoder()
            let parts = [try encoder.encode(customer), try encoder.encode(view), try encoder.encode(resolved),
                         try encoder.encode(reviews)].map { String(decoding: $0, as: UTF8.self) }
            return Answers(shown: shownAnswer, customer: customer, view: view, resolved: resolved, reviews: reviews,
                           latin: latin, json: ([shown.stdout] + parts).joined(separator: "\n"))
        } catch {
            await client.close()
            await relay.stop()
            throw error
        }
    }
}
