/// The word lists of Western addresses: street types and their abbreviations, directions, unit keywords, US /
/// Australian / Canadian states and provinces, and country names.
public enum StreetAbbreviations {
    /// Street-type abbreviations and their full words (USPS and Australia Post usage): `st` → `street`,
    /// `rd` → `road`, `ave` → `avenue`...
    public static let streetTypes: [String: String] = [
        "st": "street", "str": "street", "rd": "road", "ave": "avenue", "av": "avenue", "avn": "avenue",
        "blvd": "boulevard", "bvd": "boulevard", "dr": "drive", "drv": "drive", "ln": "lane", "ct": "court",
        "crt": "court", "pl": "place", "sq": "square", "hwy": "highway", "pkwy": "parkway", "pky": "parkway",
        "cres": "crescent", "cr": "crescent", "cl": "close", "tce": "terrace", "ter": "terrace", "terr": "terrace",
        "pde": "parade", "cir": "circle", "cct": "circuit", "esp": "esplanade", "gr": "grove", "gro": "grove",
        "hts": "heights", "expy": "expressway", "fwy": "freeway", "trl": "trail", "aly": "alley", "rte": "route",
        "wy": "way", "mtwy": "motorway", "gdns": "gardens", "sqr": "square", "plz": "plaza", "cv": "cove",
        "rdg": "ridge", "tpke": "turnpike", "xing": "crossing", "mws": "mews", "prom": "promenade",
    ]

    /// Direction abbreviations, spelt out when they open or close a street name: `n` → `north`.
    public static let directions: [String: String] = [
        "n": "north", "s": "south", "e": "east", "w": "west", "ne": "northeast", "nw": "northwest",
        "se": "southeast", "sw": "southwest",
    ]

    /// Words that introduce a unit number: `unit`, `flat`, `apt`, `suite`, `#`...
    public static let unitKeywords: Set<String> = [
        "unit", "flat", "apt", "apartment", "suite", "ste", "#", "no", "lot", "shop", "room", "rm", "level", "lvl",
        "floor", "fl",
    ]

    /// The words of a street name with its type and directions spelt out: `["main", "st"]` → `main street`,
    /// `["st", "kilda", "rd"]` → `saint kilda road`, `["n", "main", "st"]` → `north main street`.
    public static func expand(_ words: [String]) -> [String] {
        words.enumerated().map { index, word in
            let isLast = index == words.count - 1
            if isLast, let full = streetTypes[word] { return full }
            if word == "st" { return "saint" }
            if word == "mt" { return "mount" }
            if words.count > 2 || (words.count == 2 && !isLast && streetTypes[words[1]] == nil),
                index == 0 || isLast, let full = directions[word]
            {
                return full
            }
            return word
        }
    }

    /// Whether `word` is a street type, abbreviated or in full.
    public static func isStreetType(_ word: String) -> Bool {
        streetTypes[word] != nil || fullStreetTypes.contains(word)
    }

    /// The state or province at the end of `words` and how many words it took, as its abbreviation: `["il"]`,
    /// `["illinois"]` → `il`; `["new", "south", "wales"]` → `nsw`. `nil` when the last words are not one.
    public static func stateSuffix(_ words: [String]) -> (state: String, count: Int)? {
        for count in stride(from: min(3, words.count), through: 1, by: -1) {
            let name = words.suffix(count).joined(separator: " ")
            if let abbreviation = stateNames[name] { return (abbreviation, count) }
            if count == 1, stateAbbreviations.contains(name) { return (name, 1) }
        }
        return nil
    }

    /// The country named by `text` (`USA`, `United Kingdom`, `Australia`...), lower case, or `nil`.
    public static func country(_ text: String) -> String? {
        let key = TextNormalizer.comparisonKey(text).filter { $0 != "." }
        return countries[key]
    }

    private static let fullStreetTypes: Set<String> = Set(streetTypes.values).union([
        "way", "row", "walk", "mall", "wharf", "quay", "rise", "view", "green", "hill", "loop", "path", "pass",
    ])

    private static let stateAbbreviations: Set<String> = Set(stateNames.values).union(["dc", "pr"])

    // US states, Australian states and territories, Canadian provinces and territories.
    private static let stateNames: [String: String] = [
        "alabama": "al", "alaska": "ak", "arizona": "az", "arkansas": "ar", "california": "ca", "colorado": "co",
        "connecticut": "ct", "delaware": "de", "florida": "fl", "georgia": "ga", "hawaii": "hi", "idaho": "id",
        "illinois": "il", "indiana": "in", "iowa": "ia", "kansas": "ks", "kentucky": "ky", "louisiana": "la",
        "maine": "me", "maryland": "md", "massachusetts": "ma", "michigan": "mi", "minnesota": "mn",
        "mississippi": "ms", "missouri": "mo", "montana": "mt", "nebraska": "ne", "nevada": "nv",
        "new hampshire": "nh", "new jersey": "nj", "new mexico": "nm", "new york": "ny", "north carolina": "nc",
        "north dakota": "nd", "ohio": "oh", "oklahoma": "ok", "oregon": "or", "pennsylvania": "pa",
        "rhode island": "ri", "south carolina": "sc", "south dakota": "sd", "tennessee": "tn", "texas": "tx",
        "utah": "ut", "vermont": "vt", "virginia": "va", "washington": "wa", "west virginia": "wv",
        "wisconsin": "wi", "wyoming": "wy", "district of columbia": "dc",
        "new south wales": "nsw", "victoria": "vic", "queensland": "qld", "western australia": "wa",
        "south australia": "sa", "tasmania": "tas", "australian capital territory": "act",
        "northern territory": "nt",
        "ontario": "on", "quebec": "qc", "british columbia": "bc", "alberta": "ab", "manitoba": "mb",
        "saskatchewan": "sk", "nova scotia": "ns", "new brunswick": "nb", "newfoundland and labrador": "nl",
        "prince edward island": "pe", "yukon": "yt", "northwest territories": "nt", "nunavut": "nu",
    ]

    private static let countries: [String: String] = [
        "usa": "united states", "us": "united states", "united states": "united states",
        "united states of america": "united states", "america": "united states",
        "uk": "united kingdom", "united kingdom": "united kingdom", "great britain": "united kingdom",
        "gb": "united kingdom", "england": "united kingdom", "scotland": "united kingdom", "wales": "united kingdom",
        "australia": "australia", "au": "australia", "canada": "canada",
        "new zealand": "new zealand", "nz": "new zealand", "ireland": "ireland", "singapore": "singapore",
        "germany": "germany", "deutschland": "germany", "france": "france", "netherlands": "netherlands",
    ]
}
