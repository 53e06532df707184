/// Decides whether personal values are shown in full or masked in an answer.
///
/// The role check is the caller's: it passes `mayReveal` for the caller's role, and every answer that
/// carries personal values goes through one policy, so no field is forgotten.
public struct MaskingPolicy: Sendable, Hashable {
    /// Whether the caller may see values in full.
    public let mayReveal: Bool

    public init(mayReveal: Bool) {
        self.mayReveal = mayReveal
    }

    /// Shows values in full.
    public static let reveal = MaskingPolicy(mayReveal: true)
    /// Masks every value.
    public static let masked = MaskingPolicy(mayReveal: false)

    /// The value as this caller may see it.
    public func show(_ value: String, as kind: PersonalValueKind) -> String {
        mayReveal ? value : Masking.mask(value, as: kind)
    }
}
