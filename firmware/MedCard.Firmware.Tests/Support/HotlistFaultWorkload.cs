using System.IO;
using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The hotlist alone under storage faults: the armed part is <see cref="Updates"/> times "send the next version (one
    /// chunk, re-sent up to 3 times while the reader answers StorageFailure), then switch the reader off and on"; a power
    /// cut reboots at once (a boot that fails is retried). The promise checked: once a version was reported Activated, no
    /// later boot enforces an older one (a lost card the host has blocked stays blocked, with no host connected), and
    /// every update got through within its attempts. Finish: reboot, one more version must activate and survive a reboot.
    /// Starts from versions 1-3 activated (both slots hold a list); each version blocks 8 card numbers.
    /// </summary>
    public sealed class HotlistFaultWorkload : IFaultWorkload
    {
        private const int Capacity = 16;
        private const int Attempts = 3;
        private const int BootAttempts = 4;
        private const uint HistoryVersions = 3;
        private const int EntriesPerVersion = 8;

        private FakeByteStore _store;
        private Hotlist _hotlist;
        private uint _activated;
        private uint _nextVersion;
        private string _violation;

        /// <summary>Versions sent in the armed part (each one list write and its read-back, then a reboot).</summary>
        public int Updates = 3;

        /// <summary>The starting store: versions 1-3 activated.</summary>
        public static FakeByteStore History()
        {
            FakeByteStore store = new FakeByteStore();
            Hotlist hotlist = new Hotlist(store, TestPlatform.CreateHmac(), Capacity);
            for (uint v = 1; v <= HistoryVersions; v++)
            {
                hotlist.Apply(Version(v), 0, 0);
            }

            return store;
        }

        public void Start(FakeByteStore store)
        {
            _store = store;
            _hotlist = new Hotlist(store, TestPlatform.CreateHmac(), Capacity);
            _activated = HistoryVersions;
            _nextVersion = HistoryVersions + 1;
            _violation = null;
        }

        public void RunArmed()
        {
            for (int u = 0; u < Updates; u++)
            {
                if (!Send(_nextVersion++))
                {
                    Violate("version " + (_nextVersion - 1).ToString() + " not activated in " + Attempts.ToString() + " attempts");
                }

                Reboot();
            }
        }

        public string Finish()
        {
            Reboot();
            uint v = _nextVersion++;
            if (!Send(v))
            {
                return _violation != null ? _violation : "no update activates once the errors cleared";
            }

            Reboot();
            if (_hotlist.ActiveVersion != v || !Blocked(v))
            {
                Violate("version " + v.ToString() + " activated but a reboot enforces version " + _hotlist.ActiveVersion.ToString());
            }

            return _violation;
        }

        private bool Send(uint version)
        {
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                try
                {
                    HotlistResult r = _hotlist.Apply(Version(version), 0, 0);
                    // Stale: a cut after the list landed, and the reboot already enforces it (the host sees its version).
                    if (r.Status == HotlistStatus.Activated || (r.Status == HotlistStatus.Stale && r.ActiveVersion >= version))
                    {
                        _activated = version;
                        return true;
                    }
                }
                catch (PowerCutException)
                {
                    Reboot();
                }
            }

            return false;
        }

        private bool Blocked(uint version)
        {
            byte[] fp = new byte[Hotlist.FingerprintLength];
            _hotlist.FingerprintCardNumber(CardOf(version), fp, 0);
            return _hotlist.Contains(fp, 0);
        }

        private void Reboot()
        {
            _store.PowerOn();
            for (int i = 0; i < BootAttempts; i++)
            {
                try
                {
                    _hotlist = new Hotlist(_store, TestPlatform.CreateHmac(), Capacity);
                    if (_hotlist.ActiveVersion < _activated)
                    {
                        Violate("version " + _activated.ToString() + " was activated, the boot enforces version " + _hotlist.ActiveVersion.ToString());
                    }

                    return;
                }
                catch (PowerCutException)
                {
                    _store.PowerOn();
                }
                catch (IOException)
                {
                    // The app waits and reboots.
                }
            }
        }

        private void Violate(string why)
        {
            if (_violation == null)
            {
                _violation = why;
            }
        }

        private static HotlistUpdate Version(uint version)
        {
            HotlistUpdate u = new HotlistUpdate();
            u.Version = version;
            u.ChunkIndex = 0;
            u.ChunkCount = 1;
            u.EntryKind = HotlistEntryKind.CardNumber;
            // 8 entries: a list file of 86 bytes, so the torn writes cover a realistic length.
            u.CardNumbers = new string[EntriesPerVersion];
            u.CardNumbers[0] = CardOf(version);
            for (int i = 1; i < EntriesPerVersion; i++)
            {
                u.CardNumbers[i] = CardOf(version) + "X" + i.ToString();
            }

            return u;
        }

        private static string CardOf(uint version)
        {
            return "LOST" + version.ToString();
        }
    }
}
