using System;
using MedCard.Host.Crypto;
using MedCard.Host.Tests.Fakes;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Verification
{
    /// <summary>The host's allocation-free MAC check must give the shared <see cref="SignedRecord.Verify(IHmacSha256, byte[])"/> verdict.</summary>
    public sealed class SignedRecordMacTests
    {
        private static readonly DotNetHmacSha256 Hmac = new DotNetHmacSha256();

        [Fact]
        public void The_golden_record_verifies_under_the_golden_key_only()
        {
            byte[] wire = Hex.Decode(GoldenVectors.RecordWireHex);
            SignedRecord r = SignedRecord.Decode(wire, 0, wire.Length);
            Assert.True(SignedRecordMac.Verify(r, GoldenVectors.TestKey()));

            byte[] other = GoldenVectors.TestKey();
            other[0] ^= 0x80;
            Assert.False(SignedRecordMac.Verify(r, other));
        }

        [Fact]
        public void Any_changed_field_or_mac_bit_fails_as_the_shared_check_does()
        {
            byte[] key = RecordChain.NewKey(5);
            var chain = new RecordChain(12, key);
            SignedRecord r = chain.Next(amount: 777);
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = r.Encode(wire, 0);
            int decoded = 0;
            for (int i = 0; i < n * 8; i++)
            {
                byte[] bad = (byte[])wire.Clone();
                bad[i / 8] ^= (byte)(1 << (i % 8));
                if (SignedRecord.TryDecode(bad, 0, n, out SignedRecord? d) != DecodeStatus.Ok)
                {
                    continue;
                }

                decoded++;
                Assert.False(SignedRecordMac.Verify(d!, key), "bit " + i);
                Assert.Equal(d!.Verify(Hmac, key), SignedRecordMac.Verify(d, key));
            }

            Assert.True(decoded > n * 4, "most single-bit changes still decode, so the MAC is what refuses them");
            Assert.True(SignedRecordMac.Verify(r, key));
        }

        [Fact]
        public void Unsigned_records_bad_fields_and_bad_keys_are_false_not_exceptions()
        {
            byte[] key = GoldenVectors.TestKey();
            SignedRecord unsigned = GoldenVectors.BuildUnsignedRecord();
            Assert.False(SignedRecordMac.Verify(unsigned, key));

            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Sign(Hmac, key);
            Assert.False(SignedRecordMac.Verify(r, key.AsSpan(0, 31)));
            Assert.False(SignedRecordMac.Verify(r, ReadOnlySpan<byte>.Empty));
            r.CardNumber = "not a card number!";
            Assert.False(SignedRecordMac.Verify(r, key));
            Assert.Throws<ArgumentNullException>(() => SignedRecordMac.Verify(null!, key));
        }
    }
}
