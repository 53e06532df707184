import Foundation
import Models
import RPC
import Store

/// Part 2: the latency from an ingest into identity to the customer's updated score card in scoring, under a steady
/// stream of events, with identity's own feed latency measured on the same events as the baseline.
///
/// The stream is one paced run: `warmup` events first, untimed, then `latencyEvents` timed ones, without a pause
/// between. Per event: the ingest call's return (the loader), the first time identity's feed served an event of
/// that call (`IdentityFeedWatcher`), and the first time a card including it was visible (`ScoreCardWatcher`).
struct FeedLatencyBenchmark {
    let options: BenchOptions
    let identity: RPCClient
    let pool: PostgresPool

    func run() async throws {
        let book = LatencyBook(count: options.latencyCustomers, asOf: BenchDay.parse(BenchOptions.asOf))
        let total = options.warmup + options.latencyEvents
        let ledger = LatencyLedger(events: total)
        let feed = IdentityFeedWatcher(client: identity, ledger: ledger)
        let cards = ScoreCardWatcher(pool: pool, ledger: ledger, interval: .milliseconds(options.pollMillis))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await feed.run() }
            say("setting up \(book.count) customers through identity…")
            let codes = try await LatencySetup(identity: identity, pool: pool, book: book).run()
            group.addTask { try await cards.run() }
            say(String(format: "streaming %d events at %.0f/s (%d warm-up, then %d timed)…", total, options.rate,
                       options.warmup, options.latencyEvents))
            let sender = PacedSender(identity: identity, ledger: ledger, book: book, codes: codes, rate: options.rate,
                                     firstMeasured: options.warmup)
            let sent = try await sender.send(events: total)
            try await drain(ledger)
            group.cancelAll()
            report(ledger.entries().filter(\.measured), sent: sent)
        }
    }

    /// Waits after the last send until every timed event has its card, so that a backlog shows in the percentiles
    /// rather than as missing events; gives up when no card came for 30 s, or after 10 minutes.
    private func drain(_ ledger: LatencyLedger) async throws {
        let clock = ContinuousClock()
        let giveUp = clock.now + .seconds(600)
        var outstanding = ledger.measuredOutstanding()
        var progressed = clock.now
        var reported = clock.now
        while outstanding > 0, clock.now < giveUp, clock.now - progressed < .seconds(30) {
            try await Task.sleep(for: .milliseconds(100))
            let now = ledger.measuredOutstanding()
            if now < outstanding { progressed = clock.now }
            outstanding = now
            if clock.now - reported > .seconds(30) {
                reported = clock.now
                say("  … \(outstanding) timed events still waiting for their card")
            }
        }
    }
}
