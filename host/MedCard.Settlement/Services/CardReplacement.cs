using System;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>Issue a new card (new UID and number, new PIN) in place of an old one.</summary>
public sealed record CardReplacement(
    string OldCardNumber,
    string ResidentId,
    string NewCardNumber,
    byte[] NewUid,
    PinDigits NewPin,
    DateTimeOffset At);
