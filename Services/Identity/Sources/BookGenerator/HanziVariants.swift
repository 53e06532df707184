import IdentityNormalization

/// Traditional forms and homophones of the characters the generator uses, derived from the normalisation
/// library's Hanzi table (`ChineseFolding`): the reverse of its traditional → simplified map, and its pinyin.
struct HanziVariants: Sendable {
    /// Simplified character → a traditional form, for characters that have one.
    let traditional: [String: String]
    /// Character → other common characters with the same toneless reading.
    let homophones: [String: [String]]
    /// Character → its toneless pinyin, for the characters of names (e-mail addresses are made of it).
    let pinyin: [String: String]

    static let shared = HanziVariants(folding: .shared)

    init(folding: ChineseFolding) {
        var needed = Set(ReferenceData.homophonePool)
        for (surname, _) in ReferenceData.surnames { for character in surname { needed.insert(String(character)) } }
        for text in ReferenceData.tradeNameCharacters + ReferenceData.industries
            + ReferenceData.regions.flatMap({ [$0.province, $0.city, $0.district] }) + ReferenceData.streets
            + ReferenceData.estates + ["有限公司", "股份有限公司", "单元", "号楼", "栋", "幢", "室"]
        {
            for character in text { needed.insert(String(character)) }
        }
        var traditional: [String: String] = [:]
        // Walk the CJK Unified Ideographs block: every character whose simplified form is one we use and differs
        // from it is a traditional form of that character; the lowest code point wins, deterministically.
        for value in UInt32(0x4E00)...UInt32(0x9FFF) {
            let character = String(Character(Unicode.Scalar(value)!))
            let simplified = folding.simplify(character)
            if simplified != character, needed.contains(simplified), traditional[simplified] == nil {
                traditional[simplified] = character
            }
        }
        self.traditional = traditional
        var byReading: [String: [String]] = [:]
        for character in ReferenceData.homophonePool {
            guard let reading = folding.pinyinSyllables(character).first else { continue }
            if !(byReading[reading]?.contains(character) ?? false) { byReading[reading, default: []].append(character) }
        }
        var homophones: [String: [String]] = [:]
        for character in ReferenceData.homophonePool {
            guard let reading = folding.pinyinSyllables(character).first else { continue }
            let others = byReading[reading, default: []].filter { $0 != character }
            if !others.isEmpty { homophones[character] = others }
        }
        self.homophones = homophones
        var pinyin: [String: String] = [:]
        for character in needed {
            if let reading = folding.pinyinSyllables(character).first { pinyin[character] = reading }
        }
        for (surname, _) in ReferenceData.surnames {
            if let reading = ChineseSurnames.readings[surname], surname.count == 1 { pinyin[surname] = reading[0] }
        }
        self.pinyin = pinyin
    }

    /// `text` with every character that has a traditional form written in it; `nil` when none has.
    func traditionalForm(of text: String) -> String? {
        var changed = false
        var result = ""
        for character in text {
            let key = String(character)
            if let form = traditional[key] { result += form; changed = true } else { result += key }
        }
        return changed ? result : nil
    }
}
