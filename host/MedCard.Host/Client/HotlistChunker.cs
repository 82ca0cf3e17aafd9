using System;
using System.Collections.Generic;
using MedCard.Protocol;

namespace MedCard.Host.Client
{
    /// <summary>
    /// Splits one hotlist version into HotlistUpdate chunks that each fit a frame: card numbers packed
    /// by size (length byte + ASCII, at most 255 per chunk), then UID hashes (61 per chunk). An empty
    /// list is one chunk with no entries, which clears the reader's list.
    /// </summary>
    internal static class HotlistChunker
    {
        public static IReadOnlyList<HotlistUpdate> Split(uint version, IReadOnlyList<string> cardNumbers, IReadOnlyList<byte[]> uids, IHmacSha256 hmac)
        {
            ArgumentNullException.ThrowIfNull(cardNumbers);
            ArgumentNullException.ThrowIfNull(uids);
            ArgumentNullException.ThrowIfNull(hmac);
            var chunks = new List<HotlistUpdate>();
            int room = FrameFormat.MaxPayloadSize - HotlistUpdate.FixedLength;

            var current = new List<string>();
            int used = 0;
            foreach (string number in cardNumbers)
            {
                if (!CardIdentity.IsValidCardNumber(number))
                {
                    throw new ArgumentException("Not a card number: " + number, nameof(cardNumbers));
                }
                int size = 1 + number.Length;
                if (used + size > room || current.Count == 255)
                {
                    chunks.Add(new HotlistUpdate { Version = version, EntryKind = HotlistEntryKind.CardNumber, CardNumbers = current.ToArray() });
                    current.Clear();
                    used = 0;
                }
                current.Add(number);
                used += size;
            }
            if (current.Count > 0)
            {
                chunks.Add(new HotlistUpdate { Version = version, EntryKind = HotlistEntryKind.CardNumber, CardNumbers = current.ToArray() });
            }

            for (int start = 0; start < uids.Count; start += HotlistUpdate.MaxUidHashesPerChunk)
            {
                int count = Math.Min(HotlistUpdate.MaxUidHashesPerChunk, uids.Count - start);
                byte[] hashes = new byte[count * HotlistUpdate.UidHashLength];
                for (int i = 0; i < count; i++)
                {
                    byte[] uid = uids[start + i];
                    HotlistUpdate.ComputeUidHash(hmac, uid, 0, uid.Length, hashes, i * HotlistUpdate.UidHashLength);
                }
                chunks.Add(new HotlistUpdate { Version = version, EntryKind = HotlistEntryKind.UidHash, UidHashes = hashes });
            }

            if (chunks.Count == 0)
            {
                chunks.Add(new HotlistUpdate { Version = version, EntryKind = HotlistEntryKind.CardNumber, CardNumbers = Array.Empty<string>() });
            }
            if (chunks.Count > ushort.MaxValue)
            {
                throw new ArgumentException("The hotlist is too long for one version.");
            }
            for (int i = 0; i < chunks.Count; i++)
            {
                chunks[i].ChunkIndex = (ushort)i;
                chunks[i].ChunkCount = (ushort)chunks.Count;
            }
            return chunks;
        }
    }
}
