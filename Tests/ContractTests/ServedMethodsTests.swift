import CLMTesting
import Foundation
import Models
import NIOCore
import RPC
import ServiceAPI
import ServiceRuntime
import Testing
import WireCodec

/// Each service serves exactly the methods of its proto service and the shared ones, with the request and response
/// types protoc-c's descriptors give, and says truthfully which are not built yet.
@Suite struct ServedMethodsTests {
    @Test(arguments: ServiceName.allCases)
    func definitionIsTheServiceItIsListedAs(service: ServiceName) {
        #expect(definition(of: service).name == service)
    }

    @Test(arguments: ServiceName.allCases)
    func servesExactlyItsProtoMethodsAndTheSharedOnes(service: ServiceName) async throws {
        let expected = Set(try protoMethods(of: service).map(\.path))
        // The shared services alone have three methods; a service proto with none would be a broken build.
        #expect(expected.count > 3)
        #expect(expected.contains("/clm.rpc.v1.Health/Check"))
        #expect(expected.contains("/clm.rpc.v1.Reflection/ListMethods"))
        #expect(expected.contains("/clm.common.v1.EventFeed/ListEvents"))
        #expect(Set(CommonAPI.sharedServices) == Set(sharedProtoServices))
        try await withServedRouter(service) { router, _ in
            let served = Set(router.routes.keys)
            #expect(served.subtracting(expected).isEmpty,
                    "served but in no proto service: \(served.subtracting(expected).sorted())")
            #expect(expected.subtracting(served).isEmpty,
                    "in the proto but not served: \(expected.subtracting(served).sorted())")
            #expect(served == expected)
            // Every route is filed under its own path.
            for (path, route) in router.routes { #expect(route.path == path) }
        }
        // MethodCatalog, which the runtime uses, agrees with the descriptors.
        #expect(Set(MethodCatalog.protoMethods(of: service).map(\.path)) == expected)
    }

    @Test(arguments: ServiceName.allCases)
    func everyRouteCarriesTheDescriptorsRequestAndResponseTypes(service: ServiceName) async throws {
        let methods = try protoMethods(of: service)
        try await withServedRouter(service) { router, _ in
            for method in methods {
                let route = try #require(router.route(method.path), "\(method.path) is not served")
                #expect(route.requestType == method.inputType, "\(method.path) request type")
                #expect(route.responseType == method.outputType, "\(method.path) response type")
                // A type name the codec cannot find could never be decoded.
                #expect(WireSchema.message(named: route.requestType) != nil, "\(route.requestType)")
                #expect(WireSchema.message(named: route.responseType) != nil, "\(route.responseType)")
            }
        }
    }

    @Test(arguments: ServiceName.allCases)
    func everyRouteIsBuiltOrDeclaredNotYetBuilt(service: ServiceName) async throws {
        let ownMethods = try #require(WireSchema.services.first { $0.name == service.protoService }).methods
        let ownNames = Set(ownMethods.map(\.name))
        try await withServedRouter(service) { router, definition in
            for route in router.routes.values where !route.isImplemented {
                let short = String(route.path.split(separator: "/").last ?? "")
                #expect(route.path == "/\(service.protoService)/\(short)",
                        "\(route.path): only the service's own methods may be not built")
                #expect(definition.notYetBuilt[short] != nil, "\(route.path) is not built but not declared so")
            }
            for (name, reason) in definition.notYetBuilt {
                #expect(ownNames.contains(name), "notYetBuilt names '\(name)', which \(service.protoService) lacks")
                #expect(!reason.isEmpty, "\(name) is declared not built without a reason")
                let route = router.route("/\(service.protoService)/\(name)")
                #expect(route != nil, "\(name) is declared not built but not served at all")
                #expect(route?.isImplemented == false, "\(name) is built but still listed as not built")
            }
        }
    }

    @Test(arguments: ServiceName.allCases)
    func healthAndReflectionAreOpenAndTheFeedNeedsARole(service: ServiceName) async throws {
        try await withServedRouter(service) { router, _ in
            let check = try #require(router.route(CommonAPI.check.path))
            let listMethods = try #require(router.route(CommonAPI.listMethods.path))
            let listEvents = try #require(router.route(CommonAPI.listEvents.path))
            #expect(check.roles.isEmpty)
            #expect(listMethods.roles.isEmpty)
            #expect(!listEvents.roles.isEmpty)
            #expect(listEvents.roles == CommonAPI.feedReaders)
            #expect(check.isImplemented && listMethods.isImplemented && listEvents.isImplemented)
        }
    }

    @Test(arguments: ServiceName.allCases)
    func listMethodsOverTheSocketAnswersWhatTheRouterServes(service: ServiceName) async throws {
        let methods = try protoMethods(of: service)
        try await withServedRouter(service) { router, definition in
            // No roles at all: ListMethods is open to every caller.
            let answer = try await withServer(router, policy: AccessPolicy(rolesByUID: [:])) { client in
                try await client.call(CommonAPI.listMethods, ListMethodsRequest())
            }
            #expect(answer.service == service.rawValue)
            #expect(answer.methods == router.methods)
            #expect(answer.methods.map(\.name) == methods.map(\.path).sorted())
            for method in methods {
                let info = try #require(answer.methods.first { $0.name == method.path })
                #expect(info.requestType == method.inputType)
                #expect(info.responseType == method.outputType)
                let own = method.path.hasPrefix("/\(service.protoService)/")
                let notBuilt = own && definition.notYetBuilt[method.name] != nil
                #expect(info.implemented == !notBuilt, "\(method.path) implemented flag")
                if notBuilt {
                    let roles = definition.roles[method.name] ?? MethodCatalog.defaultRoles(for: method.name)
                    #expect(info.roles == roles.sorted().map(\.rawValue), "\(method.path) roles")
                }
            }
        }
    }

    @Test(arguments: ServiceName.allCases)
    func notYetBuiltMethodsAnswerUnimplementedNamingTheMethod(service: ServiceName) async throws {
        try await withServedRouter(service) { router, definition in
            let paths = definition.notYetBuilt.keys.sorted().map { "/\(service.protoService)/\($0)" }
            let admin = AccessPolicy(rolesByUID: [getuid(): [.admin]])
            let failures = try await withServer(router, policy: admin) { client in
                var failures: [String: RPCError] = [:]
                for path in paths {
                    do throws(RPCError) {
                        _ = try await client.call(path, payload: ByteBuffer(), idempotent: false,
                                                  timeout: .seconds(10), traceID: nil)
                    } catch {
                        failures[path] = error
                    }
                }
                return failures
            }
            for path in paths {
                let error = try #require(failures[path], "\(path) answered OK")
                #expect(error.status == .unimplemented, "\(path): \(error)")
                #expect(error.message.contains(path), "\(path): \(error.message)")
            }
        }
    }

    @Test(arguments: ServiceName.allCases)
    func theFeedRefusesACallerWithoutARole(service: ServiceName) async throws {
        try await withServedRouter(service) { router, _ in
            let outcome = try await withServer(router, policy: AccessPolicy(rolesByUID: [:])) { client in
                do throws(RPCError) {
                    _ = try await client.call(CommonAPI.listEvents, ListEventsRequest(after: 0))
                    return RPCStatus.ok
                } catch {
                    return error.status
                }
            }
            #expect(outcome == .permissionDenied)
        }
    }
}

/// Serves `router` on a socket in a fresh folder, runs `body` with a client of it, then stops and cleans up.
private func withServer<T: Sendable>(_ router: RPCRouter, policy: AccessPolicy,
                                     _ body: (RPCClient) async throws -> T) async throws -> T {
    let folder = try SocketFolder()
    defer { folder.remove() }
    let server = try await RunningServer.start(at: folder.socket("contract"), router: router, policy: policy)
    let client = RPCClient(.socket(server.path), maxAttempts: 1)
    do {
        let result = try await body(client)
        await client.close()
        try await server.stop()
        return result
    } catch {
        await client.close()
        await server.stopQuietly()
        throw error
    }
}
