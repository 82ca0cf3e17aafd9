using MedCard.Protocol;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>A new insured person with their first card and PIN.</summary>
/// <param name="OpeningBalance">Initial personal-account contribution (fen), posted from "contributions".</param>
public sealed record Enrolment(
    string ResidentId,
    string Name,
    Gender Gender,
    string Employer,
    string CardNumber,
    byte[] CardUid,
    PinDigits Pin,
    long OpeningBalance = 0)
{
    /// <summary>The region where the person is insured (a registered region's code); null for the home region.</summary>
    public string? InsuredRegion { get; init; }
}
