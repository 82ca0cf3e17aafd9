namespace MedCard.Settlement.Model;

/// <summary>The account of <paramref name="PayerResidentId"/> may pay for <paramref name="BeneficiaryResidentId"/>,
/// who is the payer's <paramref name="Relation"/>.</summary>
public sealed record FamilyBinding(string PayerResidentId, string BeneficiaryResidentId, Relation Relation);
