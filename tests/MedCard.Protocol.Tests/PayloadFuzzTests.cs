using System;
using System.Linq;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    /// <summary>
    /// The frame fuzz rarely reaches the message decoders (corrupted frames die at the CRC), so here mutated
    /// payloads go straight into <see cref="MessageCodec"/>: it must never throw, and whatever it accepts must
    /// re-encode to exactly the same bytes (one encoding per message, so a MAC or a cache key over the bytes means
    /// the same thing on both sides).
    /// </summary>
    public class PayloadFuzzTests
    {
        [Fact]
        public void Mutated_payloads_never_throw_and_accepted_ones_are_canonical()
        {
            var samples = SampleMessages.All().Select(s => (Header: new FrameHeader(s.Message.Type, 1, s.Flags), Payload: Wire.Payload(s.Message))).ToArray();
            var rng = new Random(424242);
            byte[] buf = new byte[FrameFormat.MaxPayloadSize];
            int accepted = 0;
            const int Inputs = 300_000;
            for (int i = 0; i < Inputs; i++)
            {
                var (header, payload) = samples[rng.Next(samples.Length)];
                payload.CopyTo(buf, 0);
                int length = payload.Length;
                int mutations = rng.Next(1, 4);
                for (int m = 0; m < mutations; m++)
                {
                    switch (rng.Next(4))
                    {
                        case 0 when length > 0:
                            buf[rng.Next(length)] ^= (byte)(1 << rng.Next(8));
                            break;
                        case 1 when length > 0:
                            buf[rng.Next(length)] = (byte)rng.Next(256);
                            break;
                        case 2:
                            length = rng.Next(0, length + 1);
                            break;
                        default:
                            if (length < buf.Length)
                            {
                                buf[length++] = (byte)rng.Next(256);
                            }

                            break;
                    }
                }

                DecodeStatus status = MessageCodec.TryDecode(header, buf, 0, length, out IMessage? message);
                if (status == DecodeStatus.Ok)
                {
                    accepted++;
                    Assert.Equal(buf.AsSpan(0, length).ToArray(), Wire.Payload(message!));
                }
                else
                {
                    Assert.Null(message);
                }
            }

            Assert.InRange(accepted, 1, Inputs - 1);
        }

        [Fact]
        public void Random_valid_records_round_trip_sign_and_verify()
        {
            var rng = new Random(77);
            var hmac = new DotNetHmacSha256();
            byte[] key = new byte[32];
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (int i = 0; i < 3000; i++)
            {
                rng.NextBytes(key);
                var r = new SignedRecord
                {
                    ReaderId = (uint)rng.NextInt64(0, 1L << 32),
                    Counter = (uint)rng.NextInt64(0, 1L << 32),
                    PreviousMac = RandomBytes(rng, 16),
                    CardUid = RandomBytes(rng, new[] { 4, 7, 10 }[rng.Next(3)]),
                    CardNumber = new string(Enumerable.Range(0, rng.Next(1, 21)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray()),
                    Type = (TransactionType)rng.Next(1, 5),
                    Time = (uint)rng.NextInt64(0, 1L << 32),
                    HostNonce = RandomBytes(rng, 8),
                };
                long magnitude = rng.NextInt64(1, long.MaxValue);
                r.Amount = r.Type == TransactionType.Purchase || r.Type == TransactionType.Emergency ? magnitude : -magnitude;
                r.Sign(hmac, key);

                int n = r.Encode(wire, 0);
                Assert.Equal(r.EncodedLength, n);
                SignedRecord d = SignedRecord.Decode(wire, 0, n);
                Assert.True(d.SameAs(r));
                Assert.True(d.Verify(hmac, key));
                d.Counter++;
                Assert.False(d.Verify(hmac, key));
            }
        }

        private static byte[] RandomBytes(Random rng, int n)
        {
            byte[] b = new byte[n];
            rng.NextBytes(b);
            return b;
        }
    }
}
