namespace MedCard.Settlement.Ledger;

/// <summary>What a line of a holder's transaction history is.</summary>
public enum HistoryKind
{
    /// <summary>Money paid into the personal account: the opening balance or a contribution.</summary>
    Contribution = 1,

    /// <summary>The scheme's month-end credit of the personal account.</summary>
    AccountCredit = 2,

    /// <summary>A bill settled with the card.</summary>
    Spend = 3,

    /// <summary>A settled bill refunded (its fund and account shares returned).</summary>
    Refund = 4,

    /// <summary>The fund's share of a bill paid in cash while the card was lost, reimbursed.</summary>
    Reimbursement = 5,
}
