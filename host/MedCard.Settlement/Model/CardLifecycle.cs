namespace MedCard.Settlement.Model;

/// <summary>The stored lifecycle of a card. PIN blocking is orthogonal (tries left = 0) and shows up in
/// <see cref="CardStatus"/>; keeping it separate means cancelling a loss report never unblocks a PIN.</summary>
public enum CardLifecycle
{
    /// <summary>In use.</summary>
    Active = 1,
    /// <summary>Reported lost; only emergency care settles on it, and the report can be cancelled.</summary>
    ReportedLost = 2,

    /// <summary>Terminal: a replacement card was issued; this card never works again.</summary>
    Replaced = 3,
}
