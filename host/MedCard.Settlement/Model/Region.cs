namespace MedCard.Settlement.Model;

/// <summary>
/// A region of the scheme (a pooling area with its own fund and its own policies). Institutions belong to the region
/// they are in; an insured person belongs to the region where they are insured. A ledger always has the home region
/// (<see cref="HomeCode"/>), whose policies are the ones set per visit type without a region; everything registered before
/// regions existed belongs to it.
/// </summary>
/// <param name="Code">Stable code (for example the administrative division code, "310000").</param>
/// <param name="Name">Display name.</param>
public sealed record Region(string Code, string Name)
{
    /// <summary>The code of the home region, present in every ledger.</summary>
    public const string HomeCode = "home";

    /// <summary>True for the home region.</summary>
    public bool IsHome => Code == HomeCode;
}
