using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    /// <summary>The scheme's phone line: a loss report whose employer does not match is refused (report in writing), and
    /// a holder finds their card number with their ID and the default lookup password, the birth date.</summary>
    private async Task PhoneLineAsync(CancellationToken ct)
    {
        DeskResult wrongEmployer = await _desk.ReportLossAsync(new LossReport(ChenJie.Card, ChenJie.Name, ChenJie.ResidentId, LossChannel.Phone,
            DateTimeOffset.UtcNow) { Employer = "Shenzhen Port Authority" }, ct).ConfigureAwait(false);
        DeskRefused("a caller reports Chen Jie's card lost, naming the wrong employer", ChenJie.Card, wrongEmployer, ReasonCode.LossReportInWriting);
        Card still = (await _desk.GetCardAsync(ChenJie.Card, ct).ConfigureAwait(false))!;
        if (still.Status != CardStatus.Active)
        {
            throw new DemoExpectationException("a refused phone report changes nothing", "active", still.Status.ToString());
        }

        using PinDigits birth = Inputs.Pin(ChenJie.ResidentId.Substring(6, 8), "--password");
        CardLookup found = await _desk.LookupCardNumberAsync(ChenJie.ResidentId, birth, ct).ConfigureAwait(false);
        if (found.CardNumber != ChenJie.Card)
        {
            throw new DemoExpectationException("the lookup by ID and birth date finds the card", ChenJie.Card, found.Refusal?.Key ?? found.CardNumber ?? "-");
        }

        Log.Desk("Chen Jie looks up his card number (ID and birth date)", ChenJie.Card, "card " + found.CardNumber + ", " + found.Status);
        _progress.Step();
    }

    private void DeskRefused(string what, string card, DeskResult result, ReasonCode expected)
    {
        string actual = result.Refusal?.Key ?? "ok";
        if (result.Refusal?.Code != expected)
        {
            throw new DemoExpectationException(what, ReasonCodes.Key(expected), actual);
        }

        Log.Desk(what, card, result.Refusal.Message, ReasonCodes.Key(expected), actual);
        _progress.Step();
    }
}
