using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>Where a settled person is insured and where they are treated. Remote when the two differ.</summary>
internal sealed record RegionRoute(string Insured, string Treatment)
{
    /// <summary>Both in the home region: every ledger from before regions, and every single-region one.</summary>
    public static readonly RegionRoute Home = new(Region.HomeCode, Region.HomeCode);

    public bool IsRemote => Insured != Treatment;
}
