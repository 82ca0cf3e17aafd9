using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Checkout.Tests;
using MedCard.Link.Benchmarks;
using MedCard.Service;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;
using MedCard.Simulator.InProcess;
using Microsoft.AspNetCore.Builder;

// Purchase latency through `medcard serve` (HTTP, JSON, Kestrel, the served reader's gate) beside the checkout library called
// directly, on two simulated readers of one SQLite ledger: one reader is driven by a CheckoutTerminal in this process, the other
// is served on a loopback port and driven by an HttpClient. The two are interleaved (library, HTTP, library...) so machine load
// falls on both alike, and the readers swap roles halfway (a restart of both) so neither path keeps the faster reader. Each timed
// call is one whole purchase: the card is on the reader, the holder types the PIN when asked, the ledger checks it, the reader
// signs, the ledger settles, the journal is acknowledged. Every 50 purchases the card's records are printed (not timed), so it
// never reaches the unprinted-record limit.
int iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
const int Warmup = 10;

string folder = Path.Combine(Path.GetTempPath(), "medcard-serve-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
await using CheckoutScene scene = await CheckoutScene.CreateAsync(Path.Combine(folder, "ledger.db"), 1_000_000_00, 2, CancellationToken.None);
var ledgerOptions = new LedgerOptions();
var desk = new CardDesk(scene.Store, ledgerOptions);
var purchase = new Purchase([new BillItem("OTC", "Ibuprofen", ItemClass.FullySelfPaid, 1_00)], CheckoutScene.Institution, VisitType.Pharmacy)
{
    CardNumber = CheckoutScene.CardNumber,
};
string bill = "{\"institution\":\"" + CheckoutScene.Institution + "\",\"visit\":\"Pharmacy\",\"cardNumber\":\"" + CheckoutScene.CardNumber
    + "\",\"items\":[{\"code\":\"OTC\",\"description\":\"Ibuprofen\",\"class\":\"FullySelfPaid\",\"amountFen\":100}]}";

var library = new List<double>();
var service = new List<double>();
var roundTrip = new List<double>();
int purchases = 0;
await RunPhaseAsync(1, 2, iterations / 2);
await RunPhaseAsync(2, 1, iterations - (iterations / 2));

double l50 = Percentiles.Of(library, 50), l99 = Percentiles.Of(library, 99);
double s50 = Percentiles.Of(service, 50), s99 = Percentiles.Of(service, 99);
Console.WriteLine("Purchase latency, " + library.Count + " purchases each (after " + (2 * Warmup) + " warm-up), interleaved, readers swapped halfway, load average "
    + LoadAverage() + ", " + Environment.ProcessorCount + " CPUs");
Console.WriteLine("| path | p50 | p99 | max |");
Console.WriteLine("| --- | --- | --- | --- |");
Console.WriteLine("| checkout library (CheckoutTerminal.CheckoutAsync) | " + Ms(l50) + " | " + Ms(l99) + " | " + Ms(library.Max()) + " |");
Console.WriteLine("| medcard serve (HTTP POST /v1/readers/{name}/purchases) | " + Ms(s50) + " | " + Ms(s99) + " | " + Ms(service.Max()) + " |");
Console.WriteLine("| HTTP round trip alone (GET /v1/readers, no reader, no ledger) | " + Ms(Percentiles.Of(roundTrip, 50)) + " | "
    + Ms(Percentiles.Of(roundTrip, 99)) + " | " + Ms(roundTrip.Max()) + " |");
Console.WriteLine("p50 ratio serve/library: " + (s50 / l50).ToString("0.000", CultureInfo.InvariantCulture)
    + "; p99 ratio serve/library: " + (s99 / l99).ToString("0.000", CultureInfo.InvariantCulture) + " (goal: below 1.100)");
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}

async Task RunPhaseAsync(uint directId, uint servedId, int count)
{
    // Fresh transports over the readers' flash each phase: the card arrives anew on each (a new presentation for the new link).
    await using SimulatedReaderTransport direct = Holding(SimulatedReaderTransport.Open(scene.ReaderFolder(directId)));
    await using SimulatedReaderTransport served = Holding(SimulatedReaderTransport.Open(scene.ReaderFolder(servedId)));
    await using CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(direct, scene.Store,
        new CheckoutOptions { CardWait = TimeSpan.FromSeconds(30), HolderMacKey = direct.IssuerHolderMacKey(), Ledger = ledgerOptions }, CancellationToken.None);
    WebApplication app = MedCardServer.Build(new ServeOptions
    {
        Listen = "http://127.0.0.1:0",
        CardWait = TimeSpan.FromSeconds(30),
        HolderMacKey = served.IssuerHolderMacKey(),
        Ledger = ledgerOptions,
    }, scene.Store, [new ServedReaderSource("counter", () => served)], logging => { });
    await app.StartAsync();
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    for (int i = 0; i < Warmup + count; i++)
    {
        long started = Stopwatch.GetTimestamp();
        CheckoutResult result = await terminal.CheckoutAsync(purchase, CancellationToken.None);
        double libraryMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Expect(result.IsSettled, "library purchase " + i + ": " + result);

        started = Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await http.PostAsync("/v1/readers/counter/purchases",
            new StringContent(bill, System.Text.Encoding.UTF8, "application/json"));
        JsonElement answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        double serviceMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Expect(answer.TryGetProperty("status", out JsonElement status) && status.GetString() == "settled", "served purchase " + i + ": " + answer);

        // The service's own share without a reader: an HTTP round trip that touches no reader and no ledger.
        started = Stopwatch.GetTimestamp();
        using HttpResponseMessage listed = await http.GetAsync("/v1/readers");
        _ = await listed.Content.ReadAsByteArrayAsync();
        double roundTripMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        if (i >= Warmup)
        {
            library.Add(libraryMs);
            service.Add(serviceMs);
            roundTrip.Add(roundTripMs);
        }

        purchases += 2;
        if (purchases % 50 == 0)
        {
            await desk.PrintStatementAsync(CheckoutScene.CardNumber);
        }
    }

    await app.StopAsync();
    await app.DisposeAsync();
}

static SimulatedReaderTransport Holding(SimulatedReaderTransport reader)
{
    reader.PlaceCard(CheckoutScene.Uid, CheckoutScene.CardNumber, CheckoutScene.ResidentId);
    reader.HolderTypes(CheckoutScene.Pin);
    return reader;
}

static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static void Expect(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("not settled: " + what);
    }
}
