import IdentityNormalization

extension BlockGenerator {
    /// Generates persons `range` in households, their records and business. `issued` holds the resident ID bodies
    /// of earlier blocks; returns the ones this block issued.
    mutating func generatePersons(_ range: Range<Int>, issued: Set<UInt64>,
                                  organisations: [OrganisationSummary]) -> [UInt64] {
        var local = Set<UInt64>()
        var issuedHere: [UInt64] = []
        var index = range.lowerBound
        let agents = max(10, configuration.persons / 400)
        while index < range.upperBound {
            let size = min(tables.householdSize.pick(&random) + 1, range.upperBound - index)
            var members: [Person] = []
            let head = index
            let agent = random.below(agents)
            let home = Self.homeAddress(&random, tables: tables)
            let hasChildren = size >= 3
            let headMale = random.chance(0.6)
            let headBirth = birthDay(from: hasChildren ? 1940 : 1940, to: hasChildren ? 1982 : 2003)
            let familyName = ReferenceData.surnames[tables.surnames.pick(&random)].0
            for position in 0..<size {
                let role: String
                var male: Bool
                var birth: Day
                var surname = familyName
                switch position {
                case 0:
                    role = size == 1 ? "single" : "head"
                    male = headMale
                    birth = headBirth
                case 1:
                    role = "spouse"
                    male = !headMale
                    birth = headBirth + random.within(-5 * 365, 5 * 365)
                    surname = ReferenceData.surnames[tables.surnames.pick(&random)].0
                default:
                    role = "child"
                    male = random.chance(0.5)
                    birth = headBirth + random.within(22 * 365, 38 * 365)
                    if random.chance(0.08) { surname = members.count > 1 ? members[1].surname : familyName }
                }
                let latest = Day(year: 2005, month: 12, day: 31)
                let earliest = Day(year: 1940, month: 1, day: 1)
                if birth > latest { birth = latest - random.below(365) }
                if birth < earliest { birth = earliest + random.below(365) }
                let given = givenName(male: male)
                // Resident ID: usually issued where the person lives, else where they were born.
                let idRegion = random.chance(0.7) ? home.region : tables.regions.pick(&random)
                let regionCode = ReferenceData.regions[idRegion].code
                var sequence = random.below(500) * 2 + (male ? 1 : 0)
                var attempts = 0
                while true {
                    let (y, m, d) = birth.parts
                    let body = UInt64(regionCode)! * 100_000_000_000 + UInt64(y * 10_000 + m * 100 + d) * 1000
                        + UInt64(sequence)
                    if !issued.contains(body) && !local.contains(body) {
                        local.insert(body)
                        issuedHere.append(body)
                        break
                    }
                    attempts += 1
                    sequence = random.below(500) * 2 + (male ? 1 : 0)
                    if attempts % 50 == 0 { birth = birth + 1 }
                }
                var employer: Int?
                if configuration.organisations > 0, birth.year <= 2003, birth.year >= 1960, random.chance(0.3) {
                    let u = random.unit()
                    employer = min(configuration.organisations - 1, Int(u * u * Double(configuration.organisations)))
                }
                var person = Person(
                    index: index, surname: surname, given: given, male: male, birth: birth,
                    idRegion: regionCode, idSequence: sequence, mobile: Self.mobile(&random), email: nil, home: home,
                    household: head, householdRole: role, employer: employer, agent: agent,
                    occupation: birth.year < 1962 && random.chance(0.7) ? 9
                        : random.below(ReferenceData.occupations.count))
                if random.chance(0.35) { person.email = email(for: person) }
                let ordinal = index
                person.records = systems(count: tables.systemCount).map {
                    Ref(system: $0, key: numbering.key($0, ordinal: ordinal, duplicate: false))
                }
                members.append(person)
                index += 1
            }
            for position in members.indices {
                var duplicate: [ErrorKind] = []
                if draw(.duplicateInSystem, into: &duplicate) {
                    let system = members[position].records[errorRandom.below(members[position].records.count)].system
                    members[position].records.append(
                        Ref(system: system, key: numbering.key(system, ordinal: members[position].index, duplicate: true)))
                }
                writePartyRecords(members[position], duplicateApplied: duplicate, organisations: organisations)
            }
            householdBusiness(members, organisations: organisations)
        }
        return issuedHere
    }

    private mutating func birthDay(from: Int, to: Int) -> Day {
        let start = Day(year: from, month: 1, day: 1)
        let end = Day(year: to, month: 12, day: 31)
        // Fewer of the oldest: a triangular tilt towards later years.
        let u = max(random.unit(), random.unit())
        return start + Int(u * Double(end - start))
    }

    private mutating func givenName(male: Bool) -> [String] {
        let pool = random.chance(0.9) ? (male ? ReferenceData.maleCharacters : ReferenceData.femaleCharacters)
            : (male ? ReferenceData.femaleCharacters : ReferenceData.maleCharacters)
        if random.chance(0.2) { return [random.pick(pool)] }
        return [random.pick(pool), random.pick(pool)]
    }

    private mutating func email(for person: Person) -> String {
        let domain = random.pick(ReferenceData.emailDomains)
        if domain == "qq.com" && random.chance(0.7) {
            return String(random.within(10_000_000, 2_999_999_999)) + "@qq.com"
        }
        var local = (person.surname + person.given.joined()).map { variants.pinyin[String($0)] ?? "x" }.joined()
        if random.chance(0.5) { local += String(person.birth.year) } else { local += String(random.below(1000)) }
        return local + "@" + domain
    }

    private mutating func writePartyRecords(_ person: Person, duplicateApplied: [ErrorKind],
                                            organisations: [OrganisationSummary]) {
        let entityID = person.entityID
        let trueID = person.residentID
        let changedPhone = Self.mobile(&errorRandom)
        let agentPhone = agentPhoneNumber(person.agent)
        let start = Day(year: 2015, month: 1, day: 1)
        for (position, ref) in person.records.enumerated() {
            var applied: [ErrorKind] = position == person.records.count - 1 ? duplicateApplied : []
            // Name.
            var family = person.surname
            var given = person.given
            let homophoneable = given.indices.filter { variants.homophones[given[$0]] != nil }
            if draw(.nameHomophone, eligible: !homophoneable.isEmpty, into: &applied) {
                let at = homophoneable[errorRandom.below(homophoneable.count)]
                given[at] = errorRandom.pick(variants.homophones[given[at]]!)
            }
            var givenText = given.joined()
            let traditionalFamily = variants.traditionalForm(of: family)
            let traditionalGiven = variants.traditionalForm(of: givenText)
            if draw(.nameTraditional, eligible: traditionalFamily != nil || traditionalGiven != nil, into: &applied) {
                family = traditionalFamily ?? family
                givenText = traditionalGiven ?? givenText
            }
            var fullName = family + givenText
            if draw(.nameSpace, into: &applied) {
                if given.count == 2 && errorRandom.chance(0.3) {
                    fullName = family + " " + String(givenText.first!) + " " + String(givenText.dropFirst())
                    givenText = String(givenText.first!) + " " + String(givenText.dropFirst())
                } else {
                    fullName = family + " " + givenText
                    if ref.system == .underwriting { givenText = " " + givenText }
                }
            }
            // Sex and birth date.
            var male = person.male
            if draw(.sexWrong, into: &applied) { male.toggle() }
            var birth = ""
            if draw(.birthMissing, into: &applied) {
                birth = ""
            } else if draw(.birthPlaceholder, into: &applied) {
                birth = Day(year: 1900, month: 1, day: 1).format(ref.system.dateStyle)
            } else if draw(.birthFormat, into: &applied) {
                let others = Day.Style.allCases.filter { $0 != ref.system.dateStyle }
                birth = person.birth.format(errorRandom.pick(others))
            } else {
                birth = person.birth.format(ref.system.dateStyle)
            }
            // Resident ID.
            var idType = ref.system.idType(organisation: false)
            var idNumber = trueID
            if draw(.idMissing, into: &applied) {
                idType = ""
                idNumber = ""
            } else if draw(.idLegacy15, eligible: person.birth.year < 2000, into: &applied) {
                let characters = Array(trueID)
                // No transposition here: a legacy number has no check character, so it would go unnoticed.
                idNumber = String(characters[0..<6]) + String(characters[8..<17])
            } else if draw(.idTransposed, into: &applied) {
                idNumber = Text.transposeDigits(trueID, within: 0..<17, &errorRandom) ?? trueID
            }
            // Phone.
            var phone = person.mobile
            var updated = start + errorRandom.below(configuration.asOfDay - start)
            if draw(.phoneMissing, into: &applied) {
                phone = ""
            } else if draw(.phonePlaceholder, into: &applied) {
                phone = errorRandom.pick(["13800000000", "00000000000", "11111111111"])
            } else if draw(.agentPhone, into: &applied) {
                phone = agentPhone
            } else {
                if draw(.phoneChanged, into: &applied) {
                    phone = changedPhone
                    let recent = Day(year: 2024, month: 1, day: 1)
                    updated = recent + errorRandom.below(configuration.asOfDay - recent + 1)
                }
                if draw(.phoneTransposed, into: &applied) {
                    phone = Text.transposeDigits(phone, within: 3..<11, &errorRandom) ?? phone
                }
            }
            if draw(.fullWidthDigits, eligible: !(idNumber.isEmpty && phone.isEmpty), into: &applied) {
                idNumber = Text.fullWidthDigits(idNumber)
                phone = Text.fullWidthDigits(phone)
            }
            let email = person.email != nil && errorRandom.chance(0.6) ? person.email! : ""
            // Address.
            let address: (province: String, city: String, line: String, postcode: String)
            if draw(.addressMissing, into: &applied) {
                address = ("", "", "", "")
            } else if draw(.addressOld, into: &applied) {
                var old = Self.homeAddress(&errorRandom, tables: tables)
                if old.region == person.home.region && old.street == person.home.street {
                    old.street = (old.street + 1) % ReferenceData.streets.count
                }
                address = renderAddress(old, system: ref.system, applied: &applied)
            } else {
                address = renderAddress(person.home, system: ref.system, applied: &applied)
            }
            let occupation = ref.system == .sales || ref.system == .underwriting
                ? ReferenceData.occupations[person.occupation] : nil
            var employerName = ""
            var employerRef: Ref?
            if let employer = person.employer, ref.system == .sales || ref.system == .underwriting,
               errorRandom.chance(0.8) {
                employerName = organisations[employer].name
                if errorRandom.chance(0.5) { employerRef = organisations[employer].records[0] }
            }
            let split = ref.system == .underwriting
            withBuffer(0) { row in
                row.text(ref.system.rawValue); row.text(ref.key); row.text("individual")
                row.text(split ? "" : fullName); row.text(split ? family : ""); row.text(split ? givenText : "")
                row.text(ref.system.sexLabel(male: male)); row.text(birth)
                row.text(idType); row.text(idNumber); row.text(phone); row.text(email)
                row.text(address.province); row.text(address.city); row.text(address.line); row.text(address.postcode)
                row.text(occupation?.0); row.integer(occupation?.1); row.text(employerName)
                row.text(employerRef?.system.rawValue); row.text(employerRef?.key)
                row.date(updated)
                row.endRow()
            }
            writeTruth(ref, entityID: entityID, applied: applied)
        }
        let household = "H" + padded(UInt64(person.household), 8)
        let employerID = person.employer.map { "O" + padded(UInt64($0), 8) }
        withBuffer(9) { entity in
            entity.text(entityID); entity.text("individual"); entity.text(household); entity.text(person.householdRole)
            entity.text(employerID)
            entity.endRow()
        }
    }

    /// The mobile of agent `index`, the same in every block.
    func agentPhoneNumber(_ index: Int) -> String {
        var random = SeededGenerator.stream(configuration.seed, 99, index)
        return random.pick(ReferenceData.mobilePrefixes) + padded(UInt64(random.below(100_000_000)), 8)
    }
}
