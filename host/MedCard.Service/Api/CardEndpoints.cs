using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Protocol;
using MedCard.Service.Readers;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MedCard.Service.Api;

/// <summary>/v1/cards/{cardNumber}: balance, history (the records the next statement prints), loss reports (the hotlist pushed to
/// every served reader) and statements.</summary>
internal static class CardEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        RouteGroupBuilder cards = v1.MapGroup("/cards/{cardNumber}").WithTags("Cards");
        cards.MapGet("/balance", BalanceAsync).WithName("GetBalance").WithSummary("The holder's personal account balance, in fen");
        cards.MapGet("/history", HistoryAsync).WithName("GetHistory")
            .WithSummary("The card's records not yet printed on a statement (at the limit the card stops until they are printed)");
        cards.MapPost("/loss-reports", ReportLossAsync).WithName("ReportLoss")
            .WithSummary("Report the card lost: settlement on it stops and the hotlist is pushed to every served reader");
        cards.MapPost("/statements", StatementAsync).WithName("PrintStatement")
            .WithSummary("Print the card's unprinted records as a statement (format=text or pdf) and mark them printed");
    }

    private static async Task<Results<Ok<BalanceView>, ValidationProblem, ProblemHttpResult>> BalanceAsync(string cardNumber, CardDesk desk,
        CancellationToken ct)
    {
        if (!CardIdentity.IsValidCardNumber(cardNumber))
        {
            return InvalidCardNumber();
        }

        if (await desk.GetCardAsync(cardNumber, ct).ConfigureAwait(false) is not { } card
            || await desk.GetPersonAsync(card.ResidentId, ct).ConfigureAwait(false) is not { } person)
        {
            return Problems.UnknownCard(cardNumber);
        }

        return TypedResults.Ok(new BalanceView(cardNumber, person.Name, Statement.Mask(person.ResidentId), person.Balance));
    }

    private static async Task<Results<Ok<HistoryView>, ValidationProblem, ProblemHttpResult>> HistoryAsync(string cardNumber, ILedgerStore ledger,
        CancellationToken ct)
    {
        if (!CardIdentity.IsValidCardNumber(cardNumber))
        {
            return InvalidCardNumber();
        }

        (Card? card, List<CardRecord> records) = await ledger.InTransactionAsync(async (s, _) =>
            (await s.GetCardAsync(cardNumber).ConfigureAwait(false), await s.GetUnprintedRecordsAsync(cardNumber).ConfigureAwait(false)), ct)
            .ConfigureAwait(false);
        if (card is null)
        {
            return Problems.UnknownCard(cardNumber);
        }

        return TypedResults.Ok(new HistoryView(cardNumber, card.UnprintedCount, CardRules.UnprintedRecordLimit, records.Select(r => new RecordView(
            r.ReaderId, r.Counter, r.Time.ToString("O", CultureInfo.InvariantCulture), r.InstitutionId, r.VisitType.ToString(), r.Total, r.Fund,
            r.Personal, r.Cash, r.Refunded)).ToList()));
    }

    private static async Task<Results<Ok<LossReportView>, ValidationProblem, ProblemHttpResult>> ReportLossAsync(string cardNumber,
        LossReportRequest request, CardDesk desk, LedgerOptions ledgerOptions, ReaderFleet fleet, ILogger<ReaderFleet> logger, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CardIdentity.IsValidCardNumber(cardNumber))
        {
            errors["cardNumber"] = [CardNumberRule];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["the holder's name is required"];
        }

        if (!ResidentId.IsValid(ResidentId.Normalize(request.ResidentId)))
        {
            errors["residentId"] = ["not a valid resident ID number"];
        }

        if (!Enum.IsDefined(request.Channel))
        {
            errors["channel"] = ["channel must be Phone or Written"];
        }
        else if (request.Channel == LossChannel.Phone && string.IsNullOrWhiteSpace(request.Employer))
        {
            errors["employer"] = ["the holder's employer is required for a report by phone"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        DeskResult filed = await desk.ReportLossAsync(new LossReport(cardNumber, request.Name!.Trim(), ResidentId.Normalize(request.ResidentId)!,
            request.Channel, ledgerOptions.Clock.GetUtcNow()) { Employer = request.Employer?.Trim() }, ct).ConfigureAwait(false);
        if (!filed.Succeeded)
        {
            return filed.Refusal!.Code == ReasonCode.UnknownCard ? Problems.UnknownCard(cardNumber) : Problems.Refused("Loss report refused", filed.Refusal);
        }

        // The ledger already refuses the card; every connected reader is told now, all at once, so each refuses it before
        // a PIN is even asked. A reader that is not connected is listed as such; the ledger still refuses the card there.
        ServedReader[] connected = [.. fleet.All.Where(r => r.Administration is not null)];
        IReadOnlyList<HotlistDelivery> delivered = await HotlistBroadcast.PushAsync(connected.Select(r => r.Administration!), ct).ConfigureAwait(false);
        var pushes = new List<HotlistPushView>();
        foreach (ServedReader reader in fleet.All)
        {
            int at = Array.IndexOf(connected, reader);
            pushes.Add(at < 0 ? new HotlistPushView(reader.Name, 0, 0, "Failed", false, "not connected: " + reader.Error) : View(reader, delivered[at], logger));
        }

        return TypedResults.Ok(new LossReportView(cardNumber, pushes));
    }

    private static HotlistPushView View(ServedReader reader, HotlistDelivery delivery, ILogger logger)
    {
        if (delivery.Report is not { } pushed)
        {
            logger.LogWarning("Hotlist push to reader {Name} failed: {Error}", reader.Name, delivery.Error);
            return new HotlistPushView(reader.Name, 0, 0, "Failed", false, delivery.Error);
        }

        return new HotlistPushView(reader.Name, pushed.Version, pushed.Cards, pushed.Ack.Status.ToString(), pushed.InForce, null);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> StatementAsync(string cardNumber, CardDesk desk,
        CancellationToken ct, string format = "text")
    {
        if (!CardIdentity.IsValidCardNumber(cardNumber))
        {
            return InvalidCardNumber();
        }

        bool pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
        if (!pdf && !string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", "format is text or pdf");
        }

        // Rendered inside the ledger transaction: the records are marked printed only once the statement exists.
        byte[] rendered = [];
        Statement? statement = await desk.PrintStatementAsync(cardNumber, (s, _) =>
        {
            rendered = pdf ? StatementPdfRenderer.Render(s) : Encoding.UTF8.GetBytes(StatementTextRenderer.Render(s));
            return Task.CompletedTask;
        }, ct).ConfigureAwait(false);
        if (statement is null)
        {
            return Problems.UnknownCard(cardNumber);
        }

        string name = "statement-" + cardNumber + (statement.StatementId is long id ? "-" + id : string.Empty) + (pdf ? ".pdf" : ".txt");
        return TypedResults.File(rendered, pdf ? "application/pdf" : "text/plain; charset=utf-8", name);
    }

    private const string CardNumberRule = "a card number is 1 to 20 characters of A-Z and 0-9";

    private static ValidationProblem InvalidCardNumber() => Problems.Invalid("cardNumber", CardNumberRule);
}
