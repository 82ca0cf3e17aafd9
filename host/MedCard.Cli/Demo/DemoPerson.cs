using MedCard.Protocol;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Demo;

/// <summary>A sample insured person of the demo. The resident ID is built from 17 digits and its real
/// ISO 7064 MOD 11-2 check character, so it passes the same validation as a real one.</summary>
internal sealed record DemoPerson(string Name, Gender Gender, string Employer, string First17, string Card, string UidHex, string Pin, long OpeningFen)
{
    public string ResidentId { get; } = First17 + ResidentIdCheck(First17);

    private static char ResidentIdCheck(string first17) => MedCard.Protocol.ResidentId.ComputeCheckCharacter(first17);
}
