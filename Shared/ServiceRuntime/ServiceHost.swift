import ArgumentParser
import EventFeed
import Foundation
public import Logging
import Models
public import RPC
public import ServiceLifecycle
import Store
import UnixSignals

/// Builds and runs one service process: pool, migrations, LISTEN connection, relay, upstream consumer, RPC server.
public enum ServiceHost {
    /// The whole life of a service executable: parse flags, build, serve until SIGTERM or SIGINT, drain, exit 0.
    /// Bad configuration or a database that stays unreachable at start exits non-zero with the reason.
    public static func main(_ definition: ServiceDefinition) async {
        let options = ServiceOptions.parseOrExit()
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(service: definition.name, options: options,
                                           environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(definition.name.executable): \(error)\n".utf8))
            exit(64)  // EX_USAGE
        }
        StructuredLogHandler.bootstrap(level: settings.logLevel)
        var logger = Logger(label: definition.name.executable)
        logger[metadataKey: "replica"] = "\(settings.replica)"
        do {
            guard let services = try await buildUnlessSignalled(definition, settings: settings, logger: logger) else {
                logger.info("stopped during start-up")
                return
            }
            let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) },
                                                          gracefulShutdownSignals: [.sigterm, .sigint],
                                                          logger: logger))
            try await group.run()
            logger.info("stopped")
        } catch {
            logger.critical("stopped on error", metadata: ["error": "\(error)"])
            exit(1)
        }
    }

    /// `build`, abandoned (nil) when SIGTERM or SIGINT arrives first: start-up may wait a minute for the database,
    /// and a stop asked for meanwhile is an orderly stop, not a failure.
    private static func buildUnlessSignalled(_ definition: ServiceDefinition, settings: ServiceSettings,
                                             logger: Logger) async throws -> [any Service]? {
        let building = Task { try await build(definition, settings: settings, logger: logger) }
        let watching = Task {
            for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                building.cancel()
                return
            }
        }
        defer { watching.cancel() }
        do {
            return try await building.value
        } catch is CancellationError {
            return nil
        } catch where building.isCancelled {
            return nil
        }
    }

    /// Everything the process runs, in start order; `ServiceGroup` stops them in reverse, so the server drains first
    /// and the pool closes last.
    /// - Throws: when the socket folder cannot be made or the database stays unreachable for `startupTimeout`.
    public static func build(_ definition: ServiceDefinition, settings: ServiceSettings, logger: Logger,
                             startupTimeout: Duration = .seconds(60)) async throws -> [any Service] {
        let pool = PostgresPool(configuration: settings.database, logger: logger)
        let schemaVersion = try await migrate(definition, pool: pool, timeout: startupTimeout, logger: logger)
        let names = FeedNames(schema: definition.name.schema)
        let notifications = PostgresNotifications(configuration: settings.database,
                                                  channels: [names.outboxChannel, names.feedChannel], logger: logger)
        let signal = FeedSignal()
        let relay = OutboxRelay(pool: pool, names: names, signal: signal, notifications: notifications, logger: logger)
        let bridge = FeedWakeups(notifications: notifications, channel: names.feedChannel, signal: signal)
        let dependencies = ServiceDependencies(settings: settings, pool: pool, outbox: Outbox(names: names),
                                               relay: relay, feedReader: FeedReader(pool: pool, signal: signal),
                                               logger: logger)
        let (router, background) = try makeRouter(definition, dependencies: dependencies, schemaVersion: schemaVersion)
        try settings.layout.prepareFolder(for: definition.name)
        let server = RPCServer(socketPath: settings.socketPath, router: router, policy: settings.policy,
                               limits: settings.limits, logger: logger)
        var services: [any Service] = [pool, notifications, relay, bridge]
        if let upstream = definition.name.upstream, let apply = definition.applyUpstreamEvent {
            let client = RPCClient(.folder(settings.layout.folder(for: upstream)), logger: logger)
            services.append(FeedConsumer(source: upstream.rawValue, client: client, pool: pool, logger: logger,
                                         apply: apply))
        }
        services += background
        services.append(server)
        return services
    }

    /// The router a service serves (its built methods, the shared ones, and its not-yet-built list), and the
    /// service's background work, not started.
    /// - Throws: what the service's `start` throws for its own configuration.
    public static func makeRouter(_ definition: ServiceDefinition, dependencies: ServiceDependencies,
                                  schemaVersion: Int) throws -> (router: RPCRouter, background: [any Service]) {
        var router = RPCRouter()
        let background = try definition.start(&router, dependencies)
        ServiceHandlers.register(in: &router, dependencies: dependencies, schemaVersion: schemaVersion,
                                 startedAt: Date())
        MethodCatalog.declareMissing(in: &router, definition: definition)
        ServiceHandlers.registerReflection(in: &router, service: definition.name)
        return (router, background)
    }

    /// Applies the service's migrations, retrying while the database is not reachable yet (containers start in any
    /// order).
    private static func migrate(_ definition: ServiceDefinition, pool: PostgresPool, timeout: Duration,
                                logger: Logger) async throws -> Int {
        let clock = ContinuousClock()
        let giveUp = clock.now + timeout
        var attempt = 0
        while true {
            do {
                let version = try await SchemaMigrator.migrate(schema: definition.name.schema,
                                                               migrations: definition.migrations, pool: pool,
                                                               logger: logger)
                logger.info("schema ready", metadata: ["schema": "\(definition.name.schema)", "version": "\(version)"])
                return version
            } catch let error as StoreError where error.code == .connectionFailed || error.code == .connectionLost {
                attempt += 1
                guard clock.now < giveUp else { throw error }
                logger.warning("database not reachable yet", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                try await Task.sleep(for: .milliseconds(min(200 * attempt, 2_000)))
            }
        }
    }
}

/// Wakes feed readers in this process when another process's relay gives positions (NOTIFY on the feed channel).
final class FeedWakeups: Service, Sendable {
    private let notifications: PostgresNotifications
    private let channel: String
    private let signal: FeedSignal

    init(notifications: PostgresNotifications, channel: String, signal: FeedSignal) {
        self.notifications = notifications
        self.channel = channel
        self.signal = signal
    }

    func run() async throws {
        let stream = notifications.notifications(channel: channel)
        await cancelWhenGracefulShutdown { [signal] in
            for await _ in stream { signal.notify() }
        }
    }
}
