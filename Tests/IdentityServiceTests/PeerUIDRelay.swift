import CLMTesting
import Foundation

/// A byte relay that runs as another uid: the test's own client connects to the relay's socket, and the relay
/// connects onward to the service, so the kernel (SO_PEERCRED) tells the service the relay's uid. This is how a test
/// process running as root calls methods the `clm` CLI has no command for as a caller holding other roles.
///
/// The relay is a few lines of the system's Python (`/usr/bin/python3`: root's own Python may live in a folder other
/// uids cannot enter) started through `setpriv`, so only root can start one.
final class PeerUIDRelay: Sendable {
    /// The socket to connect to (pass it to `RPCClient(.socket(_:))`).
    let socketPath: String
    private let process: Process

    private init(socketPath: String, process: Process) {
        self.socketPath = socketPath
        self.process = process
    }

    /// Closes the descriptors it inherits (Foundation passes the test process's open sockets down), then forwards each
    /// connection to `target`: one thread per direction, an end of input passed on as a half-close, both sockets closed
    /// when both directions are done.
    private static let script = """
        import os, socket, sys, threading
        listen_path, target_path = sys.argv[1], sys.argv[2]
        for fd in [int(name) for name in os.listdir("/proc/self/fd")]:
            if fd > 2:
                try:
                    os.close(fd)
                except OSError:
                    pass
        def pump(source, sink):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    sink.sendall(data)
            except OSError:
                pass
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        def serve(client):
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                upstream.connect(target_path)
            except OSError:
                client.close()
                return
            back = threading.Thread(target=pump, args=(upstream, client), daemon=True)
            back.start()
            pump(client, upstream)
            back.join()
            client.close()
            upstream.close()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # Bound and listening under another name first: the socket appears only once it accepts connections.
        server.bind(listen_path + ".new")
        server.listen(16)
        os.rename(listen_path + ".new", listen_path)
        while True:
            client, _ = server.accept()
            threading.Thread(target=serve, args=(client,), daemon=True).start()
        """

    /// Starts a relay running as `uid` (gid of the same number, no supplementary groups) with its socket in a new
    /// folder under `folder`, and returns once the socket exists.
    /// - Parameter target: the service's socket; `uid` must be able to reach it (search on its folders, write on it).
    /// - Throws: when `setpriv` or `/usr/bin/python3` is missing, or the relay exits or does not listen within 10 s.
    static func start(uid: UInt32, target: String, in folder: String) async throws -> PeerUIDRelay {
        guard let setpriv = CLMBinary.setpriv else { throw CLMBinaryError(description: "setpriv is not installed") }
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw CLMBinaryError(description: "\(python) is missing; the uid relay needs the system's Python")
        }
        let own = "\(folder)/relay-\(uid)"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: false)
        guard chown(own, uid, uid) == 0 else {
            throw CLMBinaryError(description: "chown \(own) to \(uid) failed (errno \(errno)); it needs root")
        }
        let socketPath = own + "/relay.sock"
        let log = own + "/relay.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        // -I: ignore PYTHON* variables and the user's site folder (the home of the uid running the tests).
        process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", python, "-I", "-c", script,
                             socketPath, target]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()
        let relay = PeerUIDRelay(socketPath: socketPath, process: process)
        for _ in 0..<200 {
            if FileManager.default.fileExists(atPath: socketPath) { return relay }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        await relay.stop()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw CLMBinaryError(description: "the relay for uid \(uid) did not listen at \(socketPath):\n\(text)")
    }

    /// Ends the relay and waits for it. SIGKILL, because a child inherits the test process's blocked signals, SIGTERM
    /// among them.
    func stop() async {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }
}
