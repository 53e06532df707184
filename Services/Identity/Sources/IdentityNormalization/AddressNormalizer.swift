/// Normalises addresses: Chinese ones by `ChineseAddressParser`, Western ones by `WesternAddressParser`.
///
/// The style is chosen by script: text with Chinese characters is a Chinese address, text with Latin letters and
/// none is Western. The result is always usable when anything is left after cleaning; when no part could be
/// recognised (no province, city, district, street or number; no street, city or postcode) a warning
/// `unparsedAddress` is added and the whole text is kept in `detail` (Chinese) or `street` (Western), so the
/// matcher can still compare it as a whole.
public enum AddressNormalizer {
    /// Normalises an address written as one text.
    /// - Parameters:
    ///   - raw: the address as given.
    ///   - folding: the Hanzi table.
    public static func normalize(_ raw: String, folding: ChineseFolding = .shared) -> Normalized<PostalAddress> {
        let text = TextNormalizer.clean(raw)
        if text.isEmpty { return .empty(raw) }
        if TextNormalizer.containsHan(text) {
            return chinese(raw, ChineseAddressParser.parse(text, folding: folding), folding: folding)
        }
        return western(raw, WesternAddressParser.parse(raw))
    }

    /// Normalises an address whose parts come in separate fields, as `PartyDetails` carries them.
    /// - Parameters:
    ///   - lines: the address lines (street, building, unit...).
    ///   - streetNumber: the house or street number, if the source has a field for it.
    ///   - city: city, district or suburb.
    ///   - province: province or state.
    ///   - postcode: the postcode.
    ///   - country: ISO 3166-1 alpha-2 code or name; empty means China.
    ///   - folding: the Hanzi table.
    public static func normalize(lines: [String], streetNumber: String = "", city: String = "",
                                 province: String = "", postcode: String = "", country: String = "",
                                 folding: ChineseFolding = .shared) -> Normalized<PostalAddress> {
        let parts = [province, city] + lines + [streetNumber, postcode]
        let raw = parts.filter { !TextNormalizer.clean($0).isEmpty }.joined(separator: ", ")
        if raw.isEmpty { return .empty(raw) }
        let countryKey = TextNormalizer.comparisonKey(country)
        let chineseStyle = ["", "cn", "chn", "china", "中国"].contains(countryKey)
            && parts.contains(where: TextNormalizer.containsHan)
        if chineseStyle {
            // Fields come in the order an address is written, so the parser sees one address; the separate fields
            // then win over what it found for them.
            var numberText = TextNormalizer.clean(streetNumber)
            if !numberText.isEmpty, !numberText.hasSuffix("号"), !numberText.hasSuffix("號") { numberText += "号" }
            let text = ([province, city] + lines + [numberText]).joined()
            var address = ChineseAddressParser.parse(text, folding: folding)
            if !TextNormalizer.clean(province).isEmpty {
                address.province = ChineseAddressParser.provinceKey(province, folding: folding)
            }
            let postcodeDigits = TextNormalizer.asciiDigits(TextNormalizer.foldWidth(postcode))
            if !postcodeDigits.isEmpty { address.postcode = postcodeDigits }
            return chinese(raw, address, folding: folding)
        }
        return western(raw, WesternAddressParser.parse(lines: lines, streetNumber: streetNumber, city: city,
                                                        state: province, postcode: postcode, country: country))
    }

    private static func chinese(_ raw: String, _ address: ChineseAddress, folding: ChineseFolding)
        -> Normalized<PostalAddress>
    {
        var address = address
        let recognised = [address.province, address.city, address.district, address.street, address.houseNumber]
            .contains { $0 != nil }
        var problems: [NormalizationProblem] = []
        if !recognised {
            problems.append(NormalizationProblem(.unparsedAddress, severity: .warning,
                                                 "no province, city, district, street or number recognised"))
            address.detail = address.detail ?? ChineseAddressParser.prepare(raw, folding: folding).string
        }
        return Normalized(raw: raw, value: .chinese(address), problems: problems)
    }

    private static func western(_ raw: String, _ address: WesternAddress) -> Normalized<PostalAddress> {
        guard address.street != nil || address.city != nil || address.postcode != nil || address.houseNumber != nil
        else {
            var whole = address
            whole.street = WesternAddressParser.tokens(TextNormalizer.clean(raw)).joined(separator: " ").nonEmpty
            guard whole.street != nil else {
                return .invalid(raw, [NormalizationProblem(.invalidFormat, "nothing left after cleaning")])
            }
            return Normalized(raw: raw, value: .western(whole), problems: [
                NormalizationProblem(.unparsedAddress, severity: .warning, "no street, city or postcode recognised")
            ])
        }
        return Normalized(raw: raw, value: .western(address))
    }
}
