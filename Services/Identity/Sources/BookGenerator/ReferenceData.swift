/// The tables the generator draws from. Surname weights follow the published frequencies of the 2020 census
/// (per mille, rounded); regions are real GB/T 2260 district codes with their postcodes and telephone area codes.
enum ReferenceData {
    static let surnames: [(String, Double)] = [
        ("王", 71), ("李", 70), ("张", 67), ("刘", 54), ("陈", 46), ("杨", 31), ("黄", 26), ("赵", 20), ("吴", 20),
        ("周", 19), ("徐", 15), ("孙", 15), ("马", 13), ("朱", 13), ("胡", 12), ("郭", 12), ("何", 12), ("林", 11),
        ("高", 11), ("罗", 9), ("郑", 9), ("梁", 9), ("谢", 8), ("宋", 7), ("唐", 7), ("许", 7), ("韩", 7), ("冯", 7),
        ("邓", 7), ("曹", 6), ("彭", 6), ("曾", 6), ("肖", 6), ("田", 5), ("董", 5), ("袁", 5), ("潘", 5), ("于", 5),
        ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4),
        ("任", 4), ("沈", 4), ("姚", 4), ("卢", 4), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3),
        ("范", 3), ("金", 3), ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3), ("韦", 3), ("付", 3), ("方", 3), ("白", 2),
        ("邹", 2), ("孟", 2), ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2),
        ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2),
        ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 1), ("覃", 1), ("武", 1), ("戴", 1), ("莫", 1), ("孔", 1),
        ("向", 1), ("汤", 1), ("常", 1), ("温", 1), ("康", 1), ("施", 1), ("文", 1), ("牛", 1), ("樊", 1), ("葛", 1),
        ("邢", 1), ("安", 1), ("齐", 1), ("易", 1), ("乔", 1), ("伍", 1), ("庞", 1), ("颜", 1), ("倪", 1), ("庄", 1),
        ("聂", 1), ("章", 1), ("鲁", 1), ("岳", 1), ("翟", 1), ("殷", 1), ("詹", 1), ("申", 1), ("欧", 1), ("耿", 1),
        ("关", 1), ("兰", 1), ("焦", 1), ("俞", 1), ("左", 1), ("柳", 1), ("甘", 1), ("祝", 1), ("包", 1), ("宁", 1),
        ("欧阳", 0.5), ("司马", 0.1), ("诸葛", 0.1), ("上官", 0.1), ("司徒", 0.1), ("东方", 0.05), ("皇甫", 0.05),
        ("慕容", 0.03), ("令狐", 0.03), ("公孙", 0.03), ("夏侯", 0.03), ("尉迟", 0.02), ("长孙", 0.02),
    ]

    static let maleCharacters: [String] = unique("""
        伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋阳峰建国志文海东亮成毅晨博睿子轩然宏德永庆富贵\
        祥福兵春荣新光天翔云泽铭昊晓立家思嘉一正耀振安坤山松彬亚忠生贤卫红全锋钧栋哲瑞坚胜群武斌江权
        """)
    static let femaleCharacters: [String] = unique("""
        芳娜敏静丽艳娟霞秀英玲婷燕雪琳莉萍红梅兰琴晶洁颖倩慧佳欣怡悦妍蕾薇彤雨露欢丹月凤春桂珍美淑惠媛瑶璐茜涵萱\
        馨诗梦琪可晓思文宁雅云华玉小海子紫钰蓉菲爱娇姗雯婧微嘉青柳翠冰瑾
        """)
    /// Common characters that may replace a given-name character of the same reading (homophone errors).
    static let homophonePool: [String] = unique("""
        维玮卫炜为力立利俐京菁方铭鸣桦君捷婕韬滨涓民彦雁蔷宏鸿洪虹瑛莹霖灵凌咏潮晖朋非心新博羽语瑜皓楷建剑骏凡\
        煦凝杨扬丰枫冬良诚艺逸瑞宣冉青清晴翔容田芸韵珊中娴亭庭玫岚勤芹纯贞真舒园源遥路晗寒琦淇奇筱斌彬俊峻
        """) + maleCharacters + femaleCharacters

    private static func unique(_ text: String) -> [String] {
        var seen = Set<Character>()
        return text.filter { !$0.isWhitespace && seen.insert($0).inserted }.map { String($0) }
    }

    /// A district: its code, province (full and short), city (full and short), district, postcode, area code, and
    /// a relative population weight.
    struct Region: Sendable {
        let code: String
        let province: String
        let provinceShort: String
        let city: String
        let cityShort: String
        let district: String
        let postcode: String
        let areaCode: String
        let weight: Double
        var municipality: Bool { province == city }
    }

    static let regions: [Region] = [
        .init(code: "110101", province: "北京市", provinceShort: "北京", city: "北京市", cityShort: "北京", district: "东城区", postcode: "100010", areaCode: "010", weight: 2),
        .init(code: "110105", province: "北京市", provinceShort: "北京", city: "北京市", cityShort: "北京", district: "朝阳区", postcode: "100020", areaCode: "010", weight: 5),
        .init(code: "110108", province: "北京市", provinceShort: "北京", city: "北京市", cityShort: "北京", district: "海淀区", postcode: "100080", areaCode: "010", weight: 4),
        .init(code: "120101", province: "天津市", provinceShort: "天津", city: "天津市", cityShort: "天津", district: "和平区", postcode: "300041", areaCode: "022", weight: 2),
        .init(code: "120104", province: "天津市", provinceShort: "天津", city: "天津市", cityShort: "天津", district: "南开区", postcode: "300100", areaCode: "022", weight: 2),
        .init(code: "310101", province: "上海市", provinceShort: "上海", city: "上海市", cityShort: "上海", district: "黄浦区", postcode: "200001", areaCode: "021", weight: 2),
        .init(code: "310104", province: "上海市", provinceShort: "上海", city: "上海市", cityShort: "上海", district: "徐汇区", postcode: "200030", areaCode: "021", weight: 3),
        .init(code: "310115", province: "上海市", provinceShort: "上海", city: "上海市", cityShort: "上海", district: "浦东新区", postcode: "200120", areaCode: "021", weight: 6),
        .init(code: "500103", province: "重庆市", provinceShort: "重庆", city: "重庆市", cityShort: "重庆", district: "渝中区", postcode: "400010", areaCode: "023", weight: 3),
        .init(code: "500106", province: "重庆市", provinceShort: "重庆", city: "重庆市", cityShort: "重庆", district: "沙坪坝区", postcode: "400030", areaCode: "023", weight: 3),
        .init(code: "440103", province: "广东省", provinceShort: "广东", city: "广州市", cityShort: "广州", district: "荔湾区", postcode: "510140", areaCode: "020", weight: 2),
        .init(code: "440106", province: "广东省", provinceShort: "广东", city: "广州市", cityShort: "广州", district: "天河区", postcode: "510630", areaCode: "020", weight: 4),
        .init(code: "440304", province: "广东省", provinceShort: "广东", city: "深圳市", cityShort: "深圳", district: "福田区", postcode: "518000", areaCode: "0755", weight: 4),
        .init(code: "440305", province: "广东省", provinceShort: "广东", city: "深圳市", cityShort: "深圳", district: "南山区", postcode: "518052", areaCode: "0755", weight: 4),
        .init(code: "440604", province: "广东省", provinceShort: "广东", city: "佛山市", cityShort: "佛山", district: "禅城区", postcode: "528000", areaCode: "0757", weight: 2),
        .init(code: "330106", province: "浙江省", provinceShort: "浙江", city: "杭州市", cityShort: "杭州", district: "西湖区", postcode: "310012", areaCode: "0571", weight: 3),
        .init(code: "330102", province: "浙江省", provinceShort: "浙江", city: "杭州市", cityShort: "杭州", district: "上城区", postcode: "310002", areaCode: "0571", weight: 2),
        .init(code: "330203", province: "浙江省", provinceShort: "浙江", city: "宁波市", cityShort: "宁波", district: "海曙区", postcode: "315000", areaCode: "0574", weight: 2),
        .init(code: "320102", province: "江苏省", provinceShort: "江苏", city: "南京市", cityShort: "南京", district: "玄武区", postcode: "210018", areaCode: "025", weight: 2),
        .init(code: "320106", province: "江苏省", provinceShort: "江苏", city: "南京市", cityShort: "南京", district: "鼓楼区", postcode: "210009", areaCode: "025", weight: 2),
        .init(code: "320508", province: "江苏省", provinceShort: "江苏", city: "苏州市", cityShort: "苏州", district: "姑苏区", postcode: "215000", areaCode: "0512", weight: 3),
        .init(code: "510104", province: "四川省", provinceShort: "四川", city: "成都市", cityShort: "成都", district: "锦江区", postcode: "610021", areaCode: "028", weight: 3),
        .init(code: "510107", province: "四川省", provinceShort: "四川", city: "成都市", cityShort: "成都", district: "武侯区", postcode: "610041", areaCode: "028", weight: 3),
        .init(code: "420106", province: "湖北省", provinceShort: "湖北", city: "武汉市", cityShort: "武汉", district: "武昌区", postcode: "430061", areaCode: "027", weight: 3),
        .init(code: "420102", province: "湖北省", provinceShort: "湖北", city: "武汉市", cityShort: "武汉", district: "江岸区", postcode: "430014", areaCode: "027", weight: 2),
        .init(code: "430102", province: "湖南省", provinceShort: "湖南", city: "长沙市", cityShort: "长沙", district: "芙蓉区", postcode: "410011", areaCode: "0731", weight: 2),
        .init(code: "430104", province: "湖南省", provinceShort: "湖南", city: "长沙市", cityShort: "长沙", district: "岳麓区", postcode: "410006", areaCode: "0731", weight: 2),
        .init(code: "370102", province: "山东省", provinceShort: "山东", city: "济南市", cityShort: "济南", district: "历下区", postcode: "250011", areaCode: "0531", weight: 2),
        .init(code: "370202", province: "山东省", provinceShort: "山东", city: "青岛市", cityShort: "青岛", district: "市南区", postcode: "266001", areaCode: "0532", weight: 3),
        .init(code: "410105", province: "河南省", provinceShort: "河南", city: "郑州市", cityShort: "郑州", district: "金水区", postcode: "450008", areaCode: "0371", weight: 4),
        .init(code: "350102", province: "福建省", provinceShort: "福建", city: "福州市", cityShort: "福州", district: "鼓楼区", postcode: "350001", areaCode: "0591", weight: 2),
        .init(code: "350203", province: "福建省", provinceShort: "福建", city: "厦门市", cityShort: "厦门", district: "思明区", postcode: "361001", areaCode: "0592", weight: 2),
        .init(code: "610113", province: "陕西省", provinceShort: "陕西", city: "西安市", cityShort: "西安", district: "雁塔区", postcode: "710061", areaCode: "029", weight: 3),
        .init(code: "210102", province: "辽宁省", provinceShort: "辽宁", city: "沈阳市", cityShort: "沈阳", district: "和平区", postcode: "110001", areaCode: "024", weight: 2),
        .init(code: "210202", province: "辽宁省", provinceShort: "辽宁", city: "大连市", cityShort: "大连", district: "中山区", postcode: "116001", areaCode: "0411", weight: 2),
        .init(code: "220102", province: "吉林省", provinceShort: "吉林", city: "长春市", cityShort: "长春", district: "南关区", postcode: "130022", areaCode: "0431", weight: 2),
        .init(code: "230103", province: "黑龙江省", provinceShort: "黑龙江", city: "哈尔滨市", cityShort: "哈尔滨", district: "南岗区", postcode: "150001", areaCode: "0451", weight: 2),
        .init(code: "340104", province: "安徽省", provinceShort: "安徽", city: "合肥市", cityShort: "合肥", district: "蜀山区", postcode: "230031", areaCode: "0551", weight: 2),
        .init(code: "360102", province: "江西省", provinceShort: "江西", city: "南昌市", cityShort: "南昌", district: "东湖区", postcode: "330006", areaCode: "0791", weight: 2),
        .init(code: "130102", province: "河北省", provinceShort: "河北", city: "石家庄市", cityShort: "石家庄", district: "长安区", postcode: "050011", areaCode: "0311", weight: 2),
        .init(code: "140105", province: "山西省", provinceShort: "山西", city: "太原市", cityShort: "太原", district: "小店区", postcode: "030032", areaCode: "0351", weight: 2),
        .init(code: "450103", province: "广西壮族自治区", provinceShort: "广西", city: "南宁市", cityShort: "南宁", district: "青秀区", postcode: "530022", areaCode: "0771", weight: 2),
        .init(code: "530102", province: "云南省", provinceShort: "云南", city: "昆明市", cityShort: "昆明", district: "五华区", postcode: "650021", areaCode: "0871", weight: 2),
        .init(code: "520102", province: "贵州省", provinceShort: "贵州", city: "贵阳市", cityShort: "贵阳", district: "南明区", postcode: "550001", areaCode: "0851", weight: 1),
        .init(code: "460106", province: "海南省", provinceShort: "海南", city: "海口市", cityShort: "海口", district: "龙华区", postcode: "570105", areaCode: "0898", weight: 1),
        .init(code: "620102", province: "甘肃省", provinceShort: "甘肃", city: "兰州市", cityShort: "兰州", district: "城关区", postcode: "730030", areaCode: "0931", weight: 1),
        .init(code: "150102", province: "内蒙古自治区", provinceShort: "内蒙古", city: "呼和浩特市", cityShort: "呼和浩特", district: "新城区", postcode: "010050", areaCode: "0471", weight: 1),
        .init(code: "650102", province: "新疆维吾尔自治区", provinceShort: "新疆", city: "乌鲁木齐市", cityShort: "乌鲁木齐", district: "天山区", postcode: "830002", areaCode: "0991", weight: 1),
    ]

    static let streets: [String] = [
        "人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "胜利路", "长江路", "黄河路", "文化路", "朝阳路",
        "东风路", "青年路", "学府路", "科技路", "幸福路", "光明路", "健康路", "滨江路", "复兴路", "民主路", "友谊路",
        "团结路", "工业大道", "南京路", "北京路", "延安路", "花园路", "体育路", "府前街", "西大街", "东大街", "南大街",
        "建国路", "迎宾大道", "振兴路", "金融街", "春熙路", "丰收路", "淮海路", "五一路", "长安街", "新华街", "育才路",
    ]
    static let estates: [String] = [
        "阳光花园", "锦绣家园", "翠湖苑", "金色华庭", "碧水湾", "幸福小区", "紫荆花园", "世纪城", "万科城", "绿地新都会",
        "东方名苑", "和谐家园", "桂花园", "丽景湾", "书香门第", "龙湖天街", "南湖小区", "新村小区", "景园小区", "花溪苑",
        "明珠花园", "滨江花园", "华府天地", "康乐小区", "金桥公寓", "长城小区", "怡景苑", "保利花园", "枫林绿洲", "恒大名都",
    ]
    static let towers: [String] = [
        "国际大厦", "金融中心", "科技大厦", "商务中心", "时代广场", "财富中心", "环球中心", "创业大厦", "中心大厦", "置地广场",
    ]

    /// Characters for organisations' trade names (字号): two of them make a name such as 华兴, 鑫达, 恒通.
    static let tradeNameCharacters: [String] = unique("""
        华兴鑫达恒通宏远金诚泰康盛源创新博瑞汇丰中天海信德隆正弘安顺永利嘉禾万方天成联合众邦佳美东升宝晟锦程凯越\
        鼎辉润泽同仁启明志远明辉卓越信达富盛长青蓝海星辰云帆宇航嘉诚
        """)
    static let industries: [String] = [
        "科技", "贸易", "建筑工程", "电子", "物流", "餐饮管理", "信息技术", "医药", "食品", "机械设备", "房地产开发",
        "文化传媒", "服装", "汽车销售", "教育咨询", "环保科技",
    ]

    static let occupations: [(String, Int)] = [
        ("公司职员", 1), ("教师", 1), ("医生", 1), ("公务员", 1), ("工程师", 1), ("会计", 1), ("销售人员", 2),
        ("个体经营者", 2), ("护士", 2), ("退休人员", 1), ("学生", 1), ("农民", 2), ("厨师", 3), ("出租车司机", 3),
        ("快递员", 4), ("建筑工人", 5), ("电工", 4), ("货车司机", 4), ("自由职业", 2), ("家庭主妇", 1),
    ]

    /// Mobile prefixes in use (1[3-9]x).
    static let mobilePrefixes: [String] = [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151", "152", "153",
        "155", "156", "157", "158", "159", "166", "170", "173", "175", "176", "177", "178", "180", "181", "182", "183",
        "184", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199",
    ]
    static let emailDomains: [String] = ["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "foxmail.com", "139.com", "hotmail.com"]

    struct Product: Sendable {
        let code: String
        let name: String
        let line: String
        /// One-year cover that renews each year under a new policy number.
        let shortTerm: Bool
        /// Annual premium range in yuan.
        let premium: ClosedRange<Int>
        /// Sum insured range in yuan (0: not applicable).
        let sumInsured: ClosedRange<Int>
    }

    static let products: [Product] = [
        .init(code: "L101", name: "福禄双全终身寿险", line: "life", shortTerm: false, premium: 3000...30000, sumInsured: 200_000...1_000_000),
        .init(code: "L102", name: "安心定期寿险(2020版)", line: "life", shortTerm: false, premium: 800...5000, sumInsured: 500_000...2_000_000),
        .init(code: "L201", name: "鑫享年金保险", line: "life", shortTerm: false, premium: 10000...100000, sumInsured: 0...0),
        .init(code: "L301", name: "如意两全保险", line: "life", shortTerm: false, premium: 2000...20000, sumInsured: 100_000...500_000),
        .init(code: "H101", name: "康宁终身重大疾病保险", line: "health", shortTerm: false, premium: 3000...20000, sumInsured: 300_000...800_000),
        .init(code: "H201", name: "百万医疗保险", line: "health", shortTerm: true, premium: 200...3000, sumInsured: 2_000_000...6_000_000),
        .init(code: "H202", name: "住院医疗补充保险", line: "health", shortTerm: true, premium: 300...1500, sumInsured: 50_000...200_000),
        .init(code: "H301", name: "防癌医疗保险", line: "health", shortTerm: true, premium: 150...1200, sumInsured: 1_000_000...2_000_000),
        .init(code: "A101", name: "综合意外伤害保险", line: "accident", shortTerm: true, premium: 100...600, sumInsured: 100_000...500_000),
        .init(code: "V101", name: "机动车交通事故责任强制保险", line: "auto", shortTerm: true, premium: 665...1100, sumInsured: 200_000...200_000),
        .init(code: "V201", name: "机动车商业保险", line: "auto", shortTerm: true, premium: 2500...9000, sumInsured: 1_000_000...3_000_000),
        .init(code: "P101", name: "家庭财产综合保险", line: "property", shortTerm: true, premium: 200...1500, sumInsured: 200_000...2_000_000),
    ]
    /// Weights of `products` for a person's own purchases.
    static let productWeights: [Double] = [5, 4, 3, 3, 8, 12, 4, 3, 8, 6, 10, 5]

    static let groupProducts: [Product] = [
        .init(code: "G101", name: "团体补充医疗保险", line: "health", shortTerm: true, premium: 20000...300000, sumInsured: 50_000...200_000),
        .init(code: "G201", name: "团体意外伤害保险", line: "accident", shortTerm: true, premium: 5000...80000, sumInsured: 200_000...500_000),
        .init(code: "G301", name: "团体定期寿险", line: "life", shortTerm: true, premium: 10000...120000, sumInsured: 300_000...1_000_000),
    ]

    static let services: [String: [(code: String, name: String, yearlyRate: Double)]] = [
        "health": [("VAS01", "健康体检", 0.25), ("VAS02", "绿色通道预约挂号", 0.04), ("VAS03", "在线问诊", 0.2)],
        "life": [("VAS01", "健康体检", 0.12), ("VAS04", "重疾二次诊疗意见", 0.01)],
        "auto": [("VAS11", "道路救援", 0.12), ("VAS12", "代驾服务", 0.10), ("VAS13", "年检代办", 0.08)],
        "property": [("VAS21", "家电维修上门", 0.05)],
        "accident": [],
    ]

    static let complaintTopics: [String] = [
        "理赔时效", "保费扣款", "退保手续费", "销售误导", "服务态度", "\"保单贷款\"利率, 咨询后投诉", "续保价格上涨",
        "电话骚扰,要求停止营销", "App无法登录",
    ]
    static let contactTopics: [String] = [
        "保单查询", "缴费咨询", "理赔进度", "变更联系方式", "续保咨询", "保全业务咨询", "增值服务预约", "发票开具",
        "咨询\"犹豫期\"退保, 已解答",
    ]
    static let campaigns: [String] = ["CMP2019SPRING", "CMP2020HEALTH", "CMP2021RENEW", "CMP2022VIP", "CMP2023WINBACK", "CMP2024AUTO", "CMP2025FAMILY"]
    static let branches: [String] = ["BR010", "BR020", "BR021", "BR023", "BR025", "BR027", "BR028", "BR0571", "BR0755"]
    static let channels: [String] = ["agency", "bancassurance", "broker", "online", "telesales"]
}
