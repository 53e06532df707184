import Crypto
import Foundation

/// A keyed hash of a normalised personal value, stored next to its ciphertext so records can be matched and
/// blocked by equality without decrypting anything.
///
/// The hash is HMAC-SHA256, keyed with the matching subkey of the key named by `CLM_PII_MATCH_KEY_ID`, over a
/// fixed label, the length-prefixed *domain* and the length-prefixed value in Unicode NFC. The domain
/// (`"phone"`, `"id_number/resident"`) keeps the same digits in different kinds of field from matching; use
/// one domain for every field that should match each other (mobile and home phone alike).
///
/// The value must already be normalised by the caller (IdentityNormalization: widths, case, spaces, ID
/// check digits): the hash only brings canonically equivalent strings to one byte form. Invalid values
/// should not be hashed at all, since they are not used for matching.
///
/// Without the key the hash cannot be reversed by trying every phone number. It is deterministic for one
/// key, so it reveals which records share a value — that is its purpose.
///
/// Rotation: the matching subkey is separate from the encryption subkey so that encryption keys can rotate
/// without touching hashes. Changing the matching key changes every hash: all stored hashes must be
/// recomputed from the decrypted values before the new key is used for lookups. Each ``MatchingDigest``
/// records its key id, so stale hashes can be found with ``isCurrent(_:)``.
public struct MatchingHash: Sendable {
    static let label = Array("clm-personal-data/match/v1".utf8)

    /// The id of the key whose matching subkey this hasher uses.
    public let keyID: UInt8
    private let subkey: MatchingSubkey

    public init(keys: PersonalDataKeys) {
        keyID = keys.matchingKeyID
        // `PersonalDataKeys` guarantees the matching key id is configured.
        subkey = keys.subkeys[keys.matchingKeyID]!.matching
    }

    /// The keyed hash of a normalised value in a domain.
    public func digest(_ normalised: String, domain: String) -> MatchingDigest {
        var message = Self.label
        appendLengthPrefixed(domain.utf8, to: &message)
        appendLengthPrefixed(Self.canonical(normalised).utf8, to: &message)
        var mac = subkey.keyed
        mac.update(data: message)
        return MatchingDigest(keyID: keyID, bytes: Array(mac.finalize()))
    }

    /// The keyed hash as 64 lower-case hex digits.
    public func hex(_ normalised: String, domain: String) -> String {
        digest(normalised, domain: domain).hex
    }

    /// Whether a stored digest was made with this hasher's key (otherwise it must be recomputed).
    public func isCurrent(_ digest: MatchingDigest) -> Bool { digest.keyID == keyID }

    /// HMAC-SHA256 of a message: the primitive, exposed to tests for published test vectors.
    static func authenticationCode(_ message: [UInt8], key: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }

    /// HMAC-SHA256 under a key given as bytes, for published test vectors.
    static func authenticationCode(_ message: [UInt8], keyBytes: [UInt8]) -> [UInt8] {
        authenticationCode(message, key: SymmetricKey(data: keyBytes))
    }

    /// Unicode NFC, skipped for text that is NFC already whatever surrounds its scalars: ASCII, and Chinese names and
    /// addresses (Foundation's NFC was a fifth of bulk blocking, which hashes ten million keys).
    static func canonical(_ value: String) -> String {
        if value.unicodeScalars.allSatisfy(isStableInNFC) { return value }
        return value.precomposedStringWithCanonicalMapping
    }

    /// Scalars with NFC_Quick_Check=Yes and combining class 0: none changes under NFC or composes with a neighbour.
    /// ASCII, the middle dot of transliterated names, and the CJK unified ideographs (base block, extensions A
    /// and B); not the compatibility ideographs, which decompose.
    static func isStableInNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0xB7, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2A6DF: true
        default: false
        }
    }
}

/// A matching hash and the id of the key that made it.
public struct MatchingDigest: Sendable, Hashable {
    /// The key id whose matching subkey made the hash.
    public let keyID: UInt8
    /// The 32 bytes of HMAC-SHA256 (for a `bytea` column).
    public let bytes: [UInt8]

    public init(keyID: UInt8, bytes: [UInt8]) {
        self.keyID = keyID
        self.bytes = bytes
    }

    /// The hash as 64 lower-case hex digits (without the key id).
    public var hex: String { hexString(bytes) }
}
