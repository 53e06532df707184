import IdentityMatching

/// One synthetic population resolved once and shared by the tests that only read it.
enum PopulationFixture {
    static let population = SyntheticPopulation(people: 2_000, seed: 20_240_601)

    /// Two records that agree on everything, but carry different valid resident ids.
    static let twins: [MatchRecord] = {
        let fields: [String: [String]] = [
            "given_name": ["marguerite"], "family_name": ["vandersloot"], "birth_date": ["1971-04-23"],
            "phone": ["13712345678"], "email": ["m.vandersloot@mail.example"], "address": ["17 canal street"],
            "postcode": ["3011"], "sex": ["f"],
        ]
        return [
            MatchRecord(id: 900_001, fields: fields, identifiers: ["resident_id": "110105197104230023"]),
            MatchRecord(id: 900_002, fields: fields, identifiers: ["resident_id": "110105197104230049"]),
        ]
    }()

    static let resolution = Task { try await BulkResolver.resolve(population.records + twins, settings: SyntheticPopulation.settings) }
}
