// One purchase at a hospital counter: card on the reader, PIN on its keypad, record signed, settled in the ledger.
// Usage: HospitalCheckout <reader port | tcp://host:port> <ledger (SQLite path or Npgsql connection string)> <institution>
//        <amount in fen> [<PIN key file>]   (medcard keeps a SQLite ledger's PIN verification keys in <ledger>.pin-keys)
using System;
using System.IO;
using System.Threading;
using MedCard.Checkout;
using MedCard.Host.Transport;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

if (args.Length is < 4 or > 5 || !long.TryParse(args[3], out long amountFen) || amountFen <= 0)
{
    Console.Error.WriteLine("usage: HospitalCheckout <port> <ledger> <institution> <amount in fen> [<PIN key file>]");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using ILedgerStore ledger = LedgerStores.Open(args[1]);
await ledger.MigrateAsync(stop.Token);
string? pinKeyFile = args.Length == 5 ? args[4] : File.Exists(args[1] + ".pin-keys") ? args[1] + ".pin-keys" : null;
try
{
    using PinKeyFile? pinKeys = pinKeyFile is null ? null : PinKeyFile.Open(pinKeyFile); // owner-only, or refused
    await using CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(TransportAddress.Create(args[0]), ledger, new CheckoutOptions
        { CardWait = TimeSpan.FromSeconds(60), Status = line => Console.WriteLine(line), Ledger = new LedgerOptions { PinKeys = pinKeys } }, stop.Token);
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
catch (Exception e) when (e is CheckoutException or TransportException or TimeoutException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("HospitalCheckout: " + e.Message);
    return 4;
}
