using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Cli.Infrastructure;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    private const string Shanghai = "310000";

    /// <summary>Insured in Shanghai, on a visit in this city: a remote patient.</summary>
    internal static readonly DemoPerson ZhouMin = new("Zhou Min", Gender.Female, "Pudong Textiles", "31011519780623002", "MC0005", "6C7D8E9F", "864209", 20_000);

    /// <summary>Shanghai's outpatient policy for its own insured: a lower deductible and a higher fund share than here.</summary>
    private static readonly VisitPolicy ShanghaiOutpatient = new(65_000, 2000, 3_000_000);

    /// <summary>
    /// Zhou Min, insured in Shanghai, sees a doctor at City No.1 Hospital and settles directly at the counter: the hospital
    /// classes the items (this city's catalogue), Shanghai's deductible and ratio apply, this city's fund advances the fund
    /// share and the clearing report shows what Shanghai's fund owes for the day.
    /// </summary>
    private async Task RemotePatientAsync(CancellationToken ct)
    {
        DeskOk("region " + Shanghai + " (Shanghai)", "-", await _desk.AddRegionAsync(new Region(Shanghai, "Shanghai"), ct).ConfigureAwait(false),
            "a region with its own fund and policies");
        DeskOk("Shanghai outpatient policy", "-", await _desk.SetRegionPolicyAsync(Shanghai, VisitType.Outpatient, ShanghaiOutpatient, ct)
            .ConfigureAwait(false), "deductible " + Money.Format(ShanghaiOutpatient.YearlyDeductible) + ", co-payment "
            + Inputs.Percent(ShanghaiOutpatient.CoPaymentBasisPoints) + ", fund cap " + Money.Format(ShanghaiOutpatient.YearlyFundCap));

        _pins[ZhouMin.Name] = ZhouMin.Pin;
        _cards[ZhouMin.Name] = ZhouMin.Card;
        using (PinDigits pin = Inputs.Pin(ZhouMin.Pin))
        {
            DeskResult enrolled = await _desk.EnrolAsync(new Enrolment(ZhouMin.ResidentId, ZhouMin.Name, ZhouMin.Gender, ZhouMin.Employer, ZhouMin.Card,
                Inputs.Uid(ZhouMin.UidHex), pin, ZhouMin.OpeningFen) { InsuredRegion = Shanghai }, ct).ConfigureAwait(false);
            DeskOk("enrol " + ZhouMin.Name + " (" + Views.Mask(ZhouMin.ResidentId) + "), insured in Shanghai", ZhouMin.Card, enrolled,
                "UID " + ZhouMin.UidHex + ", opening balance " + Money.Format(ZhouMin.OpeningFen));
        }

        CheckoutResult visit = await SettleAsync("Zhou Min (insured in Shanghai): consultation and ECG here, settled directly", ZhouMin, Hospital,
            VisitType.Outpatient, "ok", [Covered("CONSULT", "Consultation", "25.00"), Covered("ECG", "Electrocardiogram", "960.00"),
                Partly("STATIN", "Atorvastatin", "120.00", 1000)], HospitalReader, ct).ConfigureAwait(false);
        if (!visit.Explanation.Any(line => line.StartsWith("remote settlement", StringComparison.Ordinal)))
        {
            throw new DemoExpectationException("Zhou Min's visit", "a remote settlement under Shanghai's policy", "a local settlement");
        }

        _progress.Show(DemoLog.Notes("How Zhou Min's bill was split (Shanghai's policy, this city's catalogue):", visit.Explanation));

        DateOnly today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(new LedgerOptions().SchemeUtcOffset).DateTime);
        ClearingReport report = await _settlement.GetClearingReportAsync(today, today, ct).ConfigureAwait(false);
        ClearingLine owed = report.Lines.SingleOrDefault(l => l.OwedByRegion == Shanghai)
            ?? throw new DemoExpectationException("clearing report", "Shanghai owes this city", "no clearing line");
        Log.Desk("clearing report " + Inputs.DayText(today), "-", owed.PaidByRegion + " fund paid, " + owed.OwedByRegion + " fund owes "
            + Money.Format(owed.Amount) + " for " + owed.Settlements + " settlement(s)");
        _progress.Step();
    }
}
