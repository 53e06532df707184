/// Splits a Western-style address: unit, street number, street (type spelt out), suburb, city, state, postcode and
/// country.
///
/// Commas (or line breaks) separate the parts. The postcode is read at the end of the last part (US ZIP and
/// ZIP+4, Australian and other 3–6 digit codes, UK `SW1A 2AA`, Canadian `K1A 0B6`) or at its start (`75001 Paris`,
/// `1234 AB Amsterdam`); a state just before the postcode or at the end of the city part is recognised when it
/// is a US state, Australian state or territory or Canadian province, by abbreviation or full name. Without commas
/// the street type (`St`, `Road`...) marks where the street ends and the city begins. Street types are spelt out
/// (`StreetAbbreviations`); `St` is `saint` unless it is the last word of the street.
public enum WesternAddressParser {
    /// Parses an address written on one line or several.
    /// - Parameter text: the address as given.
    public static func parse(_ text: String) -> WesternAddress {
        let unified = TextNormalizer.foldWidth(text).replacing("\n", with: ",")
        var segments = unified.split(separator: ",").map { TextNormalizer.collapseWhitespace(String($0)) }
            .filter { !$0.isEmpty }
        var address = WesternAddress()
        if let last = segments.last, let country = StreetAbbreviations.country(last) {
            address.country = country
            segments.removeLast()
        }
        guard !segments.isEmpty else { return address }
        // Unit segments anywhere before the street: "Flat 2, 10 Downing Street".
        if let unitIndex = segments.indices.first(where: { unitNumber(tokens(segments[$0])) != nil }) {
            address.unit = unitNumber(tokens(segments[unitIndex]))
            segments.remove(at: unitIndex)
        }
        guard !segments.isEmpty else { return address }
        var lastTokens = tokens(segments.removeLast())
        address.postcode = takePostcode(&lastTokens, alone: segments.isEmpty)
        if let (state, count) = StreetAbbreviations.stateSuffix(lastTokens) {
            address.state = state
            lastTokens.removeLast(count)
        }
        var streetTokens: [String]
        if segments.isEmpty {
            // One line without commas: the street type ends the street, what follows is the city.
            let end = lastTokens.lastIndex(where: { StreetAbbreviations.isStreetType($0) }).map { $0 + 1 }
                ?? lastTokens.count
            streetTokens = Array(lastTokens[..<end])
            let city = lastTokens[end...].joined(separator: " ")
            address.city = city.isEmpty ? nil : city
        } else {
            streetTokens = tokens(segments.removeFirst())
            if !lastTokens.isEmpty {
                address.city = lastTokens.joined(separator: " ")
                if !segments.isEmpty { address.suburb = segments.map { tokens($0).joined(separator: " ") }.joined(separator: " ") }
            } else if let city = segments.popLast() {
                address.city = tokens(city).joined(separator: " ")
                if !segments.isEmpty { address.suburb = segments.map { tokens($0).joined(separator: " ") }.joined(separator: " ") }
            }
        }
        parseStreet(streetTokens, into: &address)
        return address
    }

    /// Parses an address whose parts come in separate fields.
    /// - Parameters:
    ///   - lines: the street lines (unit, number and street), in order.
    ///   - streetNumber: the house number when the source has a field for it.
    ///   - city: city, town or suburb.
    ///   - state: state or province.
    ///   - postcode: the postcode.
    ///   - country: the country, if given.
    public static func parse(lines: [String], streetNumber: String = "", city: String = "", state: String = "",
                             postcode: String = "", country: String = "") -> WesternAddress {
        var address = WesternAddress()
        var streetLines = lines.map { TextNormalizer.clean($0) }.filter { !$0.isEmpty }
        if let unitIndex = streetLines.indices.first(where: { unitNumber(tokens(streetLines[$0])) != nil }) {
            address.unit = unitNumber(tokens(streetLines[unitIndex]))
            streetLines.remove(at: unitIndex)
        }
        let number = tokens(TextNormalizer.clean(streetNumber))
        parseStreet(number + streetLines.flatMap { tokens($0) }, into: &address)
        let cityTokens = tokens(TextNormalizer.clean(city))
        address.city = cityTokens.isEmpty ? nil : cityTokens.joined(separator: " ")
        let stateTokens = tokens(TextNormalizer.clean(state))
        address.state = StreetAbbreviations.stateSuffix(stateTokens).flatMap { $0.count == stateTokens.count ? $0.state : nil }
            ?? stateTokens.joined(separator: " ").nonEmpty
        var postcodeTokens = tokens(TextNormalizer.clean(postcode))
        address.postcode = takePostcode(&postcodeTokens, alone: false) ?? postcodeTokens.joined().uppercased().nonEmpty
        address.country = StreetAbbreviations.country(country) ?? TextNormalizer.comparisonKey(country).nonEmpty
        return address
    }

    // MARK: - Steps

    /// Lower-case words without diacritics, dots, apostrophes or commas; `#5` split into `#`, `5`.
    static func tokens(_ text: String) -> [String] {
        TextNormalizer.foldLatin(text).replacing("#", with: " # ").split(whereSeparator: { $0 == " " })
            .map { String($0.filter { !".,'’`".contains($0) }) }.filter { !$0.isEmpty }
    }

    private static func parseStreet(_ tokens: [String], into address: inout WesternAddress) {
        var words = tokens
        // A unit after the street: "12 Main St Apt 5", "12 Main St #5".
        if let keyword = words.lastIndex(where: { StreetAbbreviations.unitKeywords.contains($0) }), keyword > 0,
            let unit = unitNumber(Array(words[keyword...]))
        {
            address.unit = address.unit ?? unit
            words.removeSubrange(keyword...)
        }
        // A unit before the number: "Unit 5 12 Smith Rd".
        if words.count >= 3, StreetAbbreviations.unitKeywords.contains(words[0]), isHouseNumber(words[1]) {
            address.unit = address.unit ?? words[1]
            words.removeFirst(2)
        }
        if let first = words.first {
            if let slash = first.firstIndex(of: "/"), isHouseNumber(String(first[first.index(after: slash)...])) {
                // Australian unit/number: 5/12.
                address.unit = address.unit ?? String(first[..<slash])
                address.houseNumber = String(first[first.index(after: slash)...])
                words.removeFirst()
            } else if isHouseNumber(first) {
                address.houseNumber = first
                words.removeFirst()
            }
        }
        // European order, number after the street: "Hauptstraße 12".
        if address.houseNumber == nil, words.count >= 2, let last = words.last, isHouseNumber(last) {
            address.houseNumber = last
            words.removeLast()
        }
        let street = StreetAbbreviations.expand(words)
        address.street = street.isEmpty ? nil : street.joined(separator: " ")
    }

    /// The unit number of words such as `unit 5`, `flat 2b`, `apt 3`, `suite 100`, `# 5`.
    private static func unitNumber(_ words: [String]) -> String? {
        guard words.count == 2, StreetAbbreviations.unitKeywords.contains(words[0]),
            words[1].contains(where: \.isNumber) || words[1].count <= 2
        else { return nil }
        return words[1]
    }

    private static func isHouseNumber(_ word: String) -> Bool {
        guard let first = word.first, first.isASCIIDigit else { return false }
        return word.count <= 8 && word.allSatisfy { $0.isASCIIDigit || $0.isLetter || $0 == "-" }
            && word.filter(\.isLetter).count <= 1
    }

    /// Removes and returns the postcode at the end (or start) of the last segment's words.
    private static func takePostcode(_ words: inout [String], alone: Bool) -> String? {
        let upper = words.map { $0.uppercased() }
        if upper.count >= 2 {
            let outward = upper[upper.count - 2]
            let inward = upper[upper.count - 1]
            if matches(outward, "A9", "A9A", "A99", "AA9", "AA9A", "AA99"), matches(inward, "9AA")  // UK
                || matches(outward, "A9A") && matches(inward, "9A9")  // Canada
            {
                words.removeLast(2)
                return outward + inward
            }
        }
        if let last = upper.last {
            let zip = last.split(separator: "-")
            if zip.count == 2, zip[0].count == 5, zip[1].count == 4, zip.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) {
                words.removeLast()
                return String(zip[0])
            }
            // A lone line's last number may be a house number ("Hauptstraße 12"): only 4+ digits count there.
            if (alone ? 4...6 : 3...6).contains(last.count), last.allSatisfy(\.isASCIIDigit) {
                words.removeLast()
                return last
            }
        }
        if let first = upper.first, (4...6).contains(first.count), first.allSatisfy(\.isASCIIDigit), upper.count > 1 {
            if upper.count > 2, matches(upper[1], "AA") {  // Dutch 1234 AB
                words.removeFirst(2)
                return first + upper[1]
            }
            words.removeFirst()
            return first
        }
        return nil
    }

    /// Whether `word` has one of the shapes, `A` a letter and `9` a digit.
    private static func matches(_ word: String, _ shapes: String...) -> Bool {
        shapes.contains { shape in
            shape.count == word.count && zip(shape, word).allSatisfy { kind, character in
                kind == "9" ? character.isASCIIDigit : character.isASCII && character.isLetter
            }
        }
    }
}

extension String {
    /// `nil` for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
