// The one list of the fields each record kind accepts. `--help`, the README table and mapping
// validation all read it; the names follow identity.proto's ingest messages.

import IdentityMatching

extension ImportKind {
    /// The fields this kind accepts, in the order `--help` lists them. The source system and the
    /// source key are not fields: they come from `--source` and `--key`.
    public var fields: [ImportField] {
        switch self {
        case .parties: FieldCatalogue.parties
        case .policies: FieldCatalogue.policies
        case .policyRoles: FieldCatalogue.policyRoles
        case .payments: FieldCatalogue.payments
        case .claims: FieldCatalogue.claims
        case .servicing: FieldCatalogue.servicing
        case .serviceUsage: FieldCatalogue.serviceUsage
        case .interactions: FieldCatalogue.interactions
        }
    }

    /// The field a name or alias stands for (case-insensitive, `-` read as `_`); nil if none.
    public func field(named name: String) -> ImportField? {
        FieldCatalogue.index[self]?[FieldCatalogue.fold(name)]
    }

    /// Groups of which at least one field must be mapped and given per row: group name → fields.
    public var requiredGroups: [(group: String, fields: [String])] {
        var groups: [(group: String, fields: [String])] = []
        for field in fields {
            guard case .oneOf(let group) = field.requirement else { continue }
            if let at = groups.firstIndex(where: { $0.group == group }) {
                groups[at].fields.append(field.name)
            } else {
                groups.append((group, [field.name]))
            }
        }
        return groups
    }

    /// The known field (by name or alias) closest to `name` by edit distance, for "did you mean".
    public func closestField(to name: String) -> (field: ImportField, spelledAs: String)? {
        let folded = FieldCatalogue.fold(name)
        var best: (field: ImportField, spelledAs: String, distance: Int)?
        for field in fields {
            for spelling in [field.name] + field.aliases {
                let distance = DamerauLevenshtein.distance(folded, spelling)
                if best == nil || distance < best!.distance { best = (field, spelling, distance) }
            }
        }
        return best.map { ($0.field, $0.spelledAs) }
    }
}

/// The catalogue's data.
enum FieldCatalogue {
    static func fold(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// Kind → folded name or alias → field.
    static let index: [ImportKind: [String: ImportField]] = {
        var index: [ImportKind: [String: ImportField]] = [:]
        for kind in ImportKind.allCases {
            var byName: [String: ImportField] = [:]
            for field in kind.fields {
                for spelling in [field.name] + field.aliases {
                    precondition(byName[fold(spelling)] == nil, "\(kind): \(spelling) names two fields")
                    byName[fold(spelling)] = field
                }
            }
            index[kind] = byName
        }
        return index
    }()

    // MARK: Shared pieces

    static func versioning(_ message: String) -> [ImportField] {
        [
            ImportField("source_version", aliases: ["version"],
                        "version of the record in its source; a higher version replaces a lower one (> 0)",
                        type: .integer, proto: "\(message).source_version"),
            ImportField("source_updated_at", aliases: ["updated_at", "last_modified"],
                        "when the source last changed the record (recency survivorship)",
                        type: .timestamp, proto: "\(message).source_updated_at"),
        ]
    }

    /// `<role>_key` and `<role>_system` for a `SourceRef` to a party record.
    static func partyRef(_ role: String, aliases: [String] = [], _ meaning: String,
                         _ requirement: ImportField.Requirement = .optional, multiValued: Bool = false,
                         proto: String) -> [ImportField] {
        [
            ImportField("\(role)_key", aliases: aliases, meaning, requirement, multiValued: multiValued,
                        proto: "\(proto).source_key"),
            ImportField("\(role)_system", "source system of the \(role)'s party record; empty: --source",
                        proto: "\(proto).source_system"),
        ]
    }

    static let currency = ImportField(
        "currency", "ISO 4217 code of the record's amounts, e.g. CNY (the default)", proto: "Money.currency")

    static func policyNumber(_ message: String, _ requirement: ImportField.Requirement = .required) -> ImportField {
        ImportField("policy_number", aliases: ["policy_no", "policy"],
                    "policy number (保单号) in this source system", requirement, proto: "\(message).policy_number")
    }

    static let productLine = ImportField.ValueType.choice([
        .init("life", ["寿险"]), .init("health", ["健康险", "医疗险", "重疾险"]), .init("accident", ["意外险"]),
        .init("annuity", ["年金险"]), .init("auto", ["车险", "motor"]), .init("property", ["财产险", "家财险"]),
        .init("liability", ["责任险"]), .init("travel", ["旅行险"]), .init("other", ["其他"]),
    ])

    static let relation = ImportField.ValueType.choice([
        .init("self", ["本人"]), .init("spouse", ["配偶"]), .init("child", ["子女"]), .init("parent", ["父母"]),
        .init("other_family", ["其他亲属"]), .init("employee", ["雇佣", "员工"]), .init("other", ["其他"]),
    ])

    // MARK: Kinds

    static let parties: [ImportField] = {
        let p = "PartyDetails"
        return [
            ImportField("kind", aliases: ["party_kind", "party_type"],
                        "individual or organisation; empty: individual",
                        type: .choice([.init("individual", ["person", "个人", "P", "I"]),
                                       .init("organisation", ["organization", "company", "机构", "企业", "单位", "O", "C"])]),
                        proto: "\(p).kind"),
            ImportField("full_name", aliases: ["name"],
                        "full name as written; an organisation's registered name", .oneOf(group: "name"),
                        proto: "\(p).full_name"),
            ImportField("given_name", aliases: ["first_name", "forename"],
                        "given name where the source splits names", .oneOf(group: "name"), proto: "\(p).given_name"),
            ImportField("family_name", aliases: ["surname", "last_name"],
                        "family name where the source splits names", .oneOf(group: "name"), proto: "\(p).family_name"),
            ImportField("document_type", aliases: ["id_type"], "kind of identity document the number belongs to",
                        type: .choice([
                            .init("resident_id", ["身份证", "居民身份证", "ID"]), .init("passport", ["护照"]),
                            .init("hk_macao_permit", ["港澳通行证", "港澳居民来往内地通行证"]),
                            .init("taiwan_permit", ["台胞证", "台湾居民来往大陆通行证"]),
                            .init("foreign_permanent_resident_id", ["外国人永久居留身份证"]),
                            .init("military_id", ["军官证", "士兵证"]), .init("household_register", ["户口簿", "户口本"]),
                            .init("birth_certificate", ["出生证", "出生医学证明"]),
                            .init("unified_social_credit_code", ["统一社会信用代码"]),
                            .init("business_registration", ["营业执照", "组织机构代码"]), .init("other", ["其他"]),
                        ]),
                        proto: "\(p).document_type"),
            ImportField("document_number", aliases: ["id_number", "document_no"],
                        "identity document number (证件号码) of document_type", proto: "\(p).document_number"),
            ImportField("national_id", aliases: ["resident_id", "id_card"],
                        "resident ID number (身份证号) when the source has a column of its own for it",
                        proto: "\(p).national_id"),
            ImportField("birth_date", aliases: ["dob", "date_of_birth"],
                        "date of birth: YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, YYYY年M月D日, DD/MM/YYYY…",
                        type: .date, proto: "\(p).birth_date"),
            ImportField("sex", aliases: ["gender"], "male or female; unspecified for the codes of an unknown sex",
                        type: .choice([.init("male", ["M", "男", "1"]), .init("female", ["F", "女", "2"]),
                                       .init("unspecified", ["U", "未知", "未说明", "unknown", "0", "9"])]),
                        proto: "\(p).sex"),
            ImportField("phones", aliases: ["phone", "mobile", "telephone"],
                        "phone numbers, mobile first where known; one per column", multiValued: true,
                        proto: "\(p).phones"),
            ImportField("email", aliases: ["e_mail", "mail"], "e-mail address", proto: "\(p).email"),
            ImportField("address_lines", aliases: ["address", "address_line", "street"],
                        "address lines as given (street, building, unit…); one per column; a Chinese address "
                            + "may come whole in one line",
                        multiValued: true, proto: "\(p).address_lines"),
            ImportField("street_number", aliases: ["house_number"], "house or street number (门牌号)",
                        proto: "\(p).street_number"),
            ImportField("city", aliases: ["suburb", "district", "town"], "city, district or suburb",
                        proto: "\(p).city"),
            ImportField("province", aliases: ["state", "region"], "province or state", proto: "\(p).province"),
            ImportField("postcode", aliases: ["postal_code", "zip", "zipcode"], "postcode", proto: "\(p).postcode"),
            ImportField("country", "ISO 3166-1 alpha-2 country code; empty: CN", proto: "\(p).country"),
            ImportField("occupation", "occupation as the source names or codes it", proto: "\(p).occupation"),
            ImportField("occupation_class", "occupation class (职业类别) 1–6, 1 the least hazardous",
                        type: .integer, proto: "\(p).occupation_class"),
            ImportField("declared_habits", aliases: ["habit", "habits"],
                        "lifestyle facts declared at underwriting (健康告知); one per column", multiValued: true,
                        type: .choice([.init("smoking", ["吸烟"]), .init("heavy_drinking", ["酗酒", "饮酒"]),
                                       .init("hazardous_sports", ["高危运动"]), .init("hazardous_travel", ["高危旅行"]),
                                       .init("other", ["其他"])]),
                        proto: "\(p).declared_habits"),
            ImportField("unified_social_credit_code", aliases: ["uscc", "credit_code"],
                        "organisations: 统一社会信用代码 (18 characters)", proto: "\(p).unified_social_credit_code"),
            ImportField("employer_name", "group business: the employing organisation's name as given",
                        proto: "\(p).employer_name"),
        ]
            + partyRef("employer", "group business: the employer's party record key", proto: "\(p).employer")
            + versioning("PartyRecord")
    }()

    static let policies: [ImportField] = {
        let p = "PolicyRecord"
        return [
            ImportField("product_line", "line of business", type: productLine, proto: "\(p).product_line"),
            ImportField("product_code", "the insurer's product code", proto: "\(p).product_code"),
            ImportField("product_name", "product name", proto: "\(p).product_name"),
        ]
            + partyRef("policyholder", aliases: ["holder_key", "applicant_key"],
                       "party key of the policyholder (投保人)", .required, proto: "PolicyParty(policyholder).party")
            + partyRef("insured", "party keys of the insured (被保险人); one per column", multiValued: true,
                       proto: "PolicyParty(insured).party")
            + [
                ImportField("insured_relation",
                            "each insured's relation to the policyholder (与投保人关系), in insured_key's order",
                            multiValued: true, type: relation, proto: "PolicyParty(insured).relation_to_policyholder"),
            ]
            + partyRef("beneficiary", "party keys of the beneficiaries (受益人); one per column", multiValued: true,
                       proto: "PolicyParty(beneficiary).party")
            + [
                ImportField("beneficiary_relation", "each beneficiary's relation to the policyholder, in order",
                            multiValued: true, type: relation,
                            proto: "PolicyParty(beneficiary).relation_to_policyholder"),
                ImportField("beneficiary_share", "each beneficiary's share of the benefit, 0–1, in order",
                            multiValued: true, type: .decimal, proto: "PolicyParty(beneficiary).benefit_share"),
                ImportField("premium", "premium per instalment of payment_mode (SINGLE: the one premium)",
                            type: .money, proto: "\(p).premium"),
                currency,
                ImportField("payment_mode", aliases: ["payment_frequency"], "how often premium is paid (缴费方式)",
                            type: .choice([.init("single", ["趸交", "趸缴"]), .init("annual", ["年交", "年缴", "A"]),
                                           .init("semi_annual", ["半年交", "半年缴", "semiannual", "semi-annual"]),
                                           .init("quarterly", ["季交", "季缴", "Q"]),
                                           .init("monthly", ["月交", "月缴", "M"])]),
                            proto: "\(p).payment_mode"),
                ImportField("premium_term_years", "years over which premium is paid (缴费期)", type: .integer,
                            proto: "\(p).premium_term_years"),
                ImportField("sum_insured", "sum insured (保额)", type: .money, proto: "\(p).sum_insured"),
                ImportField("application_date", "application date (投保日)", type: .date,
                            proto: "\(p).application_date"),
                ImportField("issue_date", "issue date (承保日)", type: .date, proto: "\(p).issue_date"),
                ImportField("effective_date", "cover starts (生效日)", type: .date, proto: "\(p).effective_date"),
                ImportField("end_date", "cover ends (满期日 / 终止日); empty for whole-life cover", type: .date,
                            proto: "\(p).end_date"),
                ImportField("status", aliases: ["policy_status"], "policy status",
                            type: .choice([
                                .init("pending", ["待承保", "核保中"]), .init("in_force", ["有效", "active"]),
                                .init("lapsed", ["失效", "效力中止"]), .init("surrendered", ["退保"]),
                                .init("matured", ["满期"]), .init("expired", ["到期"]),
                                .init("cancelled", ["撤单", "犹豫期撤单"]), .init("terminated", ["终止"]),
                                .init("declined", ["拒保"]),
                            ]),
                            proto: "\(p).status"),
                ImportField("status_date", "the day the current status began", type: .date, proto: "\(p).status_date"),
                ImportField("renewal_of", "policy number this policy renews; empty for new business",
                            proto: "\(p).renewal_of"),
                ImportField("group_policy", "group (团体) policy", type: .boolean, proto: "\(p).group_policy"),
                ImportField("agent_code", "agent or account manager serving the policy (服务人员)",
                            proto: "\(p).agent_code"),
                ImportField("branch_code", "branch (机构) code", proto: "\(p).branch_code"),
                ImportField("sales_channel", "distribution channel: agency, bancassurance, broker, online…",
                            proto: "\(p).sales_channel"),
            ]
            + versioning(p)
    }()

    static let policyRoles: [ImportField] =
        partyRef("party", "party key of the party on the policy", .required, proto: "PolicyParty.party")
        + [
            ImportField("role", aliases: ["party_role"], "the party's role on the policy", .required,
                        type: .choice([.init("policyholder", ["投保人", "holder", "applicant"]),
                                       .init("insured", ["被保险人", "被保人"]),
                                       .init("beneficiary", ["受益人"])]),
                        proto: "PolicyParty.role"),
            ImportField("relation_to_policyholder", aliases: ["relation"],
                        "how the party stands to the policyholder (与投保人关系)", type: relation,
                        proto: "PolicyParty.relation_to_policyholder"),
            ImportField("benefit_share", aliases: ["share"], "beneficiaries: share of the benefit, 0–1",
                        type: .decimal, proto: "PolicyParty.benefit_share"),
        ]
        + versioning("PolicyRecord")

    static let payments: [ImportField] = {
        let p = "PaymentRecord"
        return [policyNumber(p)]
            + partyRef("payer", "party key of who paid; empty: the policyholder", proto: "\(p).payer")
            + [
                ImportField("instalment", aliases: ["installment", "period"], "instalment number within the policy, from 1",
                            type: .integer, proto: "\(p).instalment"),
                ImportField("due_date", "date the premium falls due (应缴日)", type: .date, proto: "\(p).due_date"),
                ImportField("paid_date", "date it was paid (实缴日); empty while unpaid", type: .date,
                            proto: "\(p).paid_date"),
                ImportField("amount", "premium amount", type: .money, proto: "\(p).amount"),
                currency,
                ImportField("status", aliases: ["payment_status"], "payment status",
                            type: .choice([.init("due", ["应缴", "待缴"]), .init("paid", ["已缴", "实收"]),
                                           .init("overdue", ["逾期"]), .init("waived", ["豁免"]),
                                           .init("refunded", ["退费"])]),
                            proto: "\(p).status"),
            ]
            + versioning(p)
    }()

    static let claims: [ImportField] = {
        let p = "ClaimRecord"
        return [policyNumber(p)]
            + partyRef("claimant", aliases: ["insured_key"], "party key of whom the claim is about, usually the insured",
                       .required, proto: "\(p).claimant")
            + [
                ImportField("incident_date", aliases: ["accident_date"], "date of the incident (出险日)", type: .date,
                            proto: "\(p).incident_date"),
                ImportField("reported_date", "date reported (报案日)", type: .date, proto: "\(p).reported_date"),
                ImportField("closed_date", "date settled, declined or withdrawn (结案日)", type: .date,
                            proto: "\(p).closed_date"),
                ImportField("claimed_amount", "amount claimed", type: .money, proto: "\(p).claimed_amount"),
                ImportField("paid_amount", "amount paid; empty until paid", type: .money, proto: "\(p).paid_amount"),
                currency,
                ImportField("status", aliases: ["claim_status"], "claim status",
                            type: .choice([.init("reported", ["报案"]), .init("under_review", ["审核中", "理算中"]),
                                           .init("approved", ["已批准"]), .init("paid", ["已赔付", "结案赔付"]),
                                           .init("declined", ["拒赔"]), .init("withdrawn", ["撤案"])]),
                            proto: "\(p).status"),
                ImportField("fraud_flag", aliases: ["fraud"], "suspected fraud, as the claims system flags it",
                            type: .boolean, proto: "\(p).fraud_flag"),
                ImportField("cause", "cause as the source names it: accident, illness, collision…",
                            proto: "\(p).cause"),
            ]
            + versioning(p)
    }()

    static let servicing: [ImportField] = {
        let p = "ServicingRecord"
        return [policyNumber(p)]
            + partyRef("requested_by", aliases: ["requester_key"], "party key of who asked; empty: the policyholder",
                       proto: "\(p).requested_by")
            + [
                ImportField("type", aliases: ["servicing_type"], "servicing action (保全项目)", .required,
                            type: .choice([
                                .init("surrender", ["退保"]), .init("reinstatement", ["复效"]),
                                .init("beneficiary_change", ["受益人变更"]), .init("add_cover", ["加保"]),
                                .init("reduce_cover", ["减保"]), .init("payment_mode_change", ["缴费方式变更"]),
                                .init("contact_change", ["联系方式变更", "地址变更"]), .init("policy_loan", ["保单贷款"]),
                                .init("partial_withdrawal", ["部分领取"]), .init("other", ["其他"]),
                            ]),
                            proto: "\(p).type"),
                ImportField("status", aliases: ["servicing_status"], "servicing status",
                            type: .choice([.init("requested", ["申请"]), .init("completed", ["完成", "已生效"]),
                                           .init("rejected", ["拒绝"]), .init("withdrawn", ["撤销"])]),
                            proto: "\(p).status"),
                ImportField("requested_date", "date asked for", type: .date, proto: "\(p).requested_date"),
                ImportField("closed_date", "date completed, rejected or withdrawn", type: .date,
                            proto: "\(p).closed_date"),
                ImportField("amount", "money moved: surrender value, extra premium, loan amount", type: .money,
                            proto: "\(p).amount"),
                currency,
                ImportField("description", "free text from the source", proto: "\(p).description"),
            ]
            + versioning(p)
    }()

    static let serviceUsage: [ImportField] = {
        let p = "ServiceUsageRecord"
        return partyRef("party", aliases: ["customer_key"], "party key of who used the service", .required,
                        proto: "\(p).party")
            + [
                policyNumber(p, .optional),
                ImportField("service_code", "the insurer's code for the value-added service (增值服务)",
                            .oneOf(group: "service"), proto: "\(p).service_code"),
                ImportField("service_name", "service name: health check-up, roadside assistance…",
                            .oneOf(group: "service"), proto: "\(p).service_name"),
                ImportField("used_on", aliases: ["used_date", "usage_date"], "date used", type: .date,
                            proto: "\(p).used_on"),
            ]
            + versioning(p)
    }()

    static let interactions: [ImportField] = {
        let p = "InteractionRecord"
        return partyRef("party", aliases: ["customer_key"], "party key of who interacted", .required,
                        proto: "\(p).party")
            + [
                ImportField("type", aliases: ["interaction_type"], "kind of interaction", .required,
                            type: .choice([
                                .init("app_login", ["登录", "login"]), .init("call_centre_contact", ["来电", "外呼", "call"]),
                                .init("complaint", ["投诉"]), .init("referral", ["转介绍"]),
                                .init("campaign_response", ["活动响应"]), .init("branch_visit", ["柜面"]),
                                .init("agent_visit", ["拜访"]), .init("web_visit", ["官网"]), .init("other", ["其他"]),
                            ]),
                            proto: "\(p).type"),
                ImportField("channel", "where it happened",
                            type: .choice([
                                .init("phone", ["电话"]), .init("sms", ["短信"]), .init("email", ["邮件"]),
                                .init("app", ["APP"]), .init("wechat", ["微信"]), .init("agent", ["代理人"]),
                                .init("branch", ["柜面", "网点"]), .init("web", ["官网"]), .init("post", ["信函"]),
                            ]),
                            proto: "\(p).channel"),
                ImportField("occurred_at", aliases: ["occurred", "time"], "when it happened", type: .timestamp,
                            proto: "\(p).occurred_at"),
                ImportField("topic", aliases: ["category"], "complaints and contacts: topic as the source names it",
                            proto: "\(p).topic"),
                ImportField("campaign_code", "campaign responses: the campaign's code", proto: "\(p).campaign_code"),
            ]
            + partyRef("referred_party", "referrals: party key of the party referred", proto: "\(p).referred_party")
            + [
                ImportField("resolved", "complaints: whether it is resolved", type: .boolean, proto: "\(p).resolved"),
            ]
            + versioning(p)
    }()
}
