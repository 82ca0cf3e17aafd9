using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MedCard.EndToEnd.Tests.Support;
using MedCard.Host.Client;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Simulator;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>Starting, restarting and reaching the simulator: TCP endpoint, persistent store, reboot, provisioning over the link, wire pacing.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SimulatorLifecycleTests
{
    [Fact]
    public async Task The_tcp_endpoint_serves_the_same_reader_to_a_TcpTransport()
    {
        await using ReaderSimulator simulator = await ReaderSimulator.StartAsync(HostAndSimulator.FastOptions() with { TcpPort = 0 });
        Assert.StartsWith("tcp://127.0.0.1:", simulator.DevicePath);
        await using ReaderClient client = await ReaderClient.ConnectAsync(new TcpTransport("127.0.0.1", simulator.TcpPort!.Value), ClientOptions(simulator));
        Assert.Equal(simulator.Cards.ReaderId, client.ReaderId);
        StatusResponse status = await client.GetStatusAsync();
        Assert.Equal(simulator.Cards.ReaderId, status.ReaderId);
        Assert.Equal("desktop-simulator", client.Capabilities!.BoardName);
    }

    [Fact]
    public async Task A_reader_provisioned_over_the_link_keeps_its_identity_counter_and_journal_across_restarts_and_reboots()
    {
        string store = Path.Combine(Path.GetTempPath(), "medcard-sim-store-" + Guid.NewGuid().ToString("N"));
        CardDeck unprovisioned = CardDeck.FromFile(CardDeck.DemoFile() with { Reader = null });
        byte[] key = new byte[32];
        key[0] = 42;
        try
        {
            SimulatorOptions options = HostAndSimulator.FastOptions() with { Cards = unprovisioned, StoreDirectory = store };
            var keys = new InMemoryReaderKeyStore();
            keys.Add(9009, key);
            var chain = new InMemoryRecordChainStore();
            await using (ReaderSimulator first = await ReaderSimulator.StartAsync(options))
            {
                Assert.Equal(0u, first.Snapshot.ReaderId);
                await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(first.DevicePath), new ReaderClientOptions { Keys = keys, Chain = chain });
                ProvisionResponse provisioned = await client.ProvisionAsync(9009, key);
                Assert.Equal(ProvisionStatus.Provisioned, provisioned.Status);
                await Pay(first, client);
                Assert.Equal(1u, first.Snapshot.Counter);
            }

            await using (ReaderSimulator second = await ReaderSimulator.StartAsync(options))
            {
                await second.WaitForAsync(s => s.ReaderId == 9009 && s.Counter == 1 && s.JournalCount == 1, HostAndSimulator.Patience);
                await second.RebootAsync();
                ReaderSnapshot after = await second.WaitForAsync(s => s.Boots == 2, HostAndSimulator.Patience);
                Assert.Equal(1u, after.Counter);

                await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(second.DevicePath), new ReaderClientOptions { Keys = keys, Chain = chain });
                AuthorizationResult result = await Pay(second, client);
                Assert.Equal(2u, result.Record!.Counter); // the chain continues from the record signed before the restart
                Assert.Equal(RecordVerdict.Accepted, result.Check!.Verdict);
            }
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task The_wire_model_makes_each_exchange_cost_at_least_its_bytes_at_the_baud_rate()
    {
        WireModel wire = WireModel.Uart8N1(9600);
        await using ReaderSimulator simulator = await ReaderSimulator.StartAsync(HostAndSimulator.FastOptions() with { Wire = wire });
        await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(simulator.DevicePath), ClientOptions(simulator));
        long inBefore = simulator.BytesFromHost;
        long outBefore = simulator.BytesToHost;
        long start = Stopwatch.GetTimestamp();
        await client.GetStatusAsync();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long bytes = simulator.BytesFromHost - inBefore + (simulator.BytesToHost - outBefore);

        Assert.True(bytes > 30, "a status exchange is a few dozen bytes, got " + bytes);
        // A lower bound only: the wire may never be faster than 10 bits per byte at 9600 baud (1.04 ms per byte).
        Assert.True(elapsed.TotalMilliseconds >= bytes * wire.MicrosecondsPerByte / 1000, elapsed.TotalMilliseconds + " ms for " + bytes + " bytes");
    }

    private static ReaderClientOptions ClientOptions(ReaderSimulator simulator)
    {
        var keys = new InMemoryReaderKeyStore();
        keys.Add(simulator.Cards.ReaderId, simulator.Cards.ReaderKey);
        return new ReaderClientOptions { Keys = keys, Chain = new InMemoryRecordChainStore() };
    }

    private static async Task<AuthorizationResult> Pay(ReaderSimulator simulator, ReaderClient client)
    {
        VirtualMifareCard card = simulator.PlaceCard("bob");
        await simulator.WaitForAsync(s => s.State == MedCard.Firmware.Reader.ReaderState.CardReady, HostAndSimulator.Patience);
        Assert.Equal(MedCard.Host.Pin.PinOutcome.Correct, await client.RequestPinAsync(card.CardNumber!, new ExpectedPin(card.HolderPin!), HostAndSimulator.Pin));
        AuthorizationResult result = await client.AuthorizeAsync(card.CardNumber!, 250, TransactionType.Purchase);
        Assert.True(result.IsApproved, result.Check?.ToString());
        simulator.LiftCard();
        return result;
    }
}
