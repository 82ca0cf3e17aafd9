using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Protocol;
using MedCard.Service.Readers;
using MedCard.Settlement.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MedCard.Service.Api;

/// <summary>POST /v1/readers/{name}/purchases: one purchase through the checkout library on a served reader. The holder presents
/// the card and types the PIN on the reader; the answer is the settlement (split and explanation) or the refusal.</summary>
internal static class PurchaseEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/readers/{name}/purchases", PurchaseAsync).WithTags("Purchases").WithName("StartPurchase")
            .WithSummary("Settle a bill on a reader: waits for the card and the PIN typed on the reader; one purchase at a time per reader (409)");
    }

    private static async Task<Results<Ok<PurchaseView>, ValidationProblem, ProblemHttpResult>> PurchaseAsync(string name, PurchaseRequest request,
        ReaderFleet fleet)
    {
        if (Validate(request, out Purchase? purchase) is { } invalid)
        {
            return invalid;
        }

        if (fleet.Find(name) is not { } reader)
        {
            return Problems.UnknownReader(name);
        }

        if (reader.Terminal is not { } terminal)
        {
            return Problems.ReaderUnavailable(name, reader.Error);
        }

        if (!reader.TryBeginPurchase())
        {
            return Problems.ReaderBusy(name);
        }

        try
        {
            // Not the request's token: a purchase the reader has started finishes (and is filed) even if the caller hangs up;
            // the card wait bounds it.
            CheckoutResult result = await terminal.CheckoutAsync(purchase!, CancellationToken.None).ConfigureAwait(false);
            return TypedResults.Ok(View(reader.Name, result));
        }
        catch (CheckoutException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Reader cannot settle",
                extensions: new Dictionary<string, object?> { ["reason"] = e.Reason });
        }
        catch (MedCard.Settlement.Rules.PinKeyUnavailableException e)
        {
            // A configuration fault of this host (the ledger's PIN key store), not the caller's: nothing was signed.
            return TypedResults.Problem(e.Message + " (nothing was signed)", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "PIN check unavailable");
        }
        catch (Exception e) when (e is MedCard.Host.Transport.TransportException or MedCard.Host.Link.ReaderLinkClosedException or TimeoutException)
        {
            return TypedResults.Problem("the link to reader '" + name + "' failed (" + e.Message
                + "); whatever it signed is recovered from its journal before its next purchase", statusCode: StatusCodes.Status502BadGateway,
                title: "Reader link failed");
        }
        finally
        {
            reader.EndPurchase();
        }
    }

    /// <summary>Every field checked before the reader is touched; all errors at once, by field.</summary>
    private static ValidationProblem? Validate(PurchaseRequest request, out Purchase? purchase)
    {
        purchase = null;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Institution))
        {
            errors["institution"] = ["the institution id is required"];
        }

        if (request.Visit is { } visit && !Enum.IsDefined(visit))
        {
            errors["visit"] = ["visit must be Outpatient, Inpatient, Pharmacy or Emergency"];
        }

        if (request.CardNumber is { } card && !CardIdentity.IsValidCardNumber(card))
        {
            errors["cardNumber"] = ["a card number is 1 to 20 characters of A-Z and 0-9"];
        }

        if (request.PayFromRelative is { } relative && !ResidentId.IsValid(ResidentId.Normalize(relative)))
        {
            errors["payFromRelative"] = ["not a valid resident ID number"];
        }

        var items = new List<BillItem>();
        if (request.Items is not { Count: > 0 })
        {
            errors["items"] = ["the bill needs at least one item"];
        }
        else
        {
            for (int i = 0; i < request.Items.Count; i++)
            {
                BillLine? line = request.Items[i];
                string at = "items[" + i + "]";
                if (line is null || string.IsNullOrWhiteSpace(line.Code))
                {
                    errors[at + ".code"] = ["every item needs a code"];
                    continue;
                }

                ItemClass itemClass = line.Class ?? ItemClass.Covered;
                if (line.AmountFen <= 0)
                {
                    errors[at + ".amountFen"] = ["the amount is a positive number of fen"];
                }

                if (!Enum.IsDefined(itemClass))
                {
                    errors[at + ".class"] = ["class must be Covered, PartlySelfPaid or FullySelfPaid"];
                }
                else if (itemClass == ItemClass.PartlySelfPaid ? line.SelfPaidBasisPoints is < 0 or > 10000 : line.SelfPaidBasisPoints != 0)
                {
                    errors[at + ".selfPaidBasisPoints"] = ["only a PartlySelfPaid item has a self-paid share, 0 to 10000 basis points"];
                }

                items.Add(new BillItem(line.Code, line.Description ?? line.Code, itemClass, line.AmountFen, line.SelfPaidBasisPoints));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        purchase = new Purchase(items, request.Institution!, request.Visit ?? VisitType.Outpatient)
        {
            CardNumber = request.CardNumber,
            PayFromRelativeResidentId = request.PayFromRelative is { } r ? ResidentId.Normalize(r) : null,
        };
        return null;
    }

    private static PurchaseView View(string reader, CheckoutResult r) => new(
        r.Status switch
        {
            CheckoutStatus.Settled => "settled",
            CheckoutStatus.AlreadyCounted => "alreadyCounted",
            _ => "refused",
        },
        r.Reason, r.Message, reader, r.ReaderId, r.Counter, r.CardNumber, r.Total, r.Outcome?.Fund ?? 0, r.Outcome?.OwnAccount ?? 0,
        r.Outcome?.RelativeAccount ?? 0, r.Outcome?.Cash ?? 0, r.Refusal?.PinTriesLeft, r.Explanation);
}
