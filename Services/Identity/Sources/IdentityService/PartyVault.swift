import Foundation
import NIOCore
import IdentityAPI
import IdentityMatching
import IdentityResolution
import PersonalData
import WireCodec

/// Everything identity does with personal data at rest: sealing and opening the stored forms of a party record,
/// and the keyed hashes that blocking keys and guard-rail identifiers are stored as (issue 3 item 8).
struct PartyVault: Sendable {
    let cipher: FieldCipher
    let hash: MatchingHash

    /// Reads the keys from the service's environment.
    /// - Throws: `PersonalDataKeyError` saying which variable is missing or malformed.
    init(environment: [String: String]) throws {
        let keys = try PersonalDataKeys(configuration: environment)
        cipher = FieldCipher(keys: keys)
        hash = MatchingHash(keys: keys)
    }

    /// The column a sealed value lives in, bound into its ciphertext with the record's source reference.
    enum Column: String {
        case record = "party_record.record"
        case normalised = "party_record.normalised"
        case matchFields = "party_record.match_fields"
        case golden = "customer.golden"
        case reviewCandidate = "review_item.candidate"
        case modelParameters = "match_model.parameters"
    }

    func seal(_ bytes: [UInt8], _ column: Column, owner: String) throws -> [UInt8] {
        try cipher.encrypt(bytes: bytes, context: FieldContext(field: column.rawValue, record: owner))
    }

    func open(_ bytes: [UInt8], _ column: Column, owner: String) throws -> [UInt8] {
        try cipher.decryptBytes(bytes, context: FieldContext(field: column.rawValue, record: owner))
    }

    func seal<M: WireMessage>(message: M, _ column: Column, owner: String) throws -> [UInt8] {
        try seal(Array(WireCodec.encode(message).readableBytesView), column, owner: owner)
    }

    func open<M: WireMessage>(_ type: M.Type, _ bytes: [UInt8], _ column: Column, owner: String) throws -> M {
        let plain = try open(bytes, column, owner: owner)
        return try WireCodec.decode(M.self, from: ByteBufferAllocator().buffer(bytes: plain))
    }

    /// A blocking key as stored in `match_key`: the first 8 bytes of its keyed hash.
    func blockKey(_ key: BlockingKey) -> Int64 {
        let digest = hash.digest(key.value, domain: "block/" + key.rule).bytes
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int64(bitPattern: value)
    }

    /// A guard-rail identifier as stored: `type=<keyed hash>`.
    func identifier(type: String, value: String) -> String {
        type + "=" + hash.hex(value, domain: "identifier/" + type)
    }

    /// A record's identifiers in stored form.
    func identifiers(_ plain: [String: String]) -> [String: String] {
        var hashed: [String: String] = [:]
        for (type, value) in plain { hashed[type] = hash.hex(value, domain: "identifier/" + type) }
        return hashed
    }
}

/// The owner string a party record's ciphertexts are bound to.
func owner(of ref: SourceRef) -> String { ref.sourceSystem + "/" + ref.sourceKey }
