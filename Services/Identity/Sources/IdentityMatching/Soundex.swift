/// American Soundex: the first letter and three digits for the consonant classes that follow it.
enum Soundex {
    /// The code of `text`'s ASCII letters, or nil when it has none.
    static func code(_ text: String) -> String? {
        var letters = text.unicodeScalars.lazy.filter { $0.isASCII && $0.properties.isAlphabetic }.map {
            Character($0).uppercased().first ?? Character($0)
        }.makeIterator()
        guard let first = letters.next() else { return nil }
        var code = String(first)
        var previous = digit(first)
        while let letter = letters.next(), code.count < 4 {
            let current = digit(letter)
            // H and W do not separate two letters of the same class; vowels do.
            if letter == "H" || letter == "W" { continue }
            if let current, current != previous { code.append(current) }
            previous = current
        }
        while code.count < 4 { code.append("0") }
        return code
    }

    private static func digit(_ letter: Character) -> Character? {
        switch letter {
        case "B", "F", "P", "V": "1"
        case "C", "G", "J", "K", "Q", "S", "X", "Z": "2"
        case "D", "T": "3"
        case "L": "4"
        case "M", "N": "5"
        case "R": "6"
        default: nil
        }
    }
}
