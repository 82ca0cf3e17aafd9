using System.Collections.Generic;

namespace MedCard.Simulator.Cards;

/// <summary>The JSON shape of a cards file (see README, "Cards file").</summary>
public sealed record CardsFile
{
    /// <summary>The card-system keys the reader is flashed with and the cards are personalised under.</summary>
    public SchemeKeys? Scheme { get; init; }

    /// <summary>Optional reader identity provisioned at first start (otherwise the host provisions over the link).</summary>
    public ReaderIdentity? Reader { get; init; }

    public List<CardSpec> Cards { get; init; } = new();
}

/// <summary>Sector master key and issuer key, 32 bytes each, hex.</summary>
public sealed record SchemeKeys
{
    public string SectorMasterKey { get; init; } = "";

    public string IssuerKey { get; init; } = "";
}

/// <summary>Reader id (non-zero) and 32-byte reader key in hex.</summary>
public sealed record ReaderIdentity
{
    public uint Id { get; init; }

    public string Key { get; init; } = "";
}
