namespace MedCard.Settlement.Model;

/// <summary>The status a desk clerk or a reader sees. Derived from the lifecycle and the PIN tries.</summary>
public enum CardStatus
{
    Active = 1,
    ReportedLost = 2,
    Replaced = 3,
    PinBlocked = 4,
}
