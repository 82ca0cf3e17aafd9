using System;
using System.Collections.Generic;

namespace MedCard.LoadTest;

/// <summary>The figures of one host process, added to by all its reader loops (one lock: a few updates per checkout).</summary>
internal sealed class HostTally(int host)
{
    private readonly object _gate = new();
    private readonly HostReport _report = new() { Host = host };

    public void Checkout(uint readerId, StepResult result)
    {
        lock (_gate)
        {
            _report.Checkouts++;
            if (result.Counter != 0)
            {
                SignedLocked(readerId, result.Counter);
            }

            if (result.Settled)
            {
                _report.Settled++;
                if (result.RelativeAccount > 0)
                {
                    _report.FamilyPayments++;
                }
            }
            else
            {
                _report.Refused[result.Reason] = _report.Refused.GetValueOrDefault(result.Reason) + 1;
            }
        }
    }

    public void Signed(uint readerId, uint counter)
    {
        lock (_gate)
        {
            SignedLocked(readerId, counter);
        }
    }

    public void Refund() => Add(r => r.Refunds++);

    public void LossReported() => Add(r => r.LossReports++);

    public void LossCancelled() => Add(r => r.LossCancellations++);

    public void Replaced() => Add(r => r.Replacements++);

    public void Statement() => Add(r => r.Statements++);

    public void Credit(int credited, int alreadyCredited, long fen) => Add(r =>
    {
        r.CreditRuns++;
        r.Credited += credited;
        r.AlreadyCredited += alreadyCredited;
        r.CreditedFen += fen;
    });

    public void CreditFailed() => Add(r =>
    {
        r.CreditRuns++;
        r.CreditFailures++;
    });

    public void Error(string line)
    {
        Add(r => r.Errors++);
        Console.Error.WriteLine("host " + host + ": " + line);
    }

    /// <summary>The report, closed with the stores' retry counts (all, and the credit runs' share), the start delay and the
    /// window's length.</summary>
    public HostReport Close(long retries, long creditRetries, long startedLateMs, double seconds, double cpuMs)
    {
        lock (_gate)
        {
            _report.CpuMs = cpuMs;
            _report.Retries = retries;
            _report.CreditRetries = creditRetries;
            _report.StartedLateMs = startedLateMs;
            _report.Seconds = seconds;
            return _report;
        }
    }

    private void SignedLocked(uint readerId, uint counter)
    {
        if (!_report.Signed.TryGetValue(readerId, out List<uint>? counters))
        {
            _report.Signed[readerId] = counters = new List<uint>();
        }

        if (!counters.Contains(counter))
        {
            counters.Add(counter);
        }
    }

    private void Add(Action<HostReport> change)
    {
        lock (_gate)
        {
            change(_report);
        }
    }
}
