namespace MedCard.Simulator.InProcess;

/// <summary>
/// Scripted faults of the <see cref="SimulatedReaderTransport"/>, played on the reader's answer to the first
/// authorization of a session. The firmware core always signs genuinely; the fault happens on the line or to the reader.
/// </summary>
public enum ReaderFault
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>The signed record's card UID is altered on the line (the frame's CRC is made valid again): the host's MAC
    /// check refuses it, and the genuine record, read back from the journal, is voided.</summary>
    Forge = 1,

    /// <summary>The answer is delivered twice (a retransmitting bridge): the link takes the first, the record is settled once.</summary>
    Resend = 2,

    /// <summary>The answer is replaced by the last approved answer seen before (a replay on the line): refused as replayed;
    /// the genuine new record is voided from the journal.</summary>
    Replay = 3,

    /// <summary>The answer is lost on the line: the host resends the same request id and the reader answers from its
    /// cache; the record is signed and settled once.</summary>
    Lost = 4,

    /// <summary>The answer is lost and the reader reboots before the resend (its answer cache is gone): it finds the
    /// request's nonce in its unacknowledged journal and answers with the same record; settled once.</summary>
    Resign = 5,
}
