using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    /// <summary>Reader and counter of Zhang Wei's first visit, refunded at the end of the day.</summary>
    private (uint Reader, uint Counter) _firstVisit;

    private async Task OutpatientAsync(CancellationToken ct)
    {
        CheckoutResult first = await SettleAsync("Zhang Wei: consultation, blood test, antibiotics (low balance: rest in cash)", ZhangWei, Hospital,
            VisitType.Outpatient, "ok", [Covered("CONSULT", "Consultation", "25.00"), Covered("LAB-CBC", "Blood count", "180.00"),
                Partly("AMOXI", "Amoxicillin", "96.50", 1000)], HospitalReader, ct).ConfigureAwait(false);
        _firstVisit = (first.ReaderId, first.Counter);

        CheckoutResult big = await SettleAsync("Li Na: specialist and MRI (crosses the yearly deductible)", LiNa, Hospital, VisitType.Outpatient, "ok",
            [Covered("SPEC", "Specialist consultation", "60.00"), Covered("MRI", "MRI knee", "2540.00")], HospitalReader, ct).ConfigureAwait(false);
        _progress.Show(DemoLog.Notes("How Li Na's bill was split:", big.Explanation));

        await SettleAsync("Li Na: follow-up (deductible already met: fund pays 70%)", LiNa, Hospital, VisitType.Outpatient, "ok",
            [Covered("FOLLOW", "Follow-up consultation", "40.00"), Covered("PHYSIO", "Physiotherapy", "380.00")], HospitalReader, ct).ConfigureAwait(false);
    }

    private Task PharmacyAsync(CancellationToken ct) =>
        SettleAsync("Wang Fang: medicine and vitamins (vitamins fully self-paid)", WangFang, Pharmacy, VisitType.Pharmacy, "ok",
            [Covered("AMLO", "Amlodipine 5 mg x 28", "58.80"), SelfPaid("VITC", "Vitamin C", "35.00")], PharmacyReader, ct);

    private async Task EmergencyAsync(CancellationToken ct)
    {
        await SettleAsync("Wang Fang: outpatient at a non-designated clinic", WangFang, RoadsideClinic, VisitType.Outpatient,
            "institution.not_designated", [Covered("CONSULT", "Consultation", "80.00")], ClinicReader, ct).ConfigureAwait(false);
        CheckoutResult emergency = await SettleAsync("Wang Fang: emergency admission there (emergency settles anywhere)", WangFang, RoadsideClinic,
            VisitType.Emergency, "ok",
            [Covered("ER", "Emergency room", "1200.00"), Covered("CT", "CT head", "680.00"), Partly("DRUGS", "Emergency drugs", "2450.00", 1000),
                Covered("WARD", "Observation ward, 3 days", "1800.00")], ClinicReader, ct).ConfigureAwait(false);
        _progress.Show(DemoLog.Notes("How the emergency admission was split:", emergency.Explanation));
    }
}
