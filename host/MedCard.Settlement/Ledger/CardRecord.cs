using System;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Ledger;

/// <summary>A transaction record on a card's statement. Unprinted while <see cref="StatementId"/> is null.
/// <see cref="OriginalCardNumber"/> differs from <see cref="CardNumber"/> when it was carried over to a replacement.</summary>
public sealed record CardRecord(
    long RecordId,
    string CardNumber,
    string OriginalCardNumber,
    uint ReaderId,
    uint Counter,
    DateTimeOffset Time,
    string InstitutionId,
    VisitType VisitType,
    long Total,
    long Fund,
    long Personal,
    long Cash,
    long? StatementId,
    bool Refunded);
