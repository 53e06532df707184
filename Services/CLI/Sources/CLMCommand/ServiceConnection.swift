import Models
import NIOCore
import RPC

/// One command's connection to one of the suite's services.
///
/// Each call waits up to `--timeout` seconds; a failure becomes a ``CommandFailure`` that carries the service's status
/// and message as they came (`identity: NOT_FOUND: no customer C7K3M9QX2PAH`), so the command exits 1 with it.
struct ServiceConnection {
    let service: ServiceName
    fileprivate let client: RPCClient
    fileprivate let timeout: Int64

    /// Calls `method` with `request`.
    /// - Throws: ``CommandFailure`` worded by ``explain(_:service:)``.
    func call<Request, Response>(_ method: RPCMethod<Request, Response>, _ request: Request) async throws -> Response {
        do {
            return try await client.call(method, request, timeout: .seconds(timeout))
        } catch {
            throw CommandFailure(explain(error, service: service))
        }
    }
}

extension GlobalOptions {
    /// Runs `body` with a connection to `service` (found under `--socket-dir`), closed afterwards whether or not
    /// `body` throws.
    func withService<Value>(_ service: ServiceName, _ body: (ServiceConnection) async throws -> Value)
        async throws -> Value
    {
        let client = RPCClient(.folder(layout.folder(for: service)))
        let value: Value
        do {
            value = try await body(ServiceConnection(service: service, client: client, timeout: timeout))
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        return value
    }
}
