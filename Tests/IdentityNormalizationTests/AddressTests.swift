import IdentityNormalization
import Testing

@Suite struct ChineseAddressTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var raw: String
        var province: String?
        var city: String?
        var district: String?
        var township: String? = nil
        var street: String?
        var number: String?
        var detail: String? = nil
        var postcode: String? = nil
        var testDescription: String { raw }
    }

    @Test(arguments: [
        Expected(raw: "北京市朝阳区建国路十二号", province: "北京", city: "北京", district: "朝阳区", street: "建国路", number: "12"),
        Expected(raw: "北京朝阳区建国路12号", province: "北京", city: "北京", district: "朝阳区", street: "建国路", number: "12"),
        Expected(raw: "北京市北京市朝阳区建国路１２号", province: "北京", city: "北京", district: "朝阳区", street: "建国路",
                 number: "12"),
        Expected(raw: "浙江省杭州市西湖区文三路一百零五号3栋2单元501室", province: "浙江", city: "杭州", district: "西湖区",
                 street: "文三路", number: "105", detail: "3栋2单元501室"),
        Expected(raw: "廣東省深圳市南山區深南大道 10000 號", province: "广东", city: "深圳", district: "南山区",
                 street: "深南大道", number: "10000"),
        Expected(raw: "广西壮族自治区南宁市青秀区民族大道100号", province: "广西", city: "南宁", district: "青秀区",
                 street: "民族大道", number: "100"),
        Expected(raw: "江苏省苏州市昆山市周庄镇全福路8号", province: "江苏", city: "苏州", district: "昆山市", township: "周庄镇",
                 street: "全福路", number: "8"),
        Expected(raw: "吉林省吉林市船营区解放路3号", province: "吉林", city: "吉林", district: "船营区", street: "解放路", number: "3"),
        Expected(raw: "上海市浦东新区世纪大道100号", province: "上海", city: "上海", district: "浦东新区", street: "世纪大道",
                 number: "100"),
        Expected(raw: "上海市黄浦区南京东路123弄4号", province: "上海", city: "上海", district: "黄浦区", street: "南京东路",
                 number: "123弄4"),
        Expected(raw: "北京市东城区南锣鼓巷甲8号", province: "北京", city: "北京", district: "东城区", street: "南锣鼓巷", number: "甲8"),
        Expected(raw: "四川省成都市武侯区人民南路四段12号", province: "四川", city: "成都", district: "武侯区", street: "人民南路四段",
                 number: "12"),
        Expected(raw: "杭州市西湖区文三路5号", province: nil, city: "杭州", district: "西湖区", street: "文三路", number: "5"),
        Expected(raw: "朝阳区三里屯路19号", province: nil, city: nil, district: "朝阳区", street: "三里屯路", number: "19"),
        Expected(raw: "100020 北京市朝阳区建国路88号", province: "北京", city: "北京", district: "朝阳区", street: "建国路", number: "88",
                 postcode: "100020"),
        Expected(raw: "北京市朝阳区建国路88号 邮编：100020", province: "北京", city: "北京", district: "朝阳区", street: "建国路",
                 number: "88", postcode: "100020"),
        Expected(raw: "黑龙江省哈尔滨市道里区中央大街1号", province: "黑龙江", city: "哈尔滨", district: "道里区", street: "中央大街",
                 number: "1"),
    ])
    func chineseAddressesAreSplitBySuffix(expected: Expected) throws {
        let result = AddressNormalizer.normalize(expected.raw)
        guard case .chinese(let address) = try #require(result.value) else {
            Issue.record("not read as a Chinese address")
            return
        }
        #expect(address.province == expected.province)
        #expect(address.city == expected.city)
        #expect(address.district == expected.district)
        #expect(address.township == expected.township)
        #expect(address.street == expected.street)
        #expect(address.houseNumber == expected.number)
        #expect(address.detail == expected.detail)
        #expect(address.postcode == expected.postcode)
    }

    @Test func provinceAndCityKeysIgnoreTheirSuffix() {
        #expect(ChineseAddressParser.provinceKey("北京市") == ChineseAddressParser.provinceKey("北京"))
        #expect(ChineseAddressParser.provinceKey("广东省") == "广东")
        #expect(ChineseAddressParser.provinceKey("新疆维吾尔自治区") == "新疆")
        #expect(ChineseAddressParser.cityKey("杭州市") == "杭州")
        #expect(ChineseAddressParser.cityKey("杭州") == "杭州")
        let a = AddressNormalizer.normalize("北京市朝阳区建国路十二号").value?.key
        let b = AddressNormalizer.normalize("北京 朝阳区 建国路 12号").value?.key
        #expect(a == b)
        #expect(a == "北京朝阳区建国路12号")
    }

    @Test func separateFieldsAreCombined() throws {
        let result = AddressNormalizer.normalize(lines: ["建国路"], streetNumber: "十二", city: "朝阳区", province: "北京市",
                                                 postcode: "１０００２０")
        guard case .chinese(let address) = try #require(result.value) else {
            Issue.record("not Chinese")
            return
        }
        #expect(address.province == "北京")
        #expect(address.district == "朝阳区")
        #expect(address.street == "建国路")
        #expect(address.houseNumber == "12")
        #expect(address.postcode == "100020")
    }

    @Test func unrecognisedAddressIsKeptWholeWithAWarning() throws {
        let result = AddressNormalizer.normalize("阳光花园小区")
        guard case .chinese(let address) = try #require(result.value) else {
            Issue.record("not Chinese")
            return
        }
        #expect(address.detail == "阳光花园小区")
        #expect(result.has(.unparsedAddress))
    }
}

@Suite struct WesternAddressTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var raw: String
        var unit: String? = nil
        var number: String?
        var street: String?
        var suburb: String? = nil
        var city: String?
        var state: String?
        var postcode: String?
        var country: String? = nil
        var testDescription: String { raw }
    }

    @Test(arguments: [
        Expected(raw: "12 Main St, Springfield, IL 62704", number: "12", street: "main street", city: "springfield",
                 state: "il", postcode: "62704"),
        Expected(raw: "12 Main St Springfield IL 62704", number: "12", street: "main street", city: "springfield",
                 state: "il", postcode: "62704"),
        Expected(raw: "12 Main Street, Springfield, Illinois 62704-1234, USA", number: "12", street: "main street",
                 city: "springfield", state: "il", postcode: "62704", country: "united states"),
        Expected(raw: "Apt 5, 350 Fifth Ave, New York, NY 10118", unit: "5", number: "350", street: "fifth avenue",
                 city: "new york", state: "ny", postcode: "10118"),
        Expected(raw: "350 Fifth Ave #5, New York, NY 10118", unit: "5", number: "350", street: "fifth avenue",
                 city: "new york", state: "ny", postcode: "10118"),
        Expected(raw: "Unit 5, 12 Smith Rd, Parramatta NSW 2150", unit: "5", number: "12", street: "smith road",
                 city: "parramatta", state: "nsw", postcode: "2150"),
        Expected(raw: "5/12 St Kilda Rd, Melbourne VIC 3004", unit: "5", number: "12", street: "saint kilda road",
                 city: "melbourne", state: "vic", postcode: "3004"),
        Expected(raw: "Flat 2, 10 Downing Street, Westminster, London SW1A 2AA", unit: "2", number: "10",
                 street: "downing street", suburb: "westminster", city: "london", state: nil, postcode: "SW1A2AA"),
        Expected(raw: "24 Sussex Dr, Ottawa, ON K1M 1M4", number: "24", street: "sussex drive", city: "ottawa",
                 state: "on", postcode: "K1M1M4"),
        Expected(raw: "100 N Main St, Los Angeles, CA 90012", number: "100", street: "north main street",
                 city: "los angeles", state: "ca", postcode: "90012"),
        Expected(raw: "Hauptstraße 12, 10115 Berlin", number: "12", street: "hauptstrasse", city: "berlin", state: nil,
                 postcode: "10115"),
        Expected(raw: "１２ Ｍａｉｎ Ｓｔ, Springfield, IL ６２７０４", number: "12", street: "main street", city: "springfield",
                 state: "il", postcode: "62704"),
    ])
    func westernAddressesAreSplit(expected: Expected) throws {
        let result = AddressNormalizer.normalize(expected.raw)
        guard case .western(let address) = try #require(result.value) else {
            Issue.record("not read as a Western address")
            return
        }
        #expect(address.unit == expected.unit)
        #expect(address.houseNumber == expected.number)
        #expect(address.street == expected.street)
        #expect(address.suburb == expected.suburb)
        #expect(address.city == expected.city)
        #expect(address.state == expected.state)
        #expect(address.postcode == expected.postcode)
        #expect(address.country == expected.country)
    }

    @Test func separateFieldsAreNormalised() throws {
        let result = AddressNormalizer.normalize(lines: ["Main St"], streetNumber: "12", city: "Springfield",
                                                 province: "Illinois", postcode: "62704", country: "US")
        guard case .western(let address) = try #require(result.value) else {
            Issue.record("not Western")
            return
        }
        #expect(address.houseNumber == "12")
        #expect(address.street == "main street")
        #expect(address.city == "springfield")
        #expect(address.state == "il")
        #expect(address.postcode == "62704")
        #expect(address.key == "12 main street springfield il 62704")
    }

    @Test func abbreviatedAndFullStreetTypesGiveTheSameKey() {
        let a = AddressNormalizer.normalize("12 Main St, Springfield, IL 62704").value?.key
        let b = AddressNormalizer.normalize("12 MAIN STREET, SPRINGFIELD, IL 62704").value?.key
        #expect(a != nil)
        #expect(a == b)
    }

    @Test func emptyAddressIsEmpty() {
        #expect(AddressNormalizer.normalize("  ").validity == .empty)
        #expect(AddressNormalizer.normalize(lines: [], city: "", province: "").validity == .empty)
    }
}
