import RecordImport

/// Chunk sizes that put chunk boundaries everywhere (1, 2, 3 bytes) and nowhere (the default).
let chunkSizes = [1, 2, 3, 7, 1 << 20]

/// Every event of a CSV text read with the given chunk size.
func readCSV(_ text: String, chunk: Int = 1 << 20, options: CSVReader.Options = .csv) throws -> (reader: CSVReader, events: [ReadEvent]) {
    try readCSV(bytes: Array(text.utf8), chunk: chunk, options: options)
}

func readCSV(bytes: [UInt8], chunk: Int = 1 << 20, options: CSVReader.Options = .csv) throws -> (reader: CSVReader, events: [ReadEvent]) {
    let reader = try CSVReader(source: MemoryByteSource(bytes, chunkLimit: chunk), options: options)
    var events: [ReadEvent] = []
    while let event = try reader.next() { events.append(event) }
    return (reader, events)
}

func readJSONLines(_ text: String, chunk: Int = 1 << 20) throws -> (reader: JSONLinesReader, events: [ReadEvent]) {
    try readJSONLines(bytes: Array(text.utf8), chunk: chunk)
}

func readJSONLines(bytes: [UInt8], chunk: Int = 1 << 20) throws -> (reader: JSONLinesReader, events: [ReadEvent]) {
    let reader = try JSONLinesReader(source: MemoryByteSource(bytes, chunkLimit: chunk))
    var events: [ReadEvent] = []
    while let event = try reader.next() { events.append(event) }
    return (reader, events)
}

extension ReadEvent {
    var row: SourceRow? {
        if case .row(let row) = self { return row }
        return nil
    }

    var rejection: RowRejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }

    /// The line and fields of a CSV row.
    var csv: (line: Int, fields: [String])? {
        guard let row, case .positional(let fields) = row.cells else { return nil }
        return (row.line, fields)
    }

    var keyed: (line: Int, values: [String: [String]])? {
        guard let row, case .keyed(let values) = row.cells else { return nil }
        return (row.line, values)
    }
}
