import Models
import ScoringModel
import Store

/// Every customer's facts in the book's order of codes, read with one ordered scan per fact table: how whole-book
/// passes (measuring the book, full rescores) read.
///
/// Reading the book a run of codes at a time instead costs an index range scan per table and run, and the policies'
/// join a probe per policy: with a million customers the facts of one run lie scattered over most of each table's
/// pages, so every page was read again for nearly every run. Here each table is read once, sorted by customer, through
/// a cursor; the customers are handed out in runs as soon as every table has been read past them.
///
/// The cursors live in the caller's transaction (REPEATABLE READ gives the whole pass one snapshot); a scan is used
/// on that connection only, and from one thread. The scan compares codes in Swift to know which customers are
/// complete, so the database must order codes as Swift does: customer codes are of one length, in upper-case ASCII
/// letters and digits, which byte order and the usual collations order alike.
struct BookScan {
    /// The fact tables, each read by a cursor of its own.
    enum Part: CaseIterable, Sendable {
        case profile, policies, payments, claims, servicing, serviceUsage, interactions
        /// The customers who have claims (as claimant or policyholder), servicing or interactions, by code only:
        /// their facts are not read. One cursor per table, each an ordered scan of its customer index; a customer
        /// met by several is one customer.
        case claimCustomers, servicingCustomers, interactionCustomers

        /// Every fact of every customer.
        static let allFacts: Set<Part> = [.profile, .policies, .payments, .claims, .servicing, .serviceUsage,
                                          .interactions]
        /// What measuring the book needs (`BookMeasurement.add`: segments, premium, renewal interval, policies held
        /// and service depth), and every other customer, by code.
        static let measurement: Set<Part> = [.profile, .policies, .payments, .serviceUsage, .claimCustomers,
                                              .servicingCustomers, .interactionCustomers]
    }

    let connection: PostgresConnection
    let utcOffsetSeconds: Int
    /// Rows fetched from a cursor at a time.
    var fetchSize = 10_000
    /// Whether the FETCHes run ahead on a thread of their own while the scan sorts rows out
    /// (`PostgresConnection.readingAhead`): only for a body that does not use the connection.
    var readAhead = false

    /// Reads the facts in `parts` of every customer whose code sorts after `after` ("" for the whole book), and
    /// calls `body` with runs of `customers` customers or a few more (a run takes whole fetches' worth of customers;
    /// the last may have fewer), each run in order of codes and after the previous one.
    /// A customer whose facts are all outside `parts` is not seen. The facts come as fetched, to be decoded
    /// (`FetchedFacts.decoded`) wherever suits: the scan's own thread only sorts rows out by customer.
    func forEachRun(after: String = "", parts: Set<Part> = Part.allFacts, customers: Int,
                    _ body: ([FetchedFacts]) throws -> Void) throws {
        // Sorting whole tables: plan for the whole result, not for its first rows. Without JIT: on a large book the
        // planner's costs call for compiling each cursor's expressions with inlining and optimisation, which took
        // longer than it saved (a policy cursor over 200,000 customers ran in 0.96 s with JIT, 0.81 s without).
        try connection.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        try connection.execute("SET LOCAL jit = off")
        var cursors = try Part.allCases.filter(parts.contains).enumerated().map { index, part in
            try Cursor(part: part, name: "book_scan_\(index)", after: after, on: connection)
        }
        defer { for cursor in cursors { _ = try? connection.execute("CLOSE \(cursor.name)") } }
        let names = cursors.map(\.name)
        if readAhead {
            try connection.readingAhead(cursors: names, fetchSize: fetchSize) { reader in
                try gather(&cursors, customers: customers, next: reader.next, body)
            }
        } else {
            try gather(&cursors, customers: customers, next: { [connection, fetchSize] index in
                try connection.query("FETCH FORWARD \(fetchSize) FROM \(names[index])")
            }, body)
        }
    }

    /// Reads the cursors' rows, a batch at a time from `next` (given a cursor's index), and hands out the runs.
    private func gather(_ cursors: inout [Cursor], customers: Int, next: (Int) throws -> PostgresRows,
                        _ body: ([FetchedFacts]) throws -> Void) throws {
        var run = Run()
        while true {
            for index in cursors.indices where cursors[index].needsRows {
                try cursors[index].take(next(index), of: fetchSize)
            }
            // A customer is complete once every table still being read has gone past its code.
            let frontier = cursors.filter { !$0.exhausted }.compactMap(\.lastCode).min()
            var moved = 0
            for index in cursors.indices {
                moved += cursors[index].drain(before: frontier, into: &run)
            }
            if run.count >= customers || (frontier == nil && run.count > 0) {
                try body(run.take())
            }
            guard let frontier else { return }
            if moved == 0 {
                // Every row left is the frontier customer's: the tables that stopped at it read on past it.
                for index in cursors.indices where !cursors[index].exhausted && cursors[index].lastCode == frontier {
                    try cursors[index].take(next(index), of: fetchSize)
                }
            }
        }
    }

    /// `forEachRun` with each run decoded on the scan's thread, for passes that do little with each customer.
    func forEachDecodedRun(after: String = "", parts: Set<Part> = Part.allFacts, customers: Int,
                           _ body: ([StoredFacts]) throws -> Void) throws {
        try forEachRun(after: after, parts: parts, customers: customers) { run in
            try body(run.map { try $0.decoded(utcOffsetSeconds: utcOffsetSeconds) })
        }
    }

    /// One fact as fetched, with its customer and feed position.
    private struct Row {
        var code: String
        var position: Int64
        var fact: FetchedFacts.Fact
    }

    /// The customers gathered for the next run.
    private struct Run {
        private var facts: [FetchedFacts] = []
        private var indexOf: [String: Int] = [:]
        /// The customer of the row added last.
        private var lastIndex: Int?

        var count: Int { facts.count }

        /// Adds `row` to its customer's facts. Each table's rows come in order, so a customer's facts of one kind
        /// keep their order.
        mutating func add(_ row: Row) {
            let index: Int
            // A table's rows of one customer come together: most rows are the previous row's customer's.
            if let last = lastIndex, facts[last].code == row.code {
                index = last
            } else if let known = indexOf[row.code] {
                index = known
            } else {
                index = facts.count
                indexOf[row.code] = index
                facts.append(FetchedFacts(code: row.code, position: 0, facts: []))
            }
            lastIndex = index
            facts[index].position = max(facts[index].position, row.position)
            if case .customer = row.fact { return }
            facts[index].facts.append(row.fact)
        }

        /// The gathered customers in order of codes; the run starts empty again.
        mutating func take() -> [FetchedFacts] {
            defer {
                facts = []
                indexOf = [:]
                lastIndex = nil
            }
            return facts.sorted { $0.code < $1.code }
        }
    }

    /// One table's cursor, and the rows fetched from it but not handed out yet.
    private struct Cursor {
        let part: Part
        let name: String
        private var pending: [Row] = []
        private var next = 0
        /// The policy whose roles are still being gathered (its first row, and the roles so far): its next role may
        /// come with the next fetch.
        private var openPolicy: (code: String, key: String, position: Int64, row: PostgresRow,
                                 roles: PolicyFact.Roles)?
        /// The customer of the last row fetched; the table holds nothing more of any customer before it.
        private(set) var lastCode: String?
        private(set) var exhausted = false

        init(part: Part, name: String, after: String, on connection: PostgresConnection) throws {
            self.part = part
            self.name = name
            try connection.execute("DECLARE \(name) NO SCROLL CURSOR FOR \(part.query)", [.text(after)])
        }

        /// Whether every row fetched was handed out and more may come.
        var needsRows: Bool { !exhausted && next == pending.count }

        /// Takes the next batch of rows fetched (`count` asked for), reading only each row's customer and position
        /// (and a policy's key and role).
        mutating func take(_ rows: PostgresRows, of count: Int) throws {
            pending.removeFirst(next)
            next = 0
            exhausted = rows.count < count
            for row in rows {
                let code = try row.decode(String.self, part == .claims ? "owner" : "customer_code")
                lastCode = code
                let position = try row.decode(Int64.self, "position")
                let fact: FetchedFacts.Fact
                switch part {
                case .profile: fact = .profile(row)
                case .policies:
                    try addPolicyRole(row, code: code, position: position)
                    continue
                case .payments: fact = .payment(row)
                case .claims: fact = .claim(row)
                case .servicing: fact = .servicing(row)
                case .serviceUsage: fact = .serviceUsage(row)
                case .interactions: fact = .interaction(row)
                case .claimCustomers, .servicingCustomers, .interactionCustomers: fact = .customer
                }
                pending.append(Row(code: code, position: position, fact: fact))
            }
            if exhausted { closePolicy() }
        }

        /// Moves the rows of customers before `frontier` (all of them when nil) into `run`; how many moved.
        mutating func drain(before frontier: String?, into run: inout Run) -> Int {
            let start = next
            while next < pending.count, frontier.map({ pending[next].code < $0 }) ?? true {
                run.add(pending[next])
                next += 1
            }
            return next - start
        }

        /// A policy comes as one row per role the customer has on it (`ORDER BY customer, policy`): the roles are
        /// gathered onto the policy's first row, which is handed out once a row of another policy or customer shows
        /// the policy whole.
        private mutating func addPolicyRole(_ row: PostgresRow, code: String, position: Int64) throws {
            let key = try row.decode(String.self, "policy_key")
            let partyPosition = try row.decode(Int64.self, "party_position")
            let role = try row.decode(FactVocabulary.roles, "role")
            if let open = openPolicy, open.code == code, open.key == key {
                if let role { openPolicy?.roles.insert(role) }
                openPolicy?.position = max(open.position, partyPosition)
                return
            }
            closePolicy()
            openPolicy = (code, key, max(position, partyPosition), row, role.map(PolicyFact.Roles.init) ?? [])
        }

        private mutating func closePolicy() {
            // A customer with only unspecified roles has no place on the policy.
            if let open = openPolicy, !open.roles.isEmpty {
                pending.append(Row(code: open.code, position: open.position, fact: .policy(open.row, roles: open.roles)))
            }
            openPolicy = nil
        }
    }
}
