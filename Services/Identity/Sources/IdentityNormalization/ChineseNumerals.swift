/// Chinese numerals as written in house numbers and dates: 十二 → 12, 一百零五 → 105, 二〇一二 → 2012.
public enum ChineseNumerals {
    /// The value of a run of Chinese numerals, or `nil` when `text` is empty or not only numerals.
    ///
    /// Both forms are read: positional (`二〇一二`, `一九四九`: each character a digit) and with multipliers
    /// (`十二`, `二十`, `一百零五`, `两千`), including the financial forms 壹贰叁肆伍陆柒捌玖拾佰仟 and 两/兩.
    public static func value(of text: String) -> Int? {
        value(ofCodes: CodedText(text).codes)
    }

    /// `text` with every maximal run of Chinese numerals that is directly followed by one of `markers` replaced
    /// by its Arabic value: with markers `["号"]`, `建国路十二号` gives `建国路12号` but `三里屯` is kept.
    public static func convertRuns(in text: String, before markers: Set<Character>) -> String {
        var coded = CodedText(text)
        coded.codes = convertRuns(in: coded.codes) { markers.contains(coded.character($0)) }
        return coded.string
    }

    /// Whether `character` is a Chinese numeral digit or unit.
    public static func isNumeral(_ character: Character) -> Bool {
        TextNormalizer.singleScalar(character).map { isNumeral($0.value) } ?? false
    }

    // MARK: - On codes (`CodedText`)

    /// `convertRuns(in:before:)` on the codes of a `CodedText`; `isMarker` tells the markers.
    static func convertRuns(in codes: [UInt32], isMarker: (UInt32) -> Bool) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(codes.count)
        var index = 0
        while index < codes.count {
            var end = index
            while end < codes.count, isNumeral(codes[end]) { end += 1 }
            if end > index, end < codes.count, isMarker(codes[end]), let value = value(ofCodes: codes[index..<end]) {
                result.append(contentsOf: String(value).unicodeScalars.map(\.value))
                index = end
            } else if end > index {
                result.append(contentsOf: codes[index..<end])
                index = end
            } else {
                result.append(codes[index])
                index += 1
            }
        }
        return result
    }

    /// Whether a `CodedText` code is a Chinese numeral digit or unit.
    static func isNumeral(_ code: UInt32) -> Bool {
        numeral(code) != nil
    }

    /// `value(of:)` on the codes of a `CodedText`.
    static func value(ofCodes codes: some Collection<UInt32>) -> Int? {
        let values = codes.compactMap(numeral)
        guard !values.isEmpty, values.count == codes.count else { return nil }
        if values.allSatisfy({ $0 < 10 }) {
            // Positional: 二〇一二. A single digit is the same either way. Beyond 18 digits it is no number an address
            // or a date holds, and would overflow: the run is left as written.
            guard values.count <= 18 else { return nil }
            return values.reduce(0) { $0 * 10 + $1 }
        }
        var total = 0
        var section = 0
        var pending: Int?
        for value in values {
            if value < 10 {
                pending = value
            } else if value == 10_000 {
                total += (section + (pending ?? 0)) * value
                section = 0
                pending = nil
            } else {
                section += (pending ?? 1) * value
                pending = nil
            }
        }
        return total + section + (pending ?? 0)
    }

    /// The digit (below 10) or unit (10 and above) a code stands for.
    private static func numeral(_ code: UInt32) -> Int? {
        guard let scalar = Unicode.Scalar(code) else { return nil }  // a character of several scalars
        // A switch rather than a dictionary: this runs on every character of every address.
        switch TextNormalizer.canonicalIdeograph(scalar) {
        case "〇", "零": return 0
        case "一", "壹": return 1
        case "二", "两", "兩", "贰", "貳": return 2
        case "三", "叁", "參": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        case "万", "萬": return 10_000
        default: return nil
        }
    }
}
