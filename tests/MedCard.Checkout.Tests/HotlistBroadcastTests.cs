using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>A phone loss report reaches every connected reader at once (HotlistBroadcast), on simulated readers.</summary>
public sealed class HotlistBroadcastTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_open_terminal_takes_the_hotlist_and_the_reader_refuses_the_lost_card_before_signing()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync(readers: 2);
        var transports = new List<SimulatedReaderTransport>();
        var terminals = new List<CheckoutTerminal>();
        try
        {
            foreach (uint id in new uint[] { 1, 2 })
            {
                SimulatedReaderTransport transport = SimulatedReaderTransport.Open(folder.Scene.ReaderFolder(id));
                transports.Add(transport);
                terminals.Add(await CheckoutTerminal.OpenAsync(transport, folder.Scene.Store, new CheckoutOptions
                {
                    CardWait = TimeSpan.FromSeconds(30),
                    HolderMacKey = transport.IssuerHolderMacKey(),
                }, None));
            }

            var desk = new CardDesk(folder.Scene.Store);
            DeskResult lost = await desk.ReportLossAsync(new LossReport(CheckoutScene.CardNumber, "Li Na", CheckoutScene.ResidentId, LossChannel.Phone,
                DateTimeOffset.UtcNow) { Employer = "school" }, None);
            Assert.True(lost.Succeeded, lost.ToString());
            long version = (await desk.GetHotlistAsync(None)).Version;

            IReadOnlyList<HotlistDelivery> deliveries = await HotlistBroadcast.PushAsync(terminals, None);

            Assert.Equal([1u, 2u], deliveries.Select(d => d.ReaderId).ToArray());
            Assert.All(deliveries, d =>
            {
                Assert.True(d.InForce, d.ToString());
                Assert.Null(d.Error);
                Assert.Equal(HotlistStatus.Activated, d.Report!.Ack.Status);
                Assert.Equal((uint)version, d.Report.Version);
            });

            transports[1].PlaceCard(CheckoutScene.Uid, CheckoutScene.CardNumber, CheckoutScene.ResidentId);
            transports[1].HolderTypes(CheckoutScene.Pin);
            CheckoutResult refused = await terminals[1].CheckoutAsync(
                new Purchase([new BillItem("OTC", "Ibuprofen", ItemClass.FullySelfPaid, 3_00)], CheckoutScene.Institution, VisitType.Pharmacy), None);
            Assert.Equal(CheckoutReasons.PinEntryPrefix + "hotlisted", refused.Reason); // the reader's own refusal
            Assert.False(refused.Signed);
        }
        finally
        {
            foreach (CheckoutTerminal terminal in terminals)
            {
                await terminal.DisposeAsync();
            }

            foreach (SimulatedReaderTransport transport in transports)
            {
                await transport.DisposeAsync();
            }
        }
    }
}
