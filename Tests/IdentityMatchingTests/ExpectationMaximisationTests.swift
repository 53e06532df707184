@testable import IdentityMatching
import Testing

@Suite struct ExpectationMaximisationTests {
    /// Draws comparison patterns from a known mixture and checks that EM finds m, u and the match share again.
    @Test func recoversKnownParameters() {
        // Three fields with 2, 3 and 4 listed levels (plus null and else).
        let m: [[Double]] = [[0, 0.92, 0.08], [0, 0.80, 0.15, 0.05], [0, 0.70, 0.15, 0.10, 0.05]]
        let u: [[Double]] = [[0, 0.05, 0.95], [0, 0.01, 0.04, 0.95], [0, 0.002, 0.008, 0.09, 0.90]]
        let share = 0.2
        var random = TestRandom(seed: 7)
        func draw(_ p: [Double]) -> Int {
            var x = random.double()
            for level in 1..<p.count {
                x -= p[level]
                if x < 0 { return level }
            }
            return p.count - 1
        }
        var patterns = PatternCounts()
        for _ in 0..<200_000 {
            let isMatch = random.chance(share)
            var packed: UInt64 = 0
            for f in 0..<3 {
                // Some values are missing: the null level carries no information and must not bias the estimate.
                let level = random.chance(0.1) ? 0 : draw(isMatch ? m[f] : u[f])
                packed |= UInt64(level) << UInt64(4 * f)
            }
            patterns.add(packed)
        }
        // Start u far from the truth (uniform), as a badly sampled u would be.
        let startU = m.map { field in field.indices.map { $0 == 0 ? 0 : 1 / Double(field.count - 1) } }
        let em = ExpectationMaximisation(levelCounts: [3, 4, 5], maximumIterations: 500, tolerance: 1e-8)
        let result = em.run(patterns, initialU: startU)
        #expect(result.converged)
        #expect(abs(result.matchShare - share) < 0.01)
        for f in 0..<3 {
            for level in 1..<m[f].count {
                #expect(abs(result.m[f][level] - m[f][level]) < 0.02, "m[\(f)][\(level)]")
                #expect(abs(result.u[f][level] - u[f][level]) < 0.02, "u[\(f)][\(level)]")
            }
        }
    }
}
