import Models
import NIOCore
import RPC

/// One command's connection to the identity service.
///
/// Each call waits up to `--timeout` seconds; a failure becomes a ``CommandFailure`` that carries the service's status
/// and message as they came (`identity: NOT_FOUND: no customer C7K3M9QX2PAH`), so the command exits 1 with it.
struct IdentityConnection {
    fileprivate let client: RPCClient
    fileprivate let timeout: Int64

    /// Calls `method` with `request`.
    /// - Throws: ``CommandFailure`` worded by ``explain(_:service:)``.
    func call<Request, Response>(_ method: RPCMethod<Request, Response>, _ request: Request) async throws -> Response {
        do {
            return try await client.call(method, request, timeout: .seconds(timeout))
        } catch {
            throw CommandFailure(explain(error, service: .identity))
        }
    }
}

extension GlobalOptions {
    /// Runs `body` with a connection to identity (found under `--socket-dir`), closed afterwards whether or not
    /// `body` throws.
    func withIdentity<Value>(_ body: (IdentityConnection) async throws -> Value) async throws -> Value {
        let client = RPCClient(.folder(layout.folder(for: .identity)))
        let value: Value
        do {
            value = try await body(IdentityConnection(client: client, timeout: timeout))
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        return value
    }
}
