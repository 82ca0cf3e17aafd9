namespace MedCard.Settlement.Rules;

/// <summary>
/// Stable refusal reasons. The numeric values and the <see cref="ReasonCodes.Key"/> strings are part of
/// the public contract (integrators map them to their own messages): never renumber, only append.
/// 1xx = settlement refusals, 2xx = service-desk refusals.
/// </summary>
public enum ReasonCode
{
    /// <summary>Accepted.</summary>
    None = 0,
    /// <summary>The card is not known to the insurance centre.</summary>
    UnknownCard = 101,
    /// <summary>The card is reported lost; only emergency care settles on it.</summary>
    CardReportedLost = 102,
    /// <summary>The card was replaced and never works again.</summary>
    CardReplaced = 103,
    /// <summary>The PIN is blocked after too many wrong tries.</summary>
    PinBlocked = 104,
    /// <summary>Wrong PIN; tries remain.</summary>
    PinWrong = 105,
    /// <summary>Too many unprinted records; the holder prints a statement before the card works again.</summary>
    UnprintedRecordLimit = 106,
    /// <summary>The institution is not designated; only emergency care settles there.</summary>
    InstitutionNotDesignated = 107,
    /// <summary>The institution is not registered.</summary>
    UnknownInstitution = 108,
    /// <summary>The signed record does not match the card or the bill.</summary>
    RecordForged = 109,
    /// <summary>The reader counter was already used for a different transaction.</summary>
    RecordReplayed = 110,
    /// <summary>The reader counter is not above the last one seen from that reader.</summary>
    RecordOutOfOrder = 111,
    /// <summary>The chosen relative's account is not bound to pay for this holder.</summary>
    RelativeNotBound = 112,
    /// <summary>The bill is empty or has an invalid item.</summary>
    InvalidBill = 113,
    /// <summary>No policy is configured for the visit type.</summary>
    NoPolicy = 114,

    /// <summary>A genuine signed record that was never settled (the host stopped between signing and settling, or the
    /// settlement was refused without taking the record's slot): filed as void with its reason so no counter is lost.</summary>
    RecordVoided = 115,
    /// <summary>The e-card token is malformed, not signed by the scheme's e-card key, or not bound to this card and holder.</summary>
    ECardForged = 116,
    /// <summary>The e-card token has expired; the holder shows a fresh one.</summary>
    ECardExpired = 117,
    /// <summary>The e-card token was already used for a settlement (single use).</summary>
    ECardReplayed = 118,
    /// <summary>The institution does not accept e-cards.</summary>
    ECardNotAccepted = 119,
    /// <summary>The bill is above what an e-card settles without a PIN; the holder uses the physical card with its PIN.</summary>
    ECardPinRequired = 120,
    /// <summary>Name, resident ID and card number do not match the records.</summary>
    IdentityMismatch = 201,
    /// <summary>The card's state does not allow the operation.</summary>
    InvalidCardState = 202,
    /// <summary>The insured person is not known.</summary>
    UnknownPerson = 203,
    /// <summary>The person, card or binding already exists.</summary>
    AlreadyExists = 204,
    /// <summary>The resident ID is malformed, its birth date is not a real past date, or its check character is wrong.</summary>
    InvalidResidentId = 205,
    /// <summary>No settled transaction has that reader id and counter.</summary>
    UnknownSettlement = 206,
    /// <summary>The claim is not an outpatient cost advanced during the card's loss period.</summary>
    ClaimNotEligible = 207,
    /// <summary>The request is invalid.</summary>
    InvalidRequest = 208,
    /// <summary>The receipt reference was already claimed for a different bill.</summary>
    ClaimReferenceReused = 209,
    /// <summary>A loss reported by phone whose name, resident ID, card number or employer does not match the records: the
    /// holder reports it in writing at a service point.</summary>
    LossReportInWriting = 210,
    /// <summary>Wrong card-number lookup password; tries remain.</summary>
    LookupPasswordWrong = 211,
    /// <summary>The card-number lookup is blocked after too many wrong passwords; a service desk resets it.</summary>
    LookupBlocked = 212,
}
