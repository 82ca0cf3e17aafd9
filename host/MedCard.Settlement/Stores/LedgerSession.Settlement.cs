using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Stores;

/// <summary>What a settlement reads before it decides, fetched together (one round trip on PostgreSQL). The card row
/// carries its PIN credential, so the PIN check reads nothing more.</summary>
internal sealed record SettlementInputs(
    SettlementRecord? Existing, long ReaderLastCounter, Card? Card, PinCredential? Pin, Institution? Institution, VisitPolicy? HomePolicy,
    (string Insured, string Treatment)? Regions);

/// <summary>The reads of a settlement, batched. The locks are the ones the single reads took, in the same order.</summary>
public sealed partial class LedgerSession
{
    /// <summary>
    /// In one batch, in this order: the stored answer of (reader, counter) if any; the reader's last counter, locked; the
    /// card with its PIN credential, locked; the institution; the home region's policy of the visit type; the card holder's
    /// insured region and the institution's region (as <see cref="GetSettlementRegionsAsync"/>, through the card). Reader then card is the lock
    /// order of every service; reading the card when the record turns out to be a replay only holds its lock a moment
    /// longer, inside a transaction that then writes nothing.
    /// </summary>
    internal async Task<SettlementInputs> GetSettlementInputsAsync(uint readerId, uint counter, string cardNumber, string institutionId,
        VisitType visitType)
    {
        List<object?>[] rows = await ReadManyAsync(
            SettlementRead(readerId, counter, forUpdate: false),
            ReaderCounterRead(readerId, forUpdate: true),
            new Read("SELECT " + CardColumns + ", pin_salt, pin_hash, pin_iterations, pin_key_id FROM cards WHERE card_number = @n" + Lock(true),
                r => (MapCard(r), new PinCredential(B(r, 12), B(r, 13), (int)L(r, 14), NS(r, 15))), ("@n", cardNumber)),
            InstitutionRead(institutionId),
            PolicyRead(visitType),
            new Read("SELECT p.insured_region, i.region_code FROM cards c, persons p, institutions i "
                + "WHERE c.card_number = @n AND p.resident_id = c.resident_id AND i.institution_id = @i",
                r => (r.GetString(0), r.GetString(1)), ("@n", cardNumber), ("@i", institutionId))).ConfigureAwait(false);
        (Card Card, PinCredential Pin)? card = rows[2] is [System.ValueTuple<Card, PinCredential> found, ..] ? found : null;
        return new SettlementInputs(
            rows[0] is [SettlementRecord existing, ..] ? existing : null,
            rows[1] is [long last, ..] ? last : -1,
            card?.Card,
            card?.Pin,
            rows[3] is [Institution institution, ..] ? institution : null,
            rows[4] is [VisitPolicy policy, ..] ? policy : null,
            rows[5] is [System.ValueTuple<string, string> regions, ..] ? regions : null);
    }

    /// <summary>
    /// Locks, in one batch, the persons whose accounts a settlement may move (<paramref name="orderedResidentIds"/>, in
    /// ordinal order so two settlements sharing a family account cannot deadlock), then the card holder's accumulator of
    /// the year and visit type, then opens the journal entry <paramref name="entry"/> (its postings follow with
    /// <see cref="InsertPostingsAsync"/>): the statements and their order are those of the single calls, in one round trip.
    /// Persons that do not exist come back null.
    /// </summary>
    internal async Task<(List<Person?> Persons, Accumulator Accumulator, long EntryId)> LockHoldersAsync(IReadOnlyList<string> orderedResidentIds,
        string residentId, int year, VisitType visitType, (EntryKind Kind, string Reference, DateTimeOffset At) entry)
    {
        var reads = new Read[orderedResidentIds.Count + 2];
        for (int i = 0; i < orderedResidentIds.Count; i++)
        {
            reads[i] = PersonRead(orderedResidentIds[i], forUpdate: true);
        }

        reads[^2] = AccumulatorRead(residentId, year, visitType, forUpdate: true);
        reads[^1] = EntryInsert(entry.Kind, entry.Reference, entry.At);
        List<object?>[] rows = await ReadManyAsync(reads).ConfigureAwait(false);
        var persons = new List<Person?>(orderedResidentIds.Count);
        for (int i = 0; i < orderedResidentIds.Count; i++)
        {
            persons.Add(rows[i] is [Person person, ..] ? person : null);
        }

        return (persons, rows[^2] is [Accumulator ytd, ..] ? ytd : new Accumulator(residentId, year, visitType, 0, 0),
            rows[^1] is [long entryId, ..] ? entryId : throw new InvalidOperationException("No entry id returned."));
    }
}
