using System;
using MedCard.Host.Crypto;
using MedCard.Protocol;

namespace MedCard.Host.Tests.Fakes
{
    /// <summary>Signs records the way a reader does: counter+1, previous MAC chained, HMAC under the reader key.</summary>
    internal sealed class RecordChain
    {
        private readonly byte[] _key;
        private byte[] _lastMac = new byte[SignedRecord.MacLength];

        internal RecordChain(uint readerId, byte[] key)
        {
            ReaderId = readerId;
            _key = key;
        }

        internal uint ReaderId { get; }

        internal uint Counter { get; private set; }

        internal static byte[] NewKey(int seed)
        {
            var key = new byte[SignedRecord.KeyLength];
            new Random(seed).NextBytes(key);
            return key;
        }

        /// <summary>Signs the next record. <paramref name="skip"/> counters are burned first (a power cut after persisting).</summary>
        internal SignedRecord Next(long amount = 1234, int skip = 0)
        {
            Counter += (uint)(skip + 1);
            var record = new SignedRecord
            {
                ReaderId = ReaderId,
                Counter = Counter,
                PreviousMac = (byte[])_lastMac.Clone(),
                CardUid = new byte[] { 0x04, 0xA1, 0xB2, 0xC3 },
                CardNumber = "SZ0012345678",
                Amount = amount,
                Type = TransactionType.Purchase,
                Time = 1_790_000_000 + Counter,
                HostNonce = BitConverter.GetBytes((ulong)Counter * 7919),
            };
            record.Sign(new DotNetHmacSha256(), _key);
            _lastMac = (byte[])record.Mac.Clone();
            return record;
        }

        /// <summary>Signs the record a reader would for this authorization request.</summary>
        internal SignedRecord NextFor(AuthorizeRequest request, int skip)
        {
            Counter += (uint)(skip + 1);
            var record = new SignedRecord
            {
                ReaderId = ReaderId,
                Counter = Counter,
                PreviousMac = (byte[])_lastMac.Clone(),
                CardUid = new byte[] { 0x04, 0xA1, 0xB2, 0xC3 },
                CardNumber = request.CardNumber,
                Amount = request.Amount,
                Type = request.TransactionType,
                Time = request.Time,
                HostNonce = (byte[])request.HostNonce.Clone(),
            };
            record.Sign(new DotNetHmacSha256(), _key);
            _lastMac = (byte[])record.Mac.Clone();
            return record;
        }

        internal static SignedRecord Copy(SignedRecord r)
        {
            byte[] buf = new byte[SignedRecord.MaxEncodedLength];
            int n = r.Encode(buf, 0);
            return SignedRecord.Decode(buf, 0, n);
        }
    }
}
