import ArgumentParser

/// `clm`: the operator's command line for the CLM suite.
@main
struct CLM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clm",
        abstract: "Operate the CLM suite: service health, methods, event feeds, database set-up, identity data.",
        discussion: """
            Services are found by their sockets: <socket-dir>/<service>/<replica>.sock, where service is \
            identity, scoring, lifecycle or retention. Set --socket-dir or CLM_SOCKET_DIR (make run uses .run/sockets).
            """,
        subcommands: [HealthCommand.self, MethodsCommand.self, EventsCommand.self, DatabaseCommand.self,
                      GenerateCommand.self, ImportCommand.self, ExportCommand.self, IdentityCommand.self,
                      CustomerCommand.self, ResolveCommand.self, ReviewCommand.self, MergeCommand.self,
                      SplitCommand.self, UndoCommand.self, EraseCommand.self, AuditCommand.self, EvalCommand.self,
                      ScoreCommand.self, TiersCommand.self, VipCommand.self, RulesCommand.self])
}
