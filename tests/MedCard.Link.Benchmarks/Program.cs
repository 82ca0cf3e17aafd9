using System;
using System.Globalization;
using System.Threading.Tasks;
using MedCard.Link.Benchmarks;
using MedCard.Simulator.Link;

// The authorize exchange host <-> simulated reader over a real pseudo-terminal: latency percentiles and bytes
// on the wire per transaction in both directions, unpaced and at 115200 baud 8N1 (86.8 us per byte).
// Usage: dotnet run -c Release --project tests/MedCard.Link.Benchmarks [-- iterations]
int iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const int warmup = 5;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Console.WriteLine("MedCard link benchmark: AuthorizeRequest -> signed AuthorizeResponse -> host verification, over a real pty");
Console.WriteLine("iterations per configuration: " + iterations + " (after " + warmup + " warm-up), " + Environment.ProcessorCount + " CPU(s), " + Environment.OSVersion);
Console.WriteLine();
Console.WriteLine($"{"wire",-30} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"auth h->r B",12} {"auth r->h B",12} {"wire floor",11} {"txn h->r B",11} {"txn r->h B",11}");
foreach (WireModel wire in new[] { WireModel.Unpaced, WireModel.Uart8N1(115200) })
{
    AuthorizeFigures f = await AuthorizeRun.MeasureAsync(wire, warmup, iterations);
    Console.WriteLine($"{wire,-30} {f.P50,8:0.00} {f.P99,8:0.00} {f.Max,8:0.00} {f.AuthorizeToReader,12} {f.AuthorizeToHost,12} {f.WireFloorMs,8:0.00} ms {f.TransactionToReader,11} {f.TransactionToHost,11}");
    Console.WriteLine("  link: " + f.LinkStatistics);
}

// The same unpaced run with the host library's telemetry listened to (what `medcard serve` with OpenTelemetry does): every
// span started and stopped, every measurement delivered. The difference to the unpaced row is the telemetry's cost.
using (var listened = TelemetryListening.Start())
{
    AuthorizeFigures t = await AuthorizeRun.MeasureAsync(WireModel.Unpaced, warmup, iterations);
    Console.WriteLine($"{"unpaced, telemetry listened",-30} {t.P50,8:0.00} {t.P99,8:0.00} {t.Max,8:0.00}   ({listened.Spans} spans, {listened.Measurements} measurements)");
}

(ByteCounts fullToReader, ByteCounts fullToHost) = await FullTransactionRun.MeasureAsync(Math.Max(10, iterations / 5));
Console.WriteLine();
Console.WriteLine("whole transaction (card placed, CardPresented+ACK, PIN, authorize, card lifted, CardRemoved+ACK): host->reader "
    + fullToReader + " B, reader->host " + fullToHost + " B; at 115200 8N1 that is "
    + ((fullToReader.Typical + fullToHost.Typical) * WireModel.Uart8N1(115200).MicrosecondsPerByte / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " ms of wire time");
Console.WriteLine("  (cards alternate: alice has a 4-byte UID, bob a 7-byte one, carried by both events and the record)");
Console.WriteLine();
Console.WriteLine("latency: AuthorizeAsync as the integrator sees it (request, reader signs, answer, host verifies the record).");
Console.WriteLine("auth: bytes on the simulated wire during the authorize call; txn: PIN request/answer + authorize (whole transaction");
Console.WriteLine("with the card already on the reader). Typical count, (min-max) when a heartbeat or event shared the wire.");
Console.WriteLine("wire floor: what the typical authorize bytes cost at the wire's byte time, before any processing.");
return 0;
