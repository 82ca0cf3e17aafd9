using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Pin;
using MedCard.Firmware.Reader;
using MedCard.Firmware.Storage;
using MedCard.Host.Crypto;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Interop
{
    /// <summary>
    /// The firmware's own signer and PIN block encoder (firmware/MedCard.Firmware.Core, run on desktop)
    /// against the host's verifier and PIN block opener: the two sides agree on bytes, keys and chaining.
    /// </summary>
    public sealed class FirmwareInteropTests
    {
        private const uint ReaderId = 4711;
        private readonly byte[] _key = Convert.FromHexString("A0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF");
        private readonly MemoryStore _store = new MemoryStore();
        private readonly TransactionCounter _counter;
        private readonly Journal _journal;
        private readonly TransactionSigner _signer;
        private readonly InMemoryReaderKeyStore _keys = new InMemoryReaderKeyStore();
        private readonly InMemoryRecordChainStore _chain = new InMemoryRecordChainStore();
        private readonly RecordVerifier _verifier;
        private readonly byte[] _uid = { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 };

        public FirmwareInteropTests()
        {
            _counter = new TransactionCounter(_store);
            _journal = new Journal(_store, Journal.DefaultCapacity);
            var provisioning = new Provisioning(_store);
            Assert.Equal(ProvisionStatus.Provisioned, provisioning.Provision(ReaderId, (byte[])_key.Clone()));
            _signer = new TransactionSigner(_counter, _journal, provisioning, new DotNetHmacSha256());
            _keys.Add(ReaderId, _key);
            _verifier = new RecordVerifier(_keys, _chain, new DotNetHmacSha256());
        }

        private SignedRecord Sign(long amount)
        {
            byte[] nonce = new byte[8];
            Random.Shared.NextBytes(nonce);
            var request = new AuthorizeRequest { Amount = amount, TransactionType = TransactionType.Purchase, HostNonce = nonce, Time = 1_790_000_000, CardNumber = "SZ0012345678" };
            Assert.Equal(AuthorizeStatus.Approved, _signer.Sign(request, (byte[])_uid.Clone(), out SignedRecord record));
            return record;
        }

        private Task<RecordCheck> Accept(SignedRecord r) => _verifier.AcceptAsync(r, ReaderId, CancellationToken.None);

        [Fact]
        public async Task Records_signed_by_the_firmware_verify_and_chain_on_the_host_also_after_journal_pruning()
        {
            Assert.Equal(RecordVerdict.Accepted, (await Accept(Sign(100))).Verdict);
            Assert.Equal(RecordVerdict.Accepted, (await Accept(Sign(200))).Verdict);
            Assert.Equal(StorageStatus.Ok, _journal.Acknowledge(2));
            Assert.Equal(RecordVerdict.Accepted, (await Accept(Sign(300))).Verdict);
        }

        [Fact]
        public async Task A_counter_burned_by_a_power_cut_is_seen_by_the_host_as_unused_counters()
        {
            await Accept(Sign(100));
            // Power cut after the counter was persisted, before signing.
            Assert.Equal(StorageStatus.Ok, _counter.TryReserve(out uint burned));
            Assert.Equal(2u, burned);

            RecordCheck check = await Accept(Sign(200));

            Assert.Equal(RecordVerdict.AcceptedAfterUnusedCounters, check.Verdict);
            Assert.Equal(2u, check.GapFrom);
            Assert.Equal(2u, check.GapTo);
        }

        [Fact]
        public async Task A_pin_block_made_by_the_firmware_opens_on_the_host()
        {
            var entry = new PinEntry();
            entry.Start(6, 6);
            foreach (char key in "314159#")
            {
                entry.Press(key);
            }
            Assert.True(entry.IsComplete);
            byte[] block = new byte[16];
            new PinBlockEncoder(new DotNetHmacSha256(), new DotNetAes128(), new FixedEntropy())
                .Encode(entry, "SZ0012345678", (byte[])_key.Clone(), ReaderId, 9, block, 0);

            var verifier = new ExpectDigits(new byte[] { 3, 1, 4, 1, 5, 9 });
            var opener = new PinBlockOpener(_keys, new DotNetHmacSha256(), new DotNetAes128());

            Assert.Equal(PinOutcome.Correct, await opener.OpenAndVerifyAsync(ReaderId, 9, block, "SZ0012345678", verifier, CancellationToken.None));
        }

        [Fact]
        public async Task A_firmware_pin_block_opened_with_the_wrong_key_counter_does_not_decode()
        {
            var entry = new PinEntry();
            entry.Start(6, 6);
            foreach (char key in "314159#")
            {
                entry.Press(key);
            }
            byte[] block = new byte[16];
            new PinBlockEncoder(new DotNetHmacSha256(), new DotNetAes128(), new FixedEntropy())
                .Encode(entry, "SZ0012345678", (byte[])_key.Clone(), ReaderId, 9, block, 0);
            var opener = new PinBlockOpener(_keys, new DotNetHmacSha256(), new DotNetAes128());

            PinOutcome outcome = await opener.OpenAndVerifyAsync(ReaderId, 10, block, "SZ0012345678", new ExpectDigits(new byte[] { 3, 1, 4, 1, 5, 9 }), CancellationToken.None);

            Assert.Equal(PinOutcome.UndecodableBlock, outcome);
        }

        private sealed class ExpectDigits : IPinVerifier
        {
            private readonly byte[] _expected;

            internal ExpectDigits(byte[] expected)
            {
                _expected = expected;
            }

            public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken) =>
                ValueTask.FromResult(digits.Span.SequenceEqual(_expected) ? PinCheck.Correct : PinCheck.Wrong);
        }

        private sealed class FixedEntropy : IEntropySource
        {
            public void NextBytes(byte[] buffer, int offset, int count) => buffer.AsSpan(offset, count).Fill(0x3C);
        }

        private sealed class MemoryStore : IByteStore
        {
            private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>();

            public bool Exists(string name) => _files.ContainsKey(name);

            public int Read(string name, byte[] buffer, int offset)
            {
                if (!_files.TryGetValue(name, out byte[]? data))
                {
                    return -1;
                }
                Array.Copy(data, 0, buffer, offset, Math.Min(data.Length, buffer.Length - offset));
                return data.Length;
            }

            public void Write(string name, byte[] data, int offset, int count) => _files[name] = data.AsSpan(offset, count).ToArray();

            public void Delete(string name) => _files.Remove(name);
        }
    }
}
