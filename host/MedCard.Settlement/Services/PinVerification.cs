using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>
/// Outcome of a PIN check made before the reader signs. <see cref="Token"/> is set only when the PIN was
/// right; hand it to <see cref="SettlementRequest.VerifiedPin"/> so the settlement of the record signed next
/// does not count a second try.
/// </summary>
public sealed record PinVerification(PinVerificationStatus Status, int TriesLeft, PinVerificationToken? Token)
{
    /// <summary>True when the PIN was correct.</summary>
    public bool IsCorrect => Status == PinVerificationStatus.Correct;

    /// <summary>The refusal settlement would give for this outcome (null when correct).</summary>
    public Refusal? Refusal => Status switch
    {
        PinVerificationStatus.Correct => null,
        PinVerificationStatus.Wrong => Rules.Refusal.WrongPin(TriesLeft),
        PinVerificationStatus.Blocked => Rules.Refusal.Of(ReasonCode.PinBlocked),
        PinVerificationStatus.UnknownCard => Rules.Refusal.Of(ReasonCode.UnknownCard),
        _ => Rules.Refusal.Of(ReasonCode.CardReplaced, "replaced by a new card"),
    };
}
