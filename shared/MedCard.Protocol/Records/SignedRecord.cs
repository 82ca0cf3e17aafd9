namespace MedCard.Protocol
{
    /// <summary>
    /// One transaction as the reader signs it and the host verifies it; defined once for both sides.
    /// The MAC is HMAC-SHA256 over <see cref="WriteMacInput"/> (domain prefix + fixed big-endian layout) under the
    /// reader's 32-byte key, truncated to 16 bytes. Records chain: <see cref="PreviousMac"/> is the MAC of the
    /// record with counter - 1 (all zero for the first record after provisioning).
    /// Wire layout (variable, see README): readerId u32, counter u32, previousMac 16, uidLen u8, uid,
    /// cardNumberLen u8, cardNumber ASCII, amount i64, type u8, time u32, hostNonce 8, mac 16.
    /// </summary>
    public sealed class SignedRecord
    {
        /// <summary>Bytes of a record MAC.</summary>
        public const int MacLength = 16;
        /// <summary>Bytes of the host nonce.</summary>
        public const int NonceLength = 8;
        /// <summary>Bytes of a reader key.</summary>
        public const int KeyLength = 32;

        /// <summary>Wire size without UID and card number bytes.</summary>
        public const int FixedEncodedLength = 4 + 4 + MacLength + 1 + 1 + 8 + 1 + 4 + NonceLength + MacLength;

        /// <summary>Largest wire size: longest UID and card number.</summary>
        public const int MaxEncodedLength = FixedEncodedLength + CardIdentity.MaxUidLength + CardIdentity.MaxCardNumberLength;

        /// <summary>"MedCard.SignedRecord.v1": separates this MAC from every other use of the reader key.</summary>
        public const string DomainPrefix = "MedCard.SignedRecord.v1";

        /// <summary>Fixed MAC input: prefix (23) + 77 bytes of fields.</summary>
        public const int MacInputLength = 23 + 4 + 4 + MacLength + 1 + CardIdentity.MaxUidLength + 1
            + CardIdentity.MaxCardNumberLength + 8 + 1 + 4 + NonceLength;

        /// <summary>The reader that signed.</summary>
        public uint ReaderId;

        /// <summary>Offline transaction counter, persisted by the reader before signing; strictly increasing.</summary>
        public uint Counter;

        /// <summary>MAC of the previous record (16 bytes); zeros for the first one.</summary>
        public byte[] PreviousMac;

        /// <summary>Card UID, 4, 7 or 10 bytes.</summary>
        public byte[] CardUid;

        /// <summary>Card number, see <see cref="CardIdentity.IsValidCardNumber"/>.</summary>
        public string CardNumber;

        /// <summary>Minor units (fen); negative for refunds and reversals.</summary>
        public long Amount;

        /// <summary>Purchase, refund or reversal.</summary>
        public TransactionType Type;

        /// <summary>Seconds since 1970-01-01 UTC, taken from the host's AuthorizeRequest.</summary>
        public uint Time;

        /// <summary>The host's nonce from the AuthorizeRequest (8 bytes): binds the record to that request.</summary>
        public byte[] HostNonce;

        /// <summary>HMAC-SHA256 truncated to 16 bytes; null until signed.</summary>
        public byte[] Mac;

        /// <summary>An empty record, filled in by the reader or by decoding.</summary>
        public SignedRecord()
        {
        }

        /// <summary>True if every field fits the layout (the MAC may still be missing).</summary>
        public bool HasValidFields()
        {
            return PreviousMac != null && PreviousMac.Length == MacLength
                && CardIdentity.IsValidUid(CardUid)
                && CardIdentity.IsValidCardNumber(CardNumber)
                && TransactionTypes.IsDefined(Type)
                && TransactionTypes.IsAmountAllowed(Type, Amount)
                && HostNonce != null && HostNonce.Length == NonceLength;
        }

        /// <summary>
        /// Writes the fixed MAC input (<see cref="MacInputLength"/> bytes) at buf[off]: prefix, readerId,
        /// counter, previousMac, uidLen, uid zero-padded to 10, cardNumberLen, cardNumber zero-padded to 20,
        /// amount, type, time, hostNonce. Lengths are included so padding cannot make two records collide.
        /// </summary>
        public int WriteMacInput(byte[] buf, int off)
        {
            if (!HasValidFields())
            {
                throw new System.ArgumentException("record fields do not fit the layout");
            }

            if (buf == null || off < 0 || buf.Length - off < MacInputLength)
            {
                throw new System.ArgumentException("buffer too small for the MAC input");
            }

            int p = off;
            for (int i = 0; i < DomainPrefix.Length; i++)
            {
                buf[p++] = (byte)DomainPrefix[i];
            }

            BigEndian.WriteUInt32(buf, p, ReaderId);
            p += 4;
            BigEndian.WriteUInt32(buf, p, Counter);
            p += 4;
            System.Array.Copy(PreviousMac, 0, buf, p, MacLength);
            p += MacLength;

            buf[p++] = (byte)CardUid.Length;
            System.Array.Clear(buf, p, CardIdentity.MaxUidLength);
            System.Array.Copy(CardUid, 0, buf, p, CardUid.Length);
            p += CardIdentity.MaxUidLength;

            buf[p++] = (byte)CardNumber.Length;
            System.Array.Clear(buf, p, CardIdentity.MaxCardNumberLength);
            Ascii.GetBytes(CardNumber, buf, p);
            p += CardIdentity.MaxCardNumberLength;

            BigEndian.WriteInt64(buf, p, Amount);
            p += 8;
            buf[p++] = (byte)Type;
            BigEndian.WriteUInt32(buf, p, Time);
            p += 4;
            System.Array.Copy(HostNonce, 0, buf, p, NonceLength);
            p += NonceLength;
            return p - off;
        }

        /// <summary>Computes the 16-byte MAC of the current fields under key.</summary>
        public byte[] ComputeMac(IHmacSha256 hmac, byte[] key)
        {
            return ComputeMac(hmac, key, new byte[MacInputLength]);
        }

        /// <summary>
        /// As <see cref="ComputeMac(IHmacSha256, byte[])"/>, building the MAC input in a caller-owned buffer of at least
        /// <see cref="MacInputLength"/> bytes (the reader signs every transaction without allocating it).
        /// </summary>
        public byte[] ComputeMac(IHmacSha256 hmac, byte[] key, byte[] input)
        {
            byte[] full = ComputeFullMac(hmac, key, input);
            byte[] mac = new byte[MacLength];
            System.Array.Copy(full, 0, mac, 0, MacLength);
            ConstantTime.Wipe(full);
            return mac;
        }

        /// <summary>The untruncated HMAC of the current fields (the caller wipes it); checks the arguments for both
        /// signing and verifying.</summary>
        private byte[] ComputeFullMac(IHmacSha256 hmac, byte[] key, byte[] input)
        {
            if (input == null || input.Length < MacInputLength)
            {
                throw new System.ArgumentException("MAC input buffer too small");
            }

            if (hmac == null)
            {
                throw new System.ArgumentNullException("hmac");
            }

            if (key == null || key.Length != KeyLength)
            {
                throw new System.ArgumentException("reader key must be 32 bytes");
            }

            WriteMacInput(input, 0);
            byte[] full = hmac.Compute(key, input, 0, MacInputLength);
            if (full == null || full.Length < MacLength)
            {
                throw new System.InvalidOperationException("HMAC implementation returned too few bytes");
            }

            return full;
        }

        /// <summary>Sets <see cref="Mac"/> from the current fields.</summary>
        public void Sign(IHmacSha256 hmac, byte[] key)
        {
            Mac = ComputeMac(hmac, key);
        }

        /// <summary>Sets <see cref="Mac"/> from the current fields, building the MAC input in <paramref name="input"/>.</summary>
        public void Sign(IHmacSha256 hmac, byte[] key, byte[] input)
        {
            Mac = ComputeMac(hmac, key, input);
        }

        /// <summary>
        /// True if <see cref="Mac"/> matches the fields under key (constant-time compare). False, never an
        /// exception, for a record whose fields do not fit the layout or that has no MAC.
        /// </summary>
        public bool Verify(IHmacSha256 hmac, byte[] key)
        {
            if (Mac == null || Mac.Length != MacLength || !HasValidFields())
            {
                return false;
            }

            return Verify(hmac, key, new byte[MacInputLength]);
        }

        /// <summary>
        /// As <see cref="Verify(IHmacSha256, byte[])"/>, building the MAC input in a caller-owned buffer of at least
        /// <see cref="MacInputLength"/> bytes: the only allocation left is the array <see cref="IHmacSha256.Compute"/>
        /// returns (the host's allocation-free path is MedCard.Host.Crypto.SignedRecordMac).
        /// </summary>
        public bool Verify(IHmacSha256 hmac, byte[] key, byte[] input)
        {
            if (Mac == null || Mac.Length != MacLength || !HasValidFields())
            {
                return false;
            }

            // Compare the first 16 bytes of the full HMAC in place: no truncated copy.
            byte[] full = ComputeFullMac(hmac, key, input);
            bool equal = ConstantTime.AreEqual(full, 0, Mac, 0, MacLength);
            ConstantTime.Wipe(full);
            return equal;
        }

        /// <summary>Wire size of this record.</summary>
        public int EncodedLength
        {
            get
            {
                int uid = CardUid == null ? 0 : CardUid.Length;
                int number = CardNumber == null ? 0 : CardNumber.Length;
                return FixedEncodedLength + uid + number;
            }
        }

        /// <summary>Writes the wire form at buf[off]; returns its length. The record must be signed.</summary>
        public int Encode(byte[] buf, int off)
        {
            if (!HasValidFields() || Mac == null || Mac.Length != MacLength)
            {
                throw new System.ArgumentException("record is incomplete or unsigned");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(ReaderId);
            w.WriteUInt32(Counter);
            w.WriteBytes(PreviousMac, 0, MacLength);
            w.WriteLengthPrefixed(CardUid);
            w.WriteAscii(CardNumber);
            w.WriteInt64(Amount);
            w.WriteByte((byte)Type);
            w.WriteUInt32(Time);
            w.WriteBytes(HostNonce, 0, NonceLength);
            w.WriteBytes(Mac, 0, MacLength);
            return w.Length;
        }

        /// <summary>
        /// Decodes exactly count bytes. Checks the layout only: call <see cref="Verify(IHmacSha256, byte[])"/> before trusting it.
        /// </summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out SignedRecord record)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            SignedRecord m = Read(ref r);
            DecodeStatus status = r.Finish();
            record = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>
        /// Decodes exactly count bytes into <paramref name="record"/>, reusing its arrays (and its card number when the
        /// bytes spell the same one), so decoding a stream of records into one instance allocates nothing in steady
        /// state. The arrays are overwritten in place: copy what must outlive the next decode. On a status other than
        /// Ok the fields are unspecified. Checks the layout only: call <see cref="Verify(IHmacSha256, byte[])"/> before
        /// trusting it.
        /// </summary>
        public static DecodeStatus TryDecodeInto(byte[] buf, int off, int count, SignedRecord record)
        {
            if (record == null)
            {
                throw new System.ArgumentNullException("record");
            }

            PayloadReader r = new PayloadReader(buf, off, count);
            ReadInto(ref r, record);
            return r.Finish();
        }

        /// <summary>Decodes a record's wire form at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static SignedRecord Decode(byte[] buf, int off, int count)
        {
            SignedRecord m;
            DecodeStatus status = TryDecode(buf, off, count, out m);
            if (status != DecodeStatus.Ok)
            {
                throw new System.FormatException("SignedRecord: " + DecodeFailure.Describe(status));
            }

            return m;
        }

        /// <summary>Reads a record in place inside a larger payload (AuthorizeResponse, JournalRecords).</summary>
        internal static SignedRecord Read(ref PayloadReader r)
        {
            SignedRecord m = new SignedRecord();
            ReadInto(ref r, m);
            return m;
        }

        /// <summary>Reads a record into an existing instance, reusing its arrays and unchanged card number.</summary>
        internal static void ReadInto(ref PayloadReader r, SignedRecord m)
        {
            m.ReaderId = r.ReadUInt32();
            m.Counter = r.ReadUInt32();
            m.PreviousMac = r.ReadBytesInto(m.PreviousMac, MacLength);
            m.CardUid = r.ReadLengthPrefixedInto(m.CardUid, 4, CardIdentity.MaxUidLength);
            m.CardNumber = r.ReadAsciiReusing(m.CardNumber, CardIdentity.MinCardNumberLength, CardIdentity.MaxCardNumberLength);
            m.Amount = r.ReadInt64();
            m.Type = (TransactionType)r.ReadByte();
            m.Time = r.ReadUInt32();
            m.HostNonce = r.ReadBytesInto(m.HostNonce, NonceLength);
            m.Mac = r.ReadBytesInto(m.Mac, MacLength);
            if (r.Ok && !m.HasValidFields())
            {
                r.Fail(DecodeStatus.InvalidField);
            }
        }

        /// <summary>Field-by-field equality (for tests and de-duplication; not a MAC check).</summary>
        public bool SameAs(SignedRecord other)
        {
            return other != null && ReaderId == other.ReaderId && Counter == other.Counter
                && BytesEqual(PreviousMac, other.PreviousMac) && BytesEqual(CardUid, other.CardUid)
                && CardNumber == other.CardNumber && Amount == other.Amount && Type == other.Type
                && Time == other.Time && BytesEqual(HostNonce, other.HostNonce) && BytesEqual(Mac, other.Mac);
        }

        private static bool BytesEqual(byte[] a, byte[] b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            return a.Length == b.Length && ConstantTime.AreEqual(a, 0, b, 0, a.Length);
        }

        /// <summary>Reader, counter, card, amount and type; never the MAC.</summary>
        public override string ToString()
        {
            return "SignedRecord reader=" + ReaderId.ToString() + " counter=" + Counter.ToString()
                + " card=" + CardNumber + " amount=" + Amount.ToString() + " type=" + TransactionTypes.Name(Type)
                + " time=" + Time.ToString();
        }
    }
}
