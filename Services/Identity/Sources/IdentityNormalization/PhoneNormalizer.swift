/// A usable phone number in its normal form.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// What kind of line it is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A mainland China mobile: 11 digits, `1[3-9]`.
        case mobile
        /// A mainland China fixed line: `0`, a 2- or 3-digit area code, 7 or 8 digits.
        case landline
        /// A mainland China 400 / 800 service number (10 digits).
        case serviceNumber
        /// A number outside mainland China, kept with its country code.
        case international
    }

    /// The kind of line.
    public var kind: Kind
    /// The number compared on: mainland numbers as national digits (`13800138000`, `01065529988`,
    /// `4008001234`), others as `+` country code and digits (`+442079460958`).
    public var number: String
    /// For landlines, the area code with its leading 0 (`010`, `0755`).
    public var areaCode: String?
    /// An extension given after the number (`转123`, `ext. 123`), not part of `number`.
    public var phoneExtension: String?

    /// Creates the value; use `PhoneNormalizer.normalize` to obtain a checked one.
    public init(kind: Kind, number: String, areaCode: String? = nil, phoneExtension: String? = nil) {
        self.kind = kind
        self.number = number
        self.areaCode = areaCode
        self.phoneExtension = phoneExtension
    }

    /// The number in E.164 form: `+86` and the national number without its trunk 0 for mainland numbers.
    public var e164: String {
        switch kind {
        case .international: number
        case .landline: "+86" + number.dropFirst()
        case .mobile, .serviceNumber: "+86" + number
        }
    }

    /// `number`.
    public var description: String { number }
}

/// Normalises phone numbers, mainland China first.
///
/// Spaces, hyphens, dots, slashes, brackets and full-width digits are removed; `tel:` and an international trunk
/// `(0)` are dropped; an extension after `转`, `ext`, `x` or `#` is split off. Then:
/// - `+86`, `0086` or a bare `86` in front of an 11-digit mobile is stripped (a repair);
/// - a mainland mobile is 11 digits `1[3-9]…` (a trunk `0` in front is dropped);
/// - a mainland landline is `0` + area code (`10`, `2x`, or 3 digits) + a 7- or 8-digit subscriber number;
/// - `400` / `800` + 7 digits is a service number;
/// - any other number with a country code (`+`, `00`) is kept as `+` and its digits when it has 8–15 digits;
/// - anything else (a local number with no area code, a number of the wrong length) is flagged `notAMobileNumber`
///   and not used; a `+86` number of the wrong shape is flagged `invalidPhoneNumber`.
public enum PhoneNormalizer {
    /// Normalises one phone number.
    /// - Parameter raw: the number as given.
    public static func normalize(_ raw: String) -> Normalized<PhoneNumber> {
        let reading = raw.utf8.allSatisfy({ $0 < 0x80 }) ? Reading(ascii: raw) : Reading(raw)
        let (digits, hasPlus, phoneExtension) = (reading.digits, reading.hasPlus, reading.phoneExtension)
        if reading.isEmpty {
            return phoneExtension == nil ? .empty(raw) : invalid(raw, .invalidPhoneNumber, "no number before the extension")
        }
        guard !reading.hasBadCharacter else {
            return invalid(raw, .invalidCharacters, "characters that cannot appear in a phone number")
        }
        guard !digits.isEmpty else { return invalid(raw, .invalidPhoneNumber, "no digits") }

        if hasPlus || digits.hasPrefix("00") {
            let international = hasPlus ? digits : String(digits.dropFirst(2))
            if international.hasPrefix("86") {
                return mainland(raw, String(international.dropFirst(2)), fromCountryCode: true, phoneExtension)
            }
            guard (8...15).contains(international.count), international.first != "0" else {
                return invalid(raw, .invalidPhoneNumber,
                               "not an international number (8–15 digits after +)")
            }
            return Normalized(raw: raw, value: PhoneNumber(kind: .international, number: "+" + international,
                                                           phoneExtension: phoneExtension))
        }
        if digits.count == 13, digits.hasPrefix("861") {
            return mainland(raw, String(digits.dropFirst(2)), fromCountryCode: true, phoneExtension)
        }
        return mainland(raw, digits, fromCountryCode: false, phoneExtension)
    }

    private static func mainland(
        _ raw: String, _ national: String, fromCountryCode: Bool, _ phoneExtension: String?
    ) -> Normalized<PhoneNumber> {
        var digits = national
        var repaired = fromCountryCode
        if digits.count == 12, digits.hasPrefix("01"), isMobile(String(digits.dropFirst())) {
            digits.removeFirst()
            repaired = true
        }
        if isMobile(digits) {
            return Normalized(raw: raw, value: PhoneNumber(kind: .mobile, number: digits, phoneExtension: phoneExtension),
                              repaired: repaired)
        }
        if digits.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") {
            return Normalized(raw: raw, value: PhoneNumber(kind: .serviceNumber, number: digits,
                                                           phoneExtension: phoneExtension), repaired: repaired)
        }
        // After +86 the trunk 0 of a landline is dropped: +86 10 6552 9988.
        if fromCountryCode, digits.first != "0" { digits = "0" + digits }
        if let area = landlineAreaCode(digits) {
            return Normalized(raw: raw, value: PhoneNumber(kind: .landline, number: digits, areaCode: area,
                                                           phoneExtension: phoneExtension), repaired: repaired)
        }
        if fromCountryCode {
            return invalid(raw, .invalidPhoneNumber, "after +86, neither a mobile nor a landline number")
        }
        return invalid(raw, .notAMobileNumber,
                       "not a mainland mobile or landline number, and no country code")
    }

    /// 11 digits, `1` then `3`…`9`.
    private static func isMobile(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        guard bytes.count == 11, bytes.allSatisfy(isDigit) else { return false }
        return bytes[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1])
    }

    /// The area code of a mainland landline in trunk form, or `nil` when `digits` is not one.
    private static func landlineAreaCode(_ digits: String) -> String? {
        let bytes = Array(digits.utf8)
        guard bytes.count >= 10, bytes.count <= 12, bytes[0] == UInt8(ascii: "0"), bytes[1] != UInt8(ascii: "0") else {
            return nil
        }
        // Two-digit area codes: 10 (Beijing) and 20–29; every other area code has three digits.
        let areaLength = bytes[1] == UInt8(ascii: "1") || bytes[1] == UInt8(ascii: "2") ? 3 : 4
        if bytes[1] == UInt8(ascii: "1"), bytes[2] != UInt8(ascii: "0") { return nil }
        let subscriber = bytes[areaLength...]
        guard (7...8).contains(subscriber.count), let first = subscriber.first, first != UInt8(ascii: "0"),
              first != UInt8(ascii: "1")
        else {
            return nil
        }
        return String(decoding: bytes[..<areaLength], as: UTF8.self)
    }

    private static func invalid(_ raw: String, _ code: NormalizationProblem.Code, _ message: String) -> Normalized<PhoneNumber> {
        .invalid(raw, [NormalizationProblem(code, message)])
    }

    private static let separators: Set<Character> = ["-", "‐", "‑", "–", "—", ".", "/", "(", ")", "[", "]"]
    /// Where an extension starts, looked for in this order, each at its first occurrence.
    private static let extensionMarkers = ["转", "ext.", "ext", "x", "#", ",", ";"]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// What a raw value holds once separators, `tel:`, the trunk `(0)` and an extension are taken off.
    private struct Reading {
        /// Nothing but whitespace was left.
        var isEmpty: Bool
        var hasPlus: Bool
        /// A character other than a digit or separator (a leading `+` aside).
        var hasBadCharacter: Bool
        /// The ASCII digits, in order.
        var digits: String
        var phoneExtension: String?

        /// Any text: width-folded and read character by character.
        init(_ raw: String) {
            var text = TextNormalizer.foldWidth(raw).lowercased()
            text = String(text.trimmingPrefix("tel:"))
            text = text.replacing("(0)", with: "")
            for marker in extensionMarkers {
                if let range = text.firstRange(of: marker), !text[..<range.lowerBound].filter(\.isASCIIDigit).isEmpty {
                    let tail = text[range.upperBound...].filter(\.isASCIIDigit)
                    phoneExtension = tail.isEmpty ? nil : String(tail)
                    text = String(text[..<range.lowerBound])
                    break
                }
            }
            let trimmed = text.filter { !$0.isWhitespace }
            isEmpty = trimmed.isEmpty
            hasPlus = trimmed.first == "+"
            hasBadCharacter = trimmed.dropFirst(hasPlus ? 1 : 0).contains { !($0.isASCIIDigit || separators.contains($0)) }
            digits = trimmed.filter(\.isASCIIDigit)
        }

        /// ASCII text, read byte by byte with the same rules: it is its own width-folded form, its whitespace is tab
        /// to carriage return and space, and only the ASCII markers can occur in it.
        init(ascii raw: String) {
            var text = raw.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 0x20 : $0 }
            if text.starts(with: "tel:".utf8) { text.removeFirst(4) }
            text = Self.removingTrunkZero(text)
            for marker in extensionMarkers where marker.utf8.allSatisfy({ $0 < 0x80 }) {
                let pattern = Array(marker.utf8)
                guard let at = Self.firstIndex(of: pattern, in: text), text[..<at].contains(where: isDigit) else { continue }
                let tail = text[(at + pattern.count)...].filter(isDigit)
                phoneExtension = tail.isEmpty ? nil : String(decoding: tail, as: UTF8.self)
                text.removeSubrange(at...)
                break
            }
            let trimmed = text.filter { !((0x09...0x0D).contains($0) || $0 == 0x20) }
            isEmpty = trimmed.isEmpty
            hasPlus = trimmed.first == UInt8(ascii: "+")
            hasBadCharacter = trimmed.dropFirst(hasPlus ? 1 : 0).contains { byte in
                !(isDigit(byte) || separators.contains(Character(Unicode.Scalar(byte))))
            }
            digits = String(decoding: trimmed.filter(isDigit), as: UTF8.self)
        }

        /// `text` without its `(0)`s, taken left to right as `replacing` does.
        private static func removingTrunkZero(_ text: [UInt8]) -> [UInt8] {
            let pattern = Array("(0)".utf8)
            var result: [UInt8] = []
            result.reserveCapacity(text.count)
            var index = 0
            while index < text.count {
                if text[index...].starts(with: pattern) {
                    index += pattern.count
                } else {
                    result.append(text[index])
                    index += 1
                }
            }
            return result
        }

        private static func firstIndex(of pattern: [UInt8], in text: [UInt8]) -> Int? {
            guard text.count >= pattern.count else { return nil }
            return (0...(text.count - pattern.count)).first { text[$0...].starts(with: pattern) }
        }
    }
}
