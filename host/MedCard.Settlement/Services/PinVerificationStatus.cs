namespace MedCard.Settlement.Services;

/// <summary>The answer of <see cref="CardDesk.VerifyPinAsync"/>.</summary>
public enum PinVerificationStatus
{
    /// <summary>Right PIN: the tries are back to 3 and a single-use <see cref="PinVerificationToken"/> is issued.</summary>
    Correct = 0,

    /// <summary>Wrong PIN; <see cref="PinVerification.TriesLeft"/> tries remain (at least one).</summary>
    Wrong = 1,

    /// <summary>No tries left: the 3rd wrong PIN, or already blocked (no try is spent then). Reset at the desk.</summary>
    Blocked = 2,

    /// <summary>No card with that number.</summary>
    UnknownCard = 3,

    /// <summary>The card was replaced: it never works again, so its PIN is not checked.</summary>
    CardReplaced = 4,
}
