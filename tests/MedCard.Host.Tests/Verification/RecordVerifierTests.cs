using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Crypto;
using MedCard.Host.Tests.Fakes;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Verification
{
    public sealed class RecordVerifierTests
    {
        private const uint ReaderId = 31;
        private readonly byte[] _key = RecordChain.NewKey(31);
        private readonly InMemoryReaderKeyStore _keys = new InMemoryReaderKeyStore();
        private readonly InMemoryRecordChainStore _store = new InMemoryRecordChainStore();
        private readonly RecordVerifier _verifier;
        private readonly RecordChain _reader;

        public RecordVerifierTests()
        {
            _keys.Add(ReaderId, _key);
            _verifier = new RecordVerifier(_keys, _store, new DotNetHmacSha256());
            _reader = new RecordChain(ReaderId, _key);
        }

        private Task<RecordCheck> Accept(SignedRecord r) => _verifier.AcceptAsync(r, ReaderId, CancellationToken.None);

        [Fact]
        public async Task A_chain_of_genuine_records_is_accepted_in_order_and_advances_the_position()
        {
            for (int i = 0; i < 5; i++)
            {
                SignedRecord r = _reader.Next();
                Assert.Equal(RecordVerdict.Accepted, (await Accept(r)).Verdict);
            }
            ChainPosition position = await _store.GetAsync(ReaderId, CancellationToken.None);
            Assert.Equal(5u, position.Counter);
        }

        [Fact]
        public async Task The_same_record_delivered_twice_counts_once()
        {
            SignedRecord r = _reader.Next();
            Assert.True((await Accept(r)).IsNewlyAccepted);
            RecordCheck again = await Accept(RecordChain.Copy(r));
            Assert.Equal(RecordVerdict.AlreadyAccepted, again.Verdict);
            Assert.False(again.IsNewlyAccepted);
        }

        [Fact]
        public async Task An_older_record_replayed_later_is_rejected()
        {
            SignedRecord first = _reader.Next();
            await Accept(first);
            await Accept(_reader.Next());
            Assert.Equal(RecordVerdict.Replayed, (await Accept(first)).Verdict);
        }

        [Fact]
        public async Task Reordered_records_are_not_both_accepted_silently()
        {
            SignedRecord one = _reader.Next();
            SignedRecord two = _reader.Next();
            // Two arrives first: one is missing, so two is held back.
            RecordCheck early = await Accept(two);
            Assert.Equal(RecordVerdict.MissingRecords, early.Verdict);
            Assert.Equal(1u, early.GapFrom);
            Assert.Equal(1u, early.GapTo);
            Assert.Equal(RecordVerdict.Accepted, (await Accept(one)).Verdict);
            Assert.Equal(RecordVerdict.Accepted, (await Accept(two)).Verdict);
        }

        [Theory]
        [InlineData("amount")]
        [InlineData("counter")]
        [InlineData("card")]
        [InlineData("mac")]
        public async Task A_tampered_record_is_forged(string field)
        {
            SignedRecord r = RecordChain.Copy(_reader.Next());
            switch (field)
            {
                case "amount": r.Amount += 1; break;
                case "counter": r.Counter += 1; break;
                case "card": r.CardNumber = "SZ0099999999"; break;
                default: r.Mac[0] ^= 0x01; break;
            }
            Assert.Equal(RecordVerdict.Forged, (await Accept(r)).Verdict);
            Assert.Equal(0u, (await _store.GetAsync(ReaderId, CancellationToken.None)).Counter);
        }

        [Fact]
        public async Task A_record_signed_with_another_key_is_forged()
        {
            var impostor = new RecordChain(ReaderId, RecordChain.NewKey(99));
            Assert.Equal(RecordVerdict.Forged, (await Accept(impostor.Next())).Verdict);
        }

        [Fact]
        public async Task Counters_burned_by_a_power_cut_are_reported_and_the_record_accepted()
        {
            await Accept(_reader.Next());
            SignedRecord afterCut = _reader.Next(skip: 2);
            RecordCheck check = await Accept(afterCut);
            Assert.Equal(RecordVerdict.AcceptedAfterUnusedCounters, check.Verdict);
            Assert.Equal(2u, check.GapFrom);
            Assert.Equal(3u, check.GapTo);
            Assert.True(check.IsNewlyAccepted);
        }

        [Fact]
        public async Task A_record_whose_previous_mac_breaks_the_chain_is_refused()
        {
            await Accept(_reader.Next());
            // Same reader key, but a chain that diverged (e.g. storage restored from a backup).
            var diverged = new RecordChain(ReaderId, _key);
            diverged.Next();
            SignedRecord other = diverged.Next();
            other = RecordChain.Copy(other);
            other.PreviousMac[0] ^= 0xFF;
            other.Sign(new DotNetHmacSha256(), _key);
            Assert.Equal(RecordVerdict.ChainBroken, (await Accept(other)).Verdict);
        }

        [Fact]
        public async Task A_second_signature_of_the_same_request_advances_the_chain_without_counting()
        {
            SignedRecord first = _reader.Next();
            SignedRecord again = RecordChain.Copy(_reader.Next());
            // Same request signed twice: same nonce (and fields), next counter, chained.
            again.HostNonce = (byte[])first.HostNonce.Clone();
            again.PreviousMac = (byte[])first.Mac.Clone();
            again.Sign(new DotNetHmacSha256(), _key);

            Assert.Equal(RecordVerdict.Accepted, (await Accept(first)).Verdict);
            RecordCheck check = await Accept(again);

            Assert.Equal(RecordVerdict.DuplicateSigning, check.Verdict);
            Assert.False(check.IsNewlyAccepted);
            Assert.Equal(2u, (await _store.GetAsync(ReaderId, CancellationToken.None)).Counter);
        }

        [Fact]
        public async Task A_reader_without_a_key_is_refused()
        {
            var stranger = new RecordChain(77, RecordChain.NewKey(77));
            RecordCheck check = await _verifier.AcceptAsync(stranger.Next(), 77, CancellationToken.None);
            Assert.Equal(RecordVerdict.UnknownReader, check.Verdict);
        }

        [Fact]
        public async Task A_record_from_a_different_reader_than_the_link_is_refused()
        {
            RecordCheck check = await _verifier.AcceptAsync(_reader.Next(), ReaderId + 1, CancellationToken.None);
            Assert.Equal(RecordVerdict.WrongReader, check.Verdict);
        }

        [Fact]
        public async Task Concurrent_deliveries_of_one_record_count_exactly_once()
        {
            SignedRecord r = _reader.Next();
            var tasks = new Task<RecordCheck>[8];
            for (int i = 0; i < tasks.Length; i++)
            {
                SignedRecord copy = RecordChain.Copy(r);
                tasks[i] = Task.Run(() => Accept(copy));
            }
            RecordCheck[] results = await Task.WhenAll(tasks);
            int counted = 0;
            foreach (RecordCheck c in results)
            {
                counted += c.IsNewlyAccepted ? 1 : 0;
            }
            Assert.Equal(1, counted);
        }
    }
}
