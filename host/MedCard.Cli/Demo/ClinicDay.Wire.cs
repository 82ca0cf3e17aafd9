using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Cli.Infrastructure;
using MedCard.Host.Verification;
using MedCard.Host.Client;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Simulator;
using MedCard.Simulator.Cards;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    internal const uint WireReader = 4;

    /// <summary>
    /// One visit over the real wire: the desktop reader simulator (the firmware's own reader core with a virtual
    /// card field and keypad) on a pseudo-terminal (TCP on Windows), provisioned over the link, and the host
    /// library's ReaderClient settling through it. The card is personalised by the firmware's card code with the
    /// demo scheme keys; its holder types the PIN on the virtual keypad.
    /// </summary>
    private async Task WireAsync(CancellationToken ct)
    {
        CardsFile demo = CardDeck.DemoFile();
        var deck = CardDeck.FromFile(new CardsFile
        {
            Scheme = demo.Scheme,
            Cards =
            {
                new CardSpec
                {
                    Label = "wang-fang", Uid = WangFang.UidHex, ResidentId = WangFang.ResidentId, Name = WangFang.Name, Gender = "female",
                    CardNumber = WangFang.Card, Pin = WangFang.Pin,
                },
            },
        });

        // A slow, steady virtual finger: the keypad is scanned in real time and the machine may be busy.
        await using ReaderSimulator sim = await ReaderSimulator.StartAsync(new SimulatorOptions
        {
            Cards = deck,
            TcpPort = OperatingSystem.IsWindows() ? 0 : null,
            KeyHoldMs = 150,
            KeyGapMs = 100,
        }, ct).ConfigureAwait(false);
        Log.Desk("start the desktop reader simulator", "-", "firmware reader core on " + sim.DevicePath);
        _progress.Step();

        byte[] key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(SignedRecord.KeyLength);
        await using (ReaderClient client = await ReaderClient.ConnectAsync(Transport(sim.DevicePath),
            new ReaderClientOptions { Keys = new InMemoryReaderKeyStore(), Chain = new InMemoryRecordChainStore() }, ct).ConfigureAwait(false))
        {
            ProvisionResponse provisioned = await client.ProvisionAsync(WireReader, key, ct).ConfigureAwait(false);
            if (provisioned.Status != ProvisionStatus.Provisioned)
            {
                throw new DemoExpectationException("provision over the link", "Provisioned", provisioned.Status.ToString());
            }
        }

        await _readers.RegisterAsync(WireReader, key, ct).ConfigureAwait(false);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        Log.Desk("provision it over the link as reader " + WireReader, "-", "key sent once, never readable back");
        _progress.Step();

        var purchase = new Purchase([Covered("BP", "Blood pressure check", "15.00"), SelfPaid("CUFF", "Home blood pressure cuff", "129.00")],
            Pharmacy, VisitType.Pharmacy) { CardNumber = WangFang.Card };
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<CheckoutResult> settle = CheckoutRunner.ConnectedAsync(_store, sim.DevicePath, purchase, TimeSpan.FromSeconds(30),
            _ => waiting.TrySetResult(), null, null, null, ct);
        await Task.WhenAny(waiting.Task, settle).ConfigureAwait(false);
        sim.PlaceCard("wang-fang");
        CheckoutResult report;
        try
        {
            report = await settle.ConfigureAwait(false);
        }
        finally
        {
            sim.LiftCard();
        }

        string actual = DemoLog.Actual(report);
        Log.Settlement("Wang Fang at the pharmacy: card on the reader, PIN on its keypad", report, purchase, "ok");
        if (actual != "ok")
        {
            throw new DemoExpectationException("settlement over the wire", "ok", actual);
        }

        _progress.Step();
    }

    private static IByteTransport Transport(string devicePath) => Commands.ProvisionCommand.Transport(devicePath);
}
