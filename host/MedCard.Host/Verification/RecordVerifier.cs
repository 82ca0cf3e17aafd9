using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedCard.Host.Verification
{
    /// <summary>
    /// The host as issuer: decides whether a signed record is genuine and new, and advances the
    /// reader's chain position when it is. Order of checks: reader identity, key present, MAC, then
    /// counter and chain. A record counts only when the chain store accepted the advance, so two
    /// deliveries of one record (resend, reconnect, duplicated frame) count once.
    /// </summary>
    public sealed class RecordVerifier
    {
        private readonly IReaderKeyStore _keys;
        private readonly IRecordChainStore _chain;
        private readonly IHmacSha256 _hmac;
        private readonly ILogger _logger;

        /// <summary>A verifier over reader keys, chain positions and HMAC; logs refusals to <paramref name="logger"/>.</summary>
        public RecordVerifier(IReaderKeyStore keys, IRecordChainStore chain, IHmacSha256 hmac, ILogger? logger = null)
        {
            _keys = keys ?? throw new ArgumentNullException(nameof(keys));
            _chain = chain ?? throw new ArgumentNullException(nameof(chain));
            _hmac = hmac ?? throw new ArgumentNullException(nameof(hmac));
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>Judges <paramref name="record"/> against the stored chain without changing it.</summary>
        public async Task<RecordCheck> CheckAsync(SignedRecord record, uint expectedReaderId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(record);
            ChainPosition position = await _chain.GetAsync(record.ReaderId, cancellationToken).ConfigureAwait(false);
            return await JudgeAsync(record, expectedReaderId, position, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Judges the record and, if it is new and genuine, advances the chain. Retries the judgement
        /// if another party advanced the chain meanwhile.
        /// </summary>
        public async Task<RecordCheck> AcceptAsync(SignedRecord record, uint expectedReaderId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(record);
            for (int attempt = 0; attempt < 8; attempt++)
            {
                ChainPosition position = await _chain.GetAsync(record.ReaderId, cancellationToken).ConfigureAwait(false);
                RecordCheck check = await JudgeAsync(record, expectedReaderId, position, cancellationToken).ConfigureAwait(false);
                if (!check.AdvancesChain)
                {
                    if (check.Verdict != RecordVerdict.AlreadyAccepted)
                    {
                        _logger.LogWarning("Record refused: {Check}", check.ToString());
                    }
                    return check;
                }
                var next = new ChainPosition(record.Counter, record.Mac, record.HostNonce);
                if (await _chain.TryAdvanceAsync(record.ReaderId, position, next, cancellationToken).ConfigureAwait(false))
                {
                    if (check.Verdict == RecordVerdict.DuplicateSigning)
                    {
                        _logger.LogWarning("Reader {ReaderId} signed one request twice (counter {Counter}); the duplicate is not counted", record.ReaderId, record.Counter);
                    }
                    if (check.Verdict == RecordVerdict.AcceptedAfterUnusedCounters)
                    {
                        _logger.LogWarning("Reader {ReaderId} skipped counters {From}-{To} (power cut before signing)", record.ReaderId, check.GapFrom, check.GapTo);
                    }
                    return check;
                }
            }
            throw new InvalidOperationException("The chain position of reader " + record.ReaderId + " keeps changing; another host is accepting records concurrently.");
        }

        // ValueTask: with a synchronous key store (in memory, cached) the judgement completes without a Task allocation.
        private async ValueTask<RecordCheck> JudgeAsync(SignedRecord record, uint expectedReaderId, ChainPosition position, CancellationToken cancellationToken)
        {
            if (record.ReaderId != expectedReaderId)
            {
                return new RecordCheck(record, RecordVerdict.WrongReader, 0, 0,
                    "signed by reader " + record.ReaderId + " but the link is to reader " + expectedReaderId + ".");
            }
            byte[]? key = record.ReaderId == 0 ? null : await _keys.GetKeyAsync(record.ReaderId, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return new RecordCheck(record, RecordVerdict.UnknownReader, 0, 0, "no key for this reader: it was never provisioned here.");
            }
            bool genuine;
            try
            {
                // The .NET HMAC has an allocation-free span path; any other IHmacSha256 (a test double, an HSM
                // adapter) goes through the interface.
                genuine = key.Length == SignedRecord.KeyLength
                    && (_hmac is Crypto.DotNetHmacSha256 ? Crypto.SignedRecordMac.Verify(record, key) : record.Verify(_hmac, key));
            }
            finally
            {
                ConstantTime.Wipe(key);
            }
            if (!genuine)
            {
                return new RecordCheck(record, RecordVerdict.Forged, 0, 0, "the MAC does not match the reader's key.");
            }

            bool chainsToLast = ConstantTime.AreEqual(record.PreviousMac, 0, position.LastMac, 0, SignedRecord.MacLength);
            if (record.Counter <= position.Counter)
            {
                bool isLast = record.Counter == position.Counter && ConstantTime.AreEqual(record.Mac, 0, position.LastMac, 0, SignedRecord.MacLength);
                return isLast
                    ? new RecordCheck(record, RecordVerdict.AlreadyAccepted, 0, 0, "this record was accepted before.")
                    : new RecordCheck(record, RecordVerdict.Replayed, 0, 0, "counter " + record.Counter + " is not above the last accepted " + position.Counter + ".");
            }
            bool sameRequestAsLast = position.LastNonce is not null && chainsToLast
                && ConstantTime.AreEqual(record.HostNonce, 0, position.LastNonce, 0, SignedRecord.NonceLength);
            if (sameRequestAsLast)
            {
                return new RecordCheck(record, RecordVerdict.DuplicateSigning, 0, 0, "it signs the same host request as record " + position.Counter + ".");
            }
            if (record.Counter == position.Counter + 1)
            {
                return chainsToLast
                    ? new RecordCheck(record, RecordVerdict.Accepted, 0, 0, "genuine and next in the chain.")
                    : new RecordCheck(record, RecordVerdict.ChainBroken, 0, 0, "its previous MAC is not the MAC of record " + position.Counter + ".");
            }
            uint from = position.Counter + 1;
            uint to = record.Counter - 1;
            return chainsToLast
                ? new RecordCheck(record, RecordVerdict.AcceptedAfterUnusedCounters, from, to, "counters " + from + "-" + to + " were never signed.")
                : new RecordCheck(record, RecordVerdict.MissingRecords, from, to, "records " + from + "-" + to + " were signed but not received; read them from the journal.");
        }
    }
}
