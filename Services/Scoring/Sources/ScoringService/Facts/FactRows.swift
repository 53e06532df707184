import Models
import ScoringModel
import Store

/// The fact tables' rows as ScoringModel's facts.
enum FactRows {
    static func profile(_ row: PostgresRow) throws -> DeclaredProfile {
        let habits = try row.decode(String.self, "habits").split(separator: ",").compactMap {
            FactVocabulary.habits.value(of: String($0))
        }
        return DeclaredProfile(kind: try row.decode(FactVocabulary.partyKinds, "party_kind"),
                               birthYear: try row.decode(Int32.self, "birth_year"),
                               sex: try row.decode(FactVocabulary.sexes, "sex"),
                               occupationClass: try row.decode(Int32.self, "occupation_class"),
                               declaredHabits: habits, province: try row.decode(String.self, "province"),
                               city: try row.decode(String.self, "city"))
    }

    /// A policy with the customer's roles on it (the caller gathers them from the customer's party rows).
    static func policy(_ row: PostgresRow, roles: PolicyFact.Roles) throws -> PolicyFact {
        PolicyFact(
            policyKey: try row.decode(String.self, "policy_key"),
            productLine: try row.decode(FactVocabulary.productLines, "product_line"),
            roles: roles,
            premium: try SQLValues.money(row, "premium_minor", "premium_currency") ?? Money(minorUnits: 0, currency: ""),
            paymentMode: try row.decode(FactVocabulary.paymentModes, "payment_mode"),
            annualisedPremium: try SQLValues.money(row, "annualised_minor", "annualised_currency")
                ?? Money(minorUnits: 0, currency: ""),
            premiumTermYears: try row.decode(Int32.self, "premium_term_years"),
            issueDate: try SQLValues.day(row, "issue_date"),
            effectiveDate: try SQLValues.day(row, "effective_date"),
            endDate: try SQLValues.day(row, "end_date"),
            status: try row.decode(FactVocabulary.policyStatuses, "status"),
            statusDate: try SQLValues.day(row, "status_date"),
            renewalOf: try row.decode(String.self, "renewal_of"),
            groupPolicy: try row.decode(Bool.self, "group_policy"),
            sourceVersion: try row.decode(Int64.self, "source_version"))
    }

    static func payment(_ row: PostgresRow) throws -> PaymentFact {
        PaymentFact(
            paymentKey: try row.decode(String.self, "payment_key"),
            policyKey: try row.decode(String.self, "policy_key"),
            productLine: try row.decode(FactVocabulary.productLines, "product_line"),
            instalment: try row.decode(Int32.self, "instalment"),
            dueDate: try SQLValues.day(row, "due_date"),
            paidDate: try SQLValues.day(row, "paid_date"),
            amount: try SQLValues.money(row, "amount_minor", "amount_currency") ?? Money(minorUnits: 0, currency: ""),
            status: try row.decode(FactVocabulary.paymentStatuses, "status"),
            sourceVersion: try row.decode(Int64.self, "source_version"))
    }

    static func claim(_ row: PostgresRow) throws -> ClaimFact {
        ClaimFact(
            claimKey: try row.decode(String.self, "claim_key"),
            policyKey: try row.decode(String.self, "policy_key"),
            productLine: try row.decode(FactVocabulary.productLines, "product_line"),
            incidentDate: try SQLValues.day(row, "incident_date"),
            reportedDate: try SQLValues.day(row, "reported_date"),
            closedDate: try SQLValues.day(row, "closed_date"),
            claimedAmount: try SQLValues.money(row, "claimed_minor", "claimed_currency")
                ?? Money(minorUnits: 0, currency: ""),
            paidAmount: try SQLValues.money(row, "paid_minor", "paid_currency"),
            status: try row.decode(FactVocabulary.claimStatuses, "status"),
            fraudFlag: try row.decode(Bool.self, "fraud_flag"),
            sourceVersion: try row.decode(Int64.self, "source_version"))
    }

    static func servicing(_ row: PostgresRow) throws -> ServicingFact {
        ServicingFact(
            servicingKey: try row.decode(String.self, "servicing_key"),
            policyKey: try row.decode(String.self, "policy_key"),
            productLine: try row.decode(FactVocabulary.productLines, "product_line"),
            kind: try row.decode(FactVocabulary.servicingKinds, "servicing_type"),
            status: try row.decode(FactVocabulary.servicingStatuses, "status"),
            requestedDate: try SQLValues.day(row, "requested_date"),
            closedDate: try SQLValues.day(row, "closed_date"),
            amount: try SQLValues.money(row, "amount_minor", "amount_currency"),
            sourceVersion: try row.decode(Int64.self, "source_version"))
    }

    static func serviceUsage(_ row: PostgresRow) throws -> ServiceUsageFact {
        ServiceUsageFact(
            usageKey: try row.decode(String.self, "usage_key"),
            policyKey: try row.decode(String.self, "policy_key"),
            serviceCode: try row.decode(String.self, "service_code"),
            serviceName: try row.decode(String.self, "service_name"),
            usedOn: try SQLValues.day(row, "used_on"),
            sourceVersion: try row.decode(Int64.self, "source_version"))
    }

    /// An interaction, on the business day its instant falls on in the book's time zone.
    static func interaction(_ row: PostgresRow, utcOffsetSeconds: Int) throws -> InteractionFact {
        let instant = try row.decode(PostgresTimestamp.self, "occurred_at")
        return InteractionFact(
            interactionKey: try row.decode(String.self, "interaction_key"),
            kind: try row.decode(FactVocabulary.interactionKinds, "interaction_type"),
            channel: try row.decode(FactVocabulary.channels, "channel"),
            occurredOn: CalendarDate(businessDayOf: Timestamp(unixMicros: instant.microsSince1970),
                                     utcOffsetSeconds: utcOffsetSeconds),
            referredCustomerCode: try row.decode(String.self, "referred_customer_code"),
            resolved: try row.decode(Bool.self, "resolved"),
            sourceVersion: try row.decode(Int64.self, "source_version"))
    }
}
