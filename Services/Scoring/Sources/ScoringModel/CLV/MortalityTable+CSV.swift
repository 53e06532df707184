extension MortalityTable {
    /// Why a table file was refused.
    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        /// 1-based line of the file.
        public var line: Int
        /// What is wrong there.
        public var reason: String

        public var description: String { "mortality table, line \(line): \(reason)" }
    }

    /// A table from a CSV file: one row per age, `age,qx_male,qx_female`, ages consecutive and ascending from
    /// any first age, each rate a decimal 0–1. A first line that does not start with a digit is a header;
    /// blank lines and lines starting with `#` are skipped; spaces around fields are ignored.
    /// - Parameters:
    ///   - csv: the file's text.
    ///   - name: the name assumptions will refer to the table by.
    /// - Throws: `FormatError` naming the first bad line: wrong field count, an age or rate that does not
    ///   parse, an age out of sequence, a rate outside 0–1, or a file without rows.
    public init(csv: String, name: String) throws(FormatError) {
        var firstAge: Int?
        var male: [Double] = []
        var female: [Double] = []
        for (offset, rawLine) in csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated() {
            let line = trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if offset == 0, let first = line.first, !("0" ... "9").contains(first) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)
            guard fields.count == 3 else {
                throw FormatError(line: offset + 1,
                                  reason: "expected age,qx_male,qx_female, found \(fields.count) fields")
            }
            guard let age = Int(fields[0]), age >= 0 else {
                throw FormatError(line: offset + 1, reason: "age \"\(fields[0])\" is not a whole number ≥ 0")
            }
            let expected = (firstAge ?? age) + male.count
            guard age == expected else {
                throw FormatError(line: offset + 1, reason: "age \(age) out of sequence, expected \(expected)")
            }
            guard let qMale = Double(fields[1]), let qFemale = Double(fields[2]),
                  (0 ... 1).contains(qMale), (0 ... 1).contains(qFemale)
            else { throw FormatError(line: offset + 1, reason: "rates must be decimals from 0 to 1") }
            if firstAge == nil { firstAge = age }
            male.append(qMale)
            female.append(qFemale)
        }
        guard let firstAge else { throw FormatError(line: 1, reason: "no rows") }
        self.init(name: name, firstAge: firstAge, maleRates: male, femaleRates: female)
    }
}

/// The text without spaces or tabs at either end (no Foundation in this module).
private func trimmed(_ text: some StringProtocol) -> String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(String(text.drop(while: blank).reversed()).drop(while: blank).reversed())
}
