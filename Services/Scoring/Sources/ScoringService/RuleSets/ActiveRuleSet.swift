import ScoringAPI
import Store
import Synchronization

/// The active rule set, read once per activation: each use asks the database which version is active (one
/// indexed row) and decodes its body only when that changed, so a replica follows another's activation at its
/// next batch.
final class ActiveRuleSet: Sendable {
    private let cache = Mutex<RuleSet?>(nil)

    /// The active rule set now; nil when none was ever activated.
    func current(on connection: PostgresConnection) throws -> RuleSet? {
        let store = RuleSetStore(connection: connection)
        guard let ref = try store.activeRef() else {
            cache.withLock { $0 = nil }
            return nil
        }
        if let cached = cache.withLock({ $0 }), cached.ruleSetId == ref.ruleSetId, cached.version == ref.version {
            return cached
        }
        let loaded = try store.active()
        cache.withLock { $0 = loaded }
        return loaded
    }
}
