using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>
/// The answer to a card-number lookup: the holder's current card number and its status, and nothing else (no name, no
/// balance, no history), or the refusal. A wrong password's refusal carries the tries left in
/// <see cref="Refusal.PinTriesLeft"/>.
/// </summary>
public sealed record CardLookup(Refusal? Refusal, string? CardNumber, CardStatus? Status)
{
    /// <summary>True when the card number was found and may be shown.</summary>
    public bool Succeeded => Refusal is null;
}
