using System;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    /// <summary>
    /// TryDecodeInto (AuthorizeRequest, AuthorizeResponse, SignedRecord) fills an existing instance and reuses its arrays:
    /// it must decide and decode exactly as TryDecode does whatever the instance held before, and reuse only what it says.
    /// </summary>
    public class DecodeIntoTests
    {
        private static readonly DotNetHmacSha256 Hmac = new DotNetHmacSha256();

        private static SignedRecord Record(uint counter, long amount, byte nonceSeed, string card = "310000199001011234", byte[]? uid = null)
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Counter = counter;
            r.Amount = amount;
            r.CardNumber = card;
            r.CardUid = uid ?? r.CardUid;
            for (int i = 0; i < r.HostNonce.Length; i++)
            {
                r.HostNonce[i] = (byte)(nonceSeed + i);
            }

            r.Sign(Hmac, GoldenVectors.TestKey());
            return r;
        }

        private static byte[] ResponsePayload(AuthorizeStatus status, SignedRecord? record)
        {
            return Wire.Payload(new AuthorizeResponse { Status = status, Record = status == AuthorizeStatus.Approved ? record : null });
        }

        [Fact]
        public void Records_decoded_into_one_instance_equal_fresh_decodes_and_reuse_its_arrays()
        {
            var into = new SignedRecord();
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = Record(10, 100, 1).Encode(wire, 0);
            Assert.Equal(DecodeStatus.Ok, SignedRecord.TryDecodeInto(wire, 0, n, into));
            byte[] mac = into.Mac, previous = into.PreviousMac, nonce = into.HostNonce, uid = into.CardUid;
            string card = into.CardNumber;

            SignedRecord second = Record(11, 250, 9);
            n = second.Encode(wire, 0);
            Assert.Equal(DecodeStatus.Ok, SignedRecord.TryDecodeInto(wire, 0, n, into));

            Assert.True(into.SameAs(second));
            Assert.True(into.Verify(Hmac, GoldenVectors.TestKey()));
            Assert.Same(mac, into.Mac);
            Assert.Same(previous, into.PreviousMac);
            Assert.Same(nonce, into.HostNonce);
            Assert.Same(uid, into.CardUid);
            Assert.Same(card, into.CardNumber);
        }

        [Fact]
        public void A_different_card_number_or_uid_length_gets_new_values_not_stale_ones()
        {
            var into = new SignedRecord();
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = Record(10, 100, 1).Encode(wire, 0);
            Assert.Equal(DecodeStatus.Ok, SignedRecord.TryDecodeInto(wire, 0, n, into));
            string card = into.CardNumber;

            // Same length, one character different: the old string must not be kept.
            SignedRecord other = Record(11, 100, 2, card: "310000199001011235", uid: new byte[] { 4, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60 });
            n = other.Encode(wire, 0);
            Assert.Equal(DecodeStatus.Ok, SignedRecord.TryDecodeInto(wire, 0, n, into));
            Assert.True(into.SameAs(other));
            Assert.NotSame(card, into.CardNumber);
            Assert.Equal("310000199001011235", into.CardNumber);
            Assert.Equal(7, into.CardUid.Length);
        }

        [Fact]
        public void Request_decoded_into_an_instance_equals_a_fresh_decode_and_keeps_its_nonce_array()
        {
            AuthorizeRequest sent = GoldenVectors.BuildAuthorizeRequest();
            var into = new AuthorizeRequest { HostNonce = new byte[SignedRecord.NonceLength], CardNumber = sent.CardNumber };
            byte[] nonce = into.HostNonce;
            string card = into.CardNumber;
            byte[] payload = Wire.Payload(sent);

            Assert.Equal(DecodeStatus.Ok, AuthorizeRequest.TryDecodeInto(payload, 0, payload.Length, into));

            Assert.Equal(payload, Wire.Payload(into));
            Assert.Same(nonce, into.HostNonce);
            Assert.Same(card, into.CardNumber);
            Assert.Equal(sent.HostNonce, into.HostNonce);
        }

        [Fact]
        public void Response_into_an_instance_follows_approved_declined_approved()
        {
            var into = new AuthorizeResponse();
            byte[] approved = ResponsePayload(AuthorizeStatus.Approved, Record(10, 100, 1));
            Assert.Equal(DecodeStatus.Ok, AuthorizeResponse.TryDecodeInto(approved, 0, approved.Length, into));
            SignedRecord kept = into.Record;
            Assert.NotNull(kept);

            byte[] again = ResponsePayload(AuthorizeStatus.Approved, Record(11, 300, 5));
            Assert.Equal(DecodeStatus.Ok, AuthorizeResponse.TryDecodeInto(again, 0, again.Length, into));
            Assert.Same(kept, into.Record);
            Assert.Equal(again, Wire.Payload(into));

            byte[] declined = ResponsePayload(AuthorizeStatus.PinRequired, null);
            Assert.Equal(DecodeStatus.Ok, AuthorizeResponse.TryDecodeInto(declined, 0, declined.Length, into));
            Assert.Equal(AuthorizeStatus.PinRequired, into.Status);
            Assert.Null(into.Record);

            byte[] third = ResponsePayload(AuthorizeStatus.Approved, Record(12, 400, 7));
            Assert.Equal(DecodeStatus.Ok, AuthorizeResponse.TryDecodeInto(third, 0, third.Length, into));
            Assert.Equal(third, Wire.Payload(into));
            Assert.True(into.Record!.Verify(Hmac, GoldenVectors.TestKey()));
        }

        [Fact]
        public void Mutated_payloads_get_the_same_status_and_content_into_a_used_instance_as_fresh()
        {
            // A stale field from the previous decode must never survive into an accepted one, and the verdict on the
            // bytes must not depend on what the instance held.
            var rng = new Random(1313);
            var requestInto = new AuthorizeRequest();
            var responseInto = new AuthorizeResponse();
            byte[][] requests =
            {
                Wire.Payload(GoldenVectors.BuildAuthorizeRequest()),
                Wire.Payload(new AuthorizeRequest { Amount = -5, TransactionType = TransactionType.Refund, HostNonce = new byte[8], Time = 9, CardNumber = "A12345678" }),
            };
            byte[][] responses =
            {
                ResponsePayload(AuthorizeStatus.Approved, Record(10, 100, 1)),
                ResponsePayload(AuthorizeStatus.Approved, Record(99, 7, 3, card: "B7654321", uid: new byte[] { 4, 9, 9, 9, 9, 9, 9 })),
                ResponsePayload(AuthorizeStatus.CardMismatch, null),
            };
            int accepted = 0;
            for (int i = 0; i < 100_000; i++)
            {
                bool request = rng.Next(2) == 0;
                byte[][] pool = request ? requests : responses;
                byte[] buf = (byte[])pool[rng.Next(pool.Length)].Clone();
                int length = buf.Length;
                if (rng.Next(4) != 0)
                {
                    buf[rng.Next(length)] ^= (byte)(1 << rng.Next(8));
                }

                if (rng.Next(8) == 0)
                {
                    length = rng.Next(length + 1);
                }

                if (request)
                {
                    DecodeStatus fresh = AuthorizeRequest.TryDecode(buf, 0, length, out AuthorizeRequest? m);
                    Assert.Equal(fresh, AuthorizeRequest.TryDecodeInto(buf, 0, length, requestInto));
                    if (fresh == DecodeStatus.Ok)
                    {
                        accepted++;
                        Assert.Equal(Wire.Payload(m!), Wire.Payload(requestInto));
                    }
                }
                else
                {
                    DecodeStatus fresh = AuthorizeResponse.TryDecode(buf, 0, length, out AuthorizeResponse? m);
                    Assert.Equal(fresh, AuthorizeResponse.TryDecodeInto(buf, 0, length, responseInto));
                    if (fresh == DecodeStatus.Ok)
                    {
                        accepted++;
                        Assert.Equal(Wire.Payload(m!), Wire.Payload(responseInto));
                    }
                }
            }

            Assert.InRange(accepted, 1000, 99_000);
        }

        [Fact]
        public void A_null_target_is_refused()
        {
            byte[] payload = Wire.Payload(GoldenVectors.BuildAuthorizeRequest());
            Assert.Throws<ArgumentNullException>(() => AuthorizeRequest.TryDecodeInto(payload, 0, payload.Length, null!));
            Assert.Throws<ArgumentNullException>(() => AuthorizeResponse.TryDecodeInto(payload, 0, payload.Length, null!));
            Assert.Throws<ArgumentNullException>(() => SignedRecord.TryDecodeInto(payload, 0, payload.Length, null!));
        }

        [Fact]
        public void Verify_with_a_caller_buffer_agrees_with_verify()
        {
            byte[] input = new byte[SignedRecord.MacInputLength];
            SignedRecord r = Record(10, 100, 1);
            Assert.True(r.Verify(Hmac, GoldenVectors.TestKey(), input));
            r.Amount++;
            Assert.False(r.Verify(Hmac, GoldenVectors.TestKey()));
            Assert.False(r.Verify(Hmac, GoldenVectors.TestKey(), input));
            r.Amount--;
            r.Mac[15] ^= 1;
            Assert.False(r.Verify(Hmac, GoldenVectors.TestKey(), input));
            r.Mac[15] ^= 1;
            Assert.Throws<ArgumentException>(() => r.Verify(Hmac, GoldenVectors.TestKey(), new byte[SignedRecord.MacInputLength - 1]));
        }
    }
}
