namespace MedCard.Settlement.Stores;

/// <summary>The two kinds of clearing rows: a remote settlement, and the refund that reverses one (its amount negated).</summary>
internal enum ClearingKind
{
    Settlement = 1,
    Refund = 2,
}
