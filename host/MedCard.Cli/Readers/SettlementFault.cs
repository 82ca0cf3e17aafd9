namespace MedCard.Cli.Readers;

/// <summary>Faults `settle --fault` injects on the host side of the link between the in-process reader core and the
/// host, to show each record-level refusal from the command line. The core always signs genuinely.</summary>
public enum SettlementFault
{
    None = 0,

    /// <summary>The amount is altered after signing (a tampered link or host): the MAC no longer matches. The host then
    /// files the genuine record from the reader's journal (not settled), so the next record still chains.</summary>
    Forge = 1,

    /// <summary>The same record and PIN block are delivered twice (a resend after a reconnect): the second
    /// delivery gets the same answer and debits nothing.</summary>
    Resend = 2,

    /// <summary>A record the host accepted before arrives again in place of the reader's new answer: the host files the
    /// withheld new record from the journal (not settled) and refuses the old copy as replayed.</summary>
    Replay = 3,

    /// <summary>The reader's answer (a signed record) is lost on the line and the next record arrives first: refused
    /// as out of order (records missing). The simulated host then reads the missing record from the reader's
    /// journal so the chain is in step again; neither transaction is settled, nothing is debited.</summary>
    Lost = 4,

    /// <summary>The reader reboots between the host's send and its resend of one request; the host had already
    /// acknowledged the journal entry, so the core (which only remembers unacknowledged nonces) signs the resent
    /// request again under the next counter (same host nonce): the host's verifier says
    /// <c>DuplicateSigning</c>, the second record is "already counted" (the bill was settled by the first one) and
    /// debits nothing. The reader's chain advances past it, so the next settlement chains normally.</summary>
    Resign = 5,
}
