/// A parsed address, Chinese or Western; every part is in comparison form (width folded, simplified Chinese, Latin
/// lower case without diacritics), `nil` when not found.
public enum PostalAddress: Sendable, Hashable, CustomStringConvertible {
    /// Province → city → district → township → street → number, as mainland addresses are written.
    case chinese(ChineseAddress)
    /// Number and street, then suburb or city, state and postcode, as Western addresses are written.
    case western(WesternAddress)

    /// The whole address in one comparison key, most general part first.
    public var key: String {
        switch self {
        case .chinese(let address): address.key
        case .western(let address): address.key
        }
    }

    /// The postcode, whichever style.
    public var postcode: String? {
        switch self {
        case .chinese(let address): address.postcode
        case .western(let address): address.postcode
        }
    }

    /// `key`.
    public var description: String { key }
}

/// A mainland Chinese address split by its suffix rules.
public struct ChineseAddress: Sendable, Hashable {
    /// Province-level key without its suffix: `北京` for 北京市, `广东` for 广东省, `广西` for 广西壮族自治区.
    public var province: String?
    /// Prefecture-level city key without 市 (`杭州`); for the four municipalities the same as `province`;
    /// autonomous prefectures, 地区 and 盟 keep their suffix (`延边朝鲜族自治州`).
    public var city: String?
    /// County level with its suffix: `朝阳区`, `昆山市`, `正蓝旗`, `长兴县`.
    public var district: String?
    /// Township level with its suffix: `建外街道`, `周庄镇`, `某某乡`.
    public var township: String?
    /// Street or lane with its suffix: `建国路`, `建国门外大街`, `南锣鼓巷`, `人民路二段`.
    public var street: String?
    /// House number with Arabic digits, without 号: `12`, `12-3`, `甲12`, `123弄4`.
    public var houseNumber: String?
    /// What follows the number (building, unit, room), numerals before 栋/号/单元/室… converted: `3栋2单元501室`.
    public var detail: String?
    /// Six-digit postcode.
    public var postcode: String?

    /// Creates an address from its parts.
    public init(province: String? = nil, city: String? = nil, district: String? = nil, township: String? = nil,
                street: String? = nil, houseNumber: String? = nil, detail: String? = nil, postcode: String? = nil) {
        self.province = province
        self.city = city
        self.district = district
        self.township = township
        self.street = street
        self.houseNumber = houseNumber
        self.detail = detail
        self.postcode = postcode
    }

    /// The detail in one form whatever the notation: the estate's name, then the building, unit and room numbers
    /// joined by `-` (`碧水湾22幢2单元701`, `碧水湾22号楼2单元701室` and `碧水湾22-2-701` all give `碧水湾22-2-701`).
    public var buildingKey: String? {
        guard let detail else { return nil }
        let estate = detail.prefix { !$0.isASCII || !$0.isNumber }
        var numbers: [Substring] = []
        var rest = detail[estate.endIndex...]
        while let start = rest.firstIndex(where: { $0.isASCII && $0.isNumber }) {
            let end = rest[start...].firstIndex(where: { !($0.isASCII && $0.isNumber) }) ?? rest.endIndex
            numbers.append(rest[start..<end])
            rest = rest[end...]
        }
        let key = String(estate) + numbers.joined(separator: "-")
        return key.isEmpty ? nil : key
    }

    /// Every part joined, most general first, without the postcode; the municipality's city is not repeated.
    public var key: String {
        let cityPart = city == province ? nil : city
        return [province, cityPart, district, township, street, houseNumber.map { $0 + "号" }, detail]
            .compactMap { $0 }.joined()
    }
}

/// A Western-style address.
public struct WesternAddress: Sendable, Hashable {
    /// Unit, flat, apartment or suite number: `5` for "Unit 5", "Apt 5", "#5" or "5/12 Smith St".
    public var unit: String?
    /// Street number: `12`, `12a`, `12-14`.
    public var houseNumber: String?
    /// Street name with its type spelt out: `main street`, `saint kilda road`, `north main street`.
    public var street: String?
    /// A suburb or district given in addition to the city.
    public var suburb: String?
    /// City, town or suburb: `springfield`.
    public var city: String?
    /// State or province, as its usual abbreviation when it is a US state, Australian state or territory or
    /// Canadian province (`il`, `nsw`, `on`), otherwise as written.
    public var state: String?
    /// Postcode, upper case, spaces removed (`62704`, `SW1A2AA`); a US ZIP+4 extension is dropped.
    public var postcode: String?
    /// Country as written at the end, lower case, when present.
    public var country: String?

    /// Creates an address from its parts.
    public init(unit: String? = nil, houseNumber: String? = nil, street: String? = nil, suburb: String? = nil,
                city: String? = nil, state: String? = nil, postcode: String? = nil, country: String? = nil) {
        self.unit = unit
        self.houseNumber = houseNumber
        self.street = street
        self.suburb = suburb
        self.city = city
        self.state = state
        self.postcode = postcode
        self.country = country
    }

    /// Every part joined with spaces, street level first: `12 main street springfield il 62704`.
    public var key: String {
        [unit.map { "unit " + $0 }, houseNumber, street, suburb, city, state, postcode?.lowercased()]
            .compactMap { $0 }.joined(separator: " ")
    }
}
