using System;

namespace MedCard.Settlement.Ledger;

/// <summary>
/// A reader as the ledger knows it (the readers table, the one durable reader store): the last counter filed (settled,
/// refused or voided), the chain position after it, and the fingerprint of the key it was provisioned with.
/// </summary>
/// <param name="ReaderId">The reader's id.</param>
/// <param name="LastCounter">The highest counter filed from this reader (or its counter floor after provisioning).</param>
/// <param name="LastMac">MAC of the record filed under <paramref name="LastCounter"/>; null when none was filed since the reader
/// was (re)provisioned, i.e. its next record starts a chain.</param>
/// <param name="LastNonce">Host nonce of that record (null when unknown).</param>
/// <param name="KeyFingerprint">First 8 bytes of the SHA-256 of the reader key, hex; null when no key is stored here.</param>
/// <param name="ProvisionedAt">When the key was stored.</param>
public sealed record LedgerReader(uint ReaderId, long LastCounter, byte[]? LastMac, byte[]? LastNonce, string? KeyFingerprint, DateTimeOffset? ProvisionedAt)
{
    /// <summary>True when a reader key is stored (the reader was provisioned against this ledger).</summary>
    public bool HasKey => KeyFingerprint is not null;
}
