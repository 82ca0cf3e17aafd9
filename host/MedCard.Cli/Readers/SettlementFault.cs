namespace MedCard.Cli.Readers;

/// <summary>Faults `settle --fault` injects between the simulated reader and the host, to show each
/// record-level refusal from the command line.</summary>
public enum SettlementFault
{
    None = 0,

    /// <summary>The amount is altered after signing (a tampered link or host): the MAC no longer matches. The
    /// reader's own counter and chain are left as they were, so the next genuine record still chains.</summary>
    Forge = 1,

    /// <summary>The same record and PIN block are delivered twice (a resend after a reconnect): the second
    /// delivery gets the same answer and debits nothing.</summary>
    Resend = 2,

    /// <summary>A genuinely signed record with a counter the host already accepted (a cloned or restored
    /// reader): refused as replayed.</summary>
    Replay = 3,

    /// <summary>The reader's answer (a signed record) is lost on the line and the next record arrives first: refused
    /// as out of order (records missing). The simulated host then reads the missing record from the reader's
    /// journal so the chain is in step again; neither transaction is settled, nothing is debited.</summary>
    Lost = 4,

    /// <summary>The reader reboots between the host's send and its resend of one request and, its answer cache
    /// lost, signs the resent request again under the next counter (same host nonce): the host's verifier says
    /// <c>DuplicateSigning</c>, the second record is "already counted" (the bill was settled by the first one) and
    /// debits nothing. The reader's chain advances past it, so the next settlement chains normally.</summary>
    Resign = 5,
}
