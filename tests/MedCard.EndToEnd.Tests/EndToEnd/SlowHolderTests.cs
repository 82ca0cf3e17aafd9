using System.Threading.Tasks;
using MedCard.EndToEnd.Tests.Support;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>
/// A holder who types at a human pace (here about 6 s for six digits and Enter) while the PIN request reaches
/// the reader twice (a duplicating line, or a resend after a reconnect): the repeat must not make the host
/// give up while the holder is still typing.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SlowHolderTests
{
    [Fact]
    public async Task A_repeated_pin_request_during_slow_typing_still_ends_with_the_pin()
    {
        var faults = new ScriptedLineFaults(seed: 31);
        // Events are not ACKed here, so the first frame the host sends after arming is the PinRequest itself.
        await using HostAndSimulator rig = await HostAndSimulator.StartAsync(
            HostAndSimulator.FastOptions() with { Faults = faults, KeyHoldMs = 400, KeyGapMs = 400 },
            o => o with { Link = o.Link with { AcknowledgeEvents = false } });
        VirtualMifareCard alice = await rig.PresentAsync("alice");
        faults.Arm(LinkDirection.HostToReader, skip: 0, FrameFault.Duplicate);

        PinOutcome pin = await rig.Client.RequestPinAsync(alice.CardNumber!, new ExpectedPin(alice.HolderPin!), HostAndSimulator.Pin with { TimeoutSeconds = 20 });

        Assert.Equal(1, faults.Duplicated);
        Assert.True(pin == PinOutcome.Correct, pin + ", link " + rig.Client.Statistics);
        AuthorizationResult result = await rig.Client.AuthorizeAsync(alice.CardNumber!, 300, MedCard.Protocol.TransactionType.Purchase);
        Assert.True(result.IsApproved);
    }
}
