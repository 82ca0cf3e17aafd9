using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class GoldenVectorTests
    {
        private static string Encoded(FrameHeader header, IMessage message)
        {
            return Hex.Encode(Wire.Frame(header, message));
        }

        [Fact]
        public void Signed_record_matches_its_golden_mac_and_wire_form()
        {
            SignedRecord r = GoldenVectors.BuildUnsignedRecord();
            r.Sign(new DotNetHmacSha256(), GoldenVectors.TestKey());
            Assert.Equal(GoldenVectors.RecordMacHex, Hex.Encode(r.Mac));
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int n = r.Encode(wire, 0);
            Assert.Equal(GoldenVectors.RecordWireHex, Hex.Encode(wire, 0, n));
        }

        [Fact]
        public void Frames_match_their_golden_hex()
        {
            FrameHeader auth = FrameHeader.Request(MessageType.AuthorizeRequest, GoldenVectors.AuthorizeRequestId);
            Assert.Equal(GoldenVectors.HelloFrameHex, Encoded(FrameHeader.Request(MessageType.Hello, 1), GoldenVectors.BuildHello()));
            Assert.Equal(GoldenVectors.AuthorizeRequestFrameHex, Encoded(auth, GoldenVectors.BuildAuthorizeRequest()));
            Assert.Equal(GoldenVectors.AuthorizeResponseFrameHex,
                Encoded(auth.ToResponse(MessageType.AuthorizeResponse), GoldenVectors.BuildAuthorizeResponse()));

            byte[] buf = new byte[64];
            int n = FrameEncoder.EncodeAck(FrameHeader.Request(MessageType.JournalAck, 9), buf, 0);
            Assert.Equal(GoldenVectors.AckFrameHex, Hex.Encode(buf, 0, n));
            n = FrameEncoder.EncodeError(FrameHeader.Request((MessageType)0x3E, 5), ErrorCode.UnknownMessageType, buf, 0);
            Assert.Equal(GoldenVectors.UnknownTypeErrorFrameHex, Hex.Encode(buf, 0, n));

            FrameHeader keys = FrameHeader.Request(MessageType.ProvisionCardKeys, GoldenVectors.CardKeysRequestId);
            Assert.Equal(GoldenVectors.ProvisionCardKeysFrameHex, Encoded(keys, GoldenVectors.BuildProvisionCardKeys()));
            Assert.Equal(GoldenVectors.ProvisionCardKeysResponseFrameHex,
                Encoded(keys.ToResponse(MessageType.ProvisionCardKeysResponse), GoldenVectors.BuildProvisionCardKeysResponse()));
        }

        [Fact]
        public void Golden_card_keys_frame_decodes_to_its_inputs()
        {
            byte[] wire = Hex.Decode(GoldenVectors.ProvisionCardKeysFrameHex);
            var sink = new FrameCollector();
            new FrameDecoder(sink).Feed(wire, 0, wire.Length);
            ReceivedFrame f = Assert.Single(sink.Frames);
            Assert.Equal(FrameFlags.None, f.Header.Flags);
            Assert.Equal(GoldenVectors.CardKeysRequestId, f.Header.RequestId);
            byte[] payload = f.Payload();
            Assert.Equal(DecodeStatus.Ok, MessageCodec.TryDecode(f.Header, payload, 0, payload.Length, out IMessage? m));
            var keys = Assert.IsType<ProvisionCardKeys>(m);
            Assert.Equal(GoldenVectors.ReaderId, keys.ReaderId);
            Assert.Equal(GoldenVectors.KeyAMasterKeyHex, Hex.Encode(keys.KeyAMasterKey));
        }

        [Fact]
        public void Golden_response_frame_decodes_to_a_record_that_verifies()
        {
            byte[] wire = Hex.Decode(GoldenVectors.AuthorizeResponseFrameHex);
            var sink = new FrameCollector();
            new FrameDecoder(sink).Feed(wire, 0, wire.Length);
            ReceivedFrame f = Assert.Single(sink.Frames);
            Assert.Equal(FrameFlags.Response, f.Header.Flags);
            Assert.Equal(GoldenVectors.AuthorizeRequestId, f.Header.RequestId);
            byte[] payload = f.Payload();
            AuthorizeResponse m = AuthorizeResponse.Decode(payload, 0, payload.Length);
            Assert.Equal(AuthorizeStatus.Approved, m.Status);
            Assert.True(m.Record.Verify(new DotNetHmacSha256(), GoldenVectors.TestKey()));
            Assert.Equal(GoldenVectors.Counter, m.Record.Counter);
        }

        [Fact]
        public void The_shared_check_used_by_the_firmware_tests_passes_here()
        {
            Assert.Null(GoldenVectorCheck.FirstMismatch(new DotNetHmacSha256()));
            Assert.Null(GoldenVectorCheck.FirstMismatch(null!)); // emulator without crypto: MAC checks skipped
        }

        [Fact]
        public void The_shared_check_names_what_differs()
        {
            Assert.Equal("RecordMac", GoldenVectorCheck.FirstMismatch(new ZeroHmac()));
        }

        private sealed class ZeroHmac : IHmacSha256
        {
            public byte[] Compute(byte[] key, byte[] data, int offset, int count) => new byte[32];
        }

        [Fact]
        public void Empty_payload_may_come_as_a_null_buffer()
        {
            Assert.Equal(DecodeStatus.Ok, MessageCodec.TryDecode(FrameHeader.Request(MessageType.StatusRequest, 1), null!, 0, 0, out IMessage? m));
            Assert.IsType<StatusRequest>(m);
        }

        /// <summary>Vectors named in README.md's golden block, mapped to their GoldenVectors constant.</summary>
        private static readonly Dictionary<string, string> Expected = new()
        {
            ["TestKey"] = GoldenVectors.TestKeyHex,
            ["MacInput"] = GoldenVectors.MacInputHex,
            ["RecordMac"] = GoldenVectors.RecordMacHex,
            ["RecordWire"] = GoldenVectors.RecordWireHex,
            ["HelloFrame"] = GoldenVectors.HelloFrameHex,
            ["AuthorizeRequestFrame"] = GoldenVectors.AuthorizeRequestFrameHex,
            ["AuthorizeResponseFrame"] = GoldenVectors.AuthorizeResponseFrameHex,
            ["AckFrame"] = GoldenVectors.AckFrameHex,
            ["UnknownTypeErrorFrame"] = GoldenVectors.UnknownTypeErrorFrameHex,
            ["KeyAMasterKey"] = GoldenVectors.KeyAMasterKeyHex,
            ["HolderMacKey"] = GoldenVectors.HolderMacKeyHex,
            ["HolderMac"] = GoldenVectors.HolderMacHex,
            ["ProvisionCardKeysFrame"] = GoldenVectors.ProvisionCardKeysFrameHex,
            ["ProvisionCardKeysResponseFrame"] = GoldenVectors.ProvisionCardKeysResponseFrameHex,
        };

        [Fact]
        public void Readme_shows_exactly_the_golden_vectors()
        {
            Dictionary<string, string> readme = ReadmeVectors();
            Assert.Equal(Expected.Keys.OrderBy(k => k), readme.Keys.OrderBy(k => k));
            foreach (var (name, hex) in Expected)
            {
                Assert.True(hex == readme[name], name + " in README.md differs from GoldenVectors.cs");
            }
        }

        /// <summary>
        /// Parses the ```golden fenced block of the protocol README: "Name =" starts a vector, indented lines of
        /// hex bytes follow.
        /// </summary>
        private static Dictionary<string, string> ReadmeVectors()
        {
            string[] lines = File.ReadAllLines(Path.Combine(RepoRoot(), "shared", "MedCard.Protocol", "README.md"));
            var vectors = new Dictionary<string, string>();
            bool inBlock = false;
            string? current = null;
            foreach (string line in lines)
            {
                if (!inBlock)
                {
                    inBlock = line.Trim() == "```golden";
                    continue;
                }

                if (line.Trim() == "```")
                {
                    break;
                }

                Match name = Regex.Match(line, @"^(\w+) =\s*$");
                if (name.Success)
                {
                    current = name.Groups[1].Value;
                    vectors[current] = "";
                }
                else if (current != null && line.Trim().Length > 0)
                {
                    vectors[current] += line.Replace(" ", "");
                }
            }

            Assert.True(inBlock, "README.md has no ```golden block");
            return vectors;
        }

        private static string RepoRoot()
        {
            DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "shared", "MedCard.Protocol", "README.md")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
