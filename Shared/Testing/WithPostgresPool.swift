import Logging
public import Store

/// Runs `body` with a new pool for `configuration` and closes the pool afterwards, also when
/// `body` throws, so a test never leaves database threads or connections behind.
/// - Parameters:
///   - configuration: Where the pool connects.
///   - label: The pool's logger label.
///   - body: The test's work with the pool.
/// - Returns: What `body` returned.
public func withPostgresPool<T: Sendable>(
    _ configuration: PostgresConfiguration,
    label: String = "clm.test.pool",
    _ body: (PostgresPool) async throws -> T
) async throws -> T {
    let pool = PostgresPool(configuration: configuration, logger: Logger(label: label))
    do {
        let value = try await body(pool)
        await pool.close()
        return value
    } catch {
        await pool.close()
        throw error
    }
}
