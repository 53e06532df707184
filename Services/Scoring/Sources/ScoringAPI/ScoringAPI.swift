/// The Swift side of `clm.scoring.v1`: its messages, enums and methods, and the event types of scoring's feed.
///
/// The messages and enums are top-level types of this module; this enum holds the service's methods
/// (`ScoringMethods.swift`). ScoringModel computes into these messages and has no types of the same names.
public enum ScoringAPI {}
