using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.EndToEnd.Tests.Support;
using MedCard.Firmware.Reader;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Simulator.Hardware;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>Host and simulated reader on a clean pseudo-terminal: the card-to-record path and the card refusals.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class TransactionTests
{
    [Fact]
    public async Task Card_presented_then_pin_then_authorize_gives_a_verified_record_counted_once()
    {
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync();
        using var cts = new CancellationTokenSource(HostAndSimulator.Patience);
        await using var events = rig.Client.CardEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        VirtualMifareCard card = rig.Simulator.PlaceCard("alice");
        Assert.True(await events.MoveNextAsync());
        CardEvent presented = events.Current;
        Assert.True(presented.IsPresent);
        Assert.Equal(card.CardNumber, presented.CardNumber);
        Assert.Equal(Convert.ToHexString(card.Uid), Convert.ToHexString(presented.Uid));
        Assert.Equal("张丽", System.Text.Encoding.UTF8.GetString(presented.Details!.NameUtf8));

        var verifier = new ExpectedPin(card.HolderPin!);
        PinOutcome pin = await rig.Client.RequestPinAsync(presented.CardNumber!, verifier, HostAndSimulator.Pin, cts.Token);
        Assert.Equal(PinOutcome.Correct, pin);
        Assert.Equal(1, verifier.Calls);

        AuthorizationResult result = await rig.Client.AuthorizeAsync(presented.CardNumber!, 12_345, TransactionType.Purchase, cts.Token);
        Assert.True(result.IsApproved, result.Check?.ToString());
        SignedRecord record = result.Record!;
        Assert.Equal(rig.Simulator.Cards.ReaderId, record.ReaderId);
        Assert.Equal(1u, record.Counter);
        Assert.Equal(12_345, record.Amount);
        Assert.Equal(card.CardNumber, record.CardNumber);
        Assert.Equal(Convert.ToHexString(card.Uid), Convert.ToHexString(record.CardUid));

        // What the host accepted is byte for byte what the reader signed and journaled.
        SignedRecord[] journal = await rig.ReaderJournalAsync();
        Assert.Equal(RecordBytes.Hex(record), RecordBytes.Hex(Assert.Single(journal)));
        Assert.Equal(new uint[] { 1 }, rig.AcceptedCounters());
        Assert.Empty(rig.Refused);
        Assert.Equal(1u, (await rig.Chain.GetAsync(record.ReaderId, cts.Token)).Counter);

        rig.Simulator.LiftCard();
        Assert.True(await events.MoveNextAsync());
        Assert.False(events.Current.IsPresent);
        Assert.Null(rig.Simulator.LastError);
    }

    [Fact]
    public async Task Three_transactions_chain_and_journal_sync_acknowledges_them()
    {
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync();
        long[] amounts = { 100, 2_500, 99_999 };
        foreach (long amount in amounts)
        {
            VirtualMifareCard card = await rig.PresentAsync(amount % 2 == 0 ? "alice" : "bob");
            AuthorizationResult result = await rig.PayAsync(card, amount);
            Assert.True(result.IsApproved);
            await rig.RemoveAsync();
        }

        Assert.Equal(new uint[] { 1, 2, 3 }, rig.AcceptedCounters());
        Assert.Equal(amounts, rig.Accepted.Select(c => c.Record.Amount).ToArray());
        Assert.Equal(3, (await rig.ReaderJournalAsync()).Length);

        JournalSyncResult sync = await rig.Client.SyncJournalAsync();
        Assert.Equal(3u, sync.LatestCounter);
        Assert.Empty(await rig.ReaderJournalAsync()); // acknowledged records are pruned on the reader
        Assert.Equal(3, rig.Accepted.Count);
    }

    [Theory]
    [InlineData("blank", HolderDataStatus.Unreadable)]
    [InlineData("foreign", HolderDataStatus.Unreadable)]
    [InlineData("forged", HolderDataStatus.BadIssuerMac)]
    public async Task A_card_the_reader_cannot_open_is_reported_unreadable_and_cannot_pay(string label, HolderDataStatus expected)
    {
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync();
        using var cts = new CancellationTokenSource(HostAndSimulator.Patience);
        await using var events = rig.Client.CardEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        rig.Simulator.PlaceCard(label);
        Assert.True(await events.MoveNextAsync());
        Assert.True(events.Current.IsPresent);
        Assert.Equal(expected, events.Current.Details!.HolderStatus);
        Assert.Null(events.Current.CardNumber);
        Assert.False(events.Current.HolderVerified);
        if (label == "forged")
        {
            // The reader read the forged card and reported Ok (it cannot check the MAC); the host rejected it, and
            // refuses to have anything signed for it.
            await rig.Simulator.WaitForAsync(s => s.State == ReaderState.CardReady, HostAndSimulator.Patience);
            AuthorizationResult refused = await rig.Client.AuthorizeAsync("M0000001", 100, TransactionType.Purchase, cts.Token);
            Assert.False(refused.IsApproved);
            Assert.Equal(AuthorizeStatus.CardMismatch, refused.Status);
            Assert.Equal(0u, rig.Simulator.Snapshot.Counter);
            Assert.Empty(rig.Accepted);
            return;
        }

        await rig.Simulator.WaitForAsync(s => s.State == ReaderState.WaitingRemoval, HostAndSimulator.Patience);

        AuthorizationResult result = await rig.Client.AuthorizeAsync("M0000001", 100, TransactionType.Purchase, cts.Token);
        Assert.False(result.IsApproved);
        Assert.Equal(0u, rig.Simulator.Snapshot.Counter);
        Assert.Empty(rig.Accepted);
    }

    [Fact]
    public async Task A_card_lifted_during_pin_entry_ends_the_entry_and_signs_nothing()
    {
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(HostAndSimulator.FastOptions() with { AutoTypePin = false });
        VirtualMifareCard card = await rig.PresentAsync("alice");
        Task<PinOutcome> pin = rig.Client.RequestPinAsync(card.CardNumber!, new ExpectedPin(card.HolderPin!), HostAndSimulator.Pin);
        rig.Simulator.TypeKeys("12");
        await rig.Simulator.WaitForAsync(s => s.State == ReaderState.PinEntry && s.PinDigitCount == 2, HostAndSimulator.Patience);
        rig.Simulator.LiftCard();

        Assert.Equal(PinOutcome.NoCard, await pin);
        AuthorizationResult result = await rig.Client.AuthorizeAsync(card.CardNumber!, 100, TransactionType.Purchase);
        Assert.Equal(AuthorizeStatus.CardRemoved, result.Status);
        Assert.Equal(0u, rig.Simulator.Snapshot.Counter);
    }
}
