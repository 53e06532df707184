import IdentityAPI
import Models
import PersonalData
import RPC

/// Personal data in answers, masked for callers without the `pii` role (issue 3 item 8): ID numbers
/// `1101**********1234`, phones `138****5678`, names, e-mail, birth day and month, street lines.
enum PartyMasking {
    static func masked(_ details: PartyDetails) -> PartyDetails {
        var masked = details
        masked.fullName = mask(details.fullName, .name)
        masked.givenName = mask(details.givenName, .name)
        masked.familyName = details.familyName
        masked.documentNumber = mask(details.documentNumber, .documentNumber)
        masked.nationalId = mask(details.nationalId, .documentNumber)
        masked.phones = details.phones.map { mask($0, .phone) }
        masked.email = mask(details.email, .email)
        masked.birthDate = details.birthDate.map { .init(year: $0.year, month: 1, day: 1) }
        masked.addressLines = details.addressLines.map { Masking.mask($0, head: 2, tail: 0) }
        masked.streetNumber = details.streetNumber.isEmpty ? "" : "*"
        masked.otherAttributes = details.otherAttributes.map { .init(key: $0.key, value: "*") }
        return masked
    }

    private static func mask(_ value: String, _ kind: PersonalValueKind) -> String {
        value.isEmpty ? "" : Masking.mask(value, as: kind)
    }
}

extension ServerContext {
    /// Whether the caller may see personal data unmasked: it holds `pii`, or `admin`.
    var mayRevealPersonalData: Bool { caller.roles.contains(.pii) || caller.roles.contains(.admin) }
}
