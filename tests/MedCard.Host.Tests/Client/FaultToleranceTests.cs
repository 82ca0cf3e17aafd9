using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Link;
using MedCard.Host.Tests.Fakes;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Client
{
    /// <summary>
    /// Many authorizations over a line that drops, duplicates and corrupts frames and injects noise in
    /// both directions: every record the reader signed is counted exactly once, none is refused, and
    /// every approved answer is the record of its own request.
    /// </summary>
    public sealed class FaultToleranceTests
    {
        private const uint ReaderId = 6060;
        private const string Card = "SZ0012345678";

        [Theory]
        [InlineData(21)]
        [InlineData(26)]
        public async Task Every_signed_record_is_counted_exactly_once_on_a_noisy_line(int seed)
        {
            byte[] key = RecordChain.NewKey(seed);
            var keys = new InMemoryReaderKeyStore();
            keys.Add(ReaderId, key);
            var chain = new InMemoryRecordChainStore();
            await using var reader = new SigningReader(ReaderId, key);
            await reader.StartAsync();
            var line = new FaultyLine(new PosixSerialPort(reader.DevicePath), seed, drop: 0.2, duplicate: 0.2, corrupt: 0.15, noise: 0.2);
            var options = new ReaderClientOptions
            {
                Keys = keys,
                Chain = chain,
                Link = new LinkOptions
                {
                    AttemptTimeout = TimeSpan.FromMilliseconds(150),
                    HeartbeatInterval = TimeSpan.FromMilliseconds(500),
                    HandshakeTimeout = TimeSpan.FromSeconds(5),
                    ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
                },
                FlashWriteAttemptTimeout = TimeSpan.FromMilliseconds(150),
                AuthorizeTimeout = TimeSpan.FromSeconds(2),
                CallTimeout = TimeSpan.FromSeconds(3),
            };
            var accepted = new List<RecordCheck>();
            var refused = new List<RecordCheck>();
            await using ReaderClient client = await ReaderClient.ConnectAsync(line, options);
            client.RecordAccepted += (_, c) => { lock (accepted) { accepted.Add(c); } };
            client.RecordRefused += (_, c) => { lock (refused) { refused.Add(c); } };

            var requested = new HashSet<long>();
            for (int i = 1; i <= 25; i++)
            {
                long amount = i * 100 + 7;
                requested.Add(amount);
                try
                {
                    AuthorizationResult result = await client.AuthorizeAsync(Card, amount, TransactionType.Purchase);
                    if (result.IsApproved)
                    {
                        Assert.Equal(amount, result.Record!.Amount);
                    }
                }
                catch (Exception ex) when (ex is TimeoutException || ex is ReaderBusyException)
                {
                    // Every send of this one was lost: the next authorization or the sync recovers its record.
                }
            }
            await SyncUntilQuietAsync(client);

            lock (accepted)
            {
                Assert.Empty(refused);
                Assert.Equal(reader.Signed, accepted.Count);
                Assert.Equal(Enumerable.Range(1, reader.Signed).Select(c => (uint)c), accepted.Select(c => c.Record.Counter).OrderBy(c => c));
                Assert.All(accepted, c => Assert.Contains(c.Record.Amount, requested));
                Assert.Equal(accepted.Count, accepted.Select(c => c.Record.Amount).Distinct().Count());
            }
            Assert.True(line.Dropped > 0 && line.Duplicated > 0 && line.Corrupted > 0 && line.NoiseBursts > 0);
        }

        private static async Task SyncUntilQuietAsync(ReaderClient client)
        {
            for (int attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    await client.SyncJournalAsync();
                    return;
                }
                catch (Exception ex) when (ex is TimeoutException || ex is ReaderBusyException)
                {
                }
            }
            throw new TimeoutException("The journal could not be read over the noisy line in 20 tries.");
        }
    }
}
