/// Splits a mainland Chinese address by suffix rules: province (省 / 自治区 / 特别行政区, or a municipality 市),
/// city (市 / 自治州 / 地区 / 盟), district (区 / 县 / 旗, or 市 for a county-level city), township (街道 / 镇 /
/// 乡), street (路 / 街 / 道 / 巷 / 胡同, with a following 段), house number (号), and the rest.
///
/// The text is width folded, folded to simplified characters, and stripped of spaces and punctuation first;
/// Chinese numerals directly before 号 / 弄 / 栋 / 幢 / 座 / 楼 / 层 / 单元 / 室 / 门 become Arabic digits
/// (`十二号` → `12号`), other numerals (`三里屯`, `五道口`) are kept. Provinces are recognised by their names (the 34
/// province-level divisions, with or without suffix); a missing province is not inferred from the city.
public enum ChineseAddressParser {
    /// Parses one address line.
    /// - Parameters:
    ///   - text: the address as given.
    ///   - folding: the Hanzi table.
    public static func parse(_ text: String, folding: ChineseFolding = .shared) -> ChineseAddress {
        var rest = Substring(prepare(text, folding: folding))
        var address = ChineseAddress()
        address.postcode = takePostcode(&rest)
        for prefix in ["中华人民共和国", "中国"] where rest.hasPrefix(prefix) { rest.removeFirst(prefix.count) }
        takeProvinceAndMunicipality(&rest, into: &address)
        if address.city == nil { address.city = takeCity(&rest) }
        let beforeDistrict = rest
        address.district = take(&rest, endingIn: address.city == nil ? ["区", "县", "旗"] : ["区", "县", "旗", "市"],
                                 maxLength: 8, excluding: ["路", "街", "巷", "号"])
        // 小区 (housing estate), 社区, 校区, 景区, 厂区 end in 区 but are not districts.
        if let district = address.district, nonDistricts.contains(where: { district.hasSuffix($0) }) {
            address.district = nil
            rest = beforeDistrict
        }
        address.township = take(&rest, endingIn: ["街道"], maxLength: 8, excluding: ["路", "巷", "号"])
            ?? take(&rest, endingIn: ["镇", "乡"], maxLength: 6, excluding: streetMarkers)
        address.street = takeStreet(&rest)
        address.houseNumber = takeHouseNumber(&rest)
        address.detail = rest.isEmpty ? nil : String(rest)
        return address
    }

    /// A province name or key reduced to its key: `北京市` → `北京`, `广西壮族自治区` → `广西`, `广东省` → `广东`.
    public static func provinceKey(_ text: String, folding: ChineseFolding = .shared) -> String {
        var rest = Substring(prepare(text, folding: folding))
        var address = ChineseAddress()
        takeProvinceAndMunicipality(&rest, into: &address)
        if let province = address.province, rest.isEmpty { return province }
        return stripping(String(prepare(text, folding: folding)), suffixes: provinceSuffixes)
    }

    /// A city name reduced to its key: `杭州市` → `杭州`; other suffixes (自治州, 地区, 盟) are kept.
    public static func cityKey(_ text: String, folding: ChineseFolding = .shared) -> String {
        let prepared = prepare(text, folding: folding)
        return prepared.count > 2 && prepared.hasSuffix("市") ? String(prepared.dropLast()) : prepared
    }

    // MARK: - Steps

    static func prepare(_ text: String, folding: ChineseFolding) -> String {
        let folded = folding.simplify(TextNormalizer.foldWidth(text))
        let compact = folded.filter { !($0.isWhitespace || punctuation.contains($0)) }
        return ChineseNumerals.convertRuns(in: compact, before: numberMarkers)
    }

    private static func takePostcode(_ rest: inout Substring) -> String? {
        for marker in ["邮政编码", "邮编"] {
            if let range = rest.firstRange(of: marker) {
                let digits = rest[range.upperBound...].prefix { $0.isASCIIDigit }
                if digits.count == 6 {
                    rest = rest[..<range.lowerBound] + rest[digits.endIndex...]
                    return String(digits)
                }
            }
        }
        let leading = rest.prefix { $0.isASCIIDigit }
        if leading.count == 6, let next = rest.dropFirst(6).first, TextNormalizer.isHan(next), next != "号" {
            rest.removeFirst(6)
            return String(leading)
        }
        let trailing = rest.reversed().prefix { $0.isASCIIDigit }
        if trailing.count == 6, rest.count > 6, let before = rest.dropLast(6).last, TextNormalizer.isHan(before),
            !numberMarkers.contains(before)
        {
            let code = String(rest.suffix(6))
            rest.removeLast(6)
            return code
        }
        return nil
    }

    private static func takeProvinceAndMunicipality(_ rest: inout Substring, into address: inout ChineseAddress) {
        if let name = provinces.first(where: { rest.hasPrefix($0) }) {
            rest.removeFirst(name.count)
            if let suffix = provinceSuffixes.first(where: { rest.hasPrefix($0) }) {
                let isMunicipality = municipalities.contains(name)
                // 吉林市 after 吉林 (no 省) is the city of the same name, not the province's suffix.
                if suffix != "市" || isMunicipality { rest.removeFirst(suffix.count) }
            }
            address.province = name
            if municipalities.contains(name) {
                address.city = name
                // Sources repeat the municipality or add the 市辖区 placeholder: 北京市北京市朝阳区, 上海市市辖区.
                for repeated in [name + "市", "市辖区", "辖区"] where rest.hasPrefix(repeated) {
                    rest.removeFirst(repeated.count)
                }
            } else if rest.hasPrefix("市") {
                rest.removeFirst()
                address.city = name
            }
            return
        }
        if let province = take(&rest, endingIn: ["省"], maxLength: 5, excluding: streetMarkers + ["市", "区", "县"]) {
            address.province = String(province.dropLast())
        }
    }

    private static func takeCity(_ rest: inout Substring) -> String? {
        guard let city = take(&rest, endingIn: ["自治州", "地区", "盟", "市"], maxLength: 10,
                              excluding: streetMarkers + ["区", "县", "旗", "镇", "乡"])
        else { return nil }
        return city.count > 2 && city.hasSuffix("市") ? String(city.dropLast()) : city
    }

    private static func takeStreet(_ rest: inout Substring) -> String? {
        let characters = Array(rest)
        guard let markerEnd = characters.indices.first(where: { index in
            streetSuffixes.contains(characters[index]) && index >= 1
                || (index >= 2 && String(characters[index - 1...index]) == "胡同")
        }).map({ $0 + 1 }) else { return nil }
        var end = markerEnd
        // A section after the street: 人民路二段, 中山路东段.
        var probe = end
        while probe < characters.count, characters[probe].isASCIIDigit || ChineseNumerals.isNumeral(characters[probe])
            || "东西南北中".contains(characters[probe])
        {
            probe += 1
        }
        if probe > end, probe < characters.count, characters[probe] == "段" { end = probe + 1 }
        let street = String(characters[..<end])
        rest = rest.dropFirst(end)
        return street
    }

    private static func takeHouseNumber(_ rest: inout Substring) -> String? {
        let characters = Array(rest)
        var index = 0
        if index < characters.count, "甲乙丙丁".contains(characters[index]) { index += 1 }
        let start = index
        while index < characters.count, characters[index].isASCIIDigit || "-弄之".contains(characters[index]) {
            index += 1
        }
        guard index > start, characters[start].isASCIIDigit else { return nil }
        let number = String(characters[..<index])
        if index < characters.count, characters[index] == "号" {
            rest = rest.dropFirst(index + 1)
            return number
        }
        if index == characters.count {
            rest = rest.dropFirst(index)
            return number
        }
        return nil
    }

    /// Removes and returns the shortest prefix of `rest` ending in one of `markers` that is at most `maxLength`
    /// characters before the marker, has at least one character before it, and contains none of `excluding`.
    private static func take(_ rest: inout Substring, endingIn markers: [String], maxLength: Int,
                             excluding: [String]) -> String? {
        var best: Substring.Index?
        for marker in markers {
            guard let range = rest.firstRange(of: marker) else { continue }
            let head = rest[..<range.lowerBound]
            guard !head.isEmpty, head.count <= maxLength, !excluding.contains(where: { head.contains($0) }) else {
                continue
            }
            if best.map({ range.upperBound < $0 }) ?? true { best = range.upperBound }
        }
        guard let end = best else { return nil }
        let taken = String(rest[..<end])
        rest = rest[end...]
        return taken
    }

    private static func stripping(_ text: String, suffixes: [String]) -> String {
        for suffix in suffixes where text.hasSuffix(suffix) && text.count > suffix.count + 1 {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    // MARK: - Word lists

    private static let municipalities: Set<String> = ["北京", "天津", "上海", "重庆"]
    /// The 34 province-level divisions by their short names, longest first where one is a prefix of another.
    private static let provinces: [String] = [
        "黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽",
        "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
        "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    ]
    private static let provinceSuffixes = [
        "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市",
    ]
    private static let streetMarkers = ["路", "街", "道", "巷", "号"]
    private static let nonDistricts = ["小区", "社区", "校区", "景区", "厂区"]
    private static let streetSuffixes: Set<Character> = ["路", "街", "道", "巷"]
    private static let numberMarkers: Set<Character> = ["号", "弄", "栋", "幢", "座", "楼", "层", "单", "室", "门"]
    private static let punctuation: Set<Character> = [
        ",", "，", "、", ";", "；", ":", "：", "(", ")", "（", "）", "。", "·", "\"", "'", "“", "”",
    ]
}
