using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Link.Benchmarks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;

// From a phone loss report to a refusal at a reader: the ledger takes the report (card -> reported lost, hotlist
// version + 1), HotlistBroadcast pushes the hotlist to every connected reader at once, and the lost card, already on
// one of them, is refused by that reader (it refuses a hotlisted card before the PIN, nothing is signed). The scheme
// promises one hour; the goal here is under one second.
//   dotnet run -c Release --project tests/MedCard.Checkout.Benchmarks [-- RUNS READERS [LEDGER]]
// LEDGER is a SQLite file (default: a new one in a temporary folder) or a PostgreSQL connection string.
int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
int readerCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
string folder = Path.Combine(Path.GetTempPath(), "medcard-loss-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
string spec = args.Length > 2 ? args[2] : Path.Combine(folder, "ledger.db");
CancellationToken ct = CancellationToken.None;
const string Institution = "P001";
const string Employer = "Bench Works";

var ledgerOptions = new LedgerOptions { PinIterations = 1000 };
await using ILedgerStore store = LedgerStores.Open(spec);
await store.MigrateAsync(ct);
var desk = new CardDesk(store, ledgerOptions);
await desk.SetPolicyAsync(VisitType.Pharmacy, new VisitPolicy(0, 3000, 100_000_000), ct);
await desk.RegisterInstitutionAsync(new Institution(Institution, "Bench Pharmacy", true), ct);
var holders = new List<(string Id, string Name, string Card, byte[] Uid)>();
string stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture); // fresh numbers when a PostgreSQL ledger is reused
for (int i = 0; i < runs; i++)
{
    string first17 = "310101" + new DateOnly(1960, 1, 1).AddDays(i).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + stamp[..3];
    string id = first17 + ResidentId.ComputeCheckCharacter(first17);
    var holder = (id, "Holder " + i, "L" + stamp + i.ToString("0000", CultureInfo.InvariantCulture), RandomNumberGenerator.GetBytes(7));
    holder.Item4[0] = 0x04;
    using var pin = new PinDigits([1, 2, 3, 4]);
    DeskResult enrolled = await desk.EnrolAsync(new Enrolment(holder.id, holder.Item2, Gender.Unspecified, Employer, holder.Item3, holder.Item4, pin, 100_00), ct);
    if (!enrolled.Succeeded)
    {
        throw new InvalidOperationException("enrolment refused: " + enrolled);
    }

    holders.Add(holder);
}

// The connected readers: simulated readers (the firmware's own core on virtual hardware), provisioned against the
// ledger as `medcard provision` does, each with an open checkout terminal, as a pharmacy's counters keep them.
var readerDesk = new ReaderDesk(store, ledgerOptions);
var transports = new List<SimulatedReaderTransport>();
var terminals = new List<CheckoutTerminal>();
for (uint r = 1; r <= readerCount; r++)
{
    byte[] key = RandomNumberGenerator.GetBytes(32);
    string readerFolder = Path.Combine(folder, "reader-" + r);
    SimulatedReaderFlash.Provision(readerFolder, r, key, await readerDesk.RegisterAsync(r, key, ct));
    SimulatedReaderTransport transport = SimulatedReaderTransport.Open(readerFolder);
    transports.Add(transport);
    terminals.Add(await CheckoutTerminal.OpenAsync(transport, store, new CheckoutOptions
    {
        Ledger = ledgerOptions,
        CardWait = TimeSpan.FromSeconds(10),
        HolderMacKey = transport.IssuerHolderMacKey(),
    }, ct));
}

// Each lost card is on its reader before its run: placed when the previous run on that reader ended, so the reader has
// announced it (a card swapped in the instant before the checkout would be the previous card to the terminal).
for (int i = 0; i < Math.Min(readerCount, runs); i++)
{
    transports[i].PlaceCard(holders[i].Uid, holders[i].Card, holders[i].Id);
}

var toInForce = new List<double>();
var toRefusal = new List<double>();
var reasons = new Dictionary<string, int>();
for (int i = 0; i < runs; i++)
{
    var (id, name, card, _) = holders[i];
    int at = i % readerCount;
    long started = Stopwatch.GetTimestamp();
    DeskResult lost = await desk.ReportLossAsync(new LossReport(card, name, id, LossChannel.Phone, DateTimeOffset.UtcNow) { Employer = Employer }, ct);
    if (!lost.Succeeded)
    {
        throw new InvalidOperationException("loss report refused: " + lost);
    }

    IReadOnlyList<HotlistDelivery> deliveries = await HotlistBroadcast.PushAsync(terminals, ct);
    double inForce = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (deliveries.FirstOrDefault(d => !d.InForce) is { } missed)
    {
        throw new InvalidOperationException("reader " + missed.ReaderId + " did not take the hotlist: " + (missed.Error ?? missed.Report?.Ack.Status.ToString()));
    }

    CheckoutResult result = await terminals[at].CheckoutAsync(
        new Purchase([new BillItem("OTC", "Ibuprofen", ItemClass.FullySelfPaid, 12_00)], Institution, VisitType.Pharmacy) { CardNumber = card }, ct);
    double refused = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (result.IsSettled || result.Signed)
    {
        throw new InvalidOperationException("the lost card was not refused before signing: " + result);
    }

    if (i + readerCount < runs)
    {
        var next = holders[i + readerCount];
        transports[at].PlaceCard(next.Uid, next.Card, next.Id);
    }

    toInForce.Add(inForce);
    toRefusal.Add(refused);
    reasons[result.Reason] = reasons.GetValueOrDefault(result.Reason) + 1;
}

foreach (CheckoutTerminal terminal in terminals)
{
    await terminal.DisposeAsync();
}

foreach (SimulatedReaderTransport transport in transports)
{
    await transport.DisposeAsync();
}

string Row(string what, List<double> sample) => string.Format(CultureInfo.InvariantCulture, "{0,-44} {1,9:0.0} {2,9:0.0} {3,9:0.0}",
    what, Percentiles.Of(sample, 50), Percentiles.Of(sample, 95), sample.Max());
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Loss to refusal: {0} runs, {1} connected simulated reader(s), ledger {2}, {3} logical CPUs",
    runs, readerCount, spec.Contains("Host=", StringComparison.Ordinal) ? "PostgreSQL" : "SQLite", Environment.ProcessorCount));
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-44} {1,9} {2,9} {3,9}", "milliseconds from the phone report to", "median", "p95", "max"));
Console.WriteLine(Row("the hotlist in force on every reader", toInForce));
Console.WriteLine(Row("the card refused at the reader", toRefusal));
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "ratio of the median to the goal (1 s): {0:0.000}; to the scheme's promise (1 h): {1:0.0000000}",
    Percentiles.Of(toRefusal, 50) / 1000, Percentiles.Of(toRefusal, 50) / 3_600_000));
Console.WriteLine("refusal reasons: " + string.Join(", ", reasons.Select(r => r.Key + " x" + r.Value)));
// The readers' flash folders always go; the ledger file goes with them (a PostgreSQL ledger is the caller's).
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
