using System.Globalization;
using System.Linq;

namespace MedCard.LoadTest;

/// <summary>One printed line per run; the scaling column is settlements/s against the first run's.</summary>
public static class LoadReport
{
    public const string Header =
        "hosts readers  settled  settl/s  x first  checkouts refused refunds family losses replaced  retries deadlocks waits>10ms waiting(mean/max) errors late-ms cpu-ms/settl(host/pg) wal-B/settl invariants";

    public static string Line(LoadFigures f, LoadFigures first) =>
        string.Format(CultureInfo.InvariantCulture,
            "{0,5} {1,7} {2,8} {3,8:F1} {4,8:F2} {5,10} {6,7} {7,7} {8,6} {9,6} {10,8} {11,8} {12,9} {13,10} {14,13:F2}/{15,-4} {16,6} {17,7} {19,10:F1}/{20,-8:F1} {21,11:F0} {18}",
            f.Hosts, f.Hosts * f.ReadersPerHost, f.Settled, f.SettlementsPerSecond, f.SettlementsPerSecond / first.SettlementsPerSecond, f.Checkouts,
            f.Refused, f.Refunds, f.FamilyPayments, f.LossReports, f.Replacements, f.Retries, f.Deadlocks, f.LoggedLockWaits, f.MeanWaiting, f.MostWaiting,
            f.Errors, f.StartedLateMs, f.Violations.Count == 0 ? "hold" : f.Violations.Count + " violated", f.HostCpuPerSettlement,
            f.ServerCpuPerSettlement, f.WalBytesPerSettlement);

    /// <summary>The month-end credit runs of a run.</summary>
    public static string Credits(LoadFigures f) =>
        string.Format(CultureInfo.InvariantCulture, "      credits: {0} runs, {1} persons credited ({2}.{3:00} yuan), {4} already credited, {5} failed, {6} retried",
            f.Credits.Runs, f.Credits.Credited, f.Credits.CreditedFen / 100, f.Credits.CreditedFen % 100, f.Credits.AlreadyCredited, f.Credits.Failed,
            f.Credits.Retries);

    /// <summary>The refusals of a run by reason, most frequent first.</summary>
    public static string Refusals(LoadFigures f) =>
        "      refused: " + (f.RefusedBy.Count == 0 ? "none" : string.Join(", ", f.RefusedBy.OrderByDescending(p => p.Value).Select(p => p.Key + " " + p.Value)));
}
