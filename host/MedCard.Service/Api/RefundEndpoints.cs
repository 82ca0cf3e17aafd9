using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MedCard.Service.Api;

/// <summary>POST /v1/refunds: reverses a whole settlement (balances and year-to-date totals restored).</summary>
internal static class RefundEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/refunds", RefundAsync).WithTags("Refunds").WithName("Refund")
            .WithSummary("Refund a settlement named by the reader id and counter of its record; a second refund changes nothing");
    }

    private static async Task<Results<Ok<RefundView>, ValidationProblem, ProblemHttpResult>> RefundAsync(RefundRequest request,
        SettlementService settlement, CancellationToken ct)
    {
        if (request.ReaderId == 0 || request.Counter == 0)
        {
            return Problems.Invalid(request.ReaderId == 0 ? "readerId" : "counter", "reader id and counter are positive (as the purchase's answer gave them)");
        }

        RefundResult result = await settlement.RefundAsync(request.ReaderId, request.Counter, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Problems.Refused("Refund refused", result.Refusal!);
        }

        return TypedResults.Ok(new RefundView(request.ReaderId, request.Counter, result.AlreadyRefunded,
            result.Postings.Select(p => new PostingView(p.Account, p.Amount)).ToList()));
    }
}
