import Foundation
import IdentityMatching
import IdentityResolution
import Store
import Synchronization

/// The matcher online resolution uses: the active fitted parameters in `match_model`, or the prior matcher while none
/// has been fitted. Every resolution checks the active version inside its transaction, so a replica picks up
/// parameters another replica's bulk job fitted without a restart.
final class MatcherCache: Sendable {
    /// The version name of the prior matcher.
    static let priorVersion = "prior"
    private let vault: PartyVault
    private let current: Mutex<(version: String, matcher: Matcher)?> = Mutex(nil)

    init(vault: PartyVault) { self.vault = vault }

    /// The matcher for the active version, loading it when it changed.
    func matcher(on connection: PostgresConnection) throws -> (version: String, matcher: Matcher) {
        let rows = try connection.query("SELECT version FROM match_model WHERE active")
        let version = try rows.first?.decode(String.self, at: 0) ?? Self.priorVersion
        if let cached = current.withLock({ $0 }), cached.version == version { return cached }
        let loaded = try load(version, on: connection)
        current.withLock { $0 = loaded }
        return loaded
    }

    /// Stores `matcher`'s parameters as a new version and makes it the active one.
    func activate(_ matcher: Matcher, fittedOn records: Int, on connection: PostgresConnection) throws -> String {
        let version = "m" + String(Int(Date().timeIntervalSince1970 * 1000), radix: 36)
        let json = try JSONEncoder().encode(matcher.parameters)
        let sealed = try vault.seal(Array(json), .modelParameters, owner: version)
        try connection.execute("UPDATE match_model SET active = false WHERE active")
        try connection.execute(
            "INSERT INTO match_model (version, active, fitted_on, parameters) VALUES ($1, true, $2, $3)",
            [.text(version), .int(Int64(records)), .bytes(sealed)])
        current.withLock { $0 = (version, matcher) }
        return version
    }

    private func load(_ version: String, on connection: PostgresConnection) throws -> (version: String, matcher: Matcher) {
        if version == Self.priorVersion { return (version, try Matcher.prior(settings: PartyMatching.settings)) }
        let rows = try connection.query("SELECT parameters FROM match_model WHERE version = $1", [.text(version)])
        guard let row = rows.first else { return (Self.priorVersion, try Matcher.prior(settings: PartyMatching.settings)) }
        let json = try vault.open(try row.decode([UInt8].self, at: 0), .modelParameters, owner: version)
        let parameters = try JSONDecoder().decode(MatcherParameters.self, from: Data(json))
        return (version, try Matcher(settings: PartyMatching.settings, parameters: parameters))
    }
}
