import IdentityNormalization

/// Everything one block of entities writes, and the error counts it observed.
struct BlockOutput: Sendable {
    var buffers: [RecordFile: [UInt8]]
    var rows: [RecordFile: Int]
    var errorTallies: [ErrorKind: ErrorTally]
    /// Resident IDs issued in this block (as 17-digit bodies), to keep IDs unique across blocks.
    var issuedIDs: [UInt64]
    var organisations: [OrganisationSummary]
}

/// Stream identifiers for `SeededGenerator.stream`.
enum Stream: UInt64 {
    case organisation = 1, organisationErrors, organisationBusiness, person, personErrors, personBusiness
}

/// Permutations that turn indexes into keys and numbers.
struct Numbering: Sendable {
    let keys: [AffinePermutation]
    let keysAgain: [AffinePermutation]
    let policies: AffinePermutation
    let groupPolicies: AffinePermutation
    let claims: AffinePermutation
    let interactions: AffinePermutation
    let organisationCodes: AffinePermutation
    let organisationNames: AffinePermutation

    init(seed: UInt64) {
        keys = (0..<4).map { AffinePermutation(modulus: 10_000_000_000, salt: seed &+ 11 &+ UInt64($0)) }
        keysAgain = (0..<4).map { AffinePermutation(modulus: 10_000_000_000, salt: seed &+ 31 &+ UInt64($0)) }
        policies = AffinePermutation(modulus: 1_000_000_000_000, salt: seed &+ 21)
        groupPolicies = AffinePermutation(modulus: 1_000_000_000_000, salt: seed &+ 22)
        claims = AffinePermutation(modulus: 1_000_000_000_000, salt: seed &+ 23)
        interactions = AffinePermutation(modulus: 1_000_000_000_000, salt: seed &+ 24)
        organisationCodes = AffinePermutation(modulus: 100_000_000, salt: seed &+ 25)
        organisationNames = AffinePermutation(modulus: 10_000_000, salt: seed &+ 26)
    }

    /// The source key of an entity's record: persons by index, organisations after 2,000,000,000.
    func key(_ system: SourceSystem, ordinal: Int, duplicate: Bool) -> String {
        // Affine, digits reversed, affine again: still a bijection, but neighbouring ordinals (an entity's
        // duplicate record) no longer differ by a constant.
        var value = keys[system.ordinal].map(UInt64(ordinal * 2 + (duplicate ? 1 : 0)))
        var reversed: UInt64 = 0
        for _ in 0..<10 {
            reversed = reversed * 10 + value % 10
            value /= 10
        }
        return system.keyPrefix + padded(keysAgain[system.ordinal].map(reversed), 10)
    }
}

/// Eligible and applied counts of one error kind.
public struct ErrorTally: Sendable, Hashable, Codable {
    /// Records (or entities, for duplicates) on which the error could have been drawn.
    public var eligible: Int = 0
    /// Records on which it was applied.
    public var applied: Int = 0
    public init(eligible: Int = 0, applied: Int = 0) { self.eligible = eligible; self.applied = applied }
    /// applied / eligible.
    public var rate: Double { eligible == 0 ? 0 : Double(applied) / Double(eligible) }
}

/// Generates one block of entities into in-memory buffers.
struct BlockGenerator {
    let configuration: BookConfiguration
    let numbering: Numbering
    let variants: HanziVariants
    let tables: Tables
    var buffers: [TableBuffer]
    var tallies = [ErrorTally](repeating: ErrorTally(), count: ErrorKind.allCases.count)
    let rates: [Double]
    var random: SeededGenerator
    var errorRandom: SeededGenerator
    var businessRandom: SeededGenerator
    var block: Int
    var localCounter = 0

    /// Precomputed weighted tables.
    struct Tables: Sendable {
        let surnames = WeightedTable(ReferenceData.surnames.map(\.1))
        let regions = WeightedTable(ReferenceData.regions.map(\.weight))
        let products = WeightedTable(ReferenceData.productWeights)
        let systemCount = WeightedTable([0.35, 0.35, 0.20, 0.10])
        let organisationSystemCount = WeightedTable([0.50, 0.35, 0.12, 0.03])
        let systems = [0.45, 0.25, 0.18, 0.12]
        let householdSize = WeightedTable([0.30, 0.30, 0.25, 0.12, 0.03])
    }

    init(configuration: BookConfiguration, numbering: Numbering, variants: HanziVariants, tables: Tables,
         block: Int, kind: Stream) {
        self.configuration = configuration
        self.numbering = numbering
        self.variants = variants
        self.tables = tables
        self.block = block
        rates = ErrorKind.allCases.map { configuration.errorRates[$0] }
        let seed = configuration.seed
        let base = kind == .organisation ? Stream.organisation.rawValue : Stream.person.rawValue
        random = .stream(seed, base, block)
        errorRandom = .stream(seed, base + 1, block)
        businessRandom = .stream(seed, base + 2, block)
        buffers = RecordFile.allCases.map { TableBuffer($0, format: configuration.format) }
    }

    func output(issued: [UInt64], organisations: [OrganisationSummary]) -> BlockOutput {
        var bytes: [RecordFile: [UInt8]] = [:]
        var rows: [RecordFile: Int] = [:]
        for (file, buffer) in zip(RecordFile.allCases, buffers) {
            bytes[file] = buffer.bytes
            rows[file] = buffer.rows
        }
        var errorTallies: [ErrorKind: ErrorTally] = [:]
        for kind in ErrorKind.allCases where tallies[kind.ordinal].eligible > 0 { errorTallies[kind] = tallies[kind.ordinal] }
        return BlockOutput(buffers: bytes, rows: rows, errorTallies: errorTallies, issuedIDs: issued,
                           organisations: organisations)
    }

    @inline(__always) func index(_ file: RecordFile) -> Int {
        switch file {
        case .parties: 0
        case .policies: 1
        case .policyRoles: 2
        case .payments: 3
        case .claims: 4
        case .servicing: 5
        case .serviceUsage: 6
        case .interactions: 7
        case .truth: 8
        case .entities: 9
        }
    }

    // MARK: - Errors

    /// Draws an error (when eligible) and counts it.
    mutating func draw(_ kind: ErrorKind, eligible: Bool = true, into applied: inout [ErrorKind]) -> Bool {
        let hit = errorRandom.chance(rates[kind.ordinal])
        guard eligible else { return false }
        tallies[kind.ordinal].eligible += 1
        if hit {
            tallies[kind.ordinal].applied += 1
            applied.append(kind)
        }
        return hit
    }

    // MARK: - Shared pieces

    mutating func systems(count table: WeightedTable) -> [SourceSystem] {
        let count = table.pick(&random) + 1
        var chosen: [SourceSystem] = []
        var weights = tables.systems
        for _ in 0..<count {
            let total = weights.reduce(0, +)
            var target = random.unit() * total
            var pick = 0
            for (index, weight) in weights.enumerated() where weight > 0 {
                pick = index
                if target < weight { break }
                target -= weight
            }
            weights[pick] = 0
            chosen.append(SourceSystem.allCases[pick])
        }
        return chosen.sorted { $0.ordinal < $1.ordinal }
    }

    static func mobile(_ random: inout SeededGenerator) -> String {
        random.pick(ReferenceData.mobilePrefixes) + padded(UInt64(random.below(100_000_000)), 8)
    }

    static func homeAddress(_ random: inout SeededGenerator, tables: Tables) -> Address {
        let floor = random.within(1, 32)
        return Address(region: tables.regions.pick(&random), street: random.below(ReferenceData.streets.count),
                       number: random.within(1, 999), estate: random.below(ReferenceData.estates.count),
                       building: random.within(1, 30), unit: random.within(1, 6),
                       room: floor * 100 + random.within(1, 4), organisation: false)
    }

    /// The address columns: province, city, address line, postcode.
    mutating func renderAddress(_ address: Address, system: SourceSystem, applied: inout [ErrorKind])
        -> (province: String, city: String, line: String, postcode: String)
    {
        let region = ReferenceData.regions[address.region]
        let noSuffix = draw(.addressNoSuffix, into: &applied)
        let building = draw(.addressBuilding, eligible: !address.organisation, into: &applied)
        let numerals = draw(.addressNumerals, into: &applied)
        let oneLine = draw(.addressOneLine, into: &applied)
        let province = noSuffix ? region.provinceShort : region.province
        let city = noSuffix ? region.cityShort : region.city
        var line = region.district + ReferenceData.streets[address.street]
        line += numerals ? Text.chineseNumber(address.number) + "号" : String(address.number) + "号"
        if address.organisation {
            line += ReferenceData.towers[address.estate]
            line += numerals ? Text.chineseNumber(address.unit) + "层" : String(address.unit) + "层"
            line += numerals ? Text.chineseDigits(address.room) + "室" : String(address.room) + "室"
        } else {
            line += ReferenceData.estates[address.estate]
            let b = numerals ? Text.chineseNumber(address.building) : String(address.building)
            let u = numerals ? Text.chineseNumber(address.unit) : String(address.unit)
            let r = numerals ? Text.chineseDigits(address.room) : String(address.room)
            if building {
                switch errorRandom.below(3) {
                case 0: line += b + "幢" + u + "单元" + r
                case 1: line += b + "号楼" + u + "单元" + r + "室"
                default: line += String(address.building) + "-" + String(address.unit) + "-" + String(address.room)
                }
            } else {
                line += b + "栋" + u + "单元" + r + "室"
            }
        }
        let postcode = (system == .sales || system == .servicing) && errorRandom.chance(0.5) ? region.postcode : ""
        if oneLine {
            return ("", "", province + (region.municipality ? "" : city) + line, postcode)
        }
        return (province, city, line, postcode)
    }

    /// A timestamp `YYYY-MM-DDTHH:MM:SS+08:00` on `day`.
    static func timestamp(_ day: Day, _ random: inout SeededGenerator) -> String {
        let seconds = 8 * 3600 + random.below(13 * 3600)
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        return day.iso + "T" + (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m) + ":"
            + (s < 10 ? "0" : "") + String(s) + "+08:00"
    }

    mutating func nextLocal() -> UInt64 {
        localCounter += 1
        return UInt64(block) << 22 | UInt64(localCounter)
    }
}
