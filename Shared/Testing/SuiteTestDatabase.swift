public import Models

extension PostgresTestCluster {
    /// A fresh database holding the schemas and roles of `services`, as `clm db init` makes them.
    public func createSuiteDatabase(_ services: [ServiceName] = ServiceName.allCases, prefix: String = "suite")
        async throws -> TestDatabase
    {
        let database = try await createDatabase(prefix: prefix)
        try await bootstrap(schemas: services.map { ($0.schema, $0.databaseRole) }, in: database)
        return database
    }
}
