namespace MedCard.Settlement.Model;

/// <summary>How much of a bill item the scheme recognises.</summary>
public enum ItemClass
{
    /// <summary>Fully eligible for the deductible / co-payment / cap computation.</summary>
    Covered = 1,

    /// <summary>The holder first pays a fixed ratio of the item; the rest is eligible.</summary>
    PartlySelfPaid = 2,

    /// <summary>Never eligible: paid entirely out of pocket.</summary>
    FullySelfPaid = 3,
}
