/// The SQL that gives each service its own role and schema, and nothing on anyone else's.
///
/// Run as a superuser connected to the target database (`clm db init`, the docker entrypoint,
/// the test harness). Every statement is idempotent, so running it again changes nothing; the
/// role statements tolerate another process creating the same role at the same moment.
public enum RoleBootstrap {
    /// Role statements for every entry, then the database statements (see ``roleStatements(_:)``
    /// and ``databaseStatements(database:schemas:)``).
    /// - Parameters:
    ///   - database: The database the schemas live in.
    ///   - schemas: Each service's schema, its owning role, and the role's password (`nil` leaves the
    ///     password as it is: none for a new role, which then needs trust or peer authentication).
    public static func statements(
        database: String,
        schemas: [(schema: String, role: String, password: String?)]
    ) -> [String] {
        roleStatements(schemas)
            + databaseStatements(database: database, schemas: schemas.map { ($0.schema, $0.role) })
    }

    /// Cluster-wide statements: each role created if missing (LOGIN, NOSUPERUSER, NOCREATEDB,
    /// NOCREATEROLE), its password set when given, and its `search_path` set to its schema.
    public static func roleStatements(_ schemas: [(schema: String, role: String, password: String?)]) -> [String] {
        schemas.flatMap { entry -> [String] in
            let role = PostgresQuoting.identifier(entry.role)
            let roleName = PostgresQuoting.literal(entry.role)
            let attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
            // CREATE ROLE has no IF NOT EXISTS; a concurrent creator surfaces as 42710 or 23505.
            let body = """
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = \(roleName)) THEN
                        CREATE ROLE \(role) \(attributes);
                    END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                    NULL;
                END
                """
            var statements = [
                "DO \(PostgresQuoting.dollarQuoted(body))",
                "ALTER ROLE \(role) \(attributes)",
            ]
            if let password = entry.password {
                statements.append("ALTER ROLE \(role) PASSWORD \(PostgresQuoting.literal(password))")
            }
            statements.append("ALTER ROLE \(role) SET search_path = \(PostgresQuoting.identifier(entry.schema))")
            return statements
        }
    }

    /// Statements inside `database`: each schema created (or handed over) and owned by its role,
    /// the `public` schema and the database closed to PUBLIC, and each role allowed only to
    /// connect and create temporary tables.
    public static func databaseStatements(database: String, schemas: [(schema: String, role: String)]) -> [String] {
        let databaseName = PostgresQuoting.identifier(database)
        var statements: [String] = []
        for entry in schemas {
            let schema = PostgresQuoting.identifier(entry.schema)
            let role = PostgresQuoting.identifier(entry.role)
            statements += [
                "CREATE SCHEMA IF NOT EXISTS \(schema) AUTHORIZATION \(role)",
                "ALTER SCHEMA \(schema) OWNER TO \(role)",
                "REVOKE ALL ON SCHEMA \(schema) FROM PUBLIC",
            ]
        }
        statements += [
            "REVOKE ALL ON SCHEMA public FROM PUBLIC",
            "REVOKE ALL ON DATABASE \(databaseName) FROM PUBLIC",
        ]
        for entry in schemas {
            let role = PostgresQuoting.identifier(entry.role)
            statements.append("GRANT CONNECT, TEMPORARY ON DATABASE \(databaseName) TO \(role)")
        }
        return statements
    }
}
