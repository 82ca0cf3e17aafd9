namespace MedCard.Settlement.Rules;

/// <summary>Stable string keys and default readable messages for <see cref="ReasonCode"/>.</summary>
public static class ReasonCodes
{
    /// <summary>The stable string key of <paramref name="code"/>.</summary>
    public static string Key(ReasonCode code) => code switch
    {
        ReasonCode.None => "ok",
        ReasonCode.UnknownCard => "card.unknown",
        ReasonCode.CardReportedLost => "card.reported_lost",
        ReasonCode.CardReplaced => "card.replaced",
        ReasonCode.PinBlocked => "pin.blocked",
        ReasonCode.PinWrong => "pin.wrong",
        ReasonCode.UnprintedRecordLimit => "card.unprinted_limit",
        ReasonCode.InstitutionNotDesignated => "institution.not_designated",
        ReasonCode.UnknownInstitution => "institution.unknown",
        ReasonCode.RecordForged => "record.forged",
        ReasonCode.RecordReplayed => "record.replayed",
        ReasonCode.RecordOutOfOrder => "record.out_of_order",
        ReasonCode.RelativeNotBound => "family.not_bound",
        ReasonCode.InvalidBill => "bill.invalid",
        ReasonCode.NoPolicy => "policy.missing",
        ReasonCode.RecordVoided => "record.voided",
        ReasonCode.IdentityMismatch => "desk.identity_mismatch",
        ReasonCode.InvalidCardState => "desk.invalid_card_state",
        ReasonCode.UnknownPerson => "desk.unknown_person",
        ReasonCode.AlreadyExists => "desk.already_exists",
        ReasonCode.InvalidResidentId => "desk.invalid_resident_id",
        ReasonCode.UnknownSettlement => "refund.unknown_settlement",
        ReasonCode.ClaimNotEligible => "claim.not_eligible",
        ReasonCode.InvalidRequest => "request.invalid",
        ReasonCode.ClaimReferenceReused => "claim.reference_reused",
        ReasonCode.LossReportInWriting => "loss.report_in_writing",
        ReasonCode.LookupPasswordWrong => "lookup.password_wrong",
        ReasonCode.LookupBlocked => "lookup.blocked",
        _ => "unknown",
    };

    /// <summary>The English message shown for <paramref name="code"/>.</summary>
    public static string DefaultMessage(ReasonCode code) => code switch
    {
        ReasonCode.None => "Accepted.",
        ReasonCode.UnknownCard => "The card is not known to the insurance centre.",
        ReasonCode.CardReportedLost => "The card has been reported lost; only emergency care settles on it.",
        ReasonCode.CardReplaced => "The card was replaced and never works again; use the new card.",
        ReasonCode.PinBlocked => "The PIN is blocked after too many wrong tries; reset it at a service desk with your ID.",
        ReasonCode.PinWrong => "Wrong PIN.",
        ReasonCode.UnprintedRecordLimit => "60 transaction records have not been printed; print them at a service point to use the card again.",
        ReasonCode.InstitutionNotDesignated => "This institution is not designated; only emergency care settles here.",
        ReasonCode.UnknownInstitution => "The institution is not registered.",
        ReasonCode.RecordForged => "The record does not match the card or the bill.",
        ReasonCode.RecordReplayed => "This reader counter was already used for a different transaction.",
        ReasonCode.RecordOutOfOrder => "The reader counter is not above the last one seen from this reader.",
        ReasonCode.RelativeNotBound => "The chosen relative's account is not bound to pay for this holder.",
        ReasonCode.InvalidBill => "The bill is empty or has an invalid item.",
        ReasonCode.NoPolicy => "No policy is configured for this visit type.",
        ReasonCode.RecordVoided => "The reader signed this record but it was never settled; it is filed as void.",
        ReasonCode.IdentityMismatch => "Name, ID number and card number do not match our records.",
        ReasonCode.InvalidCardState => "The card is not in a state that allows this operation.",
        ReasonCode.UnknownPerson => "The insured person is not known.",
        ReasonCode.AlreadyExists => "It already exists.",
        ReasonCode.InvalidResidentId => "The resident ID number is malformed, its birth date is not a real past date, or its check character is wrong.",
        ReasonCode.UnknownSettlement => "No settled transaction has that reader id and counter.",
        ReasonCode.ClaimNotEligible => "The claim is not an outpatient cost advanced during the card's loss period.",
        ReasonCode.InvalidRequest => "The request is invalid.",
        ReasonCode.ClaimReferenceReused => "This receipt reference was already claimed for a different bill.",
        ReasonCode.LossReportInWriting => "The details do not match our records: report in writing at a service point.",
        ReasonCode.LookupPasswordWrong => "Wrong lookup password.",
        ReasonCode.LookupBlocked => "The card-number lookup is blocked after too many wrong passwords; reset it at a service desk with your ID.",
        _ => "Refused.",
    };
}
