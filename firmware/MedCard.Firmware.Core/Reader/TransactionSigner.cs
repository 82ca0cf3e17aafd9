using System;
using MedCard.Firmware.Storage;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// The signing step of an authorization, in the only safe order:
    /// <list type="number">
    /// <item>refuse if the journal is full (nothing reserved, nothing signed);</item>
    /// <item>reserve counter+1 durably (<see cref="TransactionCounter.TryReserve"/>);</item>
    /// <item>build the record, chained to the MAC of the newest journaled record, and sign it;</item>
    /// <item>append it to the journal durably; only then is it returned for the response.</item>
    /// </list>
    /// A power cut after step 2 leaves a gap in the counter, never a repeat.
    /// </summary>
    public sealed class TransactionSigner
    {
        private readonly TransactionCounter _counter;
        private readonly Journal _journal;
        private readonly Provisioning _provisioning;
        private readonly IHmacSha256 _hmac;

        // The MAC input is rebuilt for every record: one buffer instead of 124 bytes of garbage per transaction.
        private readonly byte[] _macInput = new byte[SignedRecord.MacInputLength];

        /// <summary>Create over the reader's storage.</summary>
        public TransactionSigner(TransactionCounter counter, Journal journal, Provisioning provisioning, IHmacSha256 hmac)
        {
            _counter = counter;
            _journal = journal;
            _provisioning = provisioning;
            _hmac = hmac;
        }

        /// <summary>
        /// Sign a transaction for the card with this UID (an exact-length array the record may share: the record
        /// is encoded into the journal and the response, never kept). Returns Approved with the journaled record, or a
        /// refusal (JournalFull, CounterExhausted, StorageFailure, NotProvisioned) with record null.
        /// </summary>
        public AuthorizeStatus Sign(AuthorizeRequest request, byte[] uid, out SignedRecord record)
        {
            record = null;
            if (!_provisioning.IsProvisioned)
            {
                return AuthorizeStatus.NotProvisioned;
            }

            if (_journal.IsFull)
            {
                return AuthorizeStatus.JournalFull;
            }

            uint counter;
            StorageStatus reserved = _counter.TryReserve(out counter);
            if (reserved == StorageStatus.CounterExhausted)
            {
                return AuthorizeStatus.CounterExhausted;
            }

            if (reserved != StorageStatus.Ok)
            {
                return AuthorizeStatus.StorageFailure;
            }

            SignedRecord r = new SignedRecord();
            r.ReaderId = _provisioning.ReaderId;
            r.Counter = counter;
            r.PreviousMac = new byte[SignedRecord.MacLength];
            _journal.CopyHeadMac(r.PreviousMac, 0);
            r.CardUid = uid;
            r.CardNumber = request.CardNumber;
            r.Amount = request.Amount;
            r.Type = request.TransactionType;
            r.Time = request.Time;
            // The decoded request is ours and short-lived: its nonce array can be the record's.
            r.HostNonce = request.HostNonce;
            r.Sign(_hmac, _provisioning.ReaderKey, _macInput);

            StorageStatus appended = _journal.Append(r);
            if (appended == StorageStatus.JournalFull)
            {
                return AuthorizeStatus.JournalFull;
            }

            if (appended != StorageStatus.Ok)
            {
                return AuthorizeStatus.StorageFailure;
            }

            record = r;
            return AuthorizeStatus.Approved;
        }
    }
}
