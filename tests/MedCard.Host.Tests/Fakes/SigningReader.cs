using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Crypto;
using MedCard.Host.Pin;
using MedCard.Protocol;

namespace MedCard.Host.Tests.Fakes
{
    /// <summary>
    /// A reader that signs: authorizes with a real record chain, keeps a journal, answers journal
    /// reads and acks, enciphers a configured PIN as a format 4 block, and caches its answers by
    /// request id (a resend is answered from the cache, never signed again). Faults can be scheduled.
    /// </summary>
    internal sealed class SigningReader : IAsyncDisposable
    {
        private readonly FakeReader _wire = new FakeReader();
        private readonly byte[] _key;
        private readonly RecordChain _chain;
        private readonly List<SignedRecord> _journal = new List<SignedRecord>();
        private readonly ConcurrentDictionary<ushort, byte[]> _answerCache = new ConcurrentDictionary<ushort, byte[]>();

        internal SigningReader(uint readerId, byte[] key)
        {
            _key = key;
            _chain = new RecordChain(readerId, key);
            _wire.ReaderId = readerId;
            _wire.Respond = Respond;
        }

        internal string DevicePath => _wire.DevicePath;

        internal FakeReader Wire => _wire;

        internal string CardInField { get; set; } = "SZ0012345678";

        /// <summary>Digit values the "holder" types.</summary>
        internal byte[] Pin { get; set; } = { 1, 2, 3, 4, 5, 6 };

        /// <summary>Sign the next authorization but lose this many answers (each send of it).</summary>
        internal int LoseNextAuthorizeAnswers;

        /// <summary>Sign, and never answer that request at all (the host gives up).</summary>
        internal bool SilentlySignNext;

        /// <summary>Sign the next authorization, lose the answer, and "reboot": the answer cache is gone.</summary>
        internal bool RebootAfterSigningNext;

        /// <summary>Answer the next authorization with the previous answer (a replayed, genuine record).</summary>
        internal bool ReplayPreviousAnswerNext;

        private byte[]? _previousAnswer;

        /// <summary>Burn counters before the next signing (a power cut between persist and sign).</summary>
        internal int BurnCountersBeforeNext;

        internal int Signed => _journal.Count;

        internal int JournalAcks;

        internal IReadOnlyList<SignedRecord> Journal
        {
            get
            {
                lock (_journal)
                {
                    return _journal.ToList();
                }
            }
        }

        internal Task StartAsync() => _wire.StartAsync();

        public ValueTask DisposeAsync() => _wire.DisposeAsync();

        private IEnumerable<byte[]>? Respond(FrameHeader h, byte[] payload)
        {
            if (h.IsResponse)
            {
                return Array.Empty<byte[]>();
            }
            switch (h.Type)
            {
                case MessageType.AuthorizeRequest:
                    return Authorize(h, payload);
                case MessageType.PinRequest:
                    return new[] { PinBlock(h) };
                case MessageType.JournalRead:
                    return new[] { JournalChunk(h, JournalRead.Decode(payload, 0, payload.Length)) };
                case MessageType.HotlistUpdate:
                    return new[] { Hotlist(h, HotlistUpdate.Decode(payload, 0, payload.Length)) };
                case MessageType.Provision:
                    return new[] { _wire.Response(h, new ProvisionResponse { Status = ProvisionStatus.AlreadyProvisioned, ReaderId = _chain.ReaderId }) };
                case MessageType.JournalAck:
                    Interlocked.Increment(ref JournalAcks);
                    return new[] { _wire.Ack(h) };
                default:
                    return null;
            }
        }

        private IEnumerable<byte[]> Authorize(FrameHeader h, byte[] payload)
        {
            if (_answerCache.TryGetValue(h.RequestId, out byte[]? cached))
            {
                if (LoseNextAuthorizeAnswers > 0)
                {
                    LoseNextAuthorizeAnswers--;
                    return Array.Empty<byte[]>();
                }
                return new[] { cached };
            }
            if (ReplayPreviousAnswerNext && _previousAnswer is not null)
            {
                ReplayPreviousAnswerNext = false;
                // Same bytes as before except the request id, which an attacker would rewrite.
                AuthorizeResponse old = AuthorizeResponse.Decode(_previousAnswer, 0, _previousAnswer.Length);
                return new[] { _wire.Response(h, old) };
            }
            AuthorizeRequest request = AuthorizeRequest.Decode(payload, 0, payload.Length);
            if (request.CardNumber != CardInField)
            {
                return new[] { _wire.Response(h, new AuthorizeResponse { Status = AuthorizeStatus.CardMismatch }) };
            }
            SignedRecord record = _chain.NextFor(request, BurnCountersBeforeNext);
            BurnCountersBeforeNext = 0;
            lock (_journal)
            {
                _journal.Add(record);
            }
            var approved = new AuthorizeResponse { Status = AuthorizeStatus.Approved, Record = record };
            byte[] answerPayload = new byte[FrameFormat.MaxPayloadSize];
            _previousAnswer = answerPayload.AsSpan(0, approved.Encode(answerPayload, 0)).ToArray();
            byte[] answer = _wire.Response(h, approved);
            _answerCache[h.RequestId] = answer;
            if (RebootAfterSigningNext)
            {
                RebootAfterSigningNext = false;
                _answerCache.Clear();
                return Array.Empty<byte[]>();
            }
            if (SilentlySignNext)
            {
                SilentlySignNext = false;
                _answerCache[h.RequestId] = Array.Empty<byte>();
                return Array.Empty<byte[]>();
            }
            if (LoseNextAuthorizeAnswers > 0)
            {
                LoseNextAuthorizeAnswers--;
                return Array.Empty<byte[]>();
            }
            return new[] { answer };
        }

        /// <summary>Chunk indexes received, in order.</summary>
        internal List<int> HotlistChunks { get; } = new List<int>();

        /// <summary>Pretend chunk N was lost the first time chunk N+1 arrives.</summary>
        internal int HotlistLoseChunkOnce = -1;

        internal List<string> HotlistCardNumbers { get; } = new List<string>();

        private readonly List<string[]> _stagedChunks = new List<string[]>();

        private byte[] Hotlist(FrameHeader h, HotlistUpdate chunk)
        {
            HotlistChunks.Add(chunk.ChunkIndex);
            if (HotlistLoseChunkOnce >= 0 && chunk.ChunkIndex == HotlistLoseChunkOnce + 1)
            {
                _stagedChunks.RemoveAt(_stagedChunks.Count - 1);
                HotlistLoseChunkOnce = -1;
            }
            int next = _stagedChunks.Count;
            if (chunk.ChunkIndex != next)
            {
                return _wire.Response(h, new HotlistAck { Status = HotlistStatus.OutOfOrder, StagingVersion = chunk.Version, NextChunk = (ushort)next });
            }
            _stagedChunks.Add(chunk.CardNumbers ?? Array.Empty<string>());
            bool last = _stagedChunks.Count == chunk.ChunkCount;
            if (last)
            {
                HotlistCardNumbers.AddRange(_stagedChunks.SelectMany(c => c));
            }
            return _wire.Response(h, new HotlistAck
            {
                Status = last ? HotlistStatus.Activated : HotlistStatus.ChunkStored,
                ActiveVersion = last ? chunk.Version : 0,
                ActiveEntries = (ushort)(last ? HotlistCardNumbers.Count : 0),
                StagingVersion = last ? 0 : chunk.Version,
                NextChunk = (ushort)_stagedChunks.Count,
            });
        }

        private byte[] PinBlock(FrameHeader h)
        {
            uint keyCounter = _chain.Counter + 1;
            byte[] pinKey = new byte[PinKey.Length];
            PinKey.Derive(new DotNetHmacSha256(), _key, _chain.ReaderId, keyCounter, pinKey);
            byte[] field = new byte[16];
            byte[] pan = new byte[16];
            byte[] random = new byte[8];
            Random.Shared.NextBytes(random);
            PinBlockFormat4.EncodePinField(Pin, 0, Pin.Length, random, 0, field, 0);
            PinBlockFormat4.EncodePanField(CardInField, pan, 0);
            byte[] block = new byte[16];
            PinBlockFormat4.Encipher(new DotNetAes128(), pinKey, field, 0, pan, 0, block, 0);
            return _wire.Response(h, new PinBlockResponse { Status = PinEntryStatus.Entered, KeyCounter = keyCounter, PinBlock = block });
        }

        private byte[] JournalChunk(FrameHeader h, JournalRead read)
        {
            List<SignedRecord> all = Journal.Where(r => r.Counter >= read.FromCounter && r.Counter <= read.ToCounter).ToList();
            SignedRecord[] chunk = all.Take(JournalRecords.MaxRecordsPerChunk).ToArray();
            uint next = all.Count > chunk.Length ? all[chunk.Length].Counter : 0;
            var answer = new JournalRecords
            {
                LatestCounter = _chain.Counter,
                OldestCounter = Journal.Count == 0 ? 0 : Journal[0].Counter,
                NextCounter = next,
                Records = chunk,
            };
            return _wire.Response(h, answer);
        }
    }
}
