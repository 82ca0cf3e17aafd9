using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class MessageRoundTripTests
    {
        public static IEnumerable<object[]> Samples()
        {
            int i = 0;
            foreach (var (message, _) in SampleMessages.All())
            {
                yield return new object[] { i++, MessageTypes.Name(message.Type) };
            }
        }

        private static (IMessage Message, FrameFlags Flags) Sample(int index) => SampleMessages.All().ElementAt(index);

        [Theory]
        [MemberData(nameof(Samples))]
        public void Every_message_survives_frame_encode_stream_decode_and_reencode(int index, string name)
        {
            var (message, flags) = Sample(index);
            byte[] payload = Wire.Payload(message);
            byte[] wire = Wire.Frame(new FrameHeader(message.Type, 0x1234, flags), message);

            var sink = new FrameCollector();
            new FrameDecoder(sink).Feed(wire, 0, wire.Length);
            ReceivedFrame frame = Assert.Single(sink.Frames);
            Assert.Equal(message.Type, frame.Header.Type);
            Assert.Equal(0x1234, frame.Header.RequestId);

            byte[] received = frame.Payload();
            DecodeStatus status = MessageCodec.TryDecode(frame.Header, received, 0, received.Length, out IMessage? decoded);
            Assert.True(status == DecodeStatus.Ok, name + ": " + status);
            Assert.NotNull(decoded);
            Assert.Equal(message.GetType(), decoded!.GetType());
            Assert.Equal(payload, Wire.Payload(decoded));
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public void Every_truncation_and_every_extra_byte_is_refused_without_exception(int index, string name)
        {
            var (message, flags) = Sample(index);
            byte[] payload = Wire.Payload(message);
            var header = new FrameHeader(message.Type, 1, flags);
            for (int len = 0; len < payload.Length; len++)
            {
                // No layout has an optional tail that a cut could hit exactly: every prefix must fail.
                DecodeStatus status = MessageCodec.TryDecode(header, payload, 0, len, out IMessage? decoded);
                Assert.NotEqual(DecodeStatus.Ok, status);
                Assert.Null(decoded);
            }

            byte[] longer = payload.Concat(new byte[] { 0x5A }).ToArray();
            Assert.Equal(DecodeStatus.TrailingBytes, MessageCodec.TryDecode(header, longer, 0, longer.Length, out _));
            Assert.False(string.IsNullOrEmpty(name));
        }

        [Fact]
        public void Card_presented_fields_survive_including_the_utf8_name()
        {
            var m = (CardPresented)SampleMessages.All().First(s => s.Message is CardPresented).Message;
            byte[] payload = Wire.Payload(m);
            CardPresented d = CardPresented.Decode(payload, 0, payload.Length);
            Assert.Equal(m.Uid, d.Uid);
            Assert.Equal(0x0044, d.Atqa);
            Assert.Equal(0x08, d.Sak);
            Assert.Equal("11010519491231002X", d.ResidentId);
            Assert.Equal(Gender.Female, d.Gender);
            Assert.Equal("A12345678", d.CardNumber);
            Assert.Equal("张三丰", Encoding.UTF8.GetString(d.NameUtf8));
            Assert.Equal(m.IssuerMac, d.IssuerMac);
        }

        [Fact]
        public void Card_presented_with_holder_data_needs_the_issuer_mac()
        {
            var m = (CardPresented)SampleMessages.All().First(s => s.Message is CardPresented).Message;
            byte[] payload = Wire.Payload(m);
            Assert.NotEqual(DecodeStatus.Ok, CardPresented.TryDecode(payload, 0, payload.Length - 1, out _));
            var without = new CardPresented
            {
                Uid = m.Uid, Atqa = m.Atqa, Sak = m.Sak, HolderStatus = HolderDataStatus.Ok, ResidentId = m.ResidentId, Gender = m.Gender,
                CardNumber = m.CardNumber, NameUtf8 = m.NameUtf8,
            };
            Assert.Throws<ArgumentException>(() => Wire.Payload(without));
        }

        [Fact]
        public void Invalid_utf8_name_is_refused()
        {
            var m = (CardPresented)SampleMessages.All().First(s => s.Message is CardPresented).Message;
            byte[] payload = Wire.Payload(m);
            payload[payload.Length - 1 - HolderDataMac.Length] = 0xFF; // the name's last byte (the 16-byte issuer MAC follows): never valid in UTF-8
            Assert.Equal(DecodeStatus.InvalidField, CardPresented.TryDecode(payload, 0, payload.Length, out _));
        }

        [Fact]
        public void Resident_id_with_a_wrong_check_character_is_refused()
        {
            var m = (CardPresented)SampleMessages.All().First(s => s.Message is CardPresented).Message;
            m.ResidentId = "110105194912310021";
            Assert.Throws<ArgumentException>(() => Wire.Payload(m));
        }

        [Fact]
        public void Authorize_request_with_the_wrong_amount_sign_is_refused()
        {
            AuthorizeRequest m = GoldenVectors.BuildAuthorizeRequest();
            byte[] payload = Wire.Payload(m);
            BigEndian.WriteInt64(payload, 0, -m.Amount); // a purchase with a negative amount
            Assert.Equal(DecodeStatus.InvalidField, AuthorizeRequest.TryDecode(payload, 0, payload.Length, out _));
            Assert.Throws<FormatException>(() => AuthorizeRequest.Decode(payload, 0, payload.Length));
        }

        [Fact]
        public void Lower_case_card_numbers_are_refused()
        {
            AuthorizeRequest m = GoldenVectors.BuildAuthorizeRequest();
            m.CardNumber = "a12345678";
            Assert.Throws<ArgumentException>(() => Wire.Payload(m));
        }

        [Fact]
        public void Journal_records_must_be_in_increasing_counter_order()
        {
            var m = new JournalRecords
            {
                LatestCounter = 9,
                Records = new[] { SampleMessages.SignedRecord(5), SampleMessages.SignedRecord(4) },
            };
            byte[] payload = Wire.Payload(m);
            Assert.Equal(DecodeStatus.InvalidField, JournalRecords.TryDecode(payload, 0, payload.Length, out _));
        }

        [Fact]
        public void Provision_never_shows_its_key_in_text()
        {
            var m = new Provision { ReaderId = 5, Key = GoldenVectors.TestKey() };
            string text = m.ToString();
            Assert.DoesNotContain(GoldenVectors.TestKeyHex, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("redacted", text);
            m.Wipe();
            Assert.All(m.Key, b => Assert.Equal(0, b));
        }

        [Fact]
        public void Provision_card_keys_never_shows_its_key_in_text_and_wipes_it()
        {
            ProvisionCardKeys m = GoldenVectors.BuildProvisionCardKeys();
            string text = m.ToString();
            Assert.DoesNotContain(GoldenVectors.KeyAMasterKeyHex.Substring(0, 8), text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("redacted", text);
            m.Wipe();
            Assert.All(m.KeyAMasterKey, b => Assert.Equal(0, b));
        }

        [Fact]
        public void Provision_card_keys_is_36_bytes_reader_id_then_key_a_master_and_carries_nothing_else()
        {
            ProvisionCardKeys m = GoldenVectors.BuildProvisionCardKeys();
            byte[] payload = Wire.Payload(m);
            Assert.Equal(36, payload.Length);
            Assert.Equal(new byte[] { 0, 0, 1, 1 }, payload[..4]);
            Assert.Equal(GoldenVectors.KeyAMasterKeyHex, Hex.Encode(payload, 4, 32));

            // The pre-separation 68-byte form (with a second key) is refused, not half-read.
            byte[] old = new byte[68];
            Array.Copy(payload, old, 36);
            Assert.NotEqual(DecodeStatus.Ok, ProvisionCardKeys.TryDecode(old, 0, old.Length, out _));

            payload[0] = payload[1] = payload[2] = payload[3] = 0;
            Assert.Equal(DecodeStatus.InvalidField, ProvisionCardKeys.TryDecode(payload, 0, payload.Length, out _));
            Assert.Throws<ArgumentException>(() => Wire.Payload(new ProvisionCardKeys { ReaderId = 1, KeyAMasterKey = new byte[31] }));
        }

        [Fact]
        public void Provision_card_keys_response_carries_only_a_known_status()
        {
            byte[] payload = Wire.Payload(new ProvisionCardKeysResponse { Status = CardKeysStatus.StorageFailure });
            Assert.Equal(new byte[] { 5 }, payload);
            payload[0] = 6;
            Assert.Equal(DecodeStatus.InvalidField, ProvisionCardKeysResponse.TryDecode(payload, 0, payload.Length, out _));
        }

        [Fact]
        public void Pin_block_response_never_shows_the_block_in_text()
        {
            var m = new PinBlockResponse { Status = PinEntryStatus.Entered, KeyCounter = 1, PinBlock = Enumerable.Repeat((byte)0xAB, 16).ToArray() };
            string text = m.ToString().ToLowerInvariant();
            Assert.DoesNotContain("abab", text);
            Assert.DoesNotContain("171", text);
            Assert.Contains("redacted", text);
        }

        [Fact]
        public void Request_types_flagged_as_responses_are_refused_by_the_codec()
        {
            byte[] payload = Wire.Payload(new JournalAck { UpToCounter = 3 });
            var header = new FrameHeader(MessageType.JournalAck, 1, FrameFlags.Response);
            Assert.Equal(DecodeStatus.UnexpectedFlags, MessageCodec.TryDecode(header, payload, 0, payload.Length, out _));
        }

        [Fact]
        public void Hotlist_chunk_capacities_fit_one_frame()
        {
            var hashes = new HotlistUpdate
            {
                EntryKind = HotlistEntryKind.UidHash,
                UidHashes = new byte[HotlistUpdate.MaxUidHashesPerChunk * HotlistUpdate.UidHashLength],
            };
            Assert.True(Wire.Payload(hashes).Length <= FrameFormat.MaxPayloadSize);
            var numbers = new HotlistUpdate
            {
                EntryKind = HotlistEntryKind.CardNumber,
                CardNumbers = Enumerable.Repeat("12345678901234567890", HotlistUpdate.MaxCardNumbersPerChunk).ToArray(),
            };
            Assert.True(Wire.Payload(numbers).Length <= FrameFormat.MaxPayloadSize);
            Assert.Equal(61, HotlistUpdate.MaxUidHashesPerChunk);
            Assert.Equal(23, HotlistUpdate.MaxCardNumbersPerChunk);
        }

        [Fact]
        public void Every_known_type_has_a_sample_and_a_name()
        {
            var sampled = SampleMessages.All().Select(s => s.Message.Type).ToHashSet();
            foreach (MessageType t in Enum.GetValues<MessageType>())
            {
                Assert.True(MessageTypes.IsKnown(t));
                Assert.Equal(t.ToString(), MessageTypes.Name(t));
                Assert.Contains(t, sampled);
            }
        }
    }
}
