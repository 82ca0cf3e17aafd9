using System;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class SignedRecordTests
    {
        private static readonly DotNetHmacSha256 Hmac = new DotNetHmacSha256();

        [Fact]
        public void Signed_record_verifies_and_survives_encode_decode()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Sign(Hmac, GoldenVectors.TestKey());
            Assert.True(r.Verify(Hmac, GoldenVectors.TestKey()));

            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = r.Encode(wire, 0);
            Assert.Equal(r.EncodedLength, n);
            SignedRecord d = SignedRecord.Decode(wire, 0, n);
            Assert.True(d.SameAs(r));
            Assert.True(d.Verify(Hmac, GoldenVectors.TestKey()));
        }

        [Fact]
        public void Wrong_key_does_not_verify()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Sign(Hmac, GoldenVectors.TestKey());
            byte[] other = GoldenVectors.TestKey();
            other[31] ^= 1;
            Assert.False(r.Verify(Hmac, other));
        }

        [Fact]
        public void Every_byte_of_the_wire_form_is_covered_by_the_mac_or_the_layout()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Sign(Hmac, GoldenVectors.TestKey());
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = r.Encode(wire, 0);
            for (int i = 0; i < n; i++)
            {
                byte[] bad = (byte[])wire.Clone();
                bad[i] ^= 0x01;
                DecodeStatus status = SignedRecord.TryDecode(bad, 0, n, out SignedRecord? d);
                // Either the layout refuses it, or it decodes to a record whose MAC no longer matches.
                Assert.True(status != DecodeStatus.Ok || !d!.Verify(Hmac, GoldenVectors.TestKey()), "byte " + i);
            }
        }

        [Fact]
        public void Mac_input_is_the_documented_fixed_layout()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            byte[] input = new byte[SignedRecord.MacInputLength];
            Assert.Equal(100, r.WriteMacInput(input, 0));
            Assert.Equal(GoldenVectors.MacInputHex, Hex.Encode(input));
            Assert.Equal("MedCard.SignedRecord.v1", System.Text.Encoding.ASCII.GetString(input, 0, 23));
            Assert.Equal(GoldenVectors.ReaderId, BigEndian.ReadUInt32(input, 23));
            Assert.Equal(GoldenVectors.Counter, BigEndian.ReadUInt32(input, 27));
            Assert.Equal(4, input[47]);                                 // UID length
            Assert.Equal(9, input[58]);                                 // card number length
            Assert.Equal(GoldenVectors.Amount, BigEndian.ReadInt64(input, 79));
            Assert.Equal((byte)TransactionType.Purchase, input[87]);
            Assert.Equal(GoldenVectors.Time, BigEndian.ReadUInt32(input, 88));
        }

        [Fact]
        public void Golden_mac_is_hmac_sha256_of_the_mac_input_truncated_to_16()
        {
            byte[] full = System.Security.Cryptography.HMACSHA256.HashData(GoldenVectors.TestKey(), Hex.Decode(GoldenVectors.MacInputHex));
            Assert.Equal(GoldenVectors.RecordMacHex, Hex.Encode(full, 0, 16));
        }

        [Fact]
        public void Padding_cannot_make_two_records_share_a_mac_input()
        {
            // Same bytes, different split between UID and padding: the length bytes keep the inputs apart.
            SignedRecord a = GoldenVectors.BuildUnsignedRecord();
            SignedRecord b = GoldenVectors.BuildUnsignedRecord();
            a.CardUid = new byte[] { 1, 2, 3, 4, 0, 0, 0 };
            b.CardUid = new byte[] { 1, 2, 3, 4 };
            byte[] ia = new byte[SignedRecord.MacInputLength];
            byte[] ib = new byte[SignedRecord.MacInputLength];
            a.WriteMacInput(ia, 0);
            b.WriteMacInput(ib, 0);
            Assert.NotEqual(Hex.Encode(ia), Hex.Encode(ib));
        }

        [Fact]
        public void Unsigned_or_malformed_records_do_not_verify_and_do_not_throw()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            Assert.False(r.Verify(Hmac, GoldenVectors.TestKey()));
            r.Sign(Hmac, GoldenVectors.TestKey());
            r.CardUid = new byte[5];
            Assert.False(r.Verify(Hmac, GoldenVectors.TestKey()));
        }

        [Theory]
        [InlineData(TransactionType.Purchase, 1, true)]
        [InlineData(TransactionType.Purchase, 0, false)]
        [InlineData(TransactionType.Purchase, -1, false)]
        [InlineData(TransactionType.Emergency, 99, true)]
        [InlineData(TransactionType.Refund, -1, true)]
        [InlineData(TransactionType.Refund, 1, false)]
        [InlineData(TransactionType.Reversal, -12345, true)]
        [InlineData((TransactionType)99, 1, false)]
        public void Amount_sign_follows_the_transaction_type(TransactionType type, long amount, bool allowed)
        {
            Assert.Equal(allowed, TransactionTypes.IsAmountAllowed(type, amount));
        }

        [Fact]
        public void Constant_time_compare_finds_differences_anywhere()
        {
            byte[] a = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                byte[] b = new byte[16];
                b[i] = 0x80;
                Assert.False(ConstantTime.AreEqual(a, 0, b, 0, 16));
            }

            Assert.True(ConstantTime.AreEqual(a, 0, new byte[16], 0, 16));
            Assert.False(ConstantTime.AreEqual(a, 0, new byte[8], 0, 16));
        }

        [Fact]
        public void Extreme_values_round_trip()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.ReaderId = uint.MaxValue;
            r.Counter = uint.MaxValue;
            r.Amount = long.MaxValue;
            r.Time = uint.MaxValue;
            r.CardUid = new byte[10];
            r.CardNumber = "ZZZZZZZZZZZZZZZZZZZZ";
            r.Sign(Hmac, GoldenVectors.TestKey());
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = r.Encode(wire, 0);
            Assert.Equal(SignedRecord.MaxEncodedLength, n);
            Assert.True(SignedRecord.Decode(wire, 0, n).SameAs(r));

            r.Type = TransactionType.Refund;
            r.Amount = long.MinValue;
            r.Sign(Hmac, GoldenVectors.TestKey());
            n = r.Encode(wire, 0);
            Assert.Equal(long.MinValue, SignedRecord.Decode(wire, 0, n).Amount);
        }
    }
}
