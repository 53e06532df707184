/// Business identifiers from before the unified social credit code (proto `DOCUMENT_TYPE_BUSINESS_REGISTRATION`):
/// the 9-character organisation code (组织机构代码, GB 11714-1997) and the 15-digit business registration number
/// (工商注册号, GS 15-2006).
enum LegacyBusinessCodes {
    /// Whether `code` (8 characters of digits and upper-case letters, then a check character `0`–`9` or `X`)
    /// passes GB 11714: weights 3 7 9 10 5 8 4 2, letters valued A = 10 … Z = 35, check = 11 − Σ mod 11 with
    /// 10 written `X` and 11 written `0`.
    static func organisationCodeIsValid(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 9 else { return false }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(characters, weights) {
            guard let value = alphanumericValue(character) else { return false }
            sum += value * weight
        }
        let check = 11 - sum % 11
        let expected: Character = check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
        return characters[8] == expected
    }

    /// Whether `number` (15 digits) passes the ISO 7064 MOD 11,10 check of registration numbers: the running
    /// value starts at 10; each digit d makes it s = (2·running mod 11 + d) mod 10, with 0 read as 10 for the next
    /// step; the number is valid when the value after the last digit is 1.
    static func registrationNumberIsValid(_ number: String) -> Bool {
        guard number.count == 15, number.allSatisfy(\.isASCIIDigit) else { return false }
        var check = 5  // so that the first step sees (2·5 mod 11) = 10, the algorithm's start value
        for character in number {
            check = ((check == 0 ? 10 : check) * 2 % 11 + Int(character.asciiValue! - 48)) % 10
        }
        return check == 1
    }

    private static func alphanumericValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case 48...57: return Int(ascii - 48)
        case 65...90: return Int(ascii - 55)
        default: return nil
        }
    }
}
