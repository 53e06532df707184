import IdentityNormalization

/// One policy's parties, as the business generator plans them.
struct PolicyPlan {
    var system: SourceSystem
    var product: ReferenceData.Product
    var holder: Ref
    var insured: Ref
    var relation: String
    var beneficiaries: [(ref: Ref, share: String, relation: String)]
    /// Who asks for servicing (the holder's servicing record if any).
    var requester: Ref
    /// Who claims and uses services (the insured's claims record if any).
    var claimant: Ref
    var user: Ref
    var agent: Int
}

extension BlockGenerator {
    // MARK: - Households

    mutating func householdBusiness(_ members: [Person], organisations: [OrganisationSummary]) {
        let asOf = configuration.asOfDay
        let children = members.filter { $0.householdRole == "child" }
        let spouse = members.first { $0.householdRole == "spouse" }
        for member in members {
            let count: Int
            switch member.householdRole {
            case "head", "single": count = businessRandom.chance(0.08) ? 0 : [1, 1, 1, 1, 1, 2, 2, 2, 3, 4][businessRandom.below(10)]
            case "spouse": count = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3][businessRandom.below(10)]
            default: count = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2][businessRandom.below(10)]
            }
            for _ in 0..<count {
                let product = ReferenceData.products[tables.products.pick(&businessRandom)]
                var insured = member
                var relation = "self"
                let personal = product.line == "life" || product.line == "health" || product.line == "accident"
                if personal, member.householdRole != "child", !children.isEmpty, businessRandom.chance(0.35) {
                    insured = businessRandom.pick(children)
                    relation = "child"
                } else if personal, let partner = member.householdRole == "spouse" ? members.first : spouse,
                          partner.index != member.index, businessRandom.chance(0.12) {
                    insured = partner
                    relation = "spouse"
                }
                let system = member.records[0].system
                var beneficiaries: [(ref: Ref, share: String, relation: String)] = []
                if product.line == "life" || product.code == "H101" {
                    let candidates = members.filter { $0.index != insured.index }
                    if !candidates.isEmpty, businessRandom.chance(0.8) {
                        if candidates.count >= 2, businessRandom.chance(0.3) {
                            beneficiaries = candidates.prefix(2).map {
                                ($0.record(in: system), "0.50", relationName($0, to: member))
                            }
                        } else {
                            let chosen = businessRandom.pick(candidates)
                            beneficiaries = [(chosen.record(in: system), "1.00", relationName(chosen, to: member))]
                        }
                    }
                }
                let plan = PolicyPlan(
                    system: system, product: product, holder: member.records[0], insured: insured.record(in: system),
                    relation: relation, beneficiaries: beneficiaries, requester: member.record(in: .servicing),
                    claimant: insured.record(in: .claims), user: insured.records[0], agent: member.agent)
                let earliest = max(Day(year: configuration.firstIssueYear, month: 1, day: 1),
                                   insured.birth + 30)
                guard earliest < asOf - 10 else { continue }
                let issue = earliest + businessRandom.below(asOf - 10 - earliest)
                policyLifecycle(plan, issue: issue)
            }
            // Group cover through the employer.
            if let employer = member.employer, let number = organisations[employer].groupPolicy,
               let system = organisations[employer].groupPolicySystem {
                withBuffer(2) { role in
                    let ref = member.record(in: system)
                    role.text(system.rawValue); role.text(number); role.text(ref.system.rawValue); role.text(ref.key)
                    role.text("insured"); role.text("employee"); role.text(nil)
                    role.endRow()
                }
            }
            interactions(member, others: members)
        }
    }

    private func relationName(_ person: Person, to holder: Person) -> String {
        switch person.householdRole {
        case "child": holder.householdRole == "child" ? "other_family" : "child"
        case "spouse": holder.householdRole == "head" ? "spouse" : "parent"
        default: holder.householdRole == "spouse" ? "spouse" : "parent"
        }
    }

    // MARK: - Organisations

    mutating func organisationBusiness(_ summary: inout OrganisationSummary, entityID: String) {
        let asOf = configuration.asOfDay
        let start = Day(year: configuration.firstIssueYear, month: 1, day: 1)
        let system = summary.records[0].system
        if businessRandom.chance(0.4) {
            let productIndex = businessRandom.below(ReferenceData.groupProducts.count)
            let product = ReferenceData.groupProducts[productIndex]
            let issue = start + businessRandom.below(asOf - 30 - start)
            let number = "G" + String(issue.year) + padded(numbering.groupPolicies.map(nextLocal()), 12)
            summary.groupPolicy = number
            summary.groupPolicySystem = system
            summary.groupProduct = productIndex
            summary.groupStart = issue + 1
            var end = issue + 1
            while end <= asOf { end = end.adding(months: 12) }
            let premium = businessRandom.within(product.premium.lowerBound, product.premium.upperBound) * 100
            writePolicy(system: system, number: number, product: product, group: true, premium: premium,
                        mode: "annual", termYears: 1, sumInsured: product.sumInsured.lowerBound * 100,
                        issue: issue, effective: issue + 1, end: end - 1, status: "in_force", statusDate: issue + 1,
                        renewalOf: nil, agent: businessRandom.below(max(10, configuration.persons / 400)))
            withBuffer(2) { role in
                role.text(system.rawValue); role.text(number); role.text(system.rawValue)
                role.text(summary.records[0].key); role.text("policyholder"); role.text(nil); role.text(nil)
                role.endRow()
            }
            var due = issue + 1
            var instalment = 1
            while due <= asOf {
                writePayment(system: system, policy: number, instalment: instalment, due: due, amount: premium)
                instalment += 1
                due = due.adding(months: 12)
            }
        }
        if businessRandom.chance(0.3) {
            let product = ReferenceData.Product(code: "P201", name: "企业财产综合保险", line: "property", shortTerm: true,
                                                premium: 3000...60000, sumInsured: 1_000_000...50_000_000)
            let ref = summary.records[0]
            let plan = PolicyPlan(system: system, product: product, holder: ref, insured: ref, relation: "self",
                                  beneficiaries: [], requester: ref, claimant: ref, user: ref,
                                  agent: businessRandom.below(max(10, configuration.persons / 400)))
            policyLifecycle(plan, issue: start + businessRandom.below(asOf - 30 - start))
        }
    }

    // MARK: - Policies

    /// Writes a policy (or, for one-year cover, its chain of renewals) with its roles, payments, claims, servicing
    /// and service usage.
    mutating func policyLifecycle(_ plan: PolicyPlan, issue firstIssue: Day) {
        let asOf = configuration.asOfDay
        let product = plan.product
        let premiumYuan = businessRandom.within(product.premium.lowerBound, product.premium.upperBound)
        let sumInsured = product.sumInsured.upperBound == 0 ? nil
            : businessRandom.within(product.sumInsured.lowerBound / 10_000, product.sumInsured.upperBound / 10_000) * 1_000_000
        let cents = businessRandom.chance(0.3) ? businessRandom.below(100) : 0
        let channel = businessRandom.pick(ReferenceData.channels)
        if product.shortTerm {
            let monthly = product.code == "H201" && businessRandom.chance(0.2)
            let renew = product.line == "auto" ? 0.82 : product.line == "health" ? 0.75 : 0.7
            var issue = firstIssue
            var previous: String?
            var premium = premiumYuan * 100 + cents
            while issue <= asOf {
                let effective = issue + 1
                let end = effective.adding(months: 12) - 1
                let number = policyNumber(issue)
                let cancelled = businessRandom.chance(0.02)
                let renewed = !cancelled && end < asOf && businessRandom.chance(renew)
                let status: String
                let statusDate: Day
                if cancelled {
                    statusDate = min(asOf, effective + businessRandom.below(300))
                    status = "cancelled"
                } else if end >= asOf {
                    status = "in_force"; statusDate = effective
                } else {
                    status = "expired"; statusDate = end + 1
                }
                let instalmentPremium = monthly ? premium / 12 : premium
                writePolicy(system: plan.system, number: number, product: product, group: false,
                            premium: instalmentPremium, mode: monthly ? "monthly" : "annual", termYears: 1,
                            sumInsured: sumInsured, issue: issue, effective: effective, end: end, status: status,
                            statusDate: statusDate, renewalOf: previous, agent: plan.agent, channel: channel)
                writeRoles(plan, number: number)
                var due = effective
                var instalment = 1
                while due <= min(asOf, statusDate) && instalment <= (monthly ? 12 : 1) {
                    writePayment(system: plan.system, policy: number, instalment: instalment, due: due,
                                 amount: instalmentPremium)
                    instalment += 1
                    due = due.adding(months: 1)
                }
                yearlyActivity(plan, number: number, from: effective, to: min(end, statusDate, asOf),
                               sumInsured: sumInsured)
                guard renewed else { break }
                previous = number
                premium = premium * businessRandom.within(92, 110) / 100
                issue = end + 1 - businessRandom.below(15)
            }
            return
        }
        // Long-term cover.
        let modes: [(String, Int)] = [("annual", 12), ("annual", 12), ("annual", 12), ("annual", 12), ("annual", 12),
                                      ("annual", 12), ("annual", 12), ("semiannual", 6), ("quarterly", 3),
                                      ("monthly", 1), ("monthly", 1), ("single", 0)]
        var mode = businessRandom.pick(modes)
        if product.code == "L201", businessRandom.chance(0.4) { mode = ("single", 0) }
        let termYears = mode.1 == 0 ? 1 : businessRandom.pick([10, 10, 20, 20, 30])
        let effective = firstIssue + 1
        var end: Day?
        switch product.code {
        case "L102": end = effective.adding(months: 12 * businessRandom.pick([20, 30])) - 1
        case "L301": end = effective.adding(months: 12 * businessRandom.pick([5, 6, 10, 20])) - 1
        default: end = nil
        }
        let perInstalment: Int
        switch mode.1 {
        case 0: perInstalment = (premiumYuan * businessRandom.within(5, 10)) * 100
        default: perInstalment = (premiumYuan * 100 + cents) * mode.1 / 12
        }
        // Status.
        var status = "in_force"
        var statusDate = effective
        var stop = min(asOf, effective.adding(months: 12 * termYears) - 1)
        var lapseAt: Day?
        var surrenderAt: Day?
        var reinstated = false
        if let end, end < asOf {
            status = "matured"; statusDate = end + 1; stop = min(stop, end)
        } else if mode.1 > 0, businessRandom.chance(0.07), asOf - effective > 400 {
            let lapseDue = effective.adding(months: mode.1 * businessRandom.within(1, max(1, (asOf - effective) / 31 / mode.1)))
            if lapseDue + 60 < asOf {
                lapseAt = lapseDue
                if businessRandom.chance(0.3), lapseDue + 120 < asOf {
                    reinstated = true
                } else {
                    status = "lapsed"; statusDate = lapseDue + 60; stop = lapseDue
                }
            }
        } else if businessRandom.chance(0.05), asOf - effective > 400 {
            let at = effective + 365 + businessRandom.below(asOf - effective - 365)
            surrenderAt = at
            status = "surrendered"; statusDate = at; stop = at
        }
        let number = policyNumber(firstIssue)
        writePolicy(system: plan.system, number: number, product: product, group: false, premium: perInstalment,
                    mode: mode.0, termYears: termYears, sumInsured: sumInsured, issue: firstIssue,
                    effective: effective, end: end, status: status, statusDate: statusDate, renewalOf: nil,
                    agent: plan.agent, channel: channel)
        writeRoles(plan, number: number)
        // Payments.
        var due = effective
        var instalment = 1
        var paid = 0
        while due <= stop {
            if let lapseAt, due == lapseAt {
                writePayment(system: plan.system, policy: number, instalment: instalment, due: due,
                             amount: perInstalment, forceUnpaid: true)
                if !reinstated { break }
                writeServicing(plan, number: number, type: "reinstatement", requested: due + 70 + businessRandom.below(40),
                               amount: perInstalment, description: "复效, 补缴保费及利息")
            } else {
                writePayment(system: plan.system, policy: number, instalment: instalment, due: due, amount: perInstalment)
            }
            paid += perInstalment
            instalment += 1
            if mode.1 == 0 { break }
            due = due.adding(months: mode.1)
        }
        if let surrenderAt {
            writeServicing(plan, number: number, type: "surrender", requested: surrenderAt - businessRandom.below(20),
                           amount: paid * businessRandom.within(40, 85) / 100, description: "退保")
        }
        let active = min(asOf, statusDate > effective ? statusDate : asOf)
        if businessRandom.chance(0.04) {
            writeServicing(plan, number: number, type: "beneficiary_change", requested: randomDay(effective, active),
                           amount: nil, description: "受益人变更, 原受益人\"法定\"改为指定")
        }
        if businessRandom.chance(0.05) {
            writeServicing(plan, number: number, type: "contact_change", requested: randomDay(effective, active),
                           amount: nil, description: "变更联系地址及电话")
        }
        if mode.1 > 0, businessRandom.chance(0.02) {
            writeServicing(plan, number: number, type: "payment_mode_change", requested: randomDay(effective, active),
                           amount: nil, description: "缴费方式变更")
        }
        if product.line == "life", businessRandom.chance(0.03) {
            writeServicing(plan, number: number, type: "policy_loan", requested: randomDay(effective, active),
                           amount: paid * businessRandom.within(10, 70) / 100, description: "保单贷款")
        }
        yearlyActivity(plan, number: number, from: effective, to: min(asOf, status == "in_force" ? asOf : statusDate),
                       sumInsured: sumInsured)
    }

    private mutating func policyNumber(_ issue: Day) -> String {
        "P" + String(issue.year) + padded(numbering.policies.map(nextLocal()), 12)
    }

    private mutating func randomDay(_ from: Day, _ to: Day) -> Day {
        to <= from ? from : from + businessRandom.below(to - from + 1)
    }

    private mutating func writeRoles(_ plan: PolicyPlan, number: String) {
        withBuffer(2) { role in
            role.text(plan.system.rawValue); role.text(number); role.text(plan.holder.system.rawValue)
            role.text(plan.holder.key); role.text("policyholder"); role.text("self"); role.text(nil)
            role.endRow()
            role.text(plan.system.rawValue); role.text(number); role.text(plan.insured.system.rawValue)
            role.text(plan.insured.key); role.text("insured"); role.text(plan.relation); role.text(nil)
            role.endRow()
            for beneficiary in plan.beneficiaries {
                role.text(plan.system.rawValue); role.text(number); role.text(beneficiary.ref.system.rawValue)
                role.text(beneficiary.ref.key); role.text("beneficiary"); role.text(beneficiary.relation)
                role.text(beneficiary.share)
                role.endRow()
            }
        }
    }

    private mutating func writePolicy(system: SourceSystem, number: String, product: ReferenceData.Product, group: Bool,
                                      premium: Int, mode: String, termYears: Int, sumInsured: Int?, issue: Day,
                                      effective: Day, end: Day?, status: String, statusDate: Day, renewalOf: String?,
                                      agent: Int, channel: String = "agency") {
        let application = issue - businessRandom.within(1, 20)
        let branch = businessRandom.pick(ReferenceData.branches)
        withBuffer(1) { row in
            row.text(system.rawValue); row.text(number); row.text(product.line); row.text(product.code)
            row.text(product.name); row.boolean(group); row.integer(premium); row.text("CNY"); row.text(mode)
            row.integer(termYears); row.integer(sumInsured); row.date(application); row.date(issue)
            row.date(effective); row.date(end); row.text(status); row.date(statusDate)
            row.text(renewalOf); row.text("A" + padded(UInt64(agent), 6)); row.text(branch)
            row.text(group ? "group" : channel)
            row.endRow()
        }
    }

    private mutating func writePayment(system: SourceSystem, policy: String, instalment: Int, due: Day, amount: Int,
                                       forceUnpaid: Bool = false) {
        let asOf = configuration.asOfDay
        var paid: Day? = due - 10 + businessRandom.below(31)
        var status = "paid"
        if forceUnpaid {
            paid = nil
            status = "overdue"
        } else if asOf - due < 45, businessRandom.chance(0.15) {
            paid = nil
            status = asOf - due > 30 ? "overdue" : "due"
        } else if let day = paid, day > asOf {
            paid = asOf
        }
        withBuffer(3) { row in
            row.text(system.rawValue); row.text(policy + "-" + padded(UInt64(instalment), 3)); row.text(policy)
            row.integer(instalment); row.date(due); row.date(paid); row.integer(amount); row.text("CNY")
            row.text(status)
            row.endRow()
        }
    }

    private mutating func writeServicing(_ plan: PolicyPlan, number: String, type: String, requested: Day, amount: Int?,
                                         description: String) {
        let asOf = configuration.asOfDay
        let requestedDay = min(requested, asOf)
        let closed = requestedDay + businessRandom.within(1, 15)
        let open = closed > asOf
        let status = open ? "requested" : businessRandom.chance(0.95) ? "completed" : "rejected"
        localCounter += 1
        let key = number + "-S" + String(localCounter)
        withBuffer(5) { row in
            row.text(plan.system.rawValue); row.text(key); row.text(number); row.text(plan.requester.system.rawValue)
            row.text(plan.requester.key); row.text(type); row.text(status); row.date(requestedDay)
            row.date(open ? nil : closed); row.integer(amount); row.text(amount == nil ? nil : "CNY")
            row.text(description)
            row.endRow()
        }
    }

    /// Claims and value-added service usage over the days a policy was in force.
    private mutating func yearlyActivity(_ plan: PolicyPlan, number: String, from: Day, to: Day, sumInsured: Int?) {
        guard to > from else { return }
        let asOf = configuration.asOfDay
        let years = Double(to - from) / 365.25
        let line = plan.product.line
        let claimRate: Double = switch plan.product.code {
        case "H101": 0.004
        case "L101", "L102", "L301", "L201": 0.002
        default: line == "auto" ? 0.15 : line == "health" ? 0.10 : 0.03
        }
        let claimBoost = plan.claimant.system == .claims ? 3.0 : 1.0
        var claims = 0
        var remaining = years * claimRate * claimBoost
        while remaining > 0 {
            if businessRandom.unit() < min(1, remaining) { claims += 1 }
            remaining -= 1
        }
        for _ in 0..<claims {
            let incident = randomDay(from, to)
            let reported = incident + businessRandom.below(30)
            let amount: Int = switch line {
            case "auto": businessRandom.within(2000, 50000) * 100
            case "health": plan.product.code == "H101" ? (sumInsured ?? 30_000_000) : businessRandom.within(1000, 80000) * 100
            case "life": sumInsured ?? 10_000_000
            default: businessRandom.within(500, 30000) * 100
            }
            let fraud = businessRandom.chance(0.01)
            var status: String
            var closed: Day?
            var paidAmount: Int?
            if reported > asOf - 20 {
                status = businessRandom.chance(0.5) ? "reported" : "under_review"
            } else {
                let draw = businessRandom.unit()
                closed = min(asOf, reported + businessRandom.within(3, 60))
                if fraud || draw < 0.08 {
                    status = "declined"
                } else if draw < 0.12 {
                    status = "withdrawn"
                } else if draw < 0.14 {
                    status = "approved"; closed = nil
                } else {
                    status = "paid"
                    paidAmount = amount * businessRandom.within(60, 100) / 100
                }
            }
            let cause: String = switch line {
            case "auto": businessRandom.pick(["collision", "scratch", "glass", "theft"])
            case "health": businessRandom.pick(["illness", "hospitalisation", "outpatient", "critical_illness"])
            case "property": businessRandom.pick(["fire", "water_damage", "theft"])
            default: businessRandom.pick(["accident", "illness", "death"])
            }
            let claimNumber = "C" + String(incident.year) + padded(numbering.claims.map(nextLocal()), 12)
            withBuffer(4) { row in
                row.text(plan.system.rawValue); row.text(claimNumber); row.text(number)
                row.text(plan.claimant.system.rawValue); row.text(plan.claimant.key); row.date(incident)
                row.date(min(reported, asOf)); row.date(closed); row.integer(amount); row.integer(paidAmount)
                row.text("CNY"); row.text(status); row.boolean(fraud); row.text(cause)
                row.endRow()
            }
        }
        for service in ReferenceData.services[line] ?? [] {
            var remaining = years * service.yearlyRate
            while remaining > 0 {
                if businessRandom.unit() < min(1, remaining) {
                    localCounter += 1
                    let key = number + "-U" + String(localCounter)
                    let used = randomDay(from, to)
                    withBuffer(6) { row in
                        row.text(plan.system.rawValue); row.text(key); row.text(plan.user.system.rawValue)
                        row.text(plan.user.key); row.text(number); row.text(service.code); row.text(service.name)
                        row.date(used)
                        row.endRow()
                    }
                }
                remaining -= 1
            }
        }
    }

    // MARK: - Interactions

    private mutating func interactions(_ person: Person, others: [Person]) {
        let asOf = configuration.asOfDay
        let start = Day(year: configuration.firstIssueYear, month: 1, day: 1)
        let engaged = businessRandom.chance(0.4)
        var plan: [(String, String)] = []
        for _ in 0..<businessRandom.geometric(mean: engaged ? 5 : 0.6) { plan.append(("app_login", "app")) }
        for _ in 0..<businessRandom.geometric(mean: 0.6) { plan.append(("call_centre_contact", "phone")) }
        if businessRandom.chance(0.04) { plan.append(("complaint", businessRandom.pick(["phone", "app", "branch"]))) }
        if businessRandom.chance(0.05) { plan.append(("referral", "agent")) }
        if businessRandom.chance(0.15) { plan.append(("campaign_response", businessRandom.pick(["sms", "wechat", "email", "app"]))) }
        if businessRandom.chance(0.08) { plan.append(("branch_visit", "branch")) }
        if businessRandom.chance(0.2) { plan.append(("agent_visit", "agent")) }
        for (type, channel) in plan {
            let ref = person.records[businessRandom.below(person.records.count)]
            let day = randomDay(start, asOf)
            let at = Self.timestamp(day, &businessRandom)
            var topic = ""
            var campaign = ""
            var referred: Ref?
            var resolved = false
            switch type {
            case "complaint":
                topic = businessRandom.pick(ReferenceData.complaintTopics)
                resolved = asOf - day > 30 || businessRandom.chance(0.5)
            case "call_centre_contact":
                topic = businessRandom.pick(ReferenceData.contactTopics)
                resolved = true
            case "campaign_response":
                campaign = businessRandom.pick(ReferenceData.campaigns)
            case "referral":
                let candidates = others.filter { $0.index != person.index }
                if !candidates.isEmpty { referred = businessRandom.pick(candidates).records[0] }
            default: break
            }
            let key = "IX" + padded(numbering.interactions.map(nextLocal()), 12)
            withBuffer(7) { row in
                row.text(ref.system.rawValue); row.text(key); row.text(ref.system.rawValue); row.text(ref.key)
                row.text(type); row.text(channel); row.text(at); row.text(topic); row.text(campaign)
                row.text(referred?.system.rawValue); row.text(referred?.key); row.boolean(resolved)
                row.endRow()
            }
        }
    }
}
