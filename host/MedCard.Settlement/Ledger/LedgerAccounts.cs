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
    public const string PooledFund = "fund:pooled";
    public const string Cash = "cash";
    public const string Contributions = "contributions";

    public static string Personal(string residentId) => "personal:" + residentId;

    public static string Institution(string institutionId) => "institution:" + institutionId;
}
