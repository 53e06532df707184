/// The proto number of a Swift enum of the protos: its position among the cases, which IdentityAPI declares in proto
/// order from 0 (its tests hold it to that). Stored in smallint columns.
extension CaseIterable where Self: Equatable {
    var protoNumber: Int { Array(Self.allCases).firstIndex(of: self)! }

    init?(protoNumber: Int) {
        let cases = Array(Self.allCases)
        guard cases.indices.contains(protoNumber) else { return nil }
        self = cases[protoNumber]
    }
}
