using System;
using System.Linq;
using MedCard.Host.Client;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Client
{
    public sealed class HotlistChunkerTests
    {
        [Fact]
        public void Every_chunk_fits_a_frame_and_the_entries_come_back_in_order()
        {
            var random = new Random(3);
            string[] numbers = Enumerable.Range(0, 300).Select(i => "C" + new string('7', random.Next(1, 20))).ToArray();
            byte[][] uids = Enumerable.Range(0, 130).Select(i => new byte[] { 4, (byte)i, (byte)(i >> 8), 0x55 }).ToArray();

            var chunks = HotlistChunker.Split(7, numbers, uids, new DotNetHmacSha256());

            byte[] buffer = new byte[FrameFormat.MaxPayloadSize];
            var decodedNumbers = new System.Collections.Generic.List<string>();
            int hashCount = 0;
            for (int i = 0; i < chunks.Count; i++)
            {
                int length = chunks[i].Encode(buffer, 0);
                Assert.True(length <= FrameFormat.MaxPayloadSize);
                HotlistUpdate back = HotlistUpdate.Decode(buffer, 0, length);
                Assert.Equal(i, back.ChunkIndex);
                Assert.Equal(chunks.Count, back.ChunkCount);
                Assert.Equal(7u, back.Version);
                if (back.EntryKind == HotlistEntryKind.CardNumber)
                {
                    decodedNumbers.AddRange(back.CardNumbers);
                }
                else
                {
                    hashCount += back.UidHashes.Length / HotlistUpdate.UidHashLength;
                }
            }
            Assert.Equal(numbers, decodedNumbers);
            Assert.Equal(uids.Length, hashCount);
        }

        [Fact]
        public void An_empty_list_is_one_empty_chunk()
        {
            var chunk = Assert.Single(HotlistChunker.Split(3, Array.Empty<string>(), Array.Empty<byte[]>(), new DotNetHmacSha256()));
            Assert.Equal(1, chunk.ChunkCount);
            Assert.Empty(chunk.CardNumbers);
        }
    }
}
