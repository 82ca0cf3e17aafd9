using System;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>An issued e-card token (the text the QR code carries) and when it expires, or the refusal.</summary>
public sealed record ECardIssue(Refusal? Refusal, string? Token, DateTimeOffset? ExpiresAt)
{
    /// <summary>True when a token was issued.</summary>
    public bool Succeeded => Refusal is null;
}
