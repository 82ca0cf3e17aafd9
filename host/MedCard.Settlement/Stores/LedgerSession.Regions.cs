using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Stores;

/// <summary>Regions, their policies, the region of institutions and insured persons, and the inter-region clearings.</summary>
public sealed partial class LedgerSession
{
    /// <summary>Every region, the home region included, by code.</summary>
    public Task<List<Region>> ListRegionsAsync() =>
        QueryAsync("SELECT region_code, name FROM regions ORDER BY region_code", r => new Region(r.GetString(0), r.GetString(1)));

    /// <summary>The region, or null.</summary>
    public Task<Region?> GetRegionAsync(string regionCode) =>
        SingleAsync("SELECT region_code, name FROM regions WHERE region_code = @c", r => new Region(r.GetString(0), r.GetString(1)),
            ("@c", regionCode));

    internal Task UpsertRegionAsync(Region region) =>
        ExecuteAsync("INSERT INTO regions (region_code, name) VALUES (@c, @n) ON CONFLICT (region_code) DO UPDATE SET name = excluded.name",
            ("@c", region.Code), ("@n", region.Name));

    /// <summary>The policy of <paramref name="visitType"/> in region <paramref name="regionCode"/>, or null when none is set.
    /// The home region's policies are the ones of <see cref="GetPolicyAsync"/>.</summary>
    public Task<VisitPolicy?> GetRegionPolicyAsync(string regionCode, VisitType visitType) =>
        regionCode == Region.HomeCode
            ? GetPolicyAsync(visitType)
            : SingleAsync("SELECT deductible, copay_bp, fund_cap FROM region_policies WHERE region_code = @c AND visit_type = @v",
                r => new VisitPolicy(L(r, 0), (int)L(r, 1), L(r, 2)), ("@c", regionCode), ("@v", (long)visitType));

    internal Task UpsertRegionPolicyAsync(string regionCode, VisitType visitType, VisitPolicy policy) =>
        regionCode == Region.HomeCode
            ? UpsertPolicyAsync(visitType, policy)
            : ExecuteAsync("INSERT INTO region_policies (region_code, visit_type, deductible, copay_bp, fund_cap) VALUES (@r, @v, @d, @c, @cap) "
                + "ON CONFLICT (region_code, visit_type) DO UPDATE SET deductible = excluded.deductible, copay_bp = excluded.copay_bp, "
                + "fund_cap = excluded.fund_cap",
                ("@r", regionCode), ("@v", (long)visitType), ("@d", policy.YearlyDeductible), ("@c", (long)policy.CoPaymentBasisPoints),
                ("@cap", policy.YearlyFundCap));

    /// <summary>The region code of the institution, or null when it is not registered.</summary>
    public Task<string?> GetInstitutionRegionAsync(string institutionId) =>
        SingleAsync("SELECT region_code FROM institutions WHERE institution_id = @id", r => r.GetString(0), ("@id", institutionId));

    internal Task SetInstitutionRegionAsync(string institutionId, string regionCode) =>
        ExecuteAsync("UPDATE institutions SET region_code = @c WHERE institution_id = @id", ("@c", regionCode), ("@id", institutionId));

    /// <summary>The region where the person is insured, or null when the person is not enrolled.</summary>
    public Task<string?> GetInsuredRegionAsync(string residentId) =>
        SingleAsync("SELECT insured_region FROM persons WHERE resident_id = @id", r => r.GetString(0), ("@id", residentId));

    internal Task SetInsuredRegionAsync(string residentId, string regionCode) =>
        ExecuteAsync("UPDATE persons SET insured_region = @c WHERE resident_id = @id", ("@c", regionCode), ("@id", residentId));

    /// <summary>(insured region, treatment region) of one settlement, in one query; null when either row is missing.</summary>
    internal async Task<(string Insured, string Treatment)?> GetSettlementRegionsAsync(string residentId, string institutionId)
    {
        List<(string, string)> rows = await QueryAsync(
            "SELECT p.insured_region, i.region_code FROM persons p, institutions i WHERE p.resident_id = @r AND i.institution_id = @i",
            r => (r.GetString(0), r.GetString(1)), ("@r", residentId), ("@i", institutionId)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    internal Task InsertClearingAsync(uint readerId, uint counter, ClearingKind kind, string paidBy, string owedBy, long amount, DateTimeOffset at) =>
        ExecuteAsync("INSERT INTO clearings (reader_id, counter, kind, paid_by_region, owed_by_region, amount, at) "
            + "VALUES (@reader, @counter, @kind, @paid, @owed, @amount, @at)",
            ("@reader", (long)readerId), ("@counter", (long)counter), ("@kind", (long)kind), ("@paid", paidBy), ("@owed", owedBy),
            ("@amount", amount), ("@at", DbTime.ToDb(at)));

    /// <summary>The clearing row of a settlement (paid by, owed by, amount), or null when the settlement was not remote.</summary>
    internal async Task<(string PaidBy, string OwedBy, long Amount)?> GetClearingAsync(uint readerId, uint counter, ClearingKind kind)
    {
        List<(string, string, long)> rows = await QueryAsync(
            "SELECT paid_by_region, owed_by_region, amount FROM clearings WHERE reader_id = @reader AND counter = @counter AND kind = @kind",
            r => (r.GetString(0), r.GetString(1), L(r, 2)), ("@reader", (long)readerId), ("@counter", (long)counter), ("@kind", (long)kind))
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Clearings from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive), summed per pair of regions.</summary>
    public Task<List<ClearingLine>> SumClearingsAsync(DateTimeOffset from, DateTimeOffset until) =>
        QueryAsync("SELECT paid_by_region, owed_by_region, SUM(amount), "
            + "SUM(CASE WHEN kind = " + (long)ClearingKind.Settlement + " THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN kind = " + (long)ClearingKind.Refund + " THEN 1 ELSE 0 END) "
            + "FROM clearings WHERE at >= @from AND at < @until GROUP BY paid_by_region, owed_by_region ORDER BY paid_by_region, owed_by_region",
            r => new ClearingLine(r.GetString(0), r.GetString(1), L(r, 2), L(r, 3), L(r, 4)),
            ("@from", DbTime.ToDb(from)), ("@until", DbTime.ToDb(until)));
}
