using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    /// <summary>The holder's phone and the scheme's phone line: an e-card purchase (the QR code's token, settled without a
    /// reader), a loss report whose employer does not match refused (report in writing), and a card-number lookup with the
    /// ID and the default lookup password, the birth date.</summary>
    private async Task PhoneLineAsync(CancellationToken ct)
    {
        await ECardPurchaseAsync(ct).ConfigureAwait(false);

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

    private async Task ECardPurchaseAsync(CancellationToken ct)
    {
        // The scheme's e-card key: a key file of the demo's own (the PIN key format), beside its statements.
        using PinKeyFile keys = PinKeyFile.OpenOrCreate(Path.Combine(_outputDirectory, "ecard-keys"));
        var options = new LedgerOptions { ECardKeys = keys };
        DeskOk("the hospital starts accepting e-cards", "-", await _desk.SetECardAcceptanceAsync(Hospital, true, ct).ConfigureAwait(false), "accepts e-cards");
        ECardIssue issued = await new CardDesk(_store, options).IssueECardAsync(ChenJie.Card, ChenJie.ResidentId, ct).ConfigureAwait(false);
        if (issued.Token is not { } token)
        {
            throw new DemoExpectationException("an e-card is issued to Chen Jie", "ok", issued.Refusal!.Key);
        }

        string png = Commands.ECardCommands.WriteQr(token, Path.Combine(_outputDirectory, "ecard-chen-jie.png"));
        Log.Desk("Chen Jie's phone shows his e-card (QR code " + Path.GetFileName(png) + ")", ChenJie.Card, "valid until "
            + issued.ExpiresAt!.Value.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC, single use");
        _progress.Step();

        var purchase = new Purchase([Covered("CONSULT", "Consultation", "80.00")], Hospital, VisitType.Outpatient);
        CheckoutResult paid = await new ECardCheckout(_store, options).CheckoutAsync(token, purchase, ct).ConfigureAwait(false);
        if (!paid.IsSettled)
        {
            throw new DemoExpectationException("Chen Jie pays a consultation with the e-card", "ok", paid.Reason + " (" + paid.Message + ")");
        }

        Log.Settlement("Chen Jie pays a consultation with the e-card (no reader, no PIN: within the limit)", paid, purchase, "ok");
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
