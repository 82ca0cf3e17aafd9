namespace MedCard.Settlement.Credits;

/// <summary>Why line <paramref name="Line"/> of a credit file cannot be applied (line 0: the file as a whole).</summary>
public sealed record CreditLineError(int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => (Line > 0 ? "line " + Line + ": " : string.Empty) + Reason;
}
