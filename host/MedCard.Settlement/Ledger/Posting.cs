namespace MedCard.Settlement.Ledger;

/// <summary>One leg of a journal entry. Sign convention: a positive amount increases the account's
/// balance as the ledger sees it (money the account holds or is owed); every entry's legs sum to zero.</summary>
public sealed record Posting(string Account, long Amount);
