// One purchase at a hospital counter: card on the reader, PIN on its keypad, record signed, settled in the ledger.
// Usage: HospitalCheckout <reader port | tcp://host:port> <ledger (SQLite path or Npgsql connection string)> <institution> <amount in fen>
using System;
using System.Threading;
using MedCard.Checkout;
using MedCard.Host.Transport;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;

if (args.Length != 4 || !long.TryParse(args[3], out long amountFen) || amountFen <= 0)
{
    Console.Error.WriteLine("usage: HospitalCheckout <port> <ledger> <institution> <amount in fen>");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using ILedgerStore ledger = LedgerStores.Open(args[1]);
await ledger.MigrateAsync(stop.Token);
try
{
    await using CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(TransportAddress.Create(args[0]), ledger,
        new CheckoutOptions { CardWait = TimeSpan.FromSeconds(60), Status = line => Console.WriteLine(line) }, stop.Token);
    foreach (VoidedRecord lost in terminal.Recovery.Voided)
    {
        Console.WriteLine($"recovered: record {lost.ReaderId}/{lost.Counter} voided ({lost.Reason})");
    }

    var bill = new Purchase([new BillItem("CONSULT", "Outpatient consultation", ItemClass.Covered, amountFen)], args[2], VisitType.Outpatient);
    CheckoutResult result = await terminal.CheckoutAsync(bill, stop.Token);
    if (!result.IsSettled)
    {
        Console.WriteLine($"refused: {result.Reason}: {result.Message}");
        return 3;
    }

    Console.WriteLine($"settled {result.ReaderId}/{result.Counter} for card {result.CardNumber}: fund {result.Outcome!.Fund}, "
        + $"account {result.Outcome.OwnAccount}, cash {result.Outcome.Cash} (fen)");
    foreach (string step in result.Explanation)
    {
        Console.WriteLine("  " + step);
    }

    return 0;
}
catch (Exception e) when (e is CheckoutException or TransportException or TimeoutException)
{
    Console.Error.WriteLine("HospitalCheckout: " + e.Message);
    return 4;
}
