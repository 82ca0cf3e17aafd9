using System;
using System.IO;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>
    /// The versioned list of blocked cards, enforced offline. Every entry is kept as an 8-byte
    /// fingerprint: for UID entries the host's own hash (<see cref="HotlistUpdate.ComputeUidHash"/>), for
    /// card-number entries HMAC-SHA256(key "MedCard.Hotlist.v1", "#CN:" | card number)[0..8), so one
    /// sorted-free array serves both kinds and a lookup costs two HMACs per card, not per entry.
    /// <para>Chunks of a new version are staged in RAM in order; when the last one arrives the whole list
    /// is saved to the dual-slot file <c>hot</c> and only then replaces the active list, so a power cut
    /// or a lost chunk leaves the previous version in force. Payload of <c>hot</c>:
    /// version u32 | activatedAt u32 (UTC seconds, 0 = clock unset) | count u16 | count x 8 bytes.</para>
    /// </summary>
    public sealed class Hotlist
    {
        /// <summary>Default number of entries a reader holds (8 KB of fingerprints).</summary>
        public const int DefaultCapacity = 1024;

        /// <summary>Base name of the hotlist files.</summary>
        public const string FileName = "hot";

        /// <summary>Fingerprint length.</summary>
        public const int FingerprintLength = HotlistUpdate.UidHashLength;

        /// <summary>Value of an unknown age.</summary>
        public const uint AgeUnknown = 0xFFFFFFFF;

        private const int FixedPayload = 4 + 4 + 2;
        private const int EntriesOffset = DualSlotFile.PayloadOffset + FixedPayload;
        private const string CardNumberPrefix = "#CN:";

        private readonly IHmacSha256 _hmac;
        private readonly DualSlotFile _file;
        private readonly byte[] _hashKey;
        private readonly byte[] _cardInput = new byte[CardNumberPrefix.Length + CardIdentity.MaxCardNumberLength];
        private byte[] _active;
        private byte[] _staging;

        private uint _activeVersion;
        private int _activeCount;
        private uint _activatedAtUtc;
        private long _activatedAtMs = -1;

        private uint _stagingVersion;
        private int _stagingChunkCount;
        private int _stagingNextChunk;
        private int _stagingCount;

        /// <summary>Bind to the store with room for <paramref name="capacity"/> entries and load the active list.</summary>
        public Hotlist(IByteStore store, IHmacSha256 hmac, int capacity)
        {
            if (hmac == null)
            {
                throw new ArgumentNullException("hmac");
            }

            if (capacity < 1 || capacity > 4096)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _hmac = hmac;
            Capacity = capacity;
            _file = new DualSlotFile(store, FileName, FixedPayload + (capacity * FingerprintLength));
            _active = new byte[_file.ImageSize];
            _staging = new byte[_file.ImageSize];
            _hashKey = new byte[HotlistUpdate.UidHashKey.Length];
            Ascii.GetBytes(HotlistUpdate.UidHashKey, _hashKey, 0);
            Load();
        }

        /// <summary>Most entries one version may have.</summary>
        public int Capacity { get; }

        /// <summary>Version in force (0 = none received yet).</summary>
        public uint ActiveVersion
        {
            get { return _activeVersion; }
        }

        /// <summary>Entries in force.</summary>
        public int ActiveEntries
        {
            get { return _activeCount; }
        }

        /// <summary>True while a version is partly received.</summary>
        public bool IsStaging
        {
            get { return _stagingVersion != 0; }
        }

        /// <summary>
        /// Seconds since the active version was activated: from the wall clock when it was set both then
        /// and now, else from the monotonic clock if it was activated since boot, else <see cref="AgeUnknown"/>.
        /// </summary>
        public uint AgeSeconds(IWallClock wall, long nowMs)
        {
            if (_activeVersion == 0)
            {
                return AgeUnknown;
            }

            if (_activatedAtUtc != 0 && wall != null && wall.IsSet && wall.UtcSeconds >= _activatedAtUtc)
            {
                return wall.UtcSeconds - _activatedAtUtc;
            }

            if (_activatedAtMs >= 0 && nowMs >= _activatedAtMs)
            {
                return (uint)((nowMs - _activatedAtMs) / 1000);
            }

            return AgeUnknown;
        }

        /// <summary>Fingerprint of a card UID into fp[off..+8).</summary>
        public void FingerprintUid(byte[] uid, int uidLength, byte[] fp, int off)
        {
            HotlistUpdate.ComputeUidHash(_hmac, uid, 0, uidLength, fp, off);
        }

        /// <summary>Fingerprint of a card number into fp[off..+8).</summary>
        public void FingerprintCardNumber(string cardNumber, byte[] fp, int off)
        {
            int p = Ascii.GetBytes(CardNumberPrefix, _cardInput, 0);
            p += Ascii.GetBytes(cardNumber, _cardInput, p);
            byte[] full = _hmac.Compute(_hashKey, _cardInput, 0, p);
            Array.Copy(full, 0, fp, off, FingerprintLength);
        }

        /// <summary>True when the fingerprint at fp[off..+8) is in the active list.</summary>
        public bool Contains(byte[] fp, int off)
        {
            for (int i = 0; i < _activeCount; i++)
            {
                int e = EntriesOffset + (i * FingerprintLength);
                if (ConstantTime.AreEqual(_active, e, fp, off, FingerprintLength))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Apply one chunk of a HotlistUpdate. <paramref name="nowUtc"/> is 0 when the wall clock is unset.</summary>
        public HotlistResult Apply(HotlistUpdate chunk, uint nowUtc, long nowMs)
        {
            HotlistStatus status = Stage(chunk);
            if (status == HotlistStatus.ChunkStored && _stagingNextChunk == _stagingChunkCount)
            {
                status = Activate(nowUtc, nowMs);
            }

            HotlistResult result;
            result.Status = status;
            result.ActiveVersion = _activeVersion;
            result.ActiveEntries = _activeCount;
            result.StagingVersion = _stagingVersion;
            result.NextChunk = _stagingNextChunk;
            return result;
        }

        /// <summary>Drop the list and its files (factory wipe).</summary>
        public void Wipe()
        {
            _file.Erase();
            DiscardStaging();
            Array.Clear(_active, 0, _active.Length);
            _activeVersion = 0;
            _activeCount = 0;
            _activatedAtUtc = 0;
            _activatedAtMs = -1;
        }

        private HotlistStatus Stage(HotlistUpdate chunk)
        {
            if (chunk.Version <= _activeVersion)
            {
                return HotlistStatus.Stale;
            }

            if (chunk.ChunkIndex == 0)
            {
                // A first chunk always (re)starts staging: the host may have restarted the transfer.
                DiscardStaging();
                _stagingVersion = chunk.Version;
                _stagingChunkCount = chunk.ChunkCount;
            }
            else if (chunk.Version != _stagingVersion || chunk.ChunkIndex != _stagingNextChunk || chunk.ChunkCount != _stagingChunkCount)
            {
                return HotlistStatus.OutOfOrder;
            }

            int n = chunk.EntryCount;
            if (_stagingCount + n > Capacity)
            {
                DiscardStaging();
                return HotlistStatus.Full;
            }

            for (int i = 0; i < n; i++)
            {
                int e = EntriesOffset + ((_stagingCount + i) * FingerprintLength);
                if (chunk.EntryKind == HotlistEntryKind.UidHash)
                {
                    Array.Copy(chunk.UidHashes, i * FingerprintLength, _staging, e, FingerprintLength);
                }
                else
                {
                    FingerprintCardNumber(chunk.CardNumbers[i], _staging, e);
                }
            }

            _stagingCount += n;
            _stagingNextChunk++;
            return HotlistStatus.ChunkStored;
        }

        private HotlistStatus Activate(uint nowUtc, long nowMs)
        {
            int p = DualSlotFile.PayloadOffset;
            BigEndian.WriteUInt32(_staging, p, _stagingVersion);
            BigEndian.WriteUInt32(_staging, p + 4, nowUtc);
            BigEndian.WriteUInt16(_staging, p + 8, (ushort)_stagingCount);
            try
            {
                _file.Save(_staging, FixedPayload + (_stagingCount * FingerprintLength));
            }
            catch (IOException)
            {
                DiscardStaging();
                return HotlistStatus.StorageFailure;
            }

            byte[] previous = _active;
            _active = _staging;
            _staging = previous;
            _activeVersion = _stagingVersion;
            _activeCount = _stagingCount;
            _activatedAtUtc = nowUtc;
            _activatedAtMs = nowMs;
            DiscardStaging();
            return HotlistStatus.Activated;
        }

        private void DiscardStaging()
        {
            _stagingVersion = 0;
            _stagingChunkCount = 0;
            _stagingNextChunk = 0;
            _stagingCount = 0;
        }

        private void Load()
        {
            int length = _file.Load(_active);
            if (length < FixedPayload)
            {
                return;
            }

            int p = DualSlotFile.PayloadOffset;
            int count = BigEndian.ReadUInt16(_active, p + 8);
            if (count > Capacity || FixedPayload + (count * FingerprintLength) != length)
            {
                return;
            }

            _activeVersion = BigEndian.ReadUInt32(_active, p);
            _activatedAtUtc = BigEndian.ReadUInt32(_active, p + 4);
            _activeCount = count;
        }
    }
}
