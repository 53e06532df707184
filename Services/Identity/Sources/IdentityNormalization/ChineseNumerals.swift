/// Chinese numerals as written in house numbers and dates: 十二 → 12, 一百零五 → 105, 二〇一二 → 2012.
public enum ChineseNumerals {
    /// The value of a run of Chinese numerals, or `nil` when `text` is empty or not only numerals.
    ///
    /// Both forms are read: positional (`二〇一二`, `一九四九`: each character a digit) and with multipliers
    /// (`十二`, `二十`, `一百零五`, `两千`), including the financial forms 壹贰叁肆伍陆柒捌玖拾佰仟 and 两/兩.
    public static func value(of text: String) -> Int? {
        let characters = Array(text)
        guard !characters.isEmpty, characters.allSatisfy({ digits[$0] != nil || units[$0] != nil }) else { return nil }
        if characters.allSatisfy({ digits[$0] != nil }) {
            // Positional: 二〇一二. A single digit is the same either way.
            return characters.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0
        var section = 0
        var pending: Int?
        for character in characters {
            if let digit = digits[character] {
                pending = digit
            } else if let unit = units[character] {
                if unit == 10_000 {
                    total += (section + (pending ?? 0)) * unit
                    section = 0
                } else {
                    section += (pending ?? 1) * unit
                }
                pending = nil
            }
        }
        return total + section + (pending ?? 0)
    }

    /// `text` with every maximal run of Chinese numerals that is directly followed by one of `markers` replaced
    /// by its Arabic value: with markers `["号"]`, `建国路十二号` gives `建国路12号` but `三里屯` is kept.
    public static func convertRuns(in text: String, before markers: Set<Character>) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            var end = index
            while end < characters.count, isNumeral(characters[end]) { end += 1 }
            if end > index, end < characters.count, markers.contains(characters[end]),
                let value = value(of: String(characters[index..<end]))
            {
                result += String(value)
                index = end
            } else if end > index {
                result += String(characters[index..<end])
                index = end
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    /// Whether `character` is a Chinese numeral digit or unit.
    public static func isNumeral(_ character: Character) -> Bool {
        digits[character] != nil || units[character] != nil
    }

    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
        "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8,
        "玖": 9,
    ]
    private static let units: [Character: Int] = [
        "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10_000, "萬": 10_000,
    ]
}
