using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>
/// kill -9 of a real `medcard settle --simulated` process at a random moment, again and again. After every kill:
/// every counter the reader signed (seen in its journal, or filed) is settled or voided with a reason once the next
/// checkout ran; that next checkout settles (no stuck reader); money is conserved (postings sum to zero, the holder's
/// balance is the opening balance minus what settled records took from it, the ledger audit passes).
/// </summary>
internal sealed class KillLoop(CheckoutScene scene, Action<string> log)
{
    /// <summary>How many kills a run makes: MEDCARD_KILL_LOOP_KILLS, else the default.</summary>
    public static int Kills(int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("MEDCARD_KILL_LOOP_KILLS"), out int n) && n > 0 ? n : byDefault;

    private static string Medcard => Path.Combine(AppContext.BaseDirectory, "medcard.dll");

    public async Task<KillLoopFigures> RunAsync(int kills, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var seen = new HashSet<uint>();
        int killed = 0, completed = 0, lost = 0, stuck = 0;
        var clock = Stopwatch.StartNew();

        // The fastest of three uninterrupted runs sets the window the kills fall in (the first run is cold).
        double window = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            Stopwatch one = Stopwatch.StartNew();
            (bool _, int exit) = await RunMedcardAsync(TimeSpan.MaxValue, ct);
            Assert.Equal(0, exit);
            window = Math.Min(window, one.Elapsed.TotalMilliseconds);
        }

        log("one settle process takes " + window.ToString("F0") + " ms; kills fall uniformly in [0, " + (window * 1.1).ToString("F0") + "] ms");

        for (int round = 0; killed < kills; round++)
        {
            (bool wasKilled, int _) = await RunMedcardAsync(TimeSpan.FromMilliseconds(random.NextDouble() * window * 1.1), ct);
            if (wasKilled)
            {
                killed++;
            }
            else
            {
                completed++;
            }

            // What the reader signed and still holds; nothing the ledger filed past may be missing from it.
            (uint _, IReadOnlyList<SignedRecord> journal) = SimulatedReaderFlash.Inspect(scene.ReaderFolder(1));
            Dictionary<uint, (long Outcome, string Message, long Own)> filed = await scene.FiledAsync(1);
            long ledgerLast = await scene.ScalarAsync("SELECT last_counter FROM readers WHERE reader_id = 1");
            foreach (SignedRecord r in journal)
            {
                seen.Add(r.Counter);
            }

            foreach (uint c in filed.Keys)
            {
                seen.Add(c);
            }

            lost += seen.Count(c => c <= ledgerLast && !filed.ContainsKey(c));

            // The next checkout: recovers the journal, then must settle.
            CheckoutResult next = await scene.SettleAsync(1, 100, ct);
            seen.Add(next.Counter);
            if (!next.IsSettled)
            {
                stuck++;
                log("round " + round + ": next checkout not settled: " + next);
            }

            filed = await scene.FiledAsync(1);
            int missing = seen.Count(c => !filed.ContainsKey(c) || filed[c].Message.Length == 0);
            if (missing > 0)
            {
                log("round " + round + ": " + missing + " signed counter(s) neither settled nor voided");
            }

            lost += missing;
            await AssertMoneyConservedAsync(filed, ct);
            if (await new CardDesk(scene.Store).GetCardAsync(CheckoutScene.CardNumber, ct) is { UnprintedCount: >= 50 })
            {
                await new CardDesk(scene.Store).PrintStatementAsync(CheckoutScene.CardNumber, ct);
            }
        }

        Dictionary<uint, (long Outcome, string Message, long Own)> final = await scene.FiledAsync(1);
        var figures = new KillLoopFigures(killed, completed, seen.Count, final.Values.Count(v => v.Outcome == 0),
            final.Values.Count(v => v.Outcome == (long)ReasonCode.RecordVoided), final.Values.Count(v => v.Outcome != 0 && v.Outcome != (long)ReasonCode.RecordVoided),
            lost, stuck, clock.Elapsed);
        log(figures.ToString());
        return figures;
    }

    private async Task AssertMoneyConservedAsync(Dictionary<uint, (long Outcome, string Message, long Own)> filed, CancellationToken ct)
    {
        Assert.Equal(0, await scene.ScalarAsync("SELECT COALESCE(SUM(amount), 0) FROM postings"));
        long spent = filed.Values.Where(v => v.Outcome == 0).Sum(v => v.Own);
        Assert.Equal(scene.OpeningBalance - spent, await scene.ScalarAsync("SELECT balance FROM persons WHERE resident_id = '" + CheckoutScene.ResidentId + "'"));
        Assert.True((await LedgerAudit.VerifyAsync(scene.Store, ct)).Ok);
    }

    /// <summary>Starts `medcard settle --simulated`; kills it (SIGKILL) after <paramref name="killAfter"/> unless it ended first.</summary>
    private async Task<(bool Killed, int Exit)> RunMedcardAsync(TimeSpan killAfter, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { Medcard, "--store", scene.Spec, "--json", "settle", "--simulated", "--reader", "1", "--card", CheckoutScene.CardNumber,
            "--pin", CheckoutScene.Pin, "--institution", CheckoutScene.Institution, "--visit", "pharmacy", "--item", "OTC:1:self" })
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        Task exited = process.WaitForExitAsync(ct);
        bool killed = false;
        if (killAfter != TimeSpan.MaxValue && await Task.WhenAny(exited, Task.Delay(killAfter, ct)) != exited)
        {
            try
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no dispose runs
                killed = true;
            }
            catch (InvalidOperationException)
            {
                // It ended in between.
            }
        }

        await process.WaitForExitAsync(ct);
        string err = await stderr;
        await stdout;
        if (!killed && process.ExitCode != 0)
        {
            log("a settle process that was not killed exited " + process.ExitCode + ": " + err.Trim());
        }

        return (killed, process.ExitCode);
    }
}

/// <summary>What a kill loop did and found.</summary>
internal sealed record KillLoopFigures(int Kills, int Completed, int Signed, int Settled, int Voided, int RefusedOther, int Lost, int Stuck, TimeSpan Elapsed)
{
    public override string ToString() =>
        "kills " + Kills + " (runs that finished first: " + Completed + "), signed " + Signed + ", settled " + Settled + ", voided " + Voided
        + ", other refusals " + RefusedOther + ", lost " + Lost + ", stuck " + Stuck + ", money conserved, " + Elapsed.TotalSeconds.ToString("F0") + " s";
}
