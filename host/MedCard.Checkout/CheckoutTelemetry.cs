using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MedCard.Checkout;

/// <summary>
/// The names under which the checkout reports metrics (<see cref="Meter"/>) and traces (<see cref="ActivitySource"/>):
/// subscribe with OpenTelemetry <c>AddMeter(CheckoutTelemetry.MeterName)</c> and <c>AddSource(CheckoutTelemetry.ActivitySourceName)</c>.
/// The reader calls inside a checkout are spans of the host library's source ("MedCard.Host") under the checkout's span.
/// Tags carry reader ids, reason codes, statuses, visit types and amounts in fen only: never a card number, a PIN or a key.
/// </summary>
public static class CheckoutTelemetry
{
    /// <summary>The meter's name: "MedCard.Checkout".</summary>
    public const string MeterName = "MedCard.Checkout";

    /// <summary>The activity source's name: "MedCard.Checkout".</summary>
    public const string ActivitySourceName = "MedCard.Checkout";

    /// <summary>Counter, unit {settlement}: a purchase settled (money moved). Tags: <see cref="ReaderIdTag"/>, <see cref="VisitTypeTag"/>.</summary>
    public const string Settlements = "medcard.checkout.settlements";

    /// <summary>Counter, unit {refusal}: a purchase refused. Tags: <see cref="ReaderIdTag"/>, <see cref="ReasonTag"/> (the stable reason code,
    /// e.g. <c>pin.wrong</c>, <c>reader.no_card</c>), <see cref="SignedTag"/>.</summary>
    public const string Refusals = "medcard.checkout.refusals";

    /// <summary>Histogram, unit s: one <see cref="CheckoutTerminal.CheckoutAsync"/> from the bill to the result (the card wait and PIN
    /// entry included). Tags: <see cref="ReaderIdTag"/>, <see cref="StatusTag"/>.</summary>
    public const string Duration = "medcard.checkout.duration";

    /// <summary>Counter, unit {record}: a signed record found in the reader's journal that was never settled, filed as void by the
    /// recovery. Tags: <see cref="ReaderIdTag"/>.</summary>
    public const string RecoveredRecords = "medcard.checkout.recovered_records";

    /// <summary>Tag: the reader's id.</summary>
    public const string ReaderIdTag = "medcard.reader.id";

    /// <summary>Tag: the result's stable reason code (<c>ok</c> when settled).</summary>
    public const string ReasonTag = "medcard.reason";

    /// <summary>Tag: Settled, Refused, AlreadyCounted, or "error" when the checkout threw (a broken link, the store).</summary>
    public const string StatusTag = "medcard.checkout.status";

    /// <summary>Tag: whether the reader signed a record for the purchase (true, false).</summary>
    public const string SignedTag = "medcard.checkout.signed";

    /// <summary>Tag: the visit type (Outpatient, Inpatient, Pharmacy, Emergency).</summary>
    public const string VisitTypeTag = "medcard.visit_type";

    /// <summary>Tag on the checkout span: the bill total in fen.</summary>
    public const string AmountTag = "medcard.amount_fen";

    /// <summary>Tag on the checkout span: the counter of the record signed for it (0: none).</summary>
    public const string CounterTag = "medcard.record.counter";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Settled = Meter.CreateCounter<long>(Settlements, "{settlement}", "Purchases settled");

    internal static readonly Counter<long> Refused = Meter.CreateCounter<long>(Refusals, "{refusal}", "Purchases refused, by reason code");

    internal static readonly Histogram<double> Took = Meter.CreateHistogram<double>(Duration, "s", "Checkout duration, bill to result");

    internal static readonly Counter<long> Recovered = Meter.CreateCounter<long>(RecoveredRecords, "{record}", "Signed records never settled, voided by the recovery");

    /// <summary>Records one finished checkout on the meter and its span.</summary>
    internal static void Finished(Activity? activity, uint readerId, string visitType, CheckoutResult result, TimeSpan took)
    {
        var reader = new KeyValuePair<string, object?>(ReaderIdTag, (long)readerId);
        if (result.Status == CheckoutStatus.Settled)
        {
            Settled.Add(1, reader, new KeyValuePair<string, object?>(VisitTypeTag, visitType));
        }
        else if (result.Status == CheckoutStatus.Refused)
        {
            Refused.Add(1, reader, new KeyValuePair<string, object?>(ReasonTag, result.Reason), new KeyValuePair<string, object?>(SignedTag, result.Signed));
        }

        Took.Record(took.TotalSeconds, reader, new KeyValuePair<string, object?>(StatusTag, result.Status.ToString()));
        if (activity is not null)
        {
            activity.SetTag(StatusTag, result.Status.ToString());
            activity.SetTag(ReasonTag, result.Reason);
            activity.SetTag(CounterTag, (long)result.Counter);
        }
    }

    /// <summary>Records a checkout that threw: the duration with status "error", the span failed with the exception's type
    /// only (a message may name a card).</summary>
    internal static void Failed(Activity? activity, uint readerId, Exception error, TimeSpan took)
    {
        Took.Record(took.TotalSeconds, new KeyValuePair<string, object?>(ReaderIdTag, (long)readerId), new KeyValuePair<string, object?>(StatusTag, "error"));
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.SetTag(StatusTag, "error");
        }
    }
}
