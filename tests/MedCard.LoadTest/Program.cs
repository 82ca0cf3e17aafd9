using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Tests.Infrastructure;

namespace MedCard.LoadTest;

/// <summary>
/// `MedCard.LoadTest [--hosts 1,2,4,8] [--seconds 20] [--readers 2] [--seed 1] [--direct]`: for each host count a fresh database
/// on one private PostgreSQL server, N host processes settling for the window, the invariants checked, one line of
/// figures printed. Exit 0 when every run held its invariants, 1 when one did not, 2 for bad arguments, 4 when
/// PostgreSQL cannot be started. `MedCard.LoadTest host ...` is the host role (started by the program itself).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        if (args.Length > 0 && args[0] == "host")
        {
            return await HostProcess.RunAsync(HostProcess.Arguments.Parse(args), cancel.Token).ConfigureAwait(false);
        }

        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("MedCard.LoadTest: " + e.Message);
            return 2;
        }

        string? bin = Environment.GetEnvironmentVariable("MEDCARD_PG_BIN") is { Length: > 0 } fromEnv ? fromEnv : PrivatePostgresServer.FindBinaries();
        if (bin is null)
        {
            Console.Error.WriteLine("MedCard.LoadTest: no PostgreSQL server binaries (set MEDCARD_PG_BIN or PG_BIN to the folder holding initdb and pg_ctl)");
            return 4;
        }

        string work = Path.Combine(Path.GetTempPath(), "medcard-load-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            await using PrivatePostgresServer server = await PrivatePostgresServer.StartAsync(bin, cancel.Token).ConfigureAwait(false);
            Console.WriteLine("PostgreSQL private server, " + Environment.ProcessorCount + " cores, " + options.ReadersPerHost
                + (options.Direct ? " direct ledger settlers (no reader simulator)" : " simulated readers") + " per host, "
                + options.Seconds + " s per run, load average " + LoadAverage());
            Console.WriteLine(LoadReport.Header);
            var all = new List<LoadFigures>();
            foreach (int hosts in options.Hosts)
            {
                LoadFigures f = await LoadRun.RunAsync(server, work, hosts, options.ReadersPerHost, TimeSpan.FromSeconds(options.Seconds), options.Seed,
                    line => Console.Error.WriteLine("  " + line), cancel.Token, options.Direct).ConfigureAwait(false);
                all.Add(f);
                Console.WriteLine(LoadReport.Line(f, all[0]));
                Console.WriteLine(LoadReport.Refusals(f));
                Console.WriteLine(LoadReport.Credits(f));
                foreach (string v in f.Violations)
                {
                    Console.WriteLine("  VIOLATION: " + v);
                }
            }

            Console.WriteLine("load average after: " + LoadAverage());
            return all.All(f => f.Violations.Count == 0 && f.Errors == 0) ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

/// <summary>The orchestrator's command line.</summary>
internal sealed record LoadOptions(IReadOnlyList<int> Hosts, int Seconds, int ReadersPerHost, int Seed, bool Direct)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        IReadOnlyList<int> hosts = [1, 2, 4, 8];
        int seconds = 20, readers = 2, seed = 1;
        bool direct = false;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--direct")
            {
                direct = true;
                continue;
            }

            string value = i + 1 < args.Count ? args[i + 1] : throw new FormatException(args[i] + " needs a value");
            switch (args[i])
            {
                case "--hosts":
                    hosts = value.Split(',').Select(h => Number(h, "--hosts", 1, 9)).ToList();
                    break;
                case "--seconds":
                    seconds = Number(value, "--seconds", 1, 3600);
                    break;
                case "--readers":
                    readers = Number(value, "--readers", 1, 99);
                    break;
                case "--seed":
                    seed = Number(value, "--seed", 0, 1_000_000);
                    break;
                default:
                    throw new FormatException("unknown option " + args[i] + " (options: --hosts 1,2,4,8 --seconds S --readers R --seed N --direct)");
            }

            i++;
        }

        return new LoadOptions(hosts, seconds, readers, seed, direct);
    }

    private static int Number(string text, string option, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? n
            : throw new FormatException(option + " takes whole numbers from " + min + " to " + max + ", not '" + text + "'");
}
