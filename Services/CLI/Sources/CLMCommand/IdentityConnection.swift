import Models

extension GlobalOptions {
    /// Runs `body` with a connection to identity (found under `--socket-dir`), closed afterwards whether or not
    /// `body` throws.
    func withIdentity<Value>(_ body: (ServiceConnection) async throws -> Value) async throws -> Value {
        try await withService(.identity, body)
    }
}
