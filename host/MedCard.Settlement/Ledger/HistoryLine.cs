using System;

namespace MedCard.Settlement.Ledger;

/// <summary>
/// One transaction in a holder's history. <see cref="Total"/>, <see cref="Fund"/>, <see cref="Personal"/> and
/// <see cref="Cash"/> are the transaction's own amounts (fen, not negative); <see cref="AccountChange"/> is what it did
/// to the personal account (a credit raises it, a spend lowers it, a refund gives the account share back).
/// Reader, counter and institution are set for spends and refunds (reimbursements: the institution);
/// <see cref="Reference"/> names the journal entry ("2026-11/&lt;resident id&gt;", "reader/counter", a claim's reference).
/// </summary>
public sealed record HistoryLine(
    DateTimeOffset Time,
    HistoryKind Kind,
    string? CardNumber,
    string? InstitutionId,
    string? InstitutionName,
    uint? ReaderId,
    uint? Counter,
    long Total,
    long Fund,
    long Personal,
    long Cash,
    long AccountChange,
    string Reference,
    long? StatementId);
