namespace MedCard.Settlement.Ledger;

/// <summary>Kinds of journal entries; (kind, reference) is unique, which makes every entry idempotent.</summary>
public enum EntryKind
{
    /// <summary>Money paid into a personal account (employer/holder contribution). Reference: caller's.</summary>
    Contribution = 1,

    /// <summary>A settled bill. Reference: "reader/counter".</summary>
    Settlement = 2,

    /// <summary>Refund or reversal of a settlement. Reference: "reader/counter".</summary>
    Reversal = 3,

    /// <summary>Fund share of an outpatient cost advanced during a loss period. Reference: the claim's.</summary>
    LossReimbursement = 4,

    /// <summary>The scheme's month-end credit of a personal account (contributions to personal). Reference:
    /// "yyyy-MM/resident id", so a person is credited at most once a month.</summary>
    AccountCredit = 5,
}
