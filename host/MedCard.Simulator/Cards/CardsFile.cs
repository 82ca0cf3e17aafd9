using System.Collections.Generic;

namespace MedCard.Simulator.Cards;

/// <summary>The JSON shape of a cards file (see README, "Cards file").</summary>
public sealed record CardsFile
{
    /// <summary>The scheme's card-system keys: the cards are personalised under all three, the reader gets the key-A master only.</summary>
    public SchemeKeys? Scheme { get; init; }

    /// <summary>Optional reader identity provisioned at first start (otherwise the host provisions over the link).</summary>
    public ReaderIdentity? Reader { get; init; }

    /// <summary>The cards of the deck.</summary>
    public List<CardSpec> Cards { get; init; } = new();
}

/// <summary>
/// The issuer's three card-system keys, 32 bytes each, hex, all different: the key-A master (the only one a reader is
/// given: it reads), the key-B master (writes the holder sectors) and the holder-data MAC key (signs the holder data;
/// the host verifies it).
/// </summary>
public sealed record SchemeKeys
{
    /// <summary>The key-A master key (hex), the one the reader gets.</summary>
    public string KeyAMasterKey { get; init; } = "";

    /// <summary>The key-B master key (hex), which writes the holder sectors.</summary>
    public string KeyBMasterKey { get; init; } = "";

    /// <summary>The holder-data MAC key (hex), which signs the holder data.</summary>
    public string HolderMacKey { get; init; } = "";
}

/// <summary>Reader id (non-zero) and 32-byte reader key in hex.</summary>
public sealed record ReaderIdentity
{
    /// <summary>The reader id (non-zero).</summary>
    public uint Id { get; init; }

    /// <summary>The reader key (32 bytes, hex).</summary>
    public string Key { get; init; } = "";
}
