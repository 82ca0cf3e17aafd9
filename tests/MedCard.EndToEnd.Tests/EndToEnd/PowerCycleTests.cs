using System.Threading.Tasks;
using MedCard.EndToEnd.Tests.Support;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Protocol;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>
/// The reader loses power right after signing, before its answer reaches the host: its RAM response cache is
/// gone. The host's resend (same request, same nonce) must get the journaled record, not a second signature;
/// the record is counted once and its counter never reused.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PowerCycleTests
{
    [Fact]
    public async Task A_resend_after_a_power_cycle_gets_the_journaled_record_and_nothing_is_signed_twice()
    {
        var faults = new ScriptedLineFaults(seed: 21);
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(HostAndSimulator.FastOptions() with { Faults = faults });
        VirtualMifareCard alice = await rig.PresentAsync("alice");
        Assert.Equal(PinOutcome.Correct, await rig.Client.RequestPinAsync(alice.CardNumber!, new ExpectedPin(alice.HolderPin!), HostAndSimulator.Pin));

        faults.Arm(LinkDirection.ReaderToHost, skip: 0, FrameFault.Drop);
        Task<AuthorizationResult> pay = rig.Client.AuthorizeAsync(alice.CardNumber!, 8_800, TransactionType.Purchase);
        await rig.Simulator.WaitForAsync(s => s.Counter == 1, HostAndSimulator.Patience);
        await rig.Simulator.RebootAsync();

        // The resend reaches a rebooted reader: it finds the nonce in its journal and answers with that record.
        AuthorizationResult replayed = await pay;
        Assert.True(replayed.IsApproved, replayed.Status + " " + replayed.Check);
        Assert.Equal(1u, replayed.Record!.Counter);
        Assert.Equal(8_800, replayed.Record.Amount);
        Assert.Equal(1u, rig.Simulator.Snapshot.Counter);
        Assert.Equal(2, rig.Simulator.Snapshot.Boots);
        Assert.Equal(0, await rig.Simulator.InvokeAsync(core => core.Channel.CacheHits)); // not the RAM cache: it died with the reboot
        Assert.Equal(new uint[] { 1 }, rig.AcceptedCounters());
        Assert.Equal(RecordBytes.Hex(replayed.Record), RecordBytes.Hex(Assert.Single(await rig.ReaderJournalAsync())));

        JournalSyncResult sync = await rig.Client.SyncJournalAsync();
        Assert.Equal(1u, sync.LatestCounter);
        Assert.Equal(new uint[] { 1 }, rig.AcceptedCounters());

        await rig.RemoveAsync();
        VirtualMifareCard bob = await rig.PresentAsync("bob");
        AuthorizationResult next = await rig.PayAsync(bob, 120);
        Assert.True(next.IsApproved, next.Check?.ToString());
        Assert.Equal(2u, next.Record!.Counter);
        Assert.Equal(new uint[] { 1, 2 }, rig.AcceptedCounters());
        Assert.Empty(rig.Refused);
        Assert.Equal(2, rig.Simulator.Snapshot.Boots);
    }
}
