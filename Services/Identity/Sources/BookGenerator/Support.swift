import Models

// MARK: - Random helpers

extension SeededGenerator {
    /// A double in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`; always draws one number, so a rate of 0 keeps the stream aligned.
    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An integer in `0..<n` (n > 0).
    @inline(__always) mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// An integer in `low...high`.
    @inline(__always) mutating func within(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }

    /// One element of a non-empty array, uniformly.
    @inline(__always) mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A count with the geometric distribution of the given mean (0, 1, 2, ...).
    mutating func geometric(mean: Double) -> Int {
        guard mean > 0 else { _ = next(); return 0 }
        let stop = 1 / (1 + mean)
        var count = 0
        while !chance(stop) && count < 200 { count += 1 }
        return count
    }

    /// A generator for one named stream of one block, independent of every other stream.
    static func stream(_ seed: UInt64, _ kind: UInt64, _ index: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (kind &* 0xD1B5_4A32_D192_ED03))
        let a = mixer.next()
        var second = SeededGenerator(seed: a ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return SeededGenerator(seed: second.next())
    }
}

/// Cumulative weights for picking an index in proportion to its weight.
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    func pick(_ random: inout SeededGenerator) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A bijection of `0..<modulus` (an affine map with a multiplier coprime to the modulus), so that numbers derived
/// from distinct indexes never collide yet do not reveal the order they were made in.
struct AffinePermutation: Sendable {
    let modulus: UInt64
    let multiplier: UInt64
    let offset: UInt64

    /// `modulus` is a power of ten; the multiplier is odd and not a multiple of 5.
    init(modulus: UInt64, salt: UInt64) {
        var random = SeededGenerator(seed: salt)
        var multiplier = (random.next() % (modulus / 10)) | 1
        while multiplier % 5 == 0 { multiplier += 2 }
        self.modulus = modulus
        self.multiplier = multiplier % modulus
        self.offset = random.next() % modulus
    }

    /// `(multiplier × index + offset) mod modulus`, exact.
    func map(_ index: UInt64) -> UInt64 {
        let product = index.multipliedFullWidth(by: multiplier)
        let remainder = modulus.dividingFullWidth((product.high, product.low)).remainder
        return (remainder + offset) % modulus
    }
}
/// Zero-padded decimal.
@inline(__always) func padded(_ value: UInt64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

// MARK: - Days

/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian).
struct Day: Comparable, Hashable, Sendable {
    var number: Int

    init(_ number: Int) { self.number = number }

    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    var parts: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var year: Int { parts.year }

    /// The same day `months` later, clamped to the end of a shorter month.
    func adding(months: Int) -> Day {
        let (y, m, d) = parts
        let total = y * 12 + (m - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.length(of: month, in: year)))
    }

    static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func + (day: Day, days: Int) -> Day { Day(day.number + days) }
    static func - (day: Day, days: Int) -> Day { Day(day.number - days) }
    static func - (a: Day, b: Day) -> Int { a.number - b.number }
    static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    /// `YYYY-MM-DD`.
    var iso: String { format(.iso) }

    enum Style: CaseIterable { case iso, compact, slashes, chinese }

    func format(_ style: Style) -> String {
        let (y, m, d) = parts
        switch style {
        case .iso: return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        case .compact: return "\(y)\(m < 10 ? "0" : "")\(m)\(d < 10 ? "0" : "")\(d)"
        case .slashes: return "\(y)/\(m < 10 ? "0" : "")\(m)/\(d < 10 ? "0" : "")\(d)"
        case .chinese: return "\(y)年\(m)月\(d)日"
        }
    }
}

// MARK: - Text

enum Text {
    /// ASCII digits written as full-width digits (０-９); other characters kept.
    static func fullWidthDigits(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                scalars.append(Unicode.Scalar(scalar.value - 0x30 + 0xFF10)!)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static let numeralDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// A positive integer below 10,000 in Chinese numerals: 12 → 十二, 123 → 一百二十三, 1005 → 一千零五.
    static func chineseNumber(_ value: Int) -> String {
        if value < 10 { return numeralDigits[value] }
        if value < 20 { return "十" + (value == 10 ? "" : numeralDigits[value - 10]) }
        let units = [(1000, "千"), (100, "百"), (10, "十")]
        var result = ""
        var rest = value
        var pendingZero = false
        for (size, name) in units {
            let digit = rest / size
            rest %= size
            if digit > 0 {
                if pendingZero { result += "零"; pendingZero = false }
                result += numeralDigits[digit] + name
            } else if !result.isEmpty {
                pendingZero = true
            }
        }
        if rest > 0 { result += (pendingZero ? "零" : "") + numeralDigits[rest] }
        return result
    }

    /// Digit by digit, as room numbers are read: 502 → 五零二.
    static func chineseDigits(_ value: Int) -> String {
        String(value).map { numeralDigits[Int($0.asciiValue! - 48)] }.joined()
    }

    /// Swaps the first pair of adjacent, different ASCII digits at or after a random position; `nil` if none.
    static func transposeDigits(_ text: String, within range: Range<Int>, _ random: inout SeededGenerator) -> String? {
        var characters = Array(text.utf8)
        guard range.count >= 2 else { return nil }
        let start = range.lowerBound + random.below(range.count - 1)
        for offset in 0..<(range.count - 1) {
            let i = range.lowerBound + (start - range.lowerBound + offset) % (range.count - 1)
            let a = characters[i]
            let b = characters[i + 1]
            if a != b && a >= 0x30 && a <= 0x39 && b >= 0x30 && b <= 0x39 {
                characters.swapAt(i, i + 1)
                return String(decoding: characters, as: UTF8.self)
            }
        }
        return nil
    }
}

/// GB 11714 organisation code check character for 8 body characters (digits here).
func organisationCodeCheck(_ body: [UInt8]) -> Character {
    let weights = [3, 7, 9, 10, 5, 8, 4, 2]
    var sum = 0
    for (index, digit) in body.enumerated() { sum += Int(digit) * weights[index] }
    let check = 11 - sum % 11
    return check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
}

