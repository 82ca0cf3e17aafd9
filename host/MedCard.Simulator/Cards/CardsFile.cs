using System.Collections.Generic;

namespace MedCard.Simulator.Cards;

/// <summary>The JSON shape of a cards file (see README, "Cards file").</summary>
public sealed record CardsFile
{
    /// <summary>The scheme's card-system keys: the cards are personalised under all three, the reader gets the key-A master only.</summary>
    public SchemeKeys? Scheme { get; init; }

    /// <summary>Optional reader identity provisioned at first start (otherwise the host provisions over the link).</summary>
    public ReaderIdentity? Reader { get; init; }

    public List<CardSpec> Cards { get; init; } = new();
}

/// <summary>
/// The issuer's three card-system keys, 32 bytes each, hex, all different: the key-A master (the only one a reader is
/// given: it reads), the key-B master (writes the holder sectors) and the holder-data MAC key (signs the holder data;
/// the host verifies it).
/// </summary>
public sealed record SchemeKeys
{
    public string KeyAMasterKey { get; init; } = "";

    public string KeyBMasterKey { get; init; } = "";

    public string HolderMacKey { get; init; } = "";
}

/// <summary>Reader id (non-zero) and 32-byte reader key in hex.</summary>
public sealed record ReaderIdentity
{
    public uint Id { get; init; }

    public string Key { get; init; } = "";
}
