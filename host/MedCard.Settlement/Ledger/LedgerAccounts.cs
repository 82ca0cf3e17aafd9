namespace MedCard.Settlement.Ledger;

/// <summary>
/// Account names used in postings.
/// - fund:pooled — the pooled fund (of the home region); goes negative by what it has paid out.
/// - fund:&lt;region code&gt; — the pooled fund of another region, when it pays for care at its institutions.
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

    /// <summary>The pooled fund of region <paramref name="regionCode"/>: <see cref="PooledFund"/> for the home region,
    /// so a single-region ledger posts exactly as before regions existed.</summary>
    public static string RegionFund(string regionCode) =>
        regionCode == Model.Region.HomeCode ? PooledFund : "fund:" + regionCode;

    /// <summary>The personal account of resident <paramref name="residentId"/>.</summary>
    public static string Personal(string residentId) => "personal:" + residentId;

    /// <summary>The receivable of institution <paramref name="institutionId"/>.</summary>
    public static string Institution(string institutionId) => "institution:" + institutionId;
}
