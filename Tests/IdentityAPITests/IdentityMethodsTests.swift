import IdentityAPI
import Models
import RPC
import Testing
import WireCodec

/// `IdentityAPI` names exactly the rpcs of the Identity service, with their types, and retries only what is safe.
@Suite struct IdentityMethodsTests {
    @Test func methodsAreTheRPCsOfTheServiceInOrder() throws {
        let service = try #require(WireSchema.service(named: IdentityAPI.service), "no \(IdentityAPI.service)")
        #expect(service.methods.count == 24)
        #expect(IdentityAPI.methods.map(\.path) == service.methods.map(\.path))
        for (method, proto) in zip(IdentityAPI.methods, service.methods) {
            #expect(method.requestType == proto.inputType, "\(proto.path)")
            #expect(method.responseType == proto.outputType, "\(proto.path)")
        }
    }

    @Test func idempotentExactlyWhenReadOnlyOrIdempotentBySourceVersion() throws {
        // The proto marks each rpc "Read-only." or "Changes state."; of the changes, storing a source record again
        // at the same version changes nothing.
        let rpcs = try IdentityProto.load().rpcs
        #expect(rpcs.map { "/\(IdentityAPI.service)/\($0.name)" } == IdentityAPI.methods.map(\.path))
        for (rpc, method) in zip(rpcs, IdentityAPI.methods) {
            let readOnly = rpc.comment.contains("Read-only.")
            #expect(readOnly != rpc.comment.contains("Changes state."), "\(rpc.name): \(rpc.comment)")
            let bySourceVersion = rpc.name.hasPrefix("Ingest") || rpc.name == "ResolveAndStoreParty"
            #expect(method.isIdempotent == (readOnly || bySourceVersion), "\(rpc.name)")
        }
        #expect(IdentityAPI.methods.filter { !$0.isIdempotent }.map(\.path).map { $0.split(separator: "/").last! } ==
                ["StartBulkResolution", "DecideReviewItem", "MergeCustomers", "SplitCustomer", "UndoOperation",
                 "EraseCustomer"])
    }

    @Test func staticMethodsAreTheOnesListed() {
        #expect(IdentityAPI.getCustomer.path == "/clm.identity.v1.Identity/GetCustomer")
        #expect(IdentityAPI.getCustomer.isIdempotent)
        #expect(IdentityAPI.ingestParties.isIdempotent)
        #expect(!IdentityAPI.eraseCustomer.isIdempotent)
        #expect(IdentityAPI.methods.contains(MethodSignature(IdentityAPI.findCustomerBySourceKey)))
        #expect(Set(IdentityAPI.methods).count == IdentityAPI.methods.count)
    }

    @Test func feedEventTypesAreThePayloadsTheProtoAnnounces() throws {
        let announced = try IdentityProto.load().announcedFeed
        #expect(announced.count == 12)
        #expect(IdentityAPI.feedEventTypes == announced.map { "clm.identity.v1.\($0)" })
        for type in IdentityAPI.feedEventTypes {
            #expect(WireSchema.message(named: type) != nil, "\(type)")
        }
    }

    @Test func qualifiedNamesAreTheModulesTypes() {
        // The module and its enum share a name; the aliases make `IdentityAPI.X` reach the module's types.
        #expect(IdentityAPI.DocumentType.self == DocumentType.self)
        #expect(IdentityAPI.Sex.self == Sex.self)
        #expect(IdentityAPI.FieldComparison.self == FieldComparison.self)
        #expect(IdentityAPI.MatchThresholds.self == MatchThresholds.self)
        #expect(IdentityAPI.MatchOutcome.self == MatchOutcome.self)
        #expect(IdentityAPI.ReviewItem.self == ReviewItem.self)
        #expect(IdentityAPI::PartyDetails(kind: .individual, fullName: "张三").fullName == "张三")
    }
}
