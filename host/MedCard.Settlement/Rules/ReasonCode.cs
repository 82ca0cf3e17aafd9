namespace MedCard.Settlement.Rules;

/// <summary>
/// Stable refusal reasons. The numeric values and the <see cref="ReasonCodes.Key"/> strings are part of
/// the public contract (integrators map them to their own messages): never renumber, only append.
/// 1xx = settlement refusals, 2xx = service-desk refusals.
/// </summary>
public enum ReasonCode
{
    None = 0,
    UnknownCard = 101,
    CardReportedLost = 102,
    CardReplaced = 103,
    PinBlocked = 104,
    PinWrong = 105,
    UnprintedRecordLimit = 106,
    InstitutionNotDesignated = 107,
    UnknownInstitution = 108,
    RecordForged = 109,
    RecordReplayed = 110,
    RecordOutOfOrder = 111,
    RelativeNotBound = 112,
    InvalidBill = 113,
    NoPolicy = 114,

    /// <summary>A genuine signed record that was never settled (the host stopped between signing and settling, or the
    /// settlement was refused without taking the record's slot): filed as void with its reason so no counter is lost.</summary>
    RecordVoided = 115,
    IdentityMismatch = 201,
    InvalidCardState = 202,
    UnknownPerson = 203,
    AlreadyExists = 204,
    InvalidResidentId = 205,
    UnknownSettlement = 206,
    ClaimNotEligible = 207,
    InvalidRequest = 208,
    ClaimReferenceReused = 209,
}
