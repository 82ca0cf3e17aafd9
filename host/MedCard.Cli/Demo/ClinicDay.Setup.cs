using MedCard.Protocol;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;

using MedCard.Simulator.InProcess;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    /// <summary>UEBMI-like figures: outpatient deductible about 10% of a local average wage, inpatient cap about 4x.</summary>
    private async Task SetUpAsync(CancellationToken ct)
    {
        await PolicyAsync(VisitType.Outpatient, new VisitPolicy(180_000, 3000, 2_000_000), ct).ConfigureAwait(false);
        await PolicyAsync(VisitType.Inpatient, new VisitPolicy(130_000, 1500, 40_000_000), ct).ConfigureAwait(false);
        await PolicyAsync(VisitType.Pharmacy, new VisitPolicy(180_000, 3000, 2_000_000), ct).ConfigureAwait(false);
        await PolicyAsync(VisitType.Emergency, new VisitPolicy(130_000, 1500, 40_000_000), ct).ConfigureAwait(false);

        await InstitutionAsync(new Institution(Hospital, "City No.1 Hospital", true), ct).ConfigureAwait(false);
        await InstitutionAsync(new Institution(Pharmacy, "Kangmei Pharmacy", true), ct).ConfigureAwait(false);
        await InstitutionAsync(new Institution(RoadsideClinic, "Roadside Clinic (not designated)", false), ct).ConfigureAwait(false);

        foreach ((uint reader, string where) in new[] { (HospitalReader, Hospital), (PharmacyReader, Pharmacy), (ClinicReader, RoadsideClinic) })
        {
            byte[] key = RandomNumberGenerator.GetBytes(MedCard.Protocol.SignedRecord.KeyLength);
            SimulatedReaderFlash.Provision(SimulatedReaderFlash.DirectoryFor(_storeSpec, reader), reader, key, 0);
            await _readers.RegisterAsync(reader, key, ct).ConfigureAwait(false);
            CryptographicOperations.ZeroMemory(key);
            Log.Desk("provision simulated reader " + reader + " at " + where, "-", "random 32-byte key, counter 0");
            _progress.Step();
        }
    }

    private async Task PolicyAsync(VisitType visit, VisitPolicy policy, CancellationToken ct)
    {
        await _desk.SetPolicyAsync(visit, policy, ct).ConfigureAwait(false);
        Log.Desk("policy " + Views.Visit(visit), "-", "deductible " + Money.Format(policy.YearlyDeductible) + ", co-payment "
            + Inputs.Percent(policy.CoPaymentBasisPoints) + ", fund cap " + Money.Format(policy.YearlyFundCap));
        _progress.Step();
    }

    private async Task InstitutionAsync(Institution institution, CancellationToken ct)
    {
        await _desk.RegisterInstitutionAsync(institution, ct).ConfigureAwait(false);
        Log.Desk("institution " + institution.InstitutionId, "-", institution.Name + (institution.Designated ? ", designated" : ""));
        _progress.Step();
    }

    private async Task EnrolAsync(CancellationToken ct)
    {
        foreach (DemoPerson p in People)
        {
            using PinDigits pin = Inputs.Pin(p.Pin);
            DeskResult result = await _desk.EnrolAsync(new Enrolment(p.ResidentId, p.Name, p.Gender, p.Employer, p.Card, Inputs.Uid(p.UidHex), pin,
                p.OpeningFen), ct).ConfigureAwait(false);
            DeskOk("enrol " + p.Name + " (" + Views.Mask(p.ResidentId) + ")", p.Card, result,
                "UID " + p.UidHex + ", opening balance " + Money.Format(p.OpeningFen));
        }
    }
}
