using System.Collections.Generic;
using MedCard.Settlement.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedCard.Service.Api;

/// <summary>The API's RFC 9457 answers, in one place: a stable <c>reason</c> extension where the ledger gave one.</summary>
internal static class Problems
{
    public static ProblemHttpResult UnknownReader(string name) =>
        TypedResults.Problem("no reader named '" + name + "' is served (GET /v1/readers lists them)", statusCode: StatusCodes.Status404NotFound,
            title: "Unknown reader");

    public static ProblemHttpResult ReaderUnavailable(string name, string? error) =>
        TypedResults.Problem("reader '" + name + "' could not be opened: " + error, statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Reader unavailable");

    public static ProblemHttpResult ReaderBusy(string name) =>
        TypedResults.Problem("reader '" + name + "' is running another purchase; retry when it has finished", statusCode: StatusCodes.Status409Conflict,
            title: "Reader busy");

    public static ProblemHttpResult UnknownCard(string cardNumber) =>
        TypedResults.Problem("card " + cardNumber + " is not in the ledger", statusCode: StatusCodes.Status404NotFound, title: "Unknown card",
            extensions: new Dictionary<string, object?> { ["reason"] = ReasonCodes.Key(ReasonCode.UnknownCard) });

    public static ProblemHttpResult Refused(string title, Refusal refusal) =>
        TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            extensions: new Dictionary<string, object?> { ["reason"] = refusal.Key });

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);
}
