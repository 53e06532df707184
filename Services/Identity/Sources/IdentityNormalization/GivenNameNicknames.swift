/// Common English diminutives and the formal given name each stands for, so that Bob matches Robert.
///
/// The table holds only diminutives that point to one formal name in ordinary use. Those shared by several names
/// (Chris: Christopher / Christine, Sam: Samuel / Samantha, Alex, Pat, Jo, Terry, Jerry, Sandy, Al, Bert...) are
/// left out on purpose: equating them would make different people look alike, and the matcher's edit-distance and
/// initial levels still give such pairs partial credit.
public enum GivenNameNicknames {
    /// The formal name for `name` (compared in lower case with diacritics removed), or `name` folded when it is
    /// not a known diminutive. `canonical("Bob") == "robert"`, `canonical("Robert") == "robert"`.
    public static func canonical(_ name: String) -> String {
        let key = TextNormalizer.foldLatin(TextNormalizer.clean(name))
        return formal[key] ?? key
    }

    /// Whether two given names are the same name or one is a known diminutive of the other.
    public static func areEquivalent(_ first: String, _ second: String) -> Bool {
        canonical(first) == canonical(second)
    }

    /// Every diminutive in the table with its formal name.
    public static var table: [String: String] { formal }

    private static let formal: [String: String] = [
        // Men
        "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert", "robby": "robert",
        "bill": "william", "billy": "william", "will": "william", "willy": "william", "willie": "william",
        "liam": "william",
        "jim": "james", "jimmy": "james", "jimmie": "james", "jamie": "james",
        "mike": "michael", "mick": "michael", "mickey": "michael", "mikey": "michael",
        "dick": "richard", "rick": "richard", "ricky": "richard", "rich": "richard", "richie": "richard",
        "tom": "thomas", "tommy": "thomas",
        "tony": "anthony",
        "jack": "john", "johnny": "john", "jon": "john",
        "joe": "joseph", "joey": "joseph",
        "dave": "david", "davy": "david",
        "dan": "daniel", "danny": "daniel",
        "steve": "stephen", "stevie": "stephen", "steven": "stephen",
        "ed": "edward", "eddie": "edward", "eddy": "edward", "ted": "edward", "teddy": "edward", "ned": "edward",
        "charlie": "charles", "chuck": "charles", "chas": "charles",
        "harry": "henry", "hank": "henry", "hal": "henry",
        "larry": "lawrence",
        "andy": "andrew", "drew": "andrew",
        "matt": "matthew", "matty": "matthew",
        "nick": "nicholas", "nicky": "nicholas",
        "pete": "peter",
        "phil": "philip",
        "ben": "benjamin", "benny": "benjamin",
        "greg": "gregory",
        "jeff": "jeffrey", "geoff": "geoffrey",
        "ken": "kenneth", "kenny": "kenneth",
        "ron": "ronald", "ronnie": "ronald",
        "don": "donald", "donny": "donald",
        "tim": "timothy", "timmy": "timothy",
        "fred": "frederick", "freddie": "frederick", "freddy": "frederick",
        "walt": "walter", "wally": "walter",
        "jake": "jacob",
        "josh": "joshua",
        "zach": "zachary", "zack": "zachary",
        "ray": "raymond",
        "stan": "stanley",
        "vince": "vincent",
        "doug": "douglas",
        "len": "leonard", "lenny": "leonard",
        // Women
        "liz": "elizabeth", "lizzie": "elizabeth", "lizzy": "elizabeth", "beth": "elizabeth", "betty": "elizabeth",
        "betsy": "elizabeth", "eliza": "elizabeth", "libby": "elizabeth", "liza": "elizabeth", "bess": "elizabeth",
        "peggy": "margaret", "maggie": "margaret", "meg": "margaret", "margie": "margaret", "marge": "margaret",
        "kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "katherine", "kitty": "katherine",
        "catherine": "katherine", "kathryn": "katherine",
        "abby": "abigail",
        "becky": "rebecca",
        "debbie": "deborah", "deb": "deborah",
        "jenny": "jennifer", "jen": "jennifer",
        "sue": "susan", "susie": "susan",
        "patty": "patricia", "patsy": "patricia", "trish": "patricia",
        "sally": "sarah",
        "molly": "mary", "polly": "mary",
        "vicky": "victoria", "vicki": "victoria",
        "mandy": "amanda",
        "cindy": "cynthia",
        "pam": "pamela",
        "barb": "barbara",
        "dot": "dorothy", "dottie": "dorothy",
        "tess": "theresa", "tessa": "theresa", "teresa": "theresa",
        "connie": "constance",
        "ginny": "virginia",
        "annie": "ann", "anne": "ann",
    ]
}
