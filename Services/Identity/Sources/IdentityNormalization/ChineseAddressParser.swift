/// Splits a mainland Chinese address by suffix rules: province (省 / 自治区 / 特别行政区, or a municipality 市),
/// city (市 / 自治州 / 地区 / 盟), district (区 / 县 / 旗, or 市 for a county-level city), township (街道 / 镇 /
/// 乡), street (路 / 街 / 道 / 巷 / 胡同, with a following 段), house number (号), and the rest.
///
/// The text is width folded, folded to simplified characters, and stripped of spaces and punctuation first;
/// Chinese numerals directly before 号 / 弄 / 栋 / 幢 / 座 / 楼 / 层 / 单元 / 室 / 门 become Arabic digits
/// (`十二号` → `12号`), other numerals (`三里屯`, `五道口`) are kept. Provinces are recognised by their names (the 34
/// province-level divisions, with or without suffix); a missing province is not inferred from the city.
///
/// The rules work on whole characters, coded as integers (`CodedText`); strings are built only for the parts found.
public enum ChineseAddressParser {
    /// Parses one address line.
    /// - Parameters:
    ///   - text: the address as given.
    ///   - folding: the Hanzi table.
    public static func parse(_ text: String, folding: ChineseFolding = .shared) -> ChineseAddress {
        var text = prepare(text, folding: folding)
        var address = ChineseAddress()
        address.postcode = takePostcode(&text)
        var rest = text.codes[...]
        for prefix in countryNames where rest.hasPrefix(prefix) { rest.removeFirst(prefix.count) }
        takeProvinceAndMunicipality(&rest, of: text, into: &address)
        if address.city == nil { address.city = takeCity(&rest).map { text.string(of: $0) } }
        let beforeDistrict = rest
        var district = take(&rest, endingIn: address.city == nil ? districtSuffixes : districtOrCitySuffixes,
                            maxLength: 8, excluding: notInDistrict)
        // 小区 (housing estate), 社区, 校区, 景区, 厂区 end in 区 but are not districts.
        if let found = district, nonDistricts.contains(where: { found.hasSuffix($0) }) {
            district = nil
            rest = beforeDistrict
        }
        address.district = district.map { text.string(of: $0) }
        let township = take(&rest, endingIn: subdistrictSuffixes, maxLength: 8, excluding: notInSubdistrict)
            ?? take(&rest, endingIn: townSuffixes, maxLength: 6, excluding: streetMarkers)
        address.township = township.map { text.string(of: $0) }
        address.street = takeStreet(&rest).map { text.string(of: $0) }
        address.houseNumber = takeHouseNumber(&rest).map { text.string(of: $0) }
        address.detail = rest.isEmpty ? nil : text.string(of: rest)
        return address
    }

    /// A province name or key reduced to its key: `北京市` → `北京`, `广西壮族自治区` → `广西`, `广东省` → `广东`.
    public static func provinceKey(_ text: String, folding: ChineseFolding = .shared) -> String {
        let text = prepare(text, folding: folding)
        var rest = text.codes[...]
        var address = ChineseAddress()
        takeProvinceAndMunicipality(&rest, of: text, into: &address)
        if let province = address.province, rest.isEmpty { return province }
        let whole = text.codes[...]
        for suffix in provinceSuffixes where whole.hasSuffix(suffix) && whole.count > suffix.count + 1 {
            return text.string(of: whole.dropLast(suffix.count))
        }
        return text.string
    }

    /// A city name reduced to its key: `杭州市` → `杭州`; other suffixes (自治州, 地区, 盟) are kept.
    public static func cityKey(_ text: String, folding: ChineseFolding = .shared) -> String {
        let text = prepare(text, folding: folding)
        let codes = text.codes[...]
        return text.string(of: codes.count > 2 && codes.last == code("市") ? codes.dropLast() : codes)
    }

    // MARK: - Steps

    /// The text as the rules read it: width folded, simplified, without spaces and punctuation, and numerals before
    /// a number marker in Arabic digits. Text whose scalars all stand alone is prepared scalar by scalar, other
    /// text (letters with marks, kana, emoji...) character by character, through `String`.
    static func prepare(_ text: String, folding: ChineseFolding) -> CodedText {
        var coded = quickPrepare(text, folding: folding)
            ?? CodedText(folding.simplify(TextNormalizer.foldWidth(text)).filter { character in
                !(character.isWhitespace || TextNormalizer.singleScalar(character).map(isPunctuation) ?? false)
            })
        coded.codes = ChineseNumerals.convertRuns(in: coded.codes, isMarker: numberMarkers.contains)
        return coded
    }

    /// `prepare`'s folding and filtering scalar by scalar, or `nil` when a scalar, or its simplified form, does not
    /// stand alone (`TextNormalizer.standaloneWidthFold`) and the text must go through `String`.
    private static func quickPrepare(_ text: String, folding: ChineseFolding) -> CodedText? {
        var codes: [UInt32] = []
        codes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let folded = TextNormalizer.standaloneWidthFold(scalar) else { return nil }
            let simplified = folding.simplified(folded)
            guard simplified == folded || TextNormalizer.standaloneWidthFold(simplified) == simplified else {
                return nil
            }
            if !(TextNormalizer.isWhitespace(simplified) || isPunctuation(simplified)) {
                codes.append(simplified.value)
            }
        }
        return CodedText(standalone: codes)
    }

    private static func takePostcode(_ text: inout CodedText) -> String? {
        for marker in postcodeMarkers {
            guard let found = firstRange(of: marker, in: text.codes[...]) else { continue }
            let digits = text.codes[found.upperBound...].prefix(while: isASCIIDigit)
            if digits.count == 6 {
                let postcode = text.string(of: digits)
                text.removeSubrange(found.lowerBound..<digits.endIndex)
                return postcode
            }
        }
        let codes = text.codes
        if codes.prefix(while: isASCIIDigit).count == 6, codes.count > 6, isHan(codes[6], of: text),
            codes[6] != code("号")
        {
            let postcode = text.string(of: codes.prefix(6))
            text.codes.removeFirst(6)
            return postcode
        }
        if codes.reversed().prefix(while: isASCIIDigit).count == 6, codes.count > 6,
            isHan(codes[codes.count - 7], of: text), !numberMarkers.contains(codes[codes.count - 7])
        {
            let postcode = text.string(of: codes.suffix(6))
            text.codes.removeLast(6)
            return postcode
        }
        return nil
    }

    private static func takeProvinceAndMunicipality(_ rest: inout ArraySlice<UInt32>, of text: CodedText,
                                                    into address: inout ChineseAddress) {
        if let name = provinces.first(where: { rest.hasPrefix($0) }) {
            address.province = text.string(of: rest.prefix(name.count))
            rest.removeFirst(name.count)
            let isMunicipality = municipalities.contains(name)
            if let suffix = provinceSuffixes.first(where: { rest.hasPrefix($0) }) {
                // 吉林市 after 吉林 (no 省) is the city of the same name, not the province's suffix.
                if suffix != [code("市")] || isMunicipality { rest.removeFirst(suffix.count) }
            }
            if isMunicipality {
                address.city = address.province
                // Sources repeat the municipality or add the 市辖区 placeholder: 北京市北京市朝阳区, 上海市市辖区.
                for repeated in [name + [code("市")], codes("市辖区"), codes("辖区")] where rest.hasPrefix(repeated) {
                    rest.removeFirst(repeated.count)
                }
            } else if rest.first == code("市") {
                rest.removeFirst()
                address.city = address.province
            }
            return
        }
        if let province = take(&rest, endingIn: [[code("省")]], maxLength: 5, excluding: notInProvince) {
            address.province = text.string(of: province.dropLast())
        }
    }

    private static func takeCity(_ rest: inout ArraySlice<UInt32>) -> ArraySlice<UInt32>? {
        guard let city = take(&rest, endingIn: citySuffixes, maxLength: 10, excluding: notInCity) else { return nil }
        return city.count > 2 && city.last == code("市") ? city.dropLast() : city
    }

    private static func takeStreet(_ rest: inout ArraySlice<UInt32>) -> ArraySlice<UInt32>? {
        let start = rest.startIndex
        guard let marker = rest.indices.first(where: { index in
            index - start >= 1 && streetSuffixes.contains(rest[index])
                || index - start >= 2 && rest[index - 1] == code("胡") && rest[index] == code("同")
        }) else { return nil }
        var end = marker + 1
        // A section after the street: 人民路二段, 中山路东段.
        var probe = end
        while probe < rest.endIndex, isASCIIDigit(rest[probe]) || ChineseNumerals.isNumeral(rest[probe])
            || sectionDirections.contains(rest[probe])
        {
            probe += 1
        }
        if probe > end, probe < rest.endIndex, rest[probe] == code("段") { end = probe + 1 }
        defer { rest = rest[end...] }
        return rest[..<end]
    }

    private static func takeHouseNumber(_ rest: inout ArraySlice<UInt32>) -> ArraySlice<UInt32>? {
        var index = rest.startIndex
        if index < rest.endIndex, houseNumberPrefixes.contains(rest[index]) { index += 1 }
        let start = index
        while index < rest.endIndex, isASCIIDigit(rest[index]) || houseNumberJoiners.contains(rest[index]) {
            index += 1
        }
        guard index > start, isASCIIDigit(rest[start]) else { return nil }
        let number = rest[..<index]
        if index < rest.endIndex, rest[index] == code("号") {
            rest = rest[(index + 1)...]
            return number
        }
        if index == rest.endIndex {
            rest = rest[index...]
            return number
        }
        return nil
    }

    /// Removes and returns the shortest prefix of `rest` ending in one of `markers` that is at most `maxLength`
    /// characters before the marker, has at least one character before it, and contains none of `excluding`.
    /// Only the first occurrence of each marker is considered.
    private static func take(_ rest: inout ArraySlice<UInt32>, endingIn markers: [[UInt32]], maxLength: Int,
                             excluding: [UInt32]) -> ArraySlice<UInt32>? {
        var best: Int?
        for marker in markers {
            // A first occurrence further on than this could not be taken.
            guard let found = firstRange(of: marker, in: rest.prefix(maxLength + marker.count)) else { continue }
            let head = rest[..<found.lowerBound]
            guard !head.isEmpty, head.count <= maxLength, !head.contains(where: excluding.contains) else { continue }
            if best.map({ found.upperBound < $0 }) ?? true { best = found.upperBound }
        }
        guard let end = best else { return nil }
        defer { rest = rest[end...] }
        return rest[..<end]
    }

    // MARK: - Codes

    /// The first occurrence of `pattern` in `codes`.
    private static func firstRange(of pattern: [UInt32], in codes: ArraySlice<UInt32>) -> Range<Int>? {
        guard let first = pattern.first, codes.count >= pattern.count else { return nil }
        var start = codes.startIndex
        while let index = codes[start...].firstIndex(of: first), index + pattern.count <= codes.endIndex {
            if codes[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            start = index + 1
        }
        return nil
    }

    private static func isASCIIDigit(_ code: UInt32) -> Bool {
        (0x30...0x39).contains(code)
    }

    /// Whether the character of `code` is Chinese, by its first scalar as `TextNormalizer.isHan` decides.
    private static func isHan(_ code: UInt32, of text: CodedText) -> Bool {
        text.firstScalar(code).map { TextNormalizer.isHanScalar($0.value) } ?? false
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        punctuation.contains(scalar.value)
    }

    /// The code of a one-scalar character.
    private static func code(_ scalar: Unicode.Scalar) -> UInt32 {
        scalar.value
    }

    /// The codes of a word's characters, each one scalar.
    private static func codes(_ word: String) -> [UInt32] {
        word.unicodeScalars.map(\.value)
    }

    // MARK: - Word lists

    private static let countryNames = ["中华人民共和国", "中国"].map(codes)
    private static let postcodeMarkers = ["邮政编码", "邮编"].map(codes)
    private static let municipalities = ["北京", "天津", "上海", "重庆"].map(codes)
    /// The 34 province-level divisions by their short names, longest first where one is a prefix of another.
    private static let provinces = [
        "黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽",
        "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
        "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    ].map(codes)
    private static let provinceSuffixes = [
        "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市",
    ].map(codes)
    private static let citySuffixes = ["自治州", "地区", "盟", "市"].map(codes)
    private static let districtSuffixes = ["区", "县", "旗"].map(codes)
    private static let districtOrCitySuffixes = districtSuffixes + [codes("市")]
    private static let nonDistricts = ["小区", "社区", "校区", "景区", "厂区"].map(codes)
    private static let subdistrictSuffixes = [codes("街道")]
    private static let townSuffixes = [codes("镇"), codes("乡")]
    private static let streetMarkers = codes("路街道巷号")
    private static let notInProvince = streetMarkers + codes("市区县")
    private static let notInCity = streetMarkers + codes("区县旗镇乡")
    private static let notInDistrict = codes("路街巷号")
    private static let notInSubdistrict = codes("路巷号")
    private static let sectionDirections = codes("东西南北中")
    private static let houseNumberPrefixes = codes("甲乙丙丁")
    private static let houseNumberJoiners = codes("-弄之")
    private static let streetSuffixes = codes("路街道巷")
    private static let numberMarkers = codes("号弄栋幢座楼层单室门")
    private static let punctuation = codes(",，、;；:：()（）。·\"'“”")
}

private extension ArraySlice<UInt32> {
    /// Whether the slice starts with `prefix`.
    func hasPrefix(_ prefix: [UInt32]) -> Bool {
        count >= prefix.count && prefix.indices.allSatisfy { self[startIndex + $0] == prefix[$0] }
    }

    /// Whether the slice ends with `suffix`.
    func hasSuffix(_ suffix: [UInt32]) -> Bool {
        count >= suffix.count && suffix.indices.allSatisfy { self[endIndex - suffix.count + $0] == suffix[$0] }
    }
}
