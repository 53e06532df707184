#if canImport(Glibc)
import CLMTesting
import Glibc
#endif
import Models
import NIOCore
import RPC
import Testing
import WireCodec

/// Callers are who the kernel says they are (SO_PEERCRED), and get only the methods their roles allow.
///
/// The tests run as root, so the policies below speak of uid 0.
@Suite struct AccessTests {
    @Test func aCallerWithTheRoleIsServedAndKnownByItsKernelCredentials() async throws {
        let observed = Shared(Observed())
        try await withServer(testRouter(observed: observed), policy: .rootIsOperator) { server in
            try await withClient(.socket(server.path)) { client in
                let answer = try await client.call(TestAPI.guarded, ListEventsRequest(after: 5))
                #expect(answer.headPosition == 5)
            }
            let caller = try #require(observed.current.lastContext?.caller)
            #expect(caller.uid == getuid())
            #expect(caller.gid == getgid())
            #expect(caller.pid == getpid())
            #expect(caller.roles == [.operator_])
        }
    }

    @Test func aCallerWithOtherRolesIsPermissionDenied() async throws {
        let observed = Shared(Observed())
        let policy = AccessPolicy(rolesByUID: [0: [.analyst]])
        try await withServer(testRouter(observed: observed), policy: policy) { server in
            try await withClient(.socket(server.path)) { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.call(TestAPI.guarded, ListEventsRequest(after: 5))
                }
                #expect(error?.status == .permissionDenied)
                #expect(error.mentions("uid 0"))
                #expect(error.mentions("analyst"))
                #expect(error.mentions("operator"))
                // Methods open to every caller still answer on the same connection.
                let open = try await client.call(TestAPI.echo, ListEventsRequest(after: 1))
                #expect(open.headPosition == 1)
            }
            #expect(observed.current.count("Guarded") == 0)
        }
    }

    @Test func aCallerThePolicyDoesNotNameHasNoRolesAndIsPermissionDenied() async throws {
        let policy = AccessPolicy(rolesByUID: [1000: [.operator_]])
        try await withServer(testRouter(), policy: policy) { server in
            try await withClient(.socket(server.path)) { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.call(TestAPI.guarded, ListEventsRequest(after: 5))
                }
                #expect(error?.status == .permissionDenied)
                #expect(error.mentions("no roles"))
            }
        }
    }

    @Test func anAdminPassesEveryRoleCheck() async throws {
        try await withServer(testRouter(), policy: AccessPolicy(rolesByUID: [0: [.admin]])) { server in
            try await withClient(.socket(server.path)) { client in
                let answer = try await client.call(TestAPI.guarded, ListEventsRequest(after: 2))
                #expect(answer.headPosition == 2)
            }
        }
    }
}
