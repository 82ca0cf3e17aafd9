namespace MedCard.Simulator.Cards;

/// <summary>
/// One card of a cards file, as written there (see README, "Cards file"). Values are validated by
/// <see cref="CardDeck"/>; hex strings may contain spaces or colons.
/// </summary>
public sealed record CardSpec
{
    /// <summary>Short name to place the card by ("alice"); defaults to the card number.</summary>
    public string? Label { get; init; }

    /// <summary>UID, 4, 7 or 10 bytes in hex.</summary>
    public string Uid { get; init; } = "";

    /// <summary>18-character resident ID with a valid ISO 7064 MOD 11-2 check character.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Holder name (UTF-8, at most 48 bytes).</summary>
    public string? Name { get; init; }

    /// <summary>male, female, unknown or unspecified (GB/T 2261.1 codes 1, 2, 0, 9 also accepted).</summary>
    public string? Gender { get; init; }

    /// <summary>Card number: 1-20 digits or upper-case letters.</summary>
    public string? CardNumber { get; init; }

    /// <summary>PIN the virtual holder types (and confirms with #) whenever the reader asks; omit to type by hand.</summary>
    public string? Pin { get; init; }

    /// <summary>True: leave the card blank (factory transport keys); the reader reports it unreadable.</summary>
    public bool Blank { get; init; }

    /// <summary>Optional: personalise under another key-A master (a card of another scheme: the reader cannot open it).</summary>
    public string? KeyAMasterKey { get; init; }

    /// <summary>Optional: sign the holder data with another MAC key (a forgery: the reader reads it, the host rejects its MAC).</summary>
    public string? HolderMacKey { get; init; }
}
