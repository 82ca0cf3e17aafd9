using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Stores;

/// <summary>Journal entries, settlements, card records, statements, hotlist and claims.</summary>
public sealed partial class LedgerSession
{
    // ---------------- journal ----------------

    /// <summary>The id of the journal entry of <paramref name="kind"/> with <paramref name="reference"/>, or null.</summary>
    public Task<long?> FindEntryAsync(EntryKind kind, string reference) =>
        ScalarAsync("SELECT entry_id FROM entries WHERE kind = @k AND reference = @ref", ("@k", (long)kind), ("@ref", reference));

    /// <summary>Writes a balanced entry. Refuses (throws) an unbalanced one: that would be a bug, never a
    /// business outcome.</summary>
    internal async Task<long> InsertEntryAsync(EntryKind kind, string reference, DateTimeOffset at, IReadOnlyList<Posting> postings)
    {
        CheckBalanced(postings);
        long id = (await ReadManyAsync(EntryInsert(kind, reference, at)).ConfigureAwait(false))[0] is [long e, ..]
            ? e
            : throw new InvalidOperationException("No entry id returned.");
        await InsertPostingsAsync(id, postings).ConfigureAwait(false);
        return id;
    }

    /// <summary>The INSERT of an entry's header, returning its id (a read, so it can travel in a batch of reads).</summary>
    private static Read EntryInsert(EntryKind kind, string reference, DateTimeOffset at) =>
        new("INSERT INTO entries (kind, reference, created_at) VALUES (@k, @ref, @at) RETURNING entry_id", r => L(r, 0),
            ("@k", (long)kind), ("@ref", reference), ("@at", DbTime.ToDb(at)));

    /// <summary>Queues the postings of entry <paramref name="entryId"/> (opened by <see cref="InsertEntryAsync"/> or
    /// <see cref="OpenEntryAsync"/>) as one multi-row INSERT of the non-zero ones. Refuses (throws) an unbalanced set.</summary>
    internal async Task InsertPostingsAsync(long entryId, IReadOnlyList<Posting> postings)
    {
        CheckBalanced(postings);

        // A handful of distinct texts (by count), each prepared once.
        // Each posting's line is its place among the entry's written postings: 0, 1, ... (part of the key).
        var sql = new System.Text.StringBuilder("INSERT INTO postings (entry_id, line, account, amount) VALUES ");
        var parameters = new List<(string Name, object? Value)> { ("@e", entryId) };
        foreach (Posting p in postings)
        {
            if (p.Amount != 0)
            {
                int n = parameters.Count;
                sql.Append(n == 1 ? string.Empty : ", ").Append("(@e, ").Append(n / 2).Append(", @a").Append(n).Append(", @m").Append(n).Append(')');
                parameters.Add(("@a" + n, p.Account));
                parameters.Add(("@m" + n, p.Amount));
            }
        }

        if (parameters.Count > 1)
        {
            await DeferAsync(sql.ToString(), [.. parameters]).ConfigureAwait(false);
        }
    }

    private static void CheckBalanced(IReadOnlyList<Posting> postings)
    {
        long sum = 0;
        foreach (Posting p in postings)
        {
            sum = checked(sum + p.Amount);
        }

        if (sum != 0 || postings.Count < 2)
        {
            throw new InvalidOperationException("A journal entry must have at least two postings summing to zero.");
        }
    }

    /// <summary>The postings of journal entry <paramref name="entryId"/>.</summary>
    public Task<List<Posting>> GetPostingsAsync(long entryId) =>
        QueryAsync("SELECT account, amount FROM postings WHERE entry_id = @e ORDER BY account",
            r => new Posting(r.GetString(0), L(r, 1)), ("@e", entryId));

    /// <summary>Sum of all postings on one account: a scan of the postings (a report; schema 7 dropped the index by account
    /// that every settlement paid for).</summary>
    public async Task<long> GetAccountTotalAsync(string account) =>
        await ScalarAsync("SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account = @a", ("@a", account)).ConfigureAwait(false) ?? 0;

    // ---------------- settlements ----------------

    private const string SettlementColumns =
        "reader_id, counter, content_hash, outcome, message, pin_tries_left, card_number, resident_id, institution_id, visit_type, year, "
        + "tx_time, total, fund, deductible_applied, own_account, relative_account, relative_id, cash, explanation, entry_id, reversal_entry_id";

    private static SettlementRecord MapSettlement(DbDataReader r) => new(
        (uint)L(r, 0), (uint)L(r, 1), B(r, 2), (ReasonCode)L(r, 3), r.GetString(4), NL(r, 5) is long t ? (int)t : null, r.GetString(6),
        NS(r, 7), r.GetString(8), (VisitType)L(r, 9), (int)L(r, 10), DbTime.FromDb(L(r, 11)), L(r, 12), L(r, 13), L(r, 14), L(r, 15),
        L(r, 16), NS(r, 17), L(r, 18), r.GetString(19), NL(r, 20), NL(r, 21));

    /// <summary>The settlement or stored refusal of (reader, counter), or null; <paramref name="forUpdate"/> locks the row.</summary>
    public Task<SettlementRecord?> GetSettlementAsync(uint readerId, uint counter, bool forUpdate = false) =>
        SingleAsync<SettlementRecord>(SettlementRead(readerId, counter, forUpdate));

    private Read SettlementRead(uint readerId, uint counter, bool forUpdate) =>
        new("SELECT " + SettlementColumns + " FROM settlements WHERE reader_id = @r AND counter = @c" + Lock(forUpdate),
            MapSettlement, ("@r", (long)readerId), ("@c", (long)counter));

    /// <summary>Every settlement and stored refusal.</summary>
    public Task<List<SettlementRecord>> GetSettlementsAsync() =>
        QueryAsync("SELECT " + SettlementColumns + " FROM settlements ORDER BY reader_id, counter", MapSettlement);

    internal Task InsertSettlementAsync(SettlementRecord s) =>
        DeferAsync("INSERT INTO settlements (" + SettlementColumns + ") VALUES (@r, @c, @h, @o, @msg, @tries, @card, @rid, @inst, @v, @y, "
            + "@t, @total, @fund, @ded, @own, @rel, @relid, @cash, @expl, @e, @rev)",
            ("@r", (long)s.ReaderId), ("@c", (long)s.Counter), ("@h", s.ContentHash), ("@o", (long)s.Outcome), ("@msg", s.Message),
            ("@tries", s.PinTriesLeft is int tries ? (long)tries : null), ("@card", s.CardNumber), ("@rid", s.ResidentId),
            ("@inst", s.InstitutionId), ("@v", (long)s.VisitType), ("@y", (long)s.Year), ("@t", DbTime.ToDb(s.Time)), ("@total", s.Total),
            ("@fund", s.Fund), ("@ded", s.DeductibleApplied), ("@own", s.OwnAccount), ("@rel", s.RelativeAccount), ("@relid", s.RelativeId),
            ("@cash", s.Cash), ("@expl", s.Explanation), ("@e", s.EntryId), ("@rev", s.ReversalEntryId));

    internal Task SetReversalAsync(uint readerId, uint counter, long reversalEntryId) =>
        ExecuteAsync("UPDATE settlements SET reversal_entry_id = @e WHERE reader_id = @r AND counter = @c",
            ("@e", reversalEntryId), ("@r", (long)readerId), ("@c", (long)counter));

    // ---------------- card records and statements ----------------

    private const string RecordColumns =
        "record_id, card_number, original_card_number, reader_id, counter, tx_time, institution_id, visit_type, total, fund, personal, cash, "
        + "statement_id, refunded";

    private static CardRecord MapRecord(DbDataReader r) => new(
        L(r, 0), r.GetString(1), r.GetString(2), (uint)L(r, 3), (uint)L(r, 4), DbTime.FromDb(L(r, 5)), r.GetString(6), (VisitType)L(r, 7),
        L(r, 8), L(r, 9), L(r, 10), L(r, 11), NL(r, 12), L(r, 13) != 0);

    internal Task InsertCardRecordAsync(CardRecord c) =>
        DeferAsync("INSERT INTO card_records (card_number, original_card_number, reader_id, counter, tx_time, institution_id, visit_type, "
            + "total, fund, personal, cash, statement_id, refunded) VALUES (@n, @o, @r, @c, @t, @i, @v, @total, @fund, @p, @cash, NULL, 0)",
            ("@n", c.CardNumber), ("@o", c.OriginalCardNumber), ("@r", (long)c.ReaderId), ("@c", (long)c.Counter), ("@t", DbTime.ToDb(c.Time)),
            ("@i", c.InstitutionId), ("@v", (long)c.VisitType), ("@total", c.Total), ("@fund", c.Fund), ("@p", c.Personal), ("@cash", c.Cash));

    /// <summary>The card's records not yet printed on a statement, oldest first.</summary>
    public Task<List<CardRecord>> GetUnprintedRecordsAsync(string cardNumber) =>
        QueryAsync("SELECT " + RecordColumns + " FROM card_records WHERE card_number = @n AND statement_id IS NULL ORDER BY tx_time, record_id",
            MapRecord, ("@n", cardNumber));

    /// <summary>The records printed on statement <paramref name="statementId"/>.</summary>
    public Task<List<CardRecord>> GetRecordsOfStatementAsync(long statementId) =>
        QueryAsync("SELECT " + RecordColumns + " FROM card_records WHERE statement_id = @s ORDER BY tx_time, record_id",
            MapRecord, ("@s", statementId));

    internal Task<int> MarkRecordRefundedAsync(uint readerId, uint counter) =>
        ExecuteAsync("UPDATE card_records SET refunded = 1 WHERE reader_id = @r AND counter = @c", ("@r", (long)readerId), ("@c", (long)counter));

    internal Task<int> MoveUnprintedRecordsAsync(string fromCard, string toCard) =>
        ExecuteAsync("UPDATE card_records SET card_number = @to WHERE card_number = @from AND statement_id IS NULL",
            ("@to", toCard), ("@from", fromCard));

    internal async Task<long> InsertStatementAsync(string cardNumber, DateTimeOffset at, int recordCount)
    {
        long id = await ScalarAsync("INSERT INTO statements (card_number, printed_at, record_count) VALUES (@n, @at, @c) RETURNING statement_id",
            ("@n", cardNumber), ("@at", DbTime.ToDb(at)), ("@c", (long)recordCount)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No statement id returned.");
        await ExecuteAsync("UPDATE card_records SET statement_id = @s WHERE card_number = @n AND statement_id IS NULL",
            ("@s", id), ("@n", cardNumber)).ConfigureAwait(false);
        return id;
    }

    // ---------------- hotlist ----------------

    /// <summary>Appends a change and returns the new hotlist version. The version is the events table's own
    /// primary key, so two hosts racing here conflict (and one retries) instead of sharing a version.</summary>
    internal async Task<long> AppendHotlistChangeAsync(string cardNumber, bool listed, DateTimeOffset at)
    {
        long version = (await ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM hotlist_events").ConfigureAwait(false) ?? 0) + 1;
        await ExecuteAsync("INSERT INTO hotlist_events (version, card_number, listed, at) VALUES (@v, @n, @l, @at)",
            ("@v", version), ("@n", cardNumber), ("@l", listed ? 1L : 0L), ("@at", DbTime.ToDb(at))).ConfigureAwait(false);
        return version;
    }

    /// <summary>The current hotlist: its version and the card numbers on it.</summary>
    public async Task<Hotlist> GetHotlistAsync()
    {
        long version = await ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM hotlist_events").ConfigureAwait(false) ?? 0;
        List<string> numbers = await QueryAsync("SELECT card_number FROM cards WHERE lifecycle <> @active ORDER BY card_number",
            r => r.GetString(0), ("@active", (long)CardLifecycle.Active)).ConfigureAwait(false);
        return new Hotlist(version, numbers);
    }

    /// <summary>The hotlist changes after version <paramref name="sinceVersion"/>.</summary>
    public Task<List<HotlistChange>> GetHotlistChangesAsync(long sinceVersion) =>
        QueryAsync("SELECT version, card_number, listed, at FROM hotlist_events WHERE version > @v ORDER BY version",
            r => new HotlistChange(L(r, 0), r.GetString(1), L(r, 2) != 0, DbTime.FromDb(L(r, 3))), ("@v", sinceVersion));

    // ---------------- loss-period claims ----------------

    /// <summary>The loss-period claim with <paramref name="claimReference"/>, or null.</summary>
    public Task<ClaimRecord?> GetClaimAsync(string claimReference) =>
        SingleAsync("SELECT claim_reference, card_number, resident_id, institution_id, visit_type, year, claim_time, total, fund, "
            + "deductible_applied, entry_id, explanation FROM claims WHERE claim_reference = @ref",
            r => new ClaimRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), (VisitType)L(r, 4), (int)L(r, 5),
                DbTime.FromDb(L(r, 6)), L(r, 7), L(r, 8), L(r, 9), L(r, 10), r.GetString(11)), ("@ref", claimReference));

    internal Task InsertClaimAsync(ClaimRecord c) =>
        ExecuteAsync("INSERT INTO claims (claim_reference, card_number, resident_id, institution_id, visit_type, year, claim_time, total, fund, "
            + "deductible_applied, entry_id, explanation) VALUES (@ref, @n, @rid, @i, @v, @y, @t, @total, @fund, @ded, @e, @expl)",
            ("@ref", c.ClaimReference), ("@n", c.CardNumber), ("@rid", c.ResidentId), ("@i", c.InstitutionId), ("@v", (long)c.VisitType),
            ("@y", (long)c.Year), ("@t", DbTime.ToDb(c.Time)), ("@total", c.Total), ("@fund", c.Fund), ("@ded", c.DeductibleApplied),
            ("@e", c.EntryId), ("@expl", c.Explanation));
}
