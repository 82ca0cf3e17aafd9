using System;
using System.IO;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>
    /// The reader's identity and secrets, each in its own dual-slot file:
    /// <list type="bullet">
    /// <item><c>prov</c>: readerId u32 | reader key 32 (HMAC key of signed records and PIN keys). Set once
    /// through the Provision message; no message ever returns the key.</item>
    /// <item><c>ckeys</c>: sector master key 32 | issuer key 32 (the card-system keys, the same for every
    /// reader of a scheme). Set once, either by the ProvisionCardKeys message (<see cref="ProvisionCardKeys"/>)
    /// or by the drop file the app finds at boot (<see cref="CardKeyDropFile"/>); no message ever returns them.
    /// <see cref="InstallCardKeys"/> (replaces) is for the simulator and tests.</item>
    /// </list>
    /// A factory wipe first overwrites both slots of both files with zeros (a plain delete would leave
    /// the bytes in flash) and then deletes them. The transaction counter is not touched here.
    /// </summary>
    public sealed class Provisioning
    {
        /// <summary>Base name of the identity file.</summary>
        public const string IdentityFileName = "prov";

        /// <summary>Base name of the card-keys file.</summary>
        public const string CardKeysFileName = "ckeys";

        private const int IdentityPayload = 4 + SignedRecord.KeyLength;
        private const int CardKeysPayload = CardKeys.KeyLength * 2;

        private readonly DualSlotFile _identityFile;
        private readonly DualSlotFile _cardKeysFile;
        private readonly byte[] _image;
        private readonly byte[] _readerKey = new byte[SignedRecord.KeyLength];
        private uint _readerId;
        private CardKeys _cardKeys;

        /// <summary>Bind to the store and load whatever was provisioned.</summary>
        public Provisioning(IByteStore store)
        {
            _identityFile = new DualSlotFile(store, IdentityFileName, IdentityPayload);
            _cardKeysFile = new DualSlotFile(store, CardKeysFileName, CardKeysPayload);
            _image = new byte[CardKeysPayload + DualSlotFile.Overhead];
            Load();
        }

        /// <summary>True once a reader id and key are stored.</summary>
        public bool IsProvisioned
        {
            get { return _readerId != 0; }
        }

        /// <summary>The reader id, 0 when unprovisioned.</summary>
        public uint ReaderId
        {
            get { return _readerId; }
        }

        /// <summary>The card-system keys, null until installed.</summary>
        public CardKeys CardKeys
        {
            get { return _cardKeys; }
        }

        /// <summary>The reader key, for signing inside this assembly only.</summary>
        internal byte[] ReaderKey
        {
            get { return _readerKey; }
        }

        /// <summary>Store the reader id and key, once. The caller wipes its copy of the key.</summary>
        public ProvisionStatus Provision(uint readerId, byte[] key)
        {
            if (IsProvisioned)
            {
                return ProvisionStatus.AlreadyProvisioned;
            }

            if (readerId == 0)
            {
                return ProvisionStatus.InvalidReaderId;
            }

            if (key == null || key.Length != SignedRecord.KeyLength)
            {
                throw new ArgumentException("reader key must be 32 bytes");
            }

            int p = DualSlotFile.PayloadOffset;
            BigEndian.WriteUInt32(_image, p, readerId);
            Array.Copy(key, 0, _image, p + 4, SignedRecord.KeyLength);
            try
            {
                _identityFile.Save(_image, IdentityPayload);
            }
            catch (IOException)
            {
                return ProvisionStatus.StorageFailure;
            }
            finally
            {
                ConstantTime.Wipe(_image);
            }

            Array.Copy(key, _readerKey, SignedRecord.KeyLength);
            _readerId = readerId;
            return ProvisionStatus.Provisioned;
        }

        /// <summary>True once card-system keys are installed.</summary>
        public bool HasCardKeys
        {
            get { return _cardKeys != null; }
        }

        /// <summary>
        /// The one-time path for the card-system keys (ProvisionCardKeys message): refused unless the reader is
        /// provisioned under <paramref name="confirmReaderId"/> and has no card keys yet, and unless the keys are
        /// usable (see <see cref="CheckCardKeys"/>). The caller wipes its copies. Nothing changes unless Installed.
        /// </summary>
        public CardKeysStatus ProvisionCardKeys(uint confirmReaderId, byte[] sectorMasterKey, byte[] issuerKey)
        {
            if (!IsProvisioned)
            {
                return CardKeysStatus.NotProvisioned;
            }

            if (confirmReaderId != _readerId)
            {
                return CardKeysStatus.WrongReaderId;
            }

            return InstallOnce(sectorMasterKey, issuerKey);
        }

        /// <summary>
        /// Install the card-system keys if none are installed (the drop-file path, which needs no reader id: it
        /// runs at boot, before the host has provisioned anything). Same checks as the message otherwise.
        /// </summary>
        public CardKeysStatus InstallCardKeysOnce(byte[] sectorMasterKey, byte[] issuerKey)
        {
            return InstallOnce(sectorMasterKey, issuerKey);
        }

        /// <summary>
        /// Installed when the keys are usable: 32 bytes each, neither all zeros (a wiped slot reads as zeros, so an
        /// all-zero master key means "none"), and not the same key twice (one key, one purpose). Else InvalidKey.
        /// </summary>
        public static CardKeysStatus CheckCardKeys(byte[] sectorMasterKey, byte[] issuerKey)
        {
            if (sectorMasterKey == null || sectorMasterKey.Length != CardKeys.KeyLength
                || issuerKey == null || issuerKey.Length != CardKeys.KeyLength)
            {
                return CardKeysStatus.InvalidKey;
            }

            if (Util.Secrets.IsAllZero(sectorMasterKey, 0, CardKeys.KeyLength) || Util.Secrets.IsAllZero(issuerKey, 0, CardKeys.KeyLength)
                || ConstantTime.AreEqual(sectorMasterKey, 0, issuerKey, 0, CardKeys.KeyLength))
            {
                return CardKeysStatus.InvalidKey;
            }

            return CardKeysStatus.Installed;
        }

        private CardKeysStatus InstallOnce(byte[] sectorMasterKey, byte[] issuerKey)
        {
            if (_cardKeys != null)
            {
                return CardKeysStatus.AlreadyInstalled;
            }

            CardKeysStatus check = CheckCardKeys(sectorMasterKey, issuerKey);
            if (check != CardKeysStatus.Installed)
            {
                return check;
            }

            return InstallCardKeys(sectorMasterKey, issuerKey) ? CardKeysStatus.Installed : CardKeysStatus.StorageFailure;
        }

        /// <summary>
        /// Store (or replace) the two 32-byte card-system keys without the one-time rule (desktop simulator and tests;
        /// a device uses <see cref="ProvisionCardKeys"/> or the drop file). Returns false on a storage failure.
        /// </summary>
        public bool InstallCardKeys(byte[] sectorMasterKey, byte[] issuerKey)
        {
            CardKeys keys = new CardKeys(sectorMasterKey, issuerKey);
            int p = DualSlotFile.PayloadOffset;
            Array.Copy(sectorMasterKey, 0, _image, p, CardKeys.KeyLength);
            Array.Copy(issuerKey, 0, _image, p + CardKeys.KeyLength, CardKeys.KeyLength);
            try
            {
                _cardKeysFile.Save(_image, CardKeysPayload);
            }
            catch (IOException)
            {
                keys.Wipe();
                return false;
            }
            finally
            {
                ConstantTime.Wipe(_image);
            }

            if (_cardKeys != null)
            {
                _cardKeys.Wipe();
            }

            _cardKeys = keys;
            return true;
        }

        /// <summary>Forget id and keys, in memory and in flash (factory wipe).</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(_readerKey);
            _readerId = 0;
            if (_cardKeys != null)
            {
                _cardKeys.Wipe();
                _cardKeys = null;
            }

            Shred(_identityFile, IdentityPayload);
            Shred(_cardKeysFile, CardKeysPayload);
        }

        private void Shred(DualSlotFile file, int payloadLength)
        {
            // Two saves of zeros overwrite both slots, whichever is current.
            for (int i = 0; i < 2; i++)
            {
                Array.Clear(_image, 0, _image.Length);
                try
                {
                    file.Save(_image, payloadLength);
                }
                catch (IOException)
                {
                    // Deleting below still removes the file from the namespace.
                }
            }

            ConstantTime.Wipe(_image);
            file.Erase();
        }

        private void Load()
        {
            int p = DualSlotFile.PayloadOffset;
            if (_identityFile.Load(_image) == IdentityPayload)
            {
                uint id = BigEndian.ReadUInt32(_image, p);
                if (id != 0)
                {
                    _readerId = id;
                    Array.Copy(_image, p + 4, _readerKey, 0, SignedRecord.KeyLength);
                }
            }

            if (_cardKeysFile.Load(_image) == CardKeysPayload)
            {
                byte[] master = new byte[CardKeys.KeyLength];
                byte[] issuer = new byte[CardKeys.KeyLength];
                Array.Copy(_image, p, master, 0, CardKeys.KeyLength);
                Array.Copy(_image, p + CardKeys.KeyLength, issuer, 0, CardKeys.KeyLength);
                if (!Util.Secrets.IsAllZero(master, 0, master.Length))
                {
                    _cardKeys = new CardKeys(master, issuer);
                }

                ConstantTime.Wipe(master);
                ConstantTime.Wipe(issuer);
            }

            ConstantTime.Wipe(_image);
        }
    }
}
