import Crypto

/// The AES-256-GCM key of one master key. A type of its own so it cannot be handed to the matching hash.
struct EncryptionSubkey: @unchecked Sendable {
    // `SymmetricKey` is not declared Sendable, but it is an immutable value whose storage is never mutated
    // after creation (and is zeroed when freed), so sharing it across threads is safe.
    let key: SymmetricKey
}

/// The HMAC-SHA256 key of one master key. A type of its own so it cannot be handed to the field cipher.
struct MatchingSubkey: @unchecked Sendable {
    // As for `EncryptionSubkey`: immutable values, safe to share. `keyed` is only ever copied, never updated
    // in place; its hash states are copy-on-write, so each copy's update copies the state first.
    let key: SymmetricKey
    /// HMAC already keyed (inner and outer pads absorbed): copying it saves the key schedule per hash.
    let keyed: HMAC<SHA256>

    init(key: SymmetricKey) {
        self.key = key
        keyed = HMAC<SHA256>(key: key)
    }
}

/// Both subkeys derived from one master key with HKDF-SHA256.
struct Subkeys: Sendable {
    /// HKDF salt shared by every derivation (HKDF's extract step; the master key is already uniform).
    static let salt = Array("clm-personal-data/hkdf-salt/v1".utf8)
    /// HKDF info label of the field-encryption subkey.
    static let encryptionInfo = Array("clm-personal-data/field-encryption/aes-256-gcm/v1".utf8)
    /// HKDF info label of the matching subkey.
    static let matchingInfo = Array("clm-personal-data/matching-hash/hmac-sha256/v1".utf8)

    let encryption: EncryptionSubkey
    let matching: MatchingSubkey

    init(master: [UInt8]) {
        let input = SymmetricKey(data: master)
        encryption = EncryptionSubkey(key: HKDF<SHA256>.deriveKey(
            inputKeyMaterial: input, salt: Self.salt, info: Self.encryptionInfo, outputByteCount: 32))
        matching = MatchingSubkey(key: HKDF<SHA256>.deriveKey(
            inputKeyMaterial: input, salt: Self.salt, info: Self.matchingInfo, outputByteCount: 32))
    }
}

extension SymmetricKey {
    /// The key's bytes, for tests comparing subkeys (never logged, never returned publicly).
    var bytesForTesting: [UInt8] { withUnsafeBytes { Array($0) } }
}

/// Appends a 32-bit big-endian length and the bytes, so concatenated fields cannot be confused.
func appendLengthPrefixed(_ bytes: some Collection<UInt8>, to buffer: inout [UInt8]) {
    let count = UInt32(bytes.count)
    buffer += [UInt8(count >> 24), UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 8),
               UInt8(truncatingIfNeeded: count)]
    buffer += bytes
}

/// Lower-case hexadecimal of bytes.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0x0F)]) }
    return String(decoding: out, as: UTF8.self)
}
