extension StoreError {
    /// The category of a ``StoreError``.
    ///
    /// A struct over a private enum so new categories can be added without breaking callers' switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectionFailed, connectionLost, queryFailed
            case uniqueViolation, foreignKeyViolation, checkViolation, notNullViolation
            case serializationFailure, deadlockDetected, insufficientPrivilege, undefinedTable
            case lockNotAvailable, queryCanceled
            case decodingFailed, commitOutcomeUnknown, poolClosed, copyFailed, migrationFailed
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// A connection could not be opened (server down, wrong socket, authentication refused).
        public static let connectionFailed = Code(.connectionFailed)
        /// An open connection broke; the pool replaces it.
        public static let connectionLost = Code(.connectionLost)
        /// The server rejected a statement for a reason without a category of its own here.
        public static let queryFailed = Code(.queryFailed)
        /// SQLSTATE 23505: a unique index or primary key already holds the value.
        public static let uniqueViolation = Code(.uniqueViolation)
        /// SQLSTATE 23503: a referenced row does not exist, or is still referenced.
        public static let foreignKeyViolation = Code(.foreignKeyViolation)
        /// SQLSTATE 23514: a CHECK constraint failed.
        public static let checkViolation = Code(.checkViolation)
        /// SQLSTATE 23502: NULL into a NOT NULL column.
        public static let notNullViolation = Code(.notNullViolation)
        /// SQLSTATE 40001: concurrent transactions conflicted; retrying may succeed.
        public static let serializationFailure = Code(.serializationFailure)
        /// SQLSTATE 40P01: the server broke a deadlock by aborting this transaction.
        public static let deadlockDetected = Code(.deadlockDetected)
        /// SQLSTATE 42501: the role lacks a privilege (for example on another service's schema).
        public static let insufficientPrivilege = Code(.insufficientPrivilege)
        /// SQLSTATE 42P01: the table does not exist (or is not on the search path).
        public static let undefinedTable = Code(.undefinedTable)
        /// SQLSTATE 55P03: `NOWAIT` or `lock_timeout` could not get a lock.
        public static let lockNotAvailable = Code(.lockNotAvailable)
        /// SQLSTATE 57014: cancelled, for example by `statement_timeout`.
        public static let queryCanceled = Code(.queryCanceled)
        /// A column could not be decoded into the requested Swift type.
        public static let decodingFailed = Code(.decodingFailed)
        /// The connection broke while COMMIT was in flight: the transaction may or may not have committed.
        public static let commitOutcomeUnknown = Code(.commitOutcomeUnknown)
        /// The pool was closed before the work could start.
        public static let poolClosed = Code(.poolClosed)
        /// A COPY could not be started or finished on the client side.
        public static let copyFailed = Code(.copyFailed)
        /// A schema migration failed, or an applied one no longer matches its source.
        public static let migrationFailed = Code(.migrationFailed)

        /// The category's name, e.g. `uniqueViolation`.
        public var description: String { base.rawValue }

        /// The category for a server SQLSTATE, or `nil` when it has none of its own.
        static func forSQLState(_ sqlState: String) -> Code? {
            switch sqlState {
            case "23505": .uniqueViolation
            case "23503": .foreignKeyViolation
            case "23514": .checkViolation
            case "23502": .notNullViolation
            case "40001": .serializationFailure
            case "40P01": .deadlockDetected
            case "42501": .insufficientPrivilege
            case "42P01": .undefinedTable
            case "55P03": .lockNotAvailable
            case "57014": .queryCanceled
            default: nil
            }
        }
    }
}
