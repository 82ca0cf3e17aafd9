using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Stores;

/// <summary>What a settlement reads and locks before it decides, fetched together (one round trip on PostgreSQL). The card
/// row carries its PIN credential, so the PIN check reads nothing more; the holder (and the paying relative) come locked,
/// with the holder's accumulator, so the split needs no second round trip; <see cref="EntryId"/> is the id the settlement's
/// journal entry will take; <see cref="RelativeBound"/> says whether a named relative's account may pay for the holder.</summary>
internal sealed record SettlementInputs(
    SettlementRecord? Existing, long ReaderLastCounter, Card? Card, PinCredential? Pin, Institution? Institution, VisitPolicy? Policy,
    (string Insured, string Treatment)? Regions, IReadOnlyList<Person> Persons, (long DeductibleMet, long FundPaid)? YearToDate, long EntryId,
    bool RelativeBound);

/// <summary>The reads of a settlement, batched. The locks are the ones the single reads took, in the same order.</summary>
public sealed partial class LedgerSession
{
    /// <summary>
    /// In one batch, in this order: the reader's last counter, locked, with the next journal entry id; the card with its PIN
    /// credential, locked; the institution with its region and the home policy of the visit type; the card holder and the
    /// relative <paramref name="relativeId"/> (if any) with their insured regions, locked in ordinal order of resident ID
    /// (so two settlements sharing a family account cannot deadlock); the holder's accumulator of <paramref name="year"/>
    /// and the visit type, locked; for a family payment, whether the relative is bound to pay for the holder. Then, only
    /// for a counter at or below the reader's last, the stored answer of (reader, counter). Reader,
    /// card, persons, accumulator is the lock order of every service. A record that turns out to be a replay or a refusal
    /// holds these locks only a moment longer, inside a transaction that then writes little or nothing.
    /// </summary>
    internal async Task<SettlementInputs> GetSettlementInputsAsync(uint readerId, uint counter, string cardNumber, string institutionId,
        VisitType visitType, string? relativeId, int year)
    {
        const string Holder = "(SELECT resident_id FROM cards WHERE card_number = @n)";
        var reads = new List<Read>
        {
            // The reader's last counter, locked (NULL for a reader the ledger has no row of), with the entry id reserved in the
            // same statement: one statement fewer, and still the reader's lock first.
            new Read("SELECT (SELECT last_counter FROM readers WHERE reader_id = @r" + Lock(true) + "), " + _dialect.NextEntryId,
                r => (NL(r, 0) ?? -1, L(r, 1)), ("@r", (long)readerId)),
            new Read("SELECT " + CardColumns + ", pin_salt, pin_hash, pin_iterations, pin_key_id FROM cards WHERE card_number = @n" + Lock(true),
                r => (MapCard(r), new PinCredential(B(r, 12), B(r, 13), (int)L(r, 14), NS(r, 15))), ("@n", cardNumber)),
            // The home policy comes with the institution: when the institution is unknown the settlement is refused for that
            // before any policy matters.
            new Read("SELECT i.institution_id, i.name, i.designated, i.region_code, p.deductible, p.copay_bp, p.fund_cap FROM institutions i "
                + "LEFT JOIN policies p ON p.visit_type = @v WHERE i.institution_id = @id",
                r => (new Institution(r.GetString(0), r.GetString(1), L(r, 2) != 0), r.GetString(3),
                    r.IsDBNull(4) ? null : new VisitPolicy(L(r, 4), (int)L(r, 5), L(r, 6))), ("@id", institutionId), ("@v", (long)visitType)),
            // Without a paying relative (most settlements) the holder alone: one index lookup, where the two-person form costs
            // PostgreSQL a bitmap OR and a sort (about 10 µs per settlement, measured with pgbench).
            relativeId is null
                ? new Read(PersonsRead + " WHERE resident_id = " + Holder + Lock(true), MapPersonWithRegion, ("@n", cardNumber))
                : new Read(PersonsRead + " WHERE resident_id = " + Holder + " OR resident_id = @rel ORDER BY resident_id" + _dialect.Ordinal
                    + Lock(true), MapPersonWithRegion, ("@n", cardNumber), ("@rel", relativeId)),
            new Read("SELECT deductible_met, fund_paid FROM accumulators WHERE resident_id = " + Holder + " AND year = @y AND visit_type = @v" + Lock(true),
                r => (L(r, 0), L(r, 1)), ("@n", cardNumber), ("@y", (long)year), ("@v", (long)visitType)),
        };
        if (relativeId is not null)
        {
            // Whether the named relative's account may pay for the holder (a family payment only).
            reads.Add(new Read("SELECT relation FROM bindings WHERE payer_id = @rel AND beneficiary_id = " + Holder, r => L(r, 0),
                ("@rel", relativeId), ("@n", cardNumber)));
        }

        List<object?>[] rows = await ReadManyAsync([.. reads]).ConfigureAwait(false);
        (long last, long entryId) = rows[0] is [ValueTuple<long, long> first, ..] ? first : throw new InvalidOperationException("No entry id returned.");

        // Only a record at or below the reader's last counter can have a stored answer: every stored settlement or refusal
        // moved its reader's counter to at least its own in the same transaction, and the counter never goes back. So a
        // new record (the usual case) costs no read of the settlements, and a duplicate or replay costs one more.
        SettlementRecord? existing = counter <= last ? await GetSettlementAsync(readerId, counter).ConfigureAwait(false) : null;
        (Card Card, PinCredential Pin)? card = rows[1] is [ValueTuple<Card, PinCredential> found, ..] ? found : null;
        (Institution Institution, string Region, VisitPolicy? Policy)? institution =
            rows[2] is [ValueTuple<Institution, string, VisitPolicy?> i, ..] ? i : null;
        var persons = new List<Person>(rows[3].Count);
        string? insured = null;
        foreach (object? row in rows[3])
        {
            (Person person, string region) = (ValueTuple<Person, string>)row!;
            persons.Add(person);
            if (person.ResidentId == card?.Card.ResidentId)
            {
                insured = region;
            }
        }

        return new SettlementInputs(
            existing,
            last,
            card?.Card,
            card?.Pin,
            institution?.Institution,
            institution?.Policy,
            insured is not null && institution is { } known ? (insured, known.Region) : null,
            persons,
            rows[4] is [ValueTuple<long, long> ytd, ..] ? ytd : null,
            entryId,
            rows.Length > 5 && rows[5].Count > 0);
    }

    private const string PersonsRead = "SELECT resident_id, name, gender, employer, balance, insured_region FROM persons";

    private static object? MapPersonWithRegion(System.Data.Common.DbDataReader r) =>
        (new Person(r.GetString(0), r.GetString(1), GenderColumn.FromDb(L(r, 2)), r.GetString(3), L(r, 4)), r.GetString(5));

    /// <summary>Opens the journal entry <paramref name="entryId"/> (reserved by <see cref="GetSettlementInputsAsync"/>) with
    /// the transaction's other queued writes; its postings follow with <see cref="InsertPostingsAsync"/>.</summary>
    internal Task OpenEntryAsync(long entryId, EntryKind kind, string reference, DateTimeOffset at) =>
        DeferAsync("INSERT INTO entries (entry_id, kind, reference, created_at) VALUES (@e, @k, @ref, @at)",
            ("@e", entryId), ("@k", (long)kind), ("@ref", reference), ("@at", DbTime.ToDb(at)));
}
