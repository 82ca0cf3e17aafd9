namespace MedCard.Cli;

/// <summary>The process exit codes of <c>medcard</c>. Part of the scripting contract: never renumber.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A bug or a failure nobody planned for; rerun with --verbose and report it.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad input or usage: unknown option, malformed amount, UID, PIN, ID number, bill file.</summary>
    public const int BadInput = 2;

    /// <summary>A domain refusal: the rules said no (wrong PIN, card reported lost, 60 unprinted records...).</summary>
    public const int Refused = 3;

    /// <summary>The store, a file or a serial port failed (cannot open, locked, disk full, connection refused).</summary>
    public const int IoFailure = 4;

    /// <summary>`medcard audit` found the ledger's invariants broken (the findings are printed).</summary>
    public const int AuditFailed = 5;
}
