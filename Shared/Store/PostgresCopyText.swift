/// PostgreSQL's COPY text format: one line per row, fields separated by tabs, NULL as `\N`, and
/// backslash escapes for backslash, tab, newline and carriage return inside a field.
public enum PostgresCopyText {
    /// The line for one row, without the trailing newline.
    public static func line(_ row: [PostgresValue]) -> String {
        var bytes: [UInt8] = []
        appendLine(row, to: &bytes)
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the line for one row, with its trailing newline, to `buffer`.
    public static func appendLine(_ row: [PostgresValue], to buffer: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(tab) }
            if case .bytes(let bytes) = value {
                // bytea's hex form, `\x` and two digits a byte, written straight in (its backslash doubled): the
                // bulk of a row of cards or events, not worth a String on the way.
                buffer.append(backslash)
                buffer.append(backslash)
                buffer.append(UInt8(ascii: "x"))
                PostgresValue.appendHexDigits(of: bytes, to: &buffer)
                continue
            }
            guard let text = value.textRepresentation else {
                buffer.append(backslash)
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case backslash: buffer.append(backslash); buffer.append(backslash)
                case tab: buffer.append(backslash); buffer.append(UInt8(ascii: "t"))
                case newline: buffer.append(backslash); buffer.append(UInt8(ascii: "n"))
                case carriageReturn: buffer.append(backslash); buffer.append(UInt8(ascii: "r"))
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(newline)
    }

    /// Splits one line (without its newline) into its fields, `nil` for `\N`, with escapes undone.
    ///
    /// Understands every escape COPY writes (`\b \f \n \r \t \v \\`, octal `\ooo` and hex `\xhh`).
    public static func fields(_ line: String) -> [String?] {
        var fields: [String?] = []
        var current: [UInt8] = []
        var isNull = false
        var bytes = Array(line.utf8)[...]
        func finishField() {
            fields.append(isNull && current.isEmpty ? nil : String(decoding: current, as: UTF8.self))
            current.removeAll()
            isNull = false
        }
        while let byte = bytes.popFirst() {
            if byte == tab {
                finishField()
            } else if byte == backslash, let escaped = bytes.popFirst() {
                switch escaped {
                case UInt8(ascii: "N") where current.isEmpty && (bytes.first == nil || bytes.first == tab):
                    isNull = true
                case UInt8(ascii: "b"): current.append(0x08)
                case UInt8(ascii: "f"): current.append(0x0c)
                case UInt8(ascii: "n"): current.append(newline)
                case UInt8(ascii: "r"): current.append(carriageReturn)
                case UInt8(ascii: "t"): current.append(tab)
                case UInt8(ascii: "v"): current.append(0x0b)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    for _ in 0..<2 {
                        guard let next = bytes.first, octalDigits.contains(next) else { break }
                        value = value * 8 + Int(next - UInt8(ascii: "0"))
                        bytes.removeFirst()
                    }
                    current.append(UInt8(truncatingIfNeeded: value))
                case UInt8(ascii: "x") where bytes.first.flatMap(hexValue) != nil:
                    var value = 0
                    for _ in 0..<2 {
                        guard let next = bytes.first, let digit = hexValue(next) else { break }
                        value = value * 16 + digit
                        bytes.removeFirst()
                    }
                    current.append(UInt8(value))
                default: current.append(escaped)
                }
            } else {
                current.append(byte)
            }
        }
        finishField()
        return fields
    }

    private static let octalDigits = UInt8(ascii: "0")...UInt8(ascii: "7")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let backslash = UInt8(ascii: "\\")

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
