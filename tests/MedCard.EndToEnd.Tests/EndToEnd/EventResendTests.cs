using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.EndToEnd.Tests.Support;
using MedCard.Host.Client;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>
/// Protocol rule 8 (shared/MedCard.Protocol/README.md): the reader re-sends an unacknowledged event every
/// 250 ms, at most 3 times, and the host delivers it once. A CardPresented lost on the line (dropped, or
/// corrupted and dropped by the host's CRC check) must still reach the cashier's screen: the reader's first
/// re-send does, 250 ms later.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EventResendTests
{
    [Fact]
    public Task A_card_presented_event_on_a_clean_line_reaches_the_host() => PresentWithFault(FrameFault.None);

    [Theory]
    [InlineData(FrameFault.Drop)]
    [InlineData(FrameFault.Corrupt)]
    public Task A_card_presented_event_reaches_the_host_even_if_the_line_loses_its_first_copy(FrameFault fault) => PresentWithFault(fault);

    private static async Task PresentWithFault(FrameFault fault)
    {
        var faults = new ScriptedLineFaults(seed: 41);
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(HostAndSimulator.FastOptions() with { Faults = faults });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // rule 8 delivers within 1 s
        await using var events = rig.Client.CardEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        faults.Arm(LinkDirection.ReaderToHost, skip: 0, fault);

        VirtualMifareCard card = rig.Simulator.PlaceCard("alice");
        Assert.True(await events.MoveNextAsync());
        Assert.True(events.Current.IsPresent);
        Assert.Equal(card.CardNumber, events.Current.CardNumber);
        Assert.Equal(fault == FrameFault.None ? 0 : 1, faults.Total);
    }
}
