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
    /// <item><c>ckeys</c>: key-A master 32 (the reader's only card-system key, the same for every reader of a scheme;
    /// the key-B master and the holder-data MAC key never reach a reader). Set once, either by the ProvisionCardKeys
    /// message (<see cref="ProvisionCardKeys"/>) or by the drop file the app finds at boot (<see cref="CardKeyDropFile"/>);
    /// no message ever returns it. A 64-byte file left by firmware from before key separation does not load: such a
    /// reader reports no card keys until it is factory-wiped and given its key-A master.
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
        private const int CardKeysPayload = CardKeys.KeyLength;
        private const int LargestPayload = IdentityPayload > CardKeysPayload ? IdentityPayload : CardKeysPayload;

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
            _image = new byte[LargestPayload + DualSlotFile.Overhead];
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

        /// <summary>The reader's card key (key-A master), null until installed.</summary>
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

        /// <summary>True once the card key is installed.</summary>
        public bool HasCardKeys
        {
            get { return _cardKeys != null; }
        }

        /// <summary>
        /// The one-time path for the card key (ProvisionCardKeys message): refused unless the reader is provisioned
        /// under <paramref name="confirmReaderId"/> and has no card key yet, and unless the key is usable (see
        /// <see cref="CheckCardKeys"/>). The caller wipes its copy. Nothing changes unless Installed.
        /// </summary>
        public CardKeysStatus ProvisionCardKeys(uint confirmReaderId, byte[] keyAMasterKey)
        {
            if (!IsProvisioned)
            {
                return CardKeysStatus.NotProvisioned;
            }

            if (confirmReaderId != _readerId)
            {
                return CardKeysStatus.WrongReaderId;
            }

            return InstallOnce(keyAMasterKey);
        }

        /// <summary>
        /// Install the card key if none is installed (the drop-file path, which needs no reader id: it
        /// runs at boot, before the host has provisioned anything). Same checks as the message otherwise.
        /// </summary>
        public CardKeysStatus InstallCardKeysOnce(byte[] keyAMasterKey)
        {
            return InstallOnce(keyAMasterKey);
        }

        /// <summary>
        /// Installed when the key is usable: 32 bytes, not all zeros (a wiped slot reads as zeros, so an all-zero
        /// key means "none"). Else InvalidKey.
        /// </summary>
        public static CardKeysStatus CheckCardKeys(byte[] keyAMasterKey)
        {
            if (keyAMasterKey == null || keyAMasterKey.Length != CardKeys.KeyLength
                || Util.Secrets.IsAllZero(keyAMasterKey, 0, CardKeys.KeyLength))
            {
                return CardKeysStatus.InvalidKey;
            }

            return CardKeysStatus.Installed;
        }

        private CardKeysStatus InstallOnce(byte[] keyAMasterKey)
        {
            if (_cardKeys != null)
            {
                return CardKeysStatus.AlreadyInstalled;
            }

            CardKeysStatus check = CheckCardKeys(keyAMasterKey);
            if (check != CardKeysStatus.Installed)
            {
                return check;
            }

            return InstallCardKeys(keyAMasterKey) ? CardKeysStatus.Installed : CardKeysStatus.StorageFailure;
        }

        /// <summary>
        /// Store (or replace) the 32-byte key-A master without the one-time rule (desktop simulator and tests; a device
        /// uses <see cref="ProvisionCardKeys"/> or the drop file). Returns false on a storage failure.
        /// </summary>
        public bool InstallCardKeys(byte[] keyAMasterKey)
        {
            CardKeys keys = new CardKeys(keyAMasterKey);
            int p = DualSlotFile.PayloadOffset;
            Array.Copy(keyAMasterKey, 0, _image, p, CardKeys.KeyLength);
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
                Array.Copy(_image, p, master, 0, CardKeys.KeyLength);
                if (!Util.Secrets.IsAllZero(master, 0, master.Length))
                {
                    _cardKeys = new CardKeys(master);
                }

                ConstantTime.Wipe(master);
            }

            ConstantTime.Wipe(_image);
        }
    }
}
