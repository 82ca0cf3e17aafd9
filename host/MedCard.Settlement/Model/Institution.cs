namespace MedCard.Settlement.Model;

/// <summary>A hospital or pharmacy. Only designated institutions settle non-emergency care.</summary>
public sealed record Institution(string InstitutionId, string Name, bool Designated);
