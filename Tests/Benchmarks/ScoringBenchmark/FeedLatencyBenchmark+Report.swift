import Foundation

/// The latency part's report: percentiles of each span per event, the baseline ratio, and whether scoring kept up.
extension FeedLatencyBenchmark {
    /// Prints what happened to the timed events `entries`, sent as `sent` says.
    func report(_ entries: [LatencyLedger.Entry], sent: PacedSender.Outcome) {
        let stored = entries.filter(\.stored)
        func millis(_ pick: (LatencyLedger.Entry) -> (Int64?, Int64?)) -> [Double] {
            stored.compactMap { entry in
                let (from, to) = pick(entry)
                guard let from, let to else { return nil }
                return Double(to - from) / 1_000
            }
        }
        let ingest = LatencySummary(millis { ($0.sentAt, $0.returnedAt) })
        let feedRaw = millis { ($0.returnedAt, $0.feedAt) }
        // The feed may serve an event a few microseconds before the client has read the ingest's answer.
        let feed = LatencySummary(feedRaw.map { max(0, $0) })
        let card = LatencySummary(millis { ($0.returnedAt, $0.cardAt) })
        let scored = LatencySummary(millis { ($0.returnedAt, $0.scoredAt) }.map { max(0, $0) })
        say(String(format: "feed latency over %d timed events: achieved %.0f events/s (target %.0f), worst send lag "
                   + "%.1f ms, %d not stored by identity", entries.count, sent.achievedRate, options.rate,
                   sent.worstLagMillis, entries.count - stored.count))
        if let ingest { say("  " + ingest.line("ingest RPC (send → return)")) }
        if let feed { say("  " + feed.line("baseline: identity feed (return → event served)")) }
        if let card { say("  " + card.line("score card visible (return → card, poll \(options.pollMillis) ms)")) }
        if let scored { say("  " + scored.line("  lower bound: card's scored_at (return → scored_at)")) }
        let missing = stored.filter { $0.cardAt == nil }.count
        let early = feedRaw.filter { $0 < 0 }.count
        say("  \(missing) events without an updated card when the wait ended; "
            + "\(early) feed events served before the ingest's answer was read (counted as 0 ms)")
        say("  " + windows(stored))
        let sentTimes = stored.compactMap(\.sentAt)
        let cardTimes = stored.compactMap(\.cardAt)
        if let first = sentTimes.min(), let last = cardTimes.max(), last > first {
            say(String(format: "  scoring's throughput over the timed stream: %d cards updated from the first send "
                       + "to the last card in %.1f s, %.0f events/s", cardTimes.count,
                       Double(last - first) / 1e6, Double(cardTimes.count) / (Double(last - first) / 1e6)))
        }
        if let card, let feed, feed.p50 > 0, feed.p99 > 0 {
            say(String(format: "  score card / identity feed: p50 %.1f×, p99 %.1f×", card.p50 / feed.p50,
                       card.p99 / feed.p99))
        }
    }

    /// The card latency's p50 in each ten seconds of the timed stream, by when the event was sent: steady figures
    /// mean scoring keeps up with the rate; growing ones mean a backlog builds and the percentiles depend on the
    /// run's length.
    private func windows(_ entries: [LatencyLedger.Entry]) -> String {
        guard let first = entries.compactMap(\.sentAt).min() else { return "" }
        var byWindow: [Int: [Double]] = [:]
        for entry in entries {
            guard let sent = entry.sentAt, let returned = entry.returnedAt, let card = entry.cardAt else { continue }
            byWindow[Int((sent - first) / 10_000_000), default: []].append(Double(card - returned) / 1_000)
        }
        let medians = byWindow.keys.sorted().compactMap { LatencySummary(byWindow[$0] ?? [])?.p50 }
        return "card p50 per 10 s of the stream (ms): " + medians.map { String(format: "%.1f", $0) }
            .joined(separator: ", ")
    }
}
