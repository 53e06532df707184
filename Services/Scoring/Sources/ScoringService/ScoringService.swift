import Logging
import Models
public import ServiceRuntime
import Store

/// The scoring service: customer value, tier, risk, loyalty and CLV (客户价值评估与分层).
///
/// Follows identity's feed into its own facts (`IdentityFeedApplier`), scores the customers whose facts changed
/// soon after (`Rescorer`), and serves their score cards.
public enum ScoringService {
    /// What the shared runtime needs to run the service; the executable passes it to `ServiceHost.main`.
    public static let definition = ServiceDefinition(
        name: .scoring, migrations: ScoringMigrations.all, notYetBuilt: ScoringMethods.notYetBuilt,
        roles: ScoringMethods.roles,
        applyUpstreamEvent: { event, connection in
            try IdentityFeedApplier(logger: feedLogger).apply(event, on: connection)
        },
        start: { router, dependencies in
            // One context for the handlers and the background work: they share its caches of the active rule set
            // and of the book's statistics (a full rescore's fresh statistics reach RescoreCustomer too).
            let context = try ScoringContext(dependencies)
            ScoreCardHandlers(context: context).register(in: &router)
            CustomerListing(context: context).register(in: &router)
            RuleSetActivation(context: context).register(in: &router)
            RescoreHandlers(context: context).register(in: &router)
            RuleSetHandlers(context: context).register(in: &router)
            TierDistribution(context: context).register(in: &router)
            VipListing(context: context).register(in: &router)
            let notifications = PostgresNotifications(configuration: dependencies.settings.database,
                                                      channels: [RescoreQueue.channel, RescoreJobStore.channel],
                                                      logger: dependencies.logger)
            return [notifications, Rescorer(context: context, notifications: notifications),
                    RescoreJobRunner(context: context, notifications: notifications)]
        })

    private static let feedLogger = Logger(label: "clm-scoring.feed")
}
