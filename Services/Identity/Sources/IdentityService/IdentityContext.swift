import EventFeed
import Foundation
import IdentityResolution
import Logging
import RPC
import ServiceRuntime
import Store
import Synchronization

/// What identity's handlers share: the database, the outbox, personal-data keys, the matcher and the code codec.
final class IdentityContext: Sendable {
    let pool: PostgresPool
    let outbox: Outbox
    let relay: OutboxRelay
    let vault: PartyVault
    let matchers: MatcherCache
    let normalizer = PartyNormalizer()
    let survivorship: Survivorship
    let logger: Logger
    private let codec: Mutex<CustomerCodec?> = Mutex(nil)

    /// - Throws: `ConfigurationError` when the personal-data keys or the trusted sources are missing or malformed.
    init(_ dependencies: ServiceDependencies) throws {
        pool = dependencies.pool
        outbox = dependencies.outbox
        relay = dependencies.relay
        logger = dependencies.logger
        let environment = dependencies.settings.environment
        do {
            vault = try PartyVault(environment: environment)
        } catch {
            throw ConfigurationError(setting: "CLM_PII_KEY", "\(error)")
        }
        matchers = MatcherCache(vault: vault)
        let trusted = environment["CLM_IDENTITY_TRUSTED_SOURCES"] ?? ""
        guard let survivorship = Survivorship(parsing: trusted) else {
            throw ConfigurationError(setting: "CLM_IDENTITY_TRUSTED_SOURCES",
                                     "'\(trusted)' is not attribute=SYSTEM|SYSTEM;… (e.g. national_id=UW|POS)")
        }
        self.survivorship = survivorship
    }

    /// The installation's customer-code codec, read from the schema once.
    func codes(on connection: PostgresConnection) throws -> CustomerCodec {
        if let known = codec.withLock({ $0 }) { return known }
        let rows = try connection.query("SELECT code_key FROM installation")
        guard let row = rows.first else { throw StoreError(.decodingFailed, message: "installation row missing") }
        let loaded = CustomerCodec(key: try row.decode([UInt8].self, at: 0))
        codec.withLock { $0 = loaded }
        return loaded
    }

    /// A customer code as the caller typed it, in canonical form (upper case, look-alikes read), or INVALID_ARGUMENT
    /// naming `field` when it is empty or not a code.
    func canonicalCode(_ code: String, field: String, on connection: PostgresConnection) throws -> String {
        let asked = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !asked.isEmpty else { throw RPCError.invalidArgument(field: field, "required: a customer code") }
        guard let canonical = try codes(on: connection).canonical(asked) else {
            throw RPCError.invalidArgument(field: field,
                                           "'\(asked)' is not a customer code (C and 11 characters, e.g. C7K3M9QX2PAH)")
        }
        return canonical
    }
}
