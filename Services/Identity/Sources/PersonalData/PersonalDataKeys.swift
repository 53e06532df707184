import Crypto
import Foundation

/// The keys that protect personal data, parsed from configuration.
///
/// Configuration holds *master* keys; nothing ever uses a master key directly. From each master key two
/// subkeys are derived with HKDF-SHA256 (fixed salt, distinct info labels), one for ``FieldCipher`` and one
/// for ``MatchingHash``, so neither use can be turned into the other.
///
/// A master key is written `ID:BASE64` — `ID` a key id from 1 to 255, `BASE64` standard base64 of exactly 32
/// random bytes (`head -c 32 /dev/urandom | base64`). The current key may also be written as bare base64,
/// which means key id 1. Older keys are a comma-separated list of `ID:BASE64` entries.
///
/// | variable               | meaning                                                              |
/// |------------------------|----------------------------------------------------------------------|
/// | `CLM_PII_KEY`          | the current key: it encrypts every new value (and still decrypts)   |
/// | `CLM_PII_OLD_KEYS`     | retired keys: they only decrypt values written before a rotation    |
/// | `CLM_PII_MATCH_KEY_ID` | whose matching subkey hashes; required once more than one key exists |
///
/// Rotating the encryption key: give the new key a new id in `CLM_PII_KEY`, move the old one to
/// `CLM_PII_OLD_KEYS`, set `CLM_PII_MATCH_KEY_ID` to the id the stored hashes were made with (so nothing is
/// re-hashed), re-encrypt at leisure with ``FieldCipher/reencrypt(_:context:)``, and drop an old key from the
/// list once no ciphertext names it. Changing `CLM_PII_MATCH_KEY_ID` changes every matching hash: all stored
/// hashes must then be recomputed from the decrypted values (see ``MatchingHash``). The match key id is not
/// defaulted when several keys are configured, so a rotation can never silently break matching.
///
/// Reading the environment is the caller's job: pass its dictionary to ``init(configuration:)``.
public struct PersonalDataKeys: Sendable {
    /// The configuration variable holding the current master key.
    public static let currentKeyVariable = "CLM_PII_KEY"
    /// The configuration variable holding retired master keys.
    public static let oldKeysVariable = "CLM_PII_OLD_KEYS"
    /// The configuration variable naming the key whose matching subkey is used.
    public static let matchingKeyIDVariable = "CLM_PII_MATCH_KEY_ID"
    /// The length of a master key in bytes.
    public static let masterKeyByteCount = 32

    /// The id of the key that encrypts new values.
    public let currentKeyID: UInt8
    /// The id of the key whose matching subkey computes matching hashes.
    public let matchingKeyID: UInt8
    /// Every configured key id, current first, then the old ones in configuration order.
    public let keyIDs: [UInt8]

    /// Subkeys per key id. Master keys are not kept once derived.
    let subkeys: [UInt8: Subkeys]

    /// Parses keys from a configuration dictionary, e.g. the process environment.
    public init(configuration: [String: String]) throws(PersonalDataKeyError) {
        guard let current = configuration[Self.currentKeyVariable],
              !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .missingKey(variable: Self.currentKeyVariable)
        }
        try self.init(current: current, old: configuration[Self.oldKeysVariable],
                      matchingKeyID: configuration[Self.matchingKeyIDVariable])
    }

    /// Parses keys from their configuration texts (formats as in the type's documentation).
    /// - Parameters:
    ///   - current: `ID:BASE64`, or bare `BASE64` for key id 1.
    ///   - old: comma-separated `ID:BASE64` entries; `nil` or blank for none.
    ///   - matchingKeyID: a configured key id; may be `nil` only when a single key is configured.
    public init(current: String, old: String? = nil, matchingKeyID: String? = nil) throws(PersonalDataKeyError) {
        let currentEntry = try Self.parseEntry(current, variable: Self.currentKeyVariable, idOptional: true)
        var entries = [currentEntry]
        for text in (old ?? "").split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let entry = try Self.parseEntry(trimmed, variable: Self.oldKeysVariable, idOptional: false)
            guard !entries.contains(where: { $0.id == entry.id }) else { throw .duplicateKeyID(entry.id) }
            entries.append(entry)
        }
        let matching: UInt8
        if let text = matchingKeyID?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            guard let id = Self.parseKeyID(text) else {
                throw .invalidKeyID(text, variable: Self.matchingKeyIDVariable)
            }
            guard entries.contains(where: { $0.id == id }) else { throw .matchingKeyNotConfigured(id) }
            matching = id
        } else if entries.count == 1 {
            matching = currentEntry.id
        } else {
            throw .matchingKeyUnspecified
        }
        self.init(masterKeys: entries.map { ($0.id, $0.bytes) }, currentKeyID: currentEntry.id, matchingKeyID: matching)
    }

    /// Builds keys from already-decoded master keys (ids and 32 bytes each); `currentKeyID` says which one
    /// encrypts, `matchingKeyID` which one hashes (both must be among them).
    init(masterKeys: [(id: UInt8, bytes: [UInt8])], currentKeyID: UInt8, matchingKeyID: UInt8) {
        var subkeys: [UInt8: Subkeys] = [:]
        for (id, bytes) in masterKeys { subkeys[id] = Subkeys(master: bytes) }
        self.currentKeyID = currentKeyID
        self.matchingKeyID = matchingKeyID
        self.keyIDs = [currentKeyID] + masterKeys.map(\.id).filter { $0 != currentKeyID }
        self.subkeys = subkeys
    }

    /// A fresh random master key in configuration form (`ID:BASE64`), for setting up a deployment or a test.
    public static func generateMasterKey(id: UInt8) -> String {
        let key = SymmetricKey(size: .bits256)
        let base64 = key.withUnsafeBytes { Data($0).base64EncodedString() }
        return "\(id):\(base64)"
    }

    // MARK: - Parsing

    private static func parseEntry(_ text: String, variable: String, idOptional: Bool)
        throws(PersonalDataKeyError) -> (id: UInt8, bytes: [UInt8]) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missingKey(variable: variable) }
        let id: UInt8
        let encoded: Substring
        if let colon = trimmed.firstIndex(of: ":") {
            let idText = String(trimmed[..<colon])
            guard let parsed = parseKeyID(idText) else { throw .invalidKeyID(idText, variable: variable) }
            id = parsed
            encoded = trimmed[trimmed.index(after: colon)...]
        } else if idOptional {
            id = 1
            encoded = Substring(trimmed)
        } else {
            throw .missingKeyID(variable: variable)
        }
        guard let data = Data(base64Encoded: String(encoded)) else { throw .notBase64(keyID: id, variable: variable) }
        guard data.count == masterKeyByteCount else {
            throw .wrongLength(keyID: id, variable: variable, byteCount: data.count)
        }
        return (id, [UInt8](data))
    }

    private static func parseKeyID(_ text: String) -> UInt8? {
        guard let id = UInt8(text.trimmingCharacters(in: .whitespaces)), id != 0 else { return nil }
        return id
    }
}

/// Why personal-data keys could not be read from configuration. Messages name the variable, never the key.
public enum PersonalDataKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable is absent or blank.
    case missingKey(variable: String)
    /// An entry is not valid standard base64.
    case notBase64(keyID: UInt8, variable: String)
    /// An entry decodes to the wrong number of bytes (32 are required).
    case wrongLength(keyID: UInt8, variable: String, byteCount: Int)
    /// A key id is not a whole number from 1 to 255.
    case invalidKeyID(String, variable: String)
    /// An old key was given without its `ID:` prefix.
    case missingKeyID(variable: String)
    /// Two configured keys share an id.
    case duplicateKeyID(UInt8)
    /// Several keys are configured but `CLM_PII_MATCH_KEY_ID` does not say which one hashes.
    case matchingKeyUnspecified
    /// `CLM_PII_MATCH_KEY_ID` names a key that is not configured.
    case matchingKeyNotConfigured(UInt8)

    public var description: String {
        switch self {
        case let .missingKey(variable):
            "personal-data key missing: set \(variable) to ID:BASE64 of 32 random bytes"
        case let .notBase64(id, variable):
            "personal-data key \(id) in \(variable) is not valid base64"
        case let .wrongLength(id, variable, count):
            "personal-data key \(id) in \(variable) is \(count) bytes; it must be \(PersonalDataKeys.masterKeyByteCount)"
        case let .invalidKeyID(text, variable):
            "key id '\(text)' in \(variable) is not a number from 1 to 255"
        case let .missingKeyID(variable):
            "an entry in \(variable) lacks its key id: write ID:BASE64"
        case let .duplicateKeyID(id):
            "personal-data key id \(id) is configured twice"
        case .matchingKeyUnspecified:
            "several personal-data keys are configured: set \(PersonalDataKeys.matchingKeyIDVariable) to the id whose matching hashes are stored"
        case let .matchingKeyNotConfigured(id):
            "\(PersonalDataKeys.matchingKeyIDVariable) names key \(id), which is not configured"
        }
    }
}
