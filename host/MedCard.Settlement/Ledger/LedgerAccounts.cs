namespace MedCard.Settlement.Ledger;

/// <summary>
/// Account names used in postings.
/// - fund:pooled — the pooled fund; goes negative by what it has paid out.
/// - personal:&lt;resident id&gt; — a personal account; its posting sum always equals persons.balance and is never negative.
/// - cash — money the holder paid at the counter; negative by the cash taken in.
/// - institution:&lt;id&gt; — the hospital's or pharmacy's receivable; positive by what it is owed for settled bills.
/// - contributions — source of personal-account contributions; negative by what was paid in.
/// </summary>
public static class LedgerAccounts
{
    /// <summary>The pooled fund's account.</summary>
    public const string PooledFund = "fund:pooled";
    /// <summary>Cash paid by holders at the counter.</summary>
    public const string Cash = "cash";
    /// <summary>The source of personal-account contributions.</summary>
    public const string Contributions = "contributions";

    /// <summary>The personal account of resident <paramref name="residentId"/>.</summary>
    public static string Personal(string residentId) => "personal:" + residentId;

    /// <summary>The receivable of institution <paramref name="institutionId"/>.</summary>
    public static string Institution(string institutionId) => "institution:" + institutionId;
}
