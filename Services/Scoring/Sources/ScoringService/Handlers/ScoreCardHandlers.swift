import EventFeed
import Models
import RPC
import ScoringAPI
import Store

/// GetScoreCard and RescoreCustomer.
struct ScoreCardHandlers {
    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.getScoreCard, roles: ScoringMethods.roles("GetScoreCard")) { request, _ in
            try await get(request)
        }
        router.register(ScoringAPI.rescoreCustomer, roles: ScoringMethods.roles("RescoreCustomer")) { request, _ in
            try await rescore(request)
        }
    }

    /// The customer's current card; an alias code answers with its survivor's card.
    /// - Throws: INVALID_ARGUMENT for an empty or malformed code; NOT_FOUND for a customer scoring has no facts of,
    ///   or one whose first card is still being computed.
    func get(_ request: GetScoreCardRequest) async throws -> GetScoreCardResponse {
        let code = try CustomerCodes.canonical(request.customerCode, field: "customer_code")
        return try await context.pool.withConnection { connection in
            let current = try CustomerCodes.current(code, on: connection)
            let store = ScoreCardStore(connection: connection)
            guard var card = try request.includeExplanation ? store.loadExplained(current) : store.load([current])[current]?.card
            else {
                throw try Self.missing(current, asked: code, on: connection)
            }
            if request.includeExplanation && card.explanation == nil {
                card.explanation = ScoreCards.explanation(of: card)
            }
            return GetScoreCardResponse(scoreCard: card)
        }
    }

    /// Computes the customer's card from the facts held now and stores it.
    /// - Throws: INVALID_ARGUMENT for an empty or malformed code; NOT_FOUND for a customer scoring has no facts of.
    func rescore(_ request: RescoreCustomerRequest) async throws -> RescoreCustomerResponse {
        let code = try CustomerCodes.canonical(request.customerCode, field: "customer_code")
        let context = self.context
        let response = try await context.pool.transaction { connection in
            let current = try CustomerCodes.current(code, on: connection)
            let outcome = try Rescoring(context: context, connection: connection).rescore([current], trigger: .single)
            guard let card = outcome.cards[current] else { throw try Self.missing(current, asked: code, on: connection) }
            let before = outcome.previousTiers[current] ?? .unspecified
            return RescoreCustomerResponse(scoreCard: card, tierChanged: before != card.value.tier)
        }
        context.relay.poke()
        return response
    }

    /// NOT_FOUND saying why `code` has no card.
    private static func missing(_ code: String, asked: String, on connection: PostgresConnection) throws -> RPCError {
        let named = asked == code ? code : "\(asked) (merged into \(code))"
        if try CustomerCodes.isKnown(code, on: connection) {
            return RPCError(.notFound, "customer \(named) has no score card yet: its facts arrived and it is being "
                + "scored; ask again in a moment, or call RescoreCustomer")
        }
        return RPCError(.notFound, "no customer \(named) is known to scoring: identity's feed has not named it (check "
            + "the code with identity's GetCustomer; a customer created just now arrives within a second)")
    }
}
