using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Reader;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Simulator;
using MedCard.Simulator.Hardware;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>
/// One simulated reader and one host on the two ends of a real pseudo-terminal: the simulator serves the
/// master, the host's <see cref="ReaderClient"/> opens the slave with <see cref="MedCard.Host.Transport.PosixSerialPort"/>
/// (through <see cref="PluggablePort"/>, so a test can pull the cable). The host trusts the demo reader key
/// from the cards file and keeps its chain in memory. Every record accepted or refused is collected.
/// </summary>
internal sealed class HostAndSimulator : IAsyncDisposable
{
    /// <summary>Generous bound for waits on the simulator: only reached when something is broken.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private HostAndSimulator(ReaderSimulator simulator, PluggablePort port, ReaderClient client, InMemoryRecordChainStore chain)
    {
        Simulator = simulator;
        Port = port;
        Client = client;
        Chain = chain;
        client.RecordAccepted += (_, check) => Accepted.Enqueue(check);
        client.RecordRefused += (_, check) => Refused.Enqueue(check);
    }

    public ReaderSimulator Simulator { get; }

    public PluggablePort Port { get; }

    public ReaderClient Client { get; }

    public InMemoryRecordChainStore Chain { get; }

    public ConcurrentQueue<RecordCheck> Accepted { get; } = new();

    public ConcurrentQueue<RecordCheck> Refused { get; } = new();

    /// <summary>PIN entry as the tests ask for it: 6 digits, 6 s on the reader (room for a loaded machine).</summary>
    public static PinEntryOptions Pin { get; } = new() { MinLength = 6, MaxLength = 6, TimeoutSeconds = 6 };

    /// <summary>Production firmware logic with shorter presence and keypad timings, so a transaction takes well under a second.</summary>
    public static ReaderOptions FastReader() => new()
    {
        Timings = new ReaderTimings
        {
            PresencePollMs = 20,
            PresenceConfirmPolls = 2,
            RemovalMissPolls = 3,
            RemovalMinMs = 80,
            KeypadDebounceMs = 10,
            FeedbackMs = 100,
        },
    };

    public static SimulatorOptions FastOptions() => new() { Reader = FastReader(), KeyHoldMs = 30, KeyGapMs = 30 };

    public static async Task<HostAndSimulator> StartAsync(SimulatorOptions? options = null, Func<ReaderClientOptions, ReaderClientOptions>? tune = null)
    {
        ReaderSimulator simulator = await ReaderSimulator.StartAsync(options ?? FastOptions());
        try
        {
            var keys = new InMemoryReaderKeyStore();
            keys.Add(simulator.Cards.ReaderId, simulator.Cards.ReaderKey);
            var chain = new InMemoryRecordChainStore();
            var clientOptions = new ReaderClientOptions
            {
                Keys = keys,
                Chain = chain,
                PinAnswerMargin = TimeSpan.FromMilliseconds(500),

                // The host holds the issuer's holder-data MAC key; the simulated reader, like a real one, does not.
                HolderMac = new HolderMacVerifier(simulator.Cards.HolderMacKey),
            };
            if (tune is not null)
            {
                clientOptions = tune(clientOptions);
            }

            var port = new PluggablePort(simulator.DevicePath);
            ReaderClient client = await ReaderClient.ConnectAsync(port, clientOptions);
            return new HostAndSimulator(simulator, port, client, chain);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Place the card and wait until the reader has read it and waits for the host.</summary>
    public async Task<VirtualMifareCard> PresentAsync(string label)
    {
        VirtualMifareCard card = Simulator.PlaceCard(label);
        await Simulator.WaitForAsync(s => s.State == ReaderState.CardReady && s.CardNumber == card.CardNumber, Patience);
        return card;
    }

    /// <summary>Lift the card and wait until the reader is idle again.</summary>
    public async Task RemoveAsync()
    {
        Simulator.LiftCard();
        await Simulator.WaitForAsync(s => s.State == ReaderState.Idle && !s.CardPresent, Patience);
    }

    /// <summary>PIN (typed by the virtual holder from the cards file) then authorization of <paramref name="amount"/> fen.</summary>
    public async Task<AuthorizationResult> PayAsync(VirtualMifareCard card, long amount, CancellationToken cancellationToken = default)
    {
        var verifier = new ExpectedPin(card.HolderPin!);
        PinOutcome pin = await Client.RequestPinAsync(card.CardNumber!, verifier, Pin, cancellationToken);
        if (pin != PinOutcome.Correct)
        {
            throw new InvalidOperationException("PIN entry ended with " + pin + ".");
        }

        return await Client.AuthorizeAsync(card.CardNumber!, amount, TransactionType.Purchase, cancellationToken);
    }

    /// <summary>The records still in the reader's journal, read on its poll thread.</summary>
    public Task<SignedRecord[]> ReaderJournalAsync() => Simulator.InvokeAsync(core =>
    {
        var output = new SignedRecord[core.Journal.Capacity];
        int n = core.Journal.Read(1, uint.MaxValue, output, out _);
        return output.AsSpan(0, n).ToArray();
    });

    /// <summary>The counters of the records the host accepted, in acceptance order.</summary>
    public List<uint> AcceptedCounters()
    {
        var counters = new List<uint>();
        foreach (RecordCheck check in Accepted)
        {
            counters.Add(check.Record.Counter);
        }

        return counters;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
