extension LibpqCells {
    /// The index in `names` of the first name equal to the bytes of a non-NULL cell; nil when none is.
    func cellMatch(row: Int, column: Int, among names: [[UInt8]]) -> Int? {
        withCellBytes(row: row, column: column) { bytes in
            names.indices.first { index in
                guard names[index].count == bytes.count else { return false }
                return names[index].withUnsafeBytes { name in
                    // Names of one enumeration share their prefix: compare from the end.
                    var at = bytes.count
                    while at > 0 {
                        at -= 1
                        if name[at] != bytes[at] { return false }
                    }
                    return true
                }
            }
        }
    }
}
