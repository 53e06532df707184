import IdentityAPI
import Models
import PersonalData
import RPC

/// Personal data in answers, masked for callers without the `pii` role (issue 3 item 8): ID numbers
/// `1101**********1234`, phones `138****5678`, names, e-mail, birth day and month, street lines.
///
/// Names, part by part (`Masking`), so that a reader never sees a whole given name:
/// - family name: shown as it is;
/// - given name: Chinese starred one star per character (`三丰` → `**`), Latin-script cut to each name's initial
///   and `***` (`Michaela` → `M***`);
/// - full name: the family name kept and the rest masked as given names (`张**`, `neumann, m***`). The record's own
///   family name says which part that is, or for a record as the source sent it without one, the family name its
///   normalised form found (so `ZHANG San` is not shown as `San, Z***`);
/// - an organisation's name (full, given or family field of a party of kind organisation) is shown unmasked: it is
///   a registered, public name and not a person's data, as the employer name and the credit code already are.
enum PartyMasking {
    /// `details` with its personal values masked.
    /// - Parameters:
    ///   - details: the values to mask: a record as the source sent it, its normalised form, or a golden record.
    ///   - normalised: for a record as sent, its normalised form: its kind and family name stand in where the
    ///     source left them out.
    static func masked(_ details: PartyDetails, normalised: PartyDetails? = nil) -> PartyDetails {
        var masked = details
        let kind = details.kind == .unspecified ? normalised?.kind ?? .unspecified : details.kind
        if kind != .organisation {
            let family = details.familyName.isEmpty ? normalised?.familyName ?? "" : details.familyName
            masked.fullName = details.fullName.isEmpty ? "" : Masking.name(details.fullName, family: family)
            masked.givenName = Masking.givenName(details.givenName)
        }
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
