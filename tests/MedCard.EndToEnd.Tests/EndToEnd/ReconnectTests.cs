using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.EndToEnd.Tests.Support;
using MedCard.Host.Client;
using MedCard.Host.Link;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Simulator;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>
/// The host's end of the pty is closed and reopened in the middle of an authorization, after the reader has
/// signed and while its answer is lost on the line: the host must end up with that record exactly once.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReconnectTests
{
    [Fact]
    public async Task Port_closed_and_reopened_after_signing_resumes_the_same_authorization_without_a_double()
    {
        var faults = new ScriptedLineFaults(seed: 11);
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(HostAndSimulator.FastOptions() with { Faults = faults });
        VirtualMifareCard card = await rig.PresentAsync("alice");
        Assert.Equal(PinOutcome.Correct, await rig.Client.RequestPinAsync(card.CardNumber!, new ExpectedPin(card.HolderPin!), HostAndSimulator.Pin));

        faults.Arm(LinkDirection.ReaderToHost, skip: 0, FrameFault.Drop); // the AuthorizeResponse never reaches the host
        Task reconnecting = Signals.WhenLinkState(rig.Client.Link, LinkState.Reconnecting);
        Task reconnected = Signals.WhenReconnected(rig.Client.Link);
        Task<AuthorizationResult> pay = rig.Client.AuthorizeAsync(card.CardNumber!, 4_200, TransactionType.Purchase);
        await rig.Simulator.WaitForAsync(s => s.Counter == 1, HostAndSimulator.Patience); // signed on the reader
        await rig.Port.PullAsync();
        await reconnecting;
        rig.Port.PlugIn();
        await reconnected;

        AuthorizationResult result = await pay;
        Assert.True(result.IsApproved, result.Check?.ToString());
        Assert.Equal(1u, result.Record!.Counter);
        Assert.Equal(4_200, result.Record.Amount);
        Assert.True(rig.Port.Opens >= 2, "the port was reopened");
        Assert.False(faults.IsArmed(LinkDirection.ReaderToHost));
        Assert.Equal(new uint[] { 1 }, rig.AcceptedCounters());
        Assert.Empty(rig.Refused);
        Assert.Equal(1u, rig.Simulator.Snapshot.Counter); // the resend was answered from the reader's cache, not signed again
    }

    [Fact]
    public async Task Record_signed_while_the_port_was_gone_is_read_back_from_the_journal_after_reconnect()
    {
        var faults = new ScriptedLineFaults(seed: 12);
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(
            HostAndSimulator.FastOptions() with { Faults = faults },
            o => o with { AuthorizeTimeout = TimeSpan.FromSeconds(1.5) });
        VirtualMifareCard alice = await rig.PresentAsync("alice");
        Assert.Equal(PinOutcome.Correct, await rig.Client.RequestPinAsync(alice.CardNumber!, new ExpectedPin(alice.HolderPin!), HostAndSimulator.Pin));

        faults.Arm(LinkDirection.ReaderToHost, skip: 0, FrameFault.Drop);
        Task reconnecting = Signals.WhenLinkState(rig.Client.Link, LinkState.Reconnecting);
        Task<AuthorizationResult> pay = rig.Client.AuthorizeAsync(alice.CardNumber!, 700, TransactionType.Purchase);
        await rig.Simulator.WaitForAsync(s => s.Counter == 1, HostAndSimulator.Patience);
        await rig.Port.PullAsync();
        await reconnecting;

        // The cashier's call gives up while the cable is out; the reader has signed record 1 all the same.
        await Assert.ThrowsAsync<ReaderTimeoutException>(() => pay);
        Assert.Empty(rig.Accepted);

        var recovered = new TaskCompletionSource<RecordCheck>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Client.RecordAccepted += (_, check) => recovered.TrySetResult(check);
        rig.Port.PlugIn();
        RecordCheck first = await recovered.Task.WaitAsync(HostAndSimulator.Patience); // journal sync on reconnect
        Assert.Equal(1u, first.Record.Counter);
        Assert.Equal(700, first.Record.Amount);
        await rig.RemoveAsync();

        VirtualMifareCard bob = await rig.PresentAsync("bob");
        AuthorizationResult second = await rig.PayAsync(bob, 1_300);
        Assert.True(second.IsApproved);
        Assert.Equal(2u, second.Record!.Counter);
        Assert.Equal(new uint[] { 1, 2 }, rig.AcceptedCounters());
        Assert.Empty(rig.Refused);
    }

    [Fact]
    public async Task Without_reconnect_sync_the_next_record_reveals_the_gap_and_the_host_reads_it_from_the_journal()
    {
        var faults = new ScriptedLineFaults(seed: 13);
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(
            HostAndSimulator.FastOptions() with { Faults = faults },
            o => o with { AuthorizeTimeout = TimeSpan.FromSeconds(1.5), SyncJournalOnReconnect = false });
        VirtualMifareCard alice = await rig.PresentAsync("alice");
        Assert.Equal(PinOutcome.Correct, await rig.Client.RequestPinAsync(alice.CardNumber!, new ExpectedPin(alice.HolderPin!), HostAndSimulator.Pin));

        faults.Arm(LinkDirection.ReaderToHost, skip: 0, FrameFault.Drop);
        Task reconnecting = Signals.WhenLinkState(rig.Client.Link, LinkState.Reconnecting);
        Task<AuthorizationResult> pay = rig.Client.AuthorizeAsync(alice.CardNumber!, 700, TransactionType.Purchase);
        await rig.Simulator.WaitForAsync(s => s.Counter == 1, HostAndSimulator.Patience);
        await rig.Port.PullAsync();
        await reconnecting;
        await Assert.ThrowsAsync<ReaderTimeoutException>(() => pay);
        Task reconnected = Signals.WhenReconnected(rig.Client.Link);
        rig.Port.PlugIn();
        await reconnected;
        await rig.RemoveAsync();
        Assert.Empty(rig.Accepted);

        VirtualMifareCard bob = await rig.PresentAsync("bob");
        AuthorizationResult second = await rig.PayAsync(bob, 1_300);
        Assert.True(second.IsApproved, second.Check?.ToString());
        Assert.Equal(2u, second.Record!.Counter);
        RecordCheck gap = Assert.Single(second.Recovered);
        Assert.Equal(1u, gap.Record.Counter);
        Assert.True(gap.IsNewlyAccepted);
        Assert.Equal(new uint[] { 1, 2 }, rig.AcceptedCounters().OrderBy(c => c).ToArray());
        Assert.Equal(2, rig.Accepted.Count);
        Assert.Empty(rig.Refused);
    }
}
