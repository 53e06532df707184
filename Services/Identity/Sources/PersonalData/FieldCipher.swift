import Crypto
import Foundation

/// Where an encrypted value lives: the field and the record. It is authenticated with the ciphertext (as
/// AES-GCM associated data), so a ciphertext copied to another row or another column fails to decrypt.
///
/// Use a record key that never changes for the row's life — the source system and source key of a party
/// record (`"crm/C0001"`), not a customer code, which merges and splits can change.
public struct FieldContext: Sendable, Hashable {
    /// The field, e.g. `"party.id_number"` or `"party.phone"`.
    public let field: String
    /// The record's stable key, e.g. `"crm/C0001"`.
    public let record: String

    public init(field: String, record: String) {
        self.field = field
        self.record = record
    }
}

/// Encrypts personal values with AES-256-GCM under the current key and decrypts them under any configured key.
///
/// A ciphertext is self-describing, ready for a `bytea` column (30 bytes longer than the UTF-8 value):
///
/// | offset     | length | content                               |
/// |------------|--------|---------------------------------------|
/// | 0          | 1      | format version, `0x01`                |
/// | 1          | 1      | key id (1…255)                        |
/// | 2          | 12     | random nonce                          |
/// | 14         | n      | AES-GCM ciphertext of the UTF-8 value |
/// | 14 + n     | 16     | GCM tag                               |
///
/// The associated data is a fixed label, the version and key id bytes, and the length-prefixed field and
/// record of the ``FieldContext``: changing the header, the nonce, the ciphertext, the tag or the context
/// makes decryption fail. Nonces are random; with 96-bit nonces a key should seal fewer than 2³² values
/// (NIST SP 800-38D), far above a book of business — rotate well before that.
public struct FieldCipher: Sendable {
    /// The format version this code writes and reads.
    public static let formatVersion: UInt8 = 1
    /// Bytes added to the UTF-8 length of a value: version, key id, nonce, tag.
    public static let overhead = 2 + nonceByteCount + tagByteCount
    static let nonceByteCount = 12
    static let tagByteCount = 16
    static let associatedDataLabel = Array("clm-personal-data/field/v1".utf8)

    private let keys: PersonalDataKeys

    public init(keys: PersonalDataKeys) {
        self.keys = keys
    }

    /// Encrypts a value for the given field and record under the current key.
    public func encrypt(_ value: String, context: FieldContext) throws(FieldCipherError) -> [UInt8] {
        try encrypt(bytes: Array(value.utf8), context: context)
    }

    /// Encrypts bytes (a whole record's encoding, say) for the given field and record under the current key.
    public func encrypt(bytes value: [UInt8], context: FieldContext) throws(FieldCipherError) -> [UInt8] {
        let keyID = keys.currentKeyID
        guard let subkey = keys.subkeys[keyID]?.encryption else { throw .unknownKeyID(keyID) }
        let associated = Self.associatedData(version: Self.formatVersion, keyID: keyID, context: context)
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(value, using: subkey.key, authenticating: associated)
        } catch {
            throw .encryptionFailed
        }
        var out: [UInt8] = [Self.formatVersion, keyID]
        out.reserveCapacity(Self.overhead + value.count)
        box.nonce.withUnsafeBytes { out += $0 }
        out += box.ciphertext
        out += box.tag
        return out
    }

    /// Decrypts a ciphertext written by ``encrypt(_:context:)`` for the same context, under whichever
    /// configured key its key id names.
    public func decrypt(_ ciphertext: [UInt8], context: FieldContext) throws(FieldCipherError) -> String {
        let plain = try decryptBytes(ciphertext, context: context)
        guard let value = String(validating: plain, as: UTF8.self) else { throw .notUTF8 }
        return value
    }

    /// Decrypts a ciphertext written by ``encrypt(bytes:context:)`` for the same context.
    public func decryptBytes(_ ciphertext: [UInt8], context: FieldContext) throws(FieldCipherError) -> [UInt8] {
        let keyID = try Self.keyID(of: ciphertext)
        guard let subkey = keys.subkeys[keyID]?.encryption else { throw .unknownKeyID(keyID) }
        let nonceEnd = 2 + Self.nonceByteCount
        let tagStart = ciphertext.count - Self.tagByteCount
        let associated = Self.associatedData(version: ciphertext[0], keyID: keyID, context: context)
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: ciphertext[2..<nonceEnd]),
                ciphertext: ciphertext[nonceEnd..<tagStart], tag: ciphertext[tagStart...])
            return Array(try AES.GCM.open(box, using: subkey.key, authenticating: associated))
        } catch {
            throw .authenticationFailed(keyID: keyID)
        }
    }

    /// Whether a ciphertext was written under an older key and should be re-encrypted.
    public func needsReencryption(_ ciphertext: [UInt8]) throws(FieldCipherError) -> Bool {
        try Self.keyID(of: ciphertext) != keys.currentKeyID
    }

    /// Decrypts under whichever key wrote the value and encrypts again under the current key (key rotation).
    public func reencrypt(_ ciphertext: [UInt8], context: FieldContext) throws(FieldCipherError) -> [UInt8] {
        try encrypt(decrypt(ciphertext, context: context), context: context)
    }

    /// The key id a ciphertext names, after checking its version and minimum length (no key needed).
    public static func keyID(of ciphertext: [UInt8]) throws(FieldCipherError) -> UInt8 {
        guard ciphertext.count >= overhead else { throw .truncated(byteCount: ciphertext.count) }
        guard ciphertext[0] == formatVersion else { throw .unsupportedVersion(ciphertext[0]) }
        return ciphertext[1]
    }

    static func associatedData(version: UInt8, keyID: UInt8, context: FieldContext) -> [UInt8] {
        var out = associatedDataLabel
        out += [version, keyID]
        appendLengthPrefixed(context.field.utf8, to: &out)
        appendLengthPrefixed(context.record.utf8, to: &out)
        return out
    }
}

/// Why a personal value could not be encrypted or decrypted. Messages never contain the value.
public enum FieldCipherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Shorter than version, key id, nonce and tag together.
    case truncated(byteCount: Int)
    /// A format version this code does not read.
    case unsupportedVersion(UInt8)
    /// The ciphertext names a key id that is not configured.
    case unknownKeyID(UInt8)
    /// The tag does not verify: the bytes were altered, the context differs, or the key is wrong.
    case authenticationFailed(keyID: UInt8)
    /// The decrypted bytes are not UTF-8 (cannot happen for values written by ``FieldCipher``).
    case notUTF8
    /// The cryptographic library refused to encrypt.
    case encryptionFailed

    public var description: String {
        switch self {
        case let .truncated(count):
            "encrypted personal value is \(count) bytes, shorter than the \(FieldCipher.overhead)-byte minimum"
        case let .unsupportedVersion(version):
            "encrypted personal value has unsupported format version \(version)"
        case let .unknownKeyID(id):
            "encrypted personal value names key id \(id), which is not configured (CLM_PII_KEY / CLM_PII_OLD_KEYS)"
        case let .authenticationFailed(id):
            "encrypted personal value failed authentication under key \(id): altered, or moved from another field or record"
        case .notUTF8:
            "decrypted personal value is not UTF-8"
        case .encryptionFailed:
            "personal value could not be encrypted"
        }
    }
}
