/// One stored personal field of a record, as the store holds it: the ciphertext, the matching hashes that
/// index it, and — once erased — the tombstone that says so.
public struct StoredPersonalField: Sendable, Hashable {
    /// The field and record the value belongs to (also its encryption context).
    public var context: FieldContext
    /// The ``FieldCipher`` ciphertext; `nil` when there is no value or it was erased.
    public var ciphertext: [UInt8]?
    /// The matching hashes of the value (one per domain it is matched in).
    public var matchingHashes: [MatchingDigest]
    /// Set when the field was erased on request.
    public var tombstone: ErasureTombstone?

    public init(context: FieldContext, ciphertext: [UInt8]?, matchingHashes: [MatchingDigest] = [],
                tombstone: ErasureTombstone? = nil) {
        self.context = context
        self.ciphertext = ciphertext
        self.matchingHashes = matchingHashes
        self.tombstone = tombstone
    }

    /// Whether the field was erased.
    public var isErased: Bool { tombstone != nil }
}

/// The marker left where personal data was erased: which request erased it and when, never what it was.
public struct ErasureTombstone: Sendable, Hashable {
    /// The erasure request's reference (ticket or RPC request id), for the audit trail.
    public let requestID: String
    /// When the erasure happened, in seconds since 1970-01-01 UTC.
    public let erasedAt: Int64

    public init(requestID: String, erasedAt: Int64) {
        self.requestID = requestID
        self.erasedAt = erasedAt
    }
}

/// Erasure of a customer's personal data on request, as pure functions over stored values; the store applies
/// the result in one transaction.
///
/// Erasing a field replaces its ciphertext by nothing (the row's bytes are gone, not re-encrypted), removes
/// its matching hashes (so the value can no longer be found, matched or blocked on), and leaves a
/// ``ErasureTombstone`` so answers can say "erased" rather than "unknown" and an audit can show the request
/// was honoured. Non-personal data stays: customer codes, source keys, policies and money.
///
/// Keys are shared by all customers, so erasure deletes the ciphertext rather than destroying a key;
/// copies in backups disappear as the backups expire. A source record re-sent after erasure should be
/// checked against the tombstone by the importer before its personal fields are stored again.
public enum Erasure {
    /// What an answer shows in place of an erased value, whatever the caller's role.
    public static let erasedText = "[erased]"

    /// The field with its value and hashes removed and the tombstone set. Erasing an erased field changes
    /// nothing: the first tombstone is kept.
    public static func erase(_ field: StoredPersonalField, tombstone: ErasureTombstone) -> StoredPersonalField {
        var erased = field
        erased.ciphertext = nil
        erased.matchingHashes = []
        erased.tombstone = field.tombstone ?? tombstone
        return erased
    }

    /// Every field of a customer erased under one tombstone.
    public static func erase(_ fields: [StoredPersonalField], tombstone: ErasureTombstone) -> [StoredPersonalField] {
        fields.map { erase($0, tombstone: tombstone) }
    }

    /// The matching hashes an erasure removes, for deleting them from a blocking index.
    public static func hashesToRemove(_ fields: [StoredPersonalField]) -> [MatchingDigest] {
        fields.flatMap(\.matchingHashes)
    }

    /// What an answer shows for a stored field: ``erasedText`` if erased, `nil` if empty, otherwise the
    /// decrypted value through the caller's masking policy.
    public static func show(_ field: StoredPersonalField, as kind: PersonalValueKind, cipher: FieldCipher,
                            policy: MaskingPolicy) throws(FieldCipherError) -> String? {
        if field.isErased { return erasedText }
        guard let ciphertext = field.ciphertext else { return nil }
        return policy.show(try cipher.decrypt(ciphertext, context: field.context), as: kind)
    }
}
