using MedCard.Protocol;

namespace MedCard.Settlement.Model;

/// <summary>An insured person and their personal account balance (fen). The balance belongs to the
/// person, not to a card, which is why a replacement card carries it over without any posting.</summary>
public sealed record Person(string ResidentId, string Name, Gender Gender, string Employer, long Balance);
