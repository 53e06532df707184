internal import CLibpq
import Logging

/// Sends the server's notices (`NOTICE: relation already exists, skipping`, `WARNING: ...`, the `FATAL`
/// sent before a terminated backend closes) to a `Logger` instead of libpq's default, which prints
/// them to standard error.
final class NoticeLogger {
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Installs this logger as `connection`'s notice receiver; the caller keeps `self` alive for as
    /// long as the connection lives.
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result else { return }
            Unmanaged<NoticeLogger>.fromOpaque(context).takeUnretainedValue().log(result)
        }, context)
    }

    private func log(_ result: OpaquePointer) {
        // The result belongs to libpq and is freed after this call; only strings are copied out.
        let field = { (code: DiagnosticField) in PQresultErrorField(result, code.rawValue).map { String(cString: $0) } }
        let severity = field(.severity) ?? "NOTICE"
        let message = field(.messagePrimary) ?? ""
        let metadata: Logger.Metadata = ["severity": "\(severity)", "sqlstate": "\(field(.sqlState) ?? "-")"]
        switch severity {
        case "WARNING", "ERROR", "FATAL", "PANIC":
            logger.warning("postgres: \(message)", metadata: metadata)
        default:
            logger.debug("postgres: \(message)", metadata: metadata)
        }
    }
}
