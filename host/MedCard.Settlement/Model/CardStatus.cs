namespace MedCard.Settlement.Model;

/// <summary>The status a desk clerk or a reader sees. Derived from the lifecycle and the PIN tries.</summary>
public enum CardStatus
{
    /// <summary>In use.</summary>
    Active = 1,
    /// <summary>Reported lost; only emergency care settles on it.</summary>
    ReportedLost = 2,
    /// <summary>Replaced by a new card; never works again.</summary>
    Replaced = 3,
    /// <summary>No PIN tries left; a service desk resets the PIN.</summary>
    PinBlocked = 4,
}
