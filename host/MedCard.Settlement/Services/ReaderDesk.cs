using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>
/// The ledger's side of each reader, on the readers table (the one durable reader store): its key and fingerprint, its
/// last counter and the chain position after it. The chain position moves only in the transaction that files a record
/// (a settlement, a stored refusal, or a void here), so it never runs ahead of the money.
/// Keys are stored in clear in the ledger: a development and single-site key store. A deployment that keeps reader keys
/// in an HSM keeps only the fingerprint here.
/// </summary>
public sealed class ReaderDesk
{
    private readonly ILedgerStore _store;
    private readonly LedgerOptions _options;

    /// <summary>A desk over <paramref name="store"/>.</summary>
    public ReaderDesk(ILedgerStore store, LedgerOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new LedgerOptions();
    }

    /// <summary>The fingerprint the ledger shows for a reader key: the first 8 bytes of its SHA-256, hex.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> key) => Convert.ToHexString(SHA256.HashData(key)[..8]);

    /// <summary>
    /// Stores the key of a (re)provisioned reader and returns the counter floor to give the reader: the last counter the
    /// ledger filed from this reader id (0 for a new one), so a re-provisioned reader never reuses a counter. Its chain
    /// restarts: the next record it signs opens a new chain.
    /// </summary>
    public async Task<uint> RegisterAsync(uint readerId, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        if (readerId == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(readerId), "Reader id 0 means not provisioned.");
        }

        byte[] copy = key.ToArray();
        string fingerprint = Fingerprint(copy);
        try
        {
            return await _store.InTransactionAsync(async (s, _) =>
            {
                long last = Math.Max(0, await s.GetReaderLastCounterAsync(readerId, forUpdate: true).ConfigureAwait(false));
                await s.RegisterReaderAsync(readerId, copy, fingerprint, last, _options.Clock.GetUtcNow()).ConfigureAwait(false);
                return (uint)last;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    /// <summary>The reader as the ledger knows it, or null when it has no row.</summary>
    public Task<LedgerReader?> GetAsync(uint readerId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetReaderAsync(readerId), cancellationToken);

    /// <summary>The reader's key (the caller wipes it), or null when none is stored here.</summary>
    public Task<byte[]?> GetKeyAsync(uint readerId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetReaderKeyAsync(readerId), cancellationToken);

    /// <summary>
    /// Files a genuine signed record that will never be settled as void with <paramref name="reason"/>, and moves the
    /// reader's chain past it in the same transaction. Idempotent: a record already filed (settled, refused or voided)
    /// is left as it is and its stored outcome returned; a record below the reader's last counter is not filed again
    /// (returns null).
    /// </summary>
    public async Task<SettlementRecord?> VoidAsync(VerifiedTransaction transaction, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return await _store.InTransactionAsync(async (s, _) =>
        {
            SettlementRecord? existing = await s.GetSettlementAsync(transaction.ReaderId, transaction.Counter).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing;
            }

            long last = await s.GetReaderLastCounterAsync(transaction.ReaderId, forUpdate: true).ConfigureAwait(false);
            if (transaction.Counter <= last)
            {
                return null;
            }

            var record = new SettlementRecord(transaction.ReaderId, transaction.Counter, new byte[32], ReasonCode.RecordVoided, reason, null,
                transaction.CardNumber, null, string.Empty, VisitType.Outpatient, _options.AccountingYear(transaction.Time), transaction.Time,
                transaction.Amount, 0, 0, 0, 0, null, 0, "voided: " + reason, null, null);
            await s.InsertSettlementAsync(record).ConfigureAwait(false);
            await s.SetReaderLastCounterAsync(transaction.ReaderId, transaction.Counter, transaction.Mac, transaction.HostNonce).ConfigureAwait(false);
            return record;
        }, cancellationToken).ConfigureAwait(false);
    }
}
