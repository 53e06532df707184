/// The surname rules for Chinese names: compound (two-character) surnames, and the readings surnames take where
/// a character has another common reading.
public enum ChineseSurnames {
    /// Compound surnames recognised at the start of a name of three or more characters: the compound surnames of
    /// the 百家姓 that are still in use, in simplified form.
    ///
    /// Left out because their first character is a common single surname, so that reading them as compounds
    /// would split far more ordinary names wrongly than it would split rare ones rightly: 钟离, 梁丘, 谷梁, 乐正,
    /// 单于, 左丘, 公良, 第五. A record that supplies the family name separately is never re-split.
    public static let compound: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "夏侯",
        "轩辕", "端木", "独孤", "南宫", "西门", "司徒", "司空", "万俟", "闻人", "赫连", "澹台", "公冶", "宗政",
        "濮阳", "淳于", "太叔", "申屠", "仲孙", "鲜于", "闾丘", "亓官", "司寇", "子车", "颛孙", "巫马", "公西",
        "漆雕", "壤驷", "拓跋", "夹谷", "宰父", "段干", "百里", "东郭", "南门", "呼延", "羊舌", "微生", "东门",
        "公羊", "第一",
    ]

    /// Readings of characters as surnames that differ from their first dictionary reading (曾 céng → zēng,
    /// 单 dān → shàn, 朴 pǔ → piáo...), toneless, including the compound surnames that need one.
    public static let readings: [String: [String]] = [
        "单": ["shan"], "曾": ["zeng"], "仇": ["qiu"], "解": ["xie"], "区": ["ou"], "查": ["zha"], "朴": ["piao"],
        "盖": ["ge"], "乐": ["yue"], "翟": ["zhai"], "覃": ["qin"], "缪": ["miao"], "秘": ["bi"], "种": ["chong"],
        "折": ["she"], "句": ["gou"], "召": ["shao"], "洗": ["xian"], "隗": ["wei"], "么": ["yao"], "都": ["du"],
        "阚": ["kan"], "薄": ["bo"], "重": ["chong"], "蕃": ["pi"], "能": ["nai"], "角": ["jue"], "藏": ["zang"],
        "繁": ["po"], "员": ["yun"], "黑": ["he"], "长": ["zhang"],
        "尉迟": ["yu", "chi"], "万俟": ["mo", "qi"], "长孙": ["zhang", "sun"],
    ]

    /// The length of the family name at the start of a simplified Chinese name of `count` characters: 2 for a
    /// known compound surname when the name has three or more characters, otherwise 1.
    static func familyLength(of name: [Character]) -> Int {
        name.count >= 3 && compound.contains(String(name[0...1])) ? 2 : 1
    }
}
