using System;

namespace MedCard.Settlement.Credits;

/// <summary>A month-end credit of a personal account as the ledger holds it: its journal entry and, once printed,
/// the statement that showed it.</summary>
public sealed record MonthlyCredit(string ResidentId, CreditMonth Month, long Amount, long EntryId, DateTimeOffset CreditedAt, long? StatementId);
