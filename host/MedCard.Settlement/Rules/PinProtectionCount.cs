namespace MedCard.Settlement.Rules;

/// <summary>How many cards hold their PIN under one protection: a keyed verification value under
/// <paramref name="KeyId"/>, or a PBKDF2 hash when <paramref name="KeyId"/> is null. Tells an operator when an old
/// PIN verification key may leave the key store (no card uses it any more).</summary>
/// <param name="KeyId">The PIN verification key id, or null for PBKDF2 hashes.</param>
/// <param name="Cards">Cards whose PIN is stored that way.</param>
public sealed record PinProtectionCount(string? KeyId, long Cards);
