using System.Collections.Generic;

namespace MedCard.LoadTest;

/// <summary>What one host process did in its window, written as one JSON line on its standard output.</summary>
public sealed class HostReport
{
    public int Host { get; set; }

    public long Checkouts { get; set; }

    public long Settled { get; set; }

    /// <summary>Settled purchases a bound relative's account paid part of.</summary>
    public long FamilyPayments { get; set; }

    public long Refunds { get; set; }

    public long LossReports { get; set; }

    public long LossCancellations { get; set; }

    public long Replacements { get; set; }

    public long Statements { get; set; }

    /// <summary>Month-end credit runs this host started (each one small file of a few enrolled persons for one month).</summary>
    public long CreditRuns { get; set; }

    /// <summary>Persons the host's credit runs credited (a new credit row and entry each).</summary>
    public long Credited { get; set; }

    /// <summary>Persons the host's credit runs skipped as credited for the month already (by any host).</summary>
    public long AlreadyCredited { get; set; }

    /// <summary>What the host's credit runs credited, in fen.</summary>
    public long CreditedFen { get; set; }

    /// <summary>Credit runs that applied nothing (a refused file or a store fault); each is also an error.</summary>
    public long CreditFailures { get; set; }

    /// <summary>Credit-run transactions the store re-ran (also counted in <see cref="Retries"/>): the credit runs have a
    /// store of their own in the host, so this count is theirs alone.</summary>
    public long CreditRetries { get; set; }

    /// <summary>Steps that threw (a broken link, a store fault); each is printed on the host's standard error.</summary>
    public long Errors { get; set; }

    /// <summary>Transactions the store re-ran after 40001, 40P01 or 23505 (<c>SqlLedgerStore.TransactionRetries</c>).</summary>
    public long Retries { get; set; }

    /// <summary>Refusals by stable reason key (a checkout that was not settled).</summary>
    public Dictionary<string, long> Refused { get; set; } = new();

    /// <summary>Every counter each of the host's readers signed (checkouts and records voided by journal recovery), by reader id.</summary>
    public Dictionary<uint, List<uint>> Signed { get; set; } = new();

    /// <summary>How late the host started after the agreed start (process start-up on a loaded machine), in ms.</summary>
    public long StartedLateMs { get; set; }

    public double Seconds { get; set; }

    /// <summary>CPU the host process used in its window (its simulated readers, the checkout library, Npgsql), in ms.</summary>
    public double CpuMs { get; set; }
}
