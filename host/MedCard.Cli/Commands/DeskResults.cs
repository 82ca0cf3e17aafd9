using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Rules;

namespace MedCard.Cli.Commands;

/// <summary>Turns a refused service-desk result into the tool's refusal (exit 3).</summary>
internal static class DeskResults
{
    public static void EnsureOk(DeskResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new RefusedException(what, result.Refusal!);
        }
    }
}
