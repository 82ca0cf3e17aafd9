using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Diagnostics;
using MedCard.Settlement.Model;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>The "MedCard.Checkout" meter and activity source fire once per checkout, a refusal carries its reason code, and no
/// tag carries the card number.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class CheckoutTelemetryTests : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly List<Activity> _stopped = new();

    public CheckoutTelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CheckoutTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _meters.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _meters.Start();
        _spans = new ActivityListener
        {
            ShouldListenTo = s => s.Name is CheckoutTelemetry.ActivitySourceName or HostTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (_stopped)
                {
                    _stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);
    }

    [Fact]
    public void The_names_integrators_subscribe_by_are_fixed()
    {
        Assert.Equal("MedCard.Checkout", CheckoutTelemetry.MeterName);
        Assert.Equal("MedCard.Checkout", CheckoutTelemetry.ActivitySourceName);
    }

    [Fact]
    public async Task A_settlement_is_counted_timed_and_traced_with_the_reader_calls_inside_its_span()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();

        CheckoutResult result = await folder.Scene.SettleAsync(1, 10_00, CancellationToken.None);

        Assert.True(result.IsSettled, result.ToString());
        var settled = Measured(CheckoutTelemetry.Settlements);
        Assert.Single(settled);
        Assert.Equal(1L, settled[0].Tags[CheckoutTelemetry.ReaderIdTag]);
        Assert.Equal("Pharmacy", settled[0].Tags[CheckoutTelemetry.VisitTypeTag]);
        Assert.Empty(Measured(CheckoutTelemetry.Refusals));
        var took = Measured(CheckoutTelemetry.Duration);
        Assert.Single(took);
        Assert.True(took[0].Value > 0);
        Assert.Equal("Settled", took[0].Tags[CheckoutTelemetry.StatusTag]);

        Activity checkout = Assert.Single(Spans("medcard.checkout"));
        Assert.Equal("Settled", checkout.GetTagItem(CheckoutTelemetry.StatusTag));
        Assert.Equal("ok", checkout.GetTagItem(CheckoutTelemetry.ReasonTag));
        Assert.Equal(10_00L, checkout.GetTagItem(CheckoutTelemetry.AmountTag));
        Assert.Equal((long)result.Counter, checkout.GetTagItem(CheckoutTelemetry.CounterTag));
        Activity authorize = Assert.Single(Spans("medcard.reader.authorize"));
        Assert.Equal(checkout.SpanId, authorize.ParentSpanId);
        Assert.Single(Spans("medcard.reader.pin"));
        AssertNoCardNumberInAnyTag();
    }

    [Fact]
    public async Task A_refusal_is_counted_by_its_reason_code()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();

        CheckoutResult unknownInstitution = await SettleAsync(folder, "NOPE", CheckoutScene.Pin);
        CheckoutResult wrongPin = await SettleAsync(folder, CheckoutScene.Institution, "999999");

        Assert.Equal("institution.unknown", unknownInstitution.Reason);
        Assert.Equal("pin.wrong", wrongPin.Reason);
        var refusals = Measured(CheckoutTelemetry.Refusals);
        Assert.Equal(2, refusals.Count);
        Assert.Equal(["institution.unknown", "pin.wrong"], refusals.Select(r => (string)r.Tags[CheckoutTelemetry.ReasonTag]!).Order().ToArray());
        Assert.All(refusals, r => Assert.Equal(false, r.Tags[CheckoutTelemetry.SignedTag]));
        Assert.Empty(Measured(CheckoutTelemetry.Settlements));
        Assert.Equal(2, Measured(CheckoutTelemetry.Duration).Count(d => (string?)d.Tags[CheckoutTelemetry.StatusTag] == "Refused"));
        AssertNoCardNumberInAnyTag();
    }

    [Fact]
    public async Task Records_voided_by_the_recovery_are_counted()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();
        await folder.SignWithoutFilingAsync(1, 7_00);

        await using (SimulatedReaderTransport reader = SimulatedReaderTransport.Open(folder.Scene.ReaderFolder(1)))
        await using (CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(reader, folder.Scene.Store, null, CancellationToken.None))
        {
            Assert.Single(terminal.Recovery.Voided);
        }

        Assert.Equal(1, Measured(CheckoutTelemetry.RecoveredRecords).Sum(m => m.Value));
        Activity recover = Assert.Single(Spans("medcard.checkout.recover"));
        Assert.Equal(1, recover.GetTagItem("medcard.recovery.voided"));
    }

    private static async Task<CheckoutResult> SettleAsync(SceneFolder folder, string institution, string pin)
    {
        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(folder.Scene.ReaderFolder(1));
        reader.PlaceCard(CheckoutScene.Uid, CheckoutScene.CardNumber, CheckoutScene.ResidentId);
        reader.HolderTypes(pin);
        await using CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(reader, folder.Scene.Store,
            new CheckoutOptions { CardWait = TimeSpan.FromSeconds(30), HolderMacKey = reader.IssuerHolderMacKey() }, CancellationToken.None);
        return await terminal.CheckoutAsync(new Purchase([new BillItem("OTC", "Ibuprofen", ItemClass.FullySelfPaid, 5_00)], institution, VisitType.Pharmacy)
        {
            CardNumber = CheckoutScene.CardNumber,
        }, CancellationToken.None);
    }

    private void AssertNoCardNumberInAnyTag()
    {
        lock (_stopped)
        {
            Assert.All(_stopped.SelectMany(s => s.TagObjects), t => Assert.DoesNotContain(CheckoutScene.CardNumber, t.Value?.ToString() ?? string.Empty));
        }

        lock (_measurements)
        {
            Assert.All(_measurements.SelectMany(m => m.Tags), t => Assert.DoesNotContain(CheckoutScene.CardNumber, t.Value?.ToString() ?? string.Empty));
        }
    }

    private List<(double Value, Dictionary<string, object?> Tags)> Measured(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();
        }
    }

    private List<Activity> Spans(string name)
    {
        lock (_stopped)
        {
            return _stopped.Where(s => s.OperationName == name).ToList();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }
}
