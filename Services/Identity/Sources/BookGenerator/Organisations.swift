import IdentityNormalization

extension BlockGenerator {
    /// The number of distinct organisation names the name scheme can make (and so the most organisations).
    static var organisationNameSpace: Int {
        let c = ReferenceData.tradeNameCharacters.count
        return c * c * ReferenceData.industries.count * ReferenceData.regions.count
    }

    /// Generates organisations `range` (indexes within all organisations) and their records.
    mutating func generateOrganisations(_ range: Range<Int>) -> [OrganisationSummary] {
        var summaries: [OrganisationSummary] = []
        summaries.reserveCapacity(range.count)
        for j in range { summaries.append(generateOrganisation(j)) }
        return summaries
    }

    private mutating func generateOrganisation(_ j: Int) -> OrganisationSummary {
        // A unique (region, trade name, industry) for each index: cycle-walk a permutation of 0..<10^7 into the
        // name space.
        var code = numbering.organisationNames.map(UInt64(j))
        while code >= UInt64(Self.organisationNameSpace) { code = numbering.organisationNames.map(code) }
        var rest = Int(code)
        let characters = ReferenceData.tradeNameCharacters
        let first = characters[rest % characters.count]; rest /= characters.count
        let second = characters[rest % characters.count]; rest /= characters.count
        let industry = ReferenceData.industries[rest % ReferenceData.industries.count]
        rest /= ReferenceData.industries.count
        let regionIndex = rest
        let region = ReferenceData.regions[regionIndex]
        let suffix = random.chance(0.85) ? "有限公司" : "股份有限公司"
        let tradeName = first + second + industry
        let name = region.cityShort + tradeName + suffix

        let orgDigits = padded(numbering.organisationCodes.map(UInt64(j)), 8)
        let orgCode = orgDigits + String(organisationCodeCheck(Array(orgDigits.utf8).map { $0 - 48 }))
        let body = "91" + region.code + orgCode
        let creditCode = body + String(UnifiedSocialCreditCodeNormalizer.checkCharacter(for: body)!)
        let phone = region.areaCode + "-" + String(random.within(2, 8)) + padded(UInt64(random.below(10_000_000)), 7)
        let floor = random.within(2, 40)
        let office = Address(region: regionIndex, street: random.below(ReferenceData.streets.count),
                             number: random.within(1, 999), estate: random.below(ReferenceData.towers.count),
                             building: 0, unit: floor, room: floor * 100 + random.within(1, 20), organisation: true)
        let entityID = "O" + padded(UInt64(j), 8)
        let ordinal = 2_000_000_000 + j
        var refs = systems(count: tables.organisationSystemCount).map {
            Ref(system: $0, key: numbering.key($0, ordinal: ordinal, duplicate: false))
        }
        var duplicateApplied: [ErrorKind] = []
        if draw(.duplicateInSystem, into: &duplicateApplied) {
            let system = refs[errorRandom.below(refs.count)].system
            refs.append(Ref(system: system, key: numbering.key(system, ordinal: ordinal, duplicate: true)))
        }
        let newPhoneNumber = region.areaCode + "-" + String(random.within(2, 8))
            + padded(UInt64(random.below(10_000_000)), 7)

        for (position, ref) in refs.enumerated() {
            var applied: [ErrorKind] = position == refs.count - 1 ? duplicateApplied : []
            var shownName = name
            if draw(.nameAbbreviated, into: &applied) { shownName = tradeName + suffix }
            if draw(.nameTraditional, eligible: variants.traditionalForm(of: shownName) != nil, into: &applied) {
                shownName = variants.traditionalForm(of: shownName)!
            }
            if draw(.nameSpace, into: &applied) {
                shownName = String(shownName.dropLast(suffix.count)) + " " + String(shownName.suffix(suffix.count))
            }
            var idNumber = creditCode
            var idType = ref.system.idType(organisation: true)
            if draw(.idMissing, into: &applied) {
                idNumber = ""
                idType = ""
            } else if draw(.idTransposed, eligible: true, into: &applied) {
                idNumber = Text.transposeDigits(creditCode, within: 2..<17, &errorRandom) ?? creditCode
            }
            var shownPhone = phone
            var updated = Day(year: 2015, month: 1, day: 1) + errorRandom.below(configuration.asOfDay - Day(year: 2015, month: 1, day: 1))
            if draw(.phoneMissing, into: &applied) {
                shownPhone = ""
            } else if draw(.phoneChanged, into: &applied) {
                shownPhone = newPhoneNumber
                updated = Day(year: 2024, month: 1, day: 1) + errorRandom.below(configuration.asOfDay - Day(year: 2024, month: 1, day: 1) + 1)
            }
            let fullWidth = draw(.fullWidthDigits, eligible: !(idNumber.isEmpty && shownPhone.isEmpty), into: &applied)
            if fullWidth {
                idNumber = Text.fullWidthDigits(idNumber)
                shownPhone = Text.fullWidthDigits(shownPhone)
            }
            let address: (province: String, city: String, line: String, postcode: String)
            if draw(.addressMissing, into: &applied) {
                address = ("", "", "", "")
            } else {
                address = renderAddress(office, system: ref.system, applied: &applied)
            }
            withBuffer(0) { row in
            row.text(ref.system.rawValue); row.text(ref.key); row.text("organisation"); row.text(shownName)
            row.text(nil); row.text(nil); row.text(nil); row.text(nil)
            row.text(idType); row.text(idNumber); row.text(shownPhone); row.text(nil)
            row.text(address.province); row.text(address.city); row.text(address.line); row.text(address.postcode)
            row.text(nil); row.integer(nil); row.text(nil); row.text(nil); row.text(nil)
            row.date(updated)
            row.endRow()
            }
            writeTruth(ref, entityID: entityID, applied: applied)
        }
        withBuffer(9) { entity in
        entity.text(entityID); entity.text("organisation"); entity.text(nil); entity.text(nil); entity.text(nil)
        entity.endRow()
        }

        var summary = OrganisationSummary(name: name, records: refs, groupPolicy: nil, groupPolicySystem: nil,
                                          groupProduct: 0, groupStart: configuration.asOfDay)
        organisationBusiness(&summary, entityID: entityID)
        return summary
    }

    @inline(__always) mutating func withBuffer(_ index: Int, _ body: (inout TableBuffer) -> Void) {
        body(&buffers[index])
    }

    mutating func writeTruth(_ ref: Ref, entityID: String, applied: [ErrorKind]) {
        withBuffer(8) { truth in
        truth.text(ref.system.rawValue); truth.text(ref.key); truth.text(entityID)
        truth.text(applied.isEmpty ? "" : applied.map(\.rawValue).joined(separator: "|"))
        truth.endRow()
        }
    }
}
