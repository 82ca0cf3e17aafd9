namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x04: one chunk of hotlist version <see cref="Version"/>. Layout: version u32, chunkIndex u16,
    /// chunkCount u16 (&gt;= 1, index &lt; count), entryKind u8 (<see cref="HotlistEntryKind"/>), entryCount u8,
    /// entries (card numbers: len u8 + ASCII each; UID hashes: 8 bytes each). The reader stages chunks 0..count-1
    /// of one version in order and switches to the new list atomically when the last one is stored; the previous
    /// list stays in force until then. A list replaces the previous one entirely (not a delta).
    /// Answered by <see cref="HotlistAck"/>.
    /// </summary>
    public sealed class HotlistUpdate : IMessage
    {
        /// <summary>Bytes of one UID hash.</summary>
        public const int UidHashLength = 8;

        /// <summary>Header bytes before the entries.</summary>
        public const int FixedLength = 4 + 2 + 2 + 1 + 1;

        /// <summary>UID hashes that fit one frame (61).</summary>
        public const int MaxUidHashesPerChunk = (FrameFormat.MaxPayloadSize - FixedLength) / UidHashLength;

        /// <summary>Card numbers of maximum length that fit one frame (23).</summary>
        public const int MaxCardNumbersPerChunk = (FrameFormat.MaxPayloadSize - FixedLength) / (1 + CardIdentity.MaxCardNumberLength);

        /// <summary>"MedCard.Hotlist.v1": HMAC key of the UID hash (a public salt, not a secret).</summary>
        public const string UidHashKey = "MedCard.Hotlist.v1";

        /// <summary>Hotlist version this chunk belongs to.</summary>
        public uint Version;
        /// <summary>Index of this chunk, below <see cref="ChunkCount"/>.</summary>
        public ushort ChunkIndex;
        /// <summary>Chunks in this version (at least 1).</summary>
        public ushort ChunkCount = 1;
        /// <summary>Whether the entries are card numbers or UID hashes.</summary>
        public HotlistEntryKind EntryKind = HotlistEntryKind.CardNumber;

        /// <summary>Entries when EntryKind is CardNumber.</summary>
        public string[] CardNumbers;

        /// <summary>Entries when EntryKind is UidHash: 8 bytes per entry, back to back.</summary>
        public byte[] UidHashes;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.HotlistUpdate; }
        }

        /// <summary>Number of entries in this chunk.</summary>
        public int EntryCount
        {
            get
            {
                if (EntryKind == HotlistEntryKind.UidHash)
                {
                    return UidHashes == null ? 0 : UidHashes.Length / UidHashLength;
                }

                return CardNumbers == null ? 0 : CardNumbers.Length;
            }
        }

        /// <summary>
        /// The UID hash: the first 8 bytes of HMAC-SHA256(key = ASCII "MedCard.Hotlist.v1", data = UID). Lets
        /// the host block a card by UID without a reader-side SHA-256 class (nanoFramework has only HMAC).
        /// </summary>
        public static void ComputeUidHash(IHmacSha256 hmac, byte[] uid, int off, int count, byte[] dst, int dstOff)
        {
            byte[] key = new byte[UidHashKey.Length];
            Ascii.GetBytes(UidHashKey, key, 0);
            byte[] full = hmac.Compute(key, uid, off, count);
            System.Array.Copy(full, 0, dst, dstOff, UidHashLength);
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            int n = EntryCount;
            if (ChunkCount == 0 || ChunkIndex >= ChunkCount || n > 255)
            {
                throw new System.ArgumentException("hotlist chunk header out of range");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(Version);
            w.WriteUInt16(ChunkIndex);
            w.WriteUInt16(ChunkCount);
            w.WriteByte((byte)EntryKind);
            w.WriteByte((byte)n);
            if (EntryKind == HotlistEntryKind.UidHash)
            {
                if (UidHashes != null && UidHashes.Length % UidHashLength != 0)
                {
                    throw new System.ArgumentException("UID hashes must be 8 bytes each");
                }

                if (n > 0)
                {
                    w.WriteBytes(UidHashes, 0, n * UidHashLength);
                }
            }
            else if (EntryKind == HotlistEntryKind.CardNumber)
            {
                for (int i = 0; i < n; i++)
                {
                    if (!CardIdentity.IsValidCardNumber(CardNumbers[i]))
                    {
                        throw new System.ArgumentException("invalid card number in hotlist");
                    }

                    w.WriteAscii(CardNumbers[i]);
                }
            }
            else
            {
                throw new System.ArgumentException("unknown hotlist entry kind");
            }

            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out HotlistUpdate message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            HotlistUpdate m = new HotlistUpdate();
            m.Version = r.ReadUInt32();
            m.ChunkIndex = r.ReadUInt16();
            m.ChunkCount = r.ReadUInt16();
            m.EntryKind = (HotlistEntryKind)r.ReadByte();
            int n = r.ReadByte();
            if (r.Ok && (m.ChunkCount == 0 || m.ChunkIndex >= m.ChunkCount))
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            if (r.Ok)
            {
                if (m.EntryKind == HotlistEntryKind.UidHash)
                {
                    m.UidHashes = r.ReadBytes(n * UidHashLength);
                }
                else if (m.EntryKind == HotlistEntryKind.CardNumber)
                {
                    // Bound the allocation by what the payload can hold before trusting the count.
                    if (n * 2 > r.Remaining)
                    {
                        r.Fail(DecodeStatus.Truncated);
                    }
                    else
                    {
                        m.CardNumbers = new string[n];
                        for (int i = 0; i < n && r.Ok; i++)
                        {
                            string s = r.ReadAscii(CardIdentity.MinCardNumberLength, CardIdentity.MaxCardNumberLength);
                            if (r.Ok && !CardIdentity.IsValidCardNumber(s))
                            {
                                r.Fail(DecodeStatus.InvalidField);
                            }

                            m.CardNumbers[i] = s;
                        }
                    }
                }
                else
                {
                    r.Fail(DecodeStatus.InvalidField);
                }
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static HotlistUpdate Decode(byte[] buf, int off, int count)
        {
            HotlistUpdate m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.HotlistUpdate);
            return m;
        }
    }
}
