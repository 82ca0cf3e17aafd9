using System;
using Iot.Device.Card.Mifare;
using Iot.Device.Mfrc522;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="ICardField"/> on an MFRC522 through the nanoFramework Iot.Device.Mfrc522 binding and
    /// Iot.Device.Card's <see cref="MifareCard"/>.
    /// <para>Detection is REQA, then WUPA if nothing answered, then our own anticollision/SELECT. The binding's
    /// <c>ListenToCardIso14443TypeA</c> sends REQA only: a card left ACTIVE by the previous poll ignores that REQA
    /// (it drops back to IDLE) and a HALTed card never answers REQA, so a card resting on the antenna would
    /// vanish every other poll or for good. WUPA wakes both, so a resting card keeps answering every poll.</para>
    /// <para>After any failed MIFARE command the card is reselected (<see cref="MifareCard.ReselectCard"/>) before
    /// the next one, as the binding requires.</para>
    /// Buffers are allocated once; the adapter itself allocates nothing per poll (the binding does, inside).
    /// </summary>
    public sealed class Mfrc522CardField : ICardField
    {
        private const byte WakeUpA = 0x52;
        private const byte CascadeTag = 0x88;
        private const byte SakUidIncomplete = 0x04;
        private const byte NvbAnticollision = 0x20;
        private const byte NvbSelect = 0x70;
        private const int KeyLength = 6;
        private const int BlockLength = 16;

        private readonly MfRc522 _rfid;
        private readonly MifareCard _card;
        private readonly byte[] _atqa = new byte[2];
        private readonly byte[] _wupa = new byte[] { WakeUpA };
        private readonly byte[] _anticollision = new byte[2];
        private readonly byte[] _uidPart = new byte[5];
        private readonly byte[] _select = new byte[9];
        private readonly byte[] _sak = new byte[3];
        private readonly byte[] _uid = new byte[DetectedCard.MaxUidLength];
        private readonly byte[] _previousUid = new byte[DetectedCard.MaxUidLength];
        private readonly byte[] _authUid = new byte[4];
        private readonly byte[] _key = new byte[KeyLength];
        private readonly byte[] _emptyKey = new byte[KeyLength];
        private readonly byte[] _block = new byte[BlockLength];
        private int _uidLength;
        private bool _needsReselect;

        /// <summary>Wrap an initialised reader (antenna on, SPI mode 0).</summary>
        public Mfrc522CardField(MfRc522 rfid)
        {
            if (rfid == null)
            {
                throw new ArgumentNullException("rfid");
            }

            _rfid = rfid;
            _card = new MifareCard(rfid, 0);
            _card.SerialNumber = _authUid;
            _card.KeyA = _emptyKey;
            _card.KeyB = _emptyKey;
        }

        /// <inheritdoc/>
        public bool TryDetect(DetectedCard card)
        {
            if (card == null)
            {
                throw new ArgumentNullException("card");
            }

            try
            {
                // IsCardPresent sends REQA and also switches Crypto1 off after the previous session.
                bool answered = _rfid.IsCardPresent(_atqa) || WakeUp();
                if (!answered || !SelectCascade(out byte sak))
                {
                    return false;
                }

                card.Clear();
                Array.Copy(_uid, card.Uid, _uidLength);
                card.UidLength = _uidLength;
                card.Atqa = (ushort)(_atqa[0] | (_atqa[1] << 8));
                card.Sak = sak;
                PrepareAuthUid();
                _needsReselect = false;
                return true;
            }
            catch (Exception)
            {
                // An SPI hiccup is "no card this poll"; the core's debounce decides what it means.
                return false;
            }
        }

        /// <inheritdoc/>
        public bool Authenticate(int blockNumber, MifareKeyType keyType, byte[] key, int keyOffset)
        {
            CheckBlock(blockNumber);
            if (key == null || keyOffset < 0 || keyOffset > key.Length - KeyLength)
            {
                throw new ArgumentException("key");
            }

            if (!EnsureSelected())
            {
                return false;
            }

            Array.Copy(key, keyOffset, _key, 0, KeyLength);
            try
            {
                _card.BlockNumber = (byte)blockNumber;
                if (keyType == MifareKeyType.KeyA)
                {
                    _card.KeyA = _key;
                    _card.Command = MifareCardCommand.AuthenticationA;
                }
                else
                {
                    _card.KeyB = _key;
                    _card.Command = MifareCardCommand.AuthenticationB;
                }

                return Succeeded(_card.RunMifareCardCommand() >= 0);
            }
            catch (Exception)
            {
                return Succeeded(false);
            }
            finally
            {
                // Our copy of the sector key never outlives the command.
                Array.Clear(_key, 0, KeyLength);
                _card.KeyA = _emptyKey;
                _card.KeyB = _emptyKey;
            }
        }

        /// <inheritdoc/>
        public bool ReadBlock(int blockNumber, byte[] buffer, int offset)
        {
            CheckBlock(blockNumber);
            CheckBuffer(buffer, offset);
            if (!EnsureSelected())
            {
                return false;
            }

            try
            {
                _card.BlockNumber = (byte)blockNumber;
                _card.Command = MifareCardCommand.Read16Bytes;
                int read = _card.RunMifareCardCommand();
                byte[] data = _card.Data;
                if (read < BlockLength || data == null || data.Length < BlockLength)
                {
                    return Succeeded(false);
                }

                Array.Copy(data, 0, buffer, offset, BlockLength);
                return Succeeded(true);
            }
            catch (Exception)
            {
                return Succeeded(false);
            }
        }

        /// <inheritdoc/>
        public bool WriteBlock(int blockNumber, byte[] data, int offset)
        {
            CheckBlock(blockNumber);
            CheckBuffer(data, offset);
            if (!EnsureSelected())
            {
                return false;
            }

            Array.Copy(data, offset, _block, 0, BlockLength);
            try
            {
                _card.BlockNumber = (byte)blockNumber;
                _card.Data = _block;
                _card.Command = MifareCardCommand.Write16Bytes;
                return Succeeded(_card.RunMifareCardCommand() >= 0);
            }
            catch (Exception)
            {
                return Succeeded(false);
            }
            finally
            {
                // A sector trailer carries keys: do not keep it around.
                Array.Clear(_block, 0, BlockLength);
            }
        }

        /// <inheritdoc/>
        public bool Reselect()
        {
            try
            {
                // The binding's way first (HLTA + REQA + select), as its documentation asks after a failure;
                // if the card went to HALT instead of IDLE, wake it with WUPA and check it is still the same UID.
                bool ok = _card.ReselectCard();
                if (!ok)
                {
                    int previousLength = _uidLength;
                    Array.Copy(_uid, _previousUid, previousLength);
                    ok = WakeUp() && SelectCascade(out byte _) && SameUid(_previousUid, previousLength);
                }

                _needsReselect = !ok;
                return ok;
            }
            catch (Exception)
            {
                _needsReselect = true;
                return false;
            }
        }

        /// <inheritdoc/>
        public void Halt()
        {
            _needsReselect = false;
            try
            {
                _rfid.Halt();
            }
            catch (Exception)
            {
                // Halt is best effort: the next detection switches Crypto1 off anyway.
            }
        }

        private bool Succeeded(bool ok)
        {
            if (!ok)
            {
                _needsReselect = true;
            }

            return ok;
        }

        private bool EnsureSelected()
        {
            return !_needsReselect || Reselect();
        }

        private bool WakeUp()
        {
            // WUPA is a 7-bit short frame like REQA.
            Status status = _rfid.SendAndReceiveData(MfrcCommand.Transceive, _wupa, _atqa, 7);
            return status == Status.Ok;
        }

        /// <summary>
        /// ISO 14443-3 anticollision + SELECT over up to three cascade levels. A collision (two cards on the
        /// antenna) is refused rather than resolved: the reader serves one card at a time.
        /// </summary>
        private bool SelectCascade(out byte sak)
        {
            sak = 0;
            _uidLength = 0;
            for (int level = 0; level < 3; level++)
            {
                byte command = (byte)(0x93 + (2 * level));
                _anticollision[0] = command;
                _anticollision[1] = NvbAnticollision;
                if (_rfid.SendAndReceiveData(MfrcCommand.Transceive, _anticollision, _uidPart) != Status.Ok)
                {
                    return false;
                }

                if ((byte)(_uidPart[0] ^ _uidPart[1] ^ _uidPart[2] ^ _uidPart[3]) != _uidPart[4])
                {
                    return false;
                }

                _select[0] = command;
                _select[1] = NvbSelect;
                Array.Copy(_uidPart, 0, _select, 2, 5);
                Iso14443Crc.Append(_select, 0, 7);
                if (_rfid.SendAndReceiveData(MfrcCommand.Transceive, _select, _sak) != Status.Ok
                    || !Iso14443Crc.Check(_sak, 0, 1))
                {
                    return false;
                }

                bool more = (_sak[0] & SakUidIncomplete) != 0;
                if (_uidPart[0] == CascadeTag && more)
                {
                    Array.Copy(_uidPart, 1, _uid, _uidLength, 3);
                    _uidLength += 3;
                    continue;
                }

                if (more)
                {
                    return false;
                }

                Array.Copy(_uidPart, 0, _uid, _uidLength, 4);
                _uidLength += 4;
                sak = _sak[0];
                return true;
            }

            return false;
        }

        // MIFARE Classic Crypto1 is seeded with 4 UID bytes: the whole single-size UID, or the last four
        // bytes of a double-size UID (NXP AN10927).
        private void PrepareAuthUid()
        {
            Array.Copy(_uid, _uidLength - 4, _authUid, 0, 4);
            _card.SerialNumber = _authUid;
        }

        private bool SameUid(byte[] other, int length)
        {
            if (length != _uidLength)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (other[i] != _uid[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static void CheckBlock(int blockNumber)
        {
            // MIFARE Classic 1K: 64 blocks.
            if (blockNumber < 0 || blockNumber > 63)
            {
                throw new ArgumentOutOfRangeException("blockNumber");
            }
        }

        private static void CheckBuffer(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length - BlockLength)
            {
                throw new ArgumentException("buffer");
            }
        }
    }
}
