namespace MedCard.Settlement.Rules;

/// <summary>Numbers fixed by the card rules.</summary>
public static class CardRules
{
    /// <summary>At this many unprinted records the card is refused until they are printed.</summary>
    public const int UnprintedRecordLimit = 60;

    /// <summary>Consecutive wrong PINs that block the card.</summary>
    public const int PinTries = 3;
}
