internal import CLibpq
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Looking at a connection's socket without blocking: LISTEN notifications, and connections the server
/// closed while they sat idle in the pool.
extension LibpqConnection {
    /// Whether the server closed this idle connection (terminated backend, restart), found without
    /// blocking: libpq keeps its socket non-blocking, and the poll does not wait.
    ///
    /// Checked before a pooled connection is lent, so one lost while idle is replaced instead of
    /// failing the caller's first statement.
    var wasClosedByServer: Bool {
        if isBroken { return true }
        let socket = PQsocket(handle)
        guard socket >= 0 else { return true }
        // Readable while idle means a FATAL message, end of file, or both. libpq treats the message as
        // a notice and reads once per call, so keep reading while there is more, up to a few times.
        for _ in 0..<4 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return false }
            if PQconsumeInput(handle) == 0 || isBroken { return true }
        }
        return isBroken
    }

    /// What one wait for notifications found.
    enum NotificationWait {
        /// Notifications arrived: (channel, payload) in arrival order.
        case received([(channel: String, payload: String)])
        /// Nothing arrived within the timeout.
        case timedOut
        /// The connection broke; reconnect.
        case lost
    }

    /// Waits up to `timeoutMilliseconds` for the socket to become readable, then collects notifications.
    ///
    /// A short timeout lets the listener thread notice that it should stop.
    func waitForNotifications(timeoutMilliseconds: Int32) -> NotificationWait {
        let buffered = takeNotifications()
        if !buffered.isEmpty { return .received(buffered) }
        let socket = PQsocket(handle)
        guard socket >= 0, !isBroken else { return .lost }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if ready < 0 { return errno == EINTR ? .timedOut : .lost }
        if ready == 0 { return .timedOut }
        // PQconsumeInput returns 0 on EOF or a read error: the server went away.
        guard PQconsumeInput(handle) == 1, !isBroken else { return .lost }
        return .received(takeNotifications())
    }

    /// Takes every notification libpq has already read.
    private func takeNotifications() -> [(channel: String, payload: String)] {
        var received: [(channel: String, payload: String)] = []
        while let notification = PQnotifies(handle) {
            defer { PQfreemem(notification) }
            let channel = notification.pointee.relname.map { String(cString: $0) } ?? ""
            let payload = notification.pointee.extra.map { String(cString: $0) } ?? ""
            received.append((channel, payload))
        }
        return received
    }
}
