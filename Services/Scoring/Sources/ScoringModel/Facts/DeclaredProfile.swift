public import Models

/// What the customer declared or identity derived about them, from identity's `CustomerProfile`: the attributes
/// mortality, risk and segments need. The feed carries the birth year, not the birth date.
public struct DeclaredProfile: Sendable, Hashable, Codable {
    /// Individual or organisation (identity's `PartyKind`).
    public enum PartyKind: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        case individual
        case organisation
    }

    /// Sex as the mortality table is split (identity's `Sex`).
    public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        case male
        case female
    }

    /// Lifestyle facts declared at underwriting (identity's `DeclaredHabit`).
    public enum Habit: String, Sendable, Hashable, Codable, CaseIterable {
        case smoking
        case heavyDrinking
        case hazardousSports
        case hazardousTravel
        case other
    }

    public var kind: PartyKind
    /// 0 when unknown.
    public var birthYear: Int32
    public var sex: Sex
    /// 职业类别 1–6, 1 the least hazardous; 0 when unknown.
    public var occupationClass: Int32
    public var declaredHabits: [Habit]
    public var province: String
    public var city: String

    public init(kind: PartyKind = .individual, birthYear: Int32 = 0, sex: Sex = .unspecified,
                occupationClass: Int32 = 0, declaredHabits: [Habit] = [], province: String = "", city: String = "") {
        self.kind = kind
        self.birthYear = birthYear
        self.sex = sex
        self.occupationClass = occupationClass
        self.declaredHabits = declaredHabits
        self.province = province
        self.city = city
    }

    /// Age in completed years on `date` as far as the birth year tells: `date.year − birthYear`, which is one
    /// year too many before the birthday. Absent for organisations and unknown birth years.
    public func age(on date: CalendarDate) -> Int? {
        guard kind != .organisation, birthYear > 0, date.year >= birthYear else { return nil }
        return Int(date.year - birthYear)
    }

    /// Habit names as the score card shows them ("smoking", "hazardous_sports").
    public var habitNames: [String] {
        declaredHabits.map { habit in
            switch habit {
            case .smoking: "smoking"
            case .heavyDrinking: "heavy_drinking"
            case .hazardousSports: "hazardous_sports"
            case .hazardousTravel: "hazardous_travel"
            case .other: "other"
            }
        }
    }
}
