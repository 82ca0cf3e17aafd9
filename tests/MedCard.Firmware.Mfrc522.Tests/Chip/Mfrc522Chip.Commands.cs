using System;
using static MedCard.Firmware.Mfrc522.Tests.Chip.RegisterBits;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>The command set of MFRC522 rev 3.9 section 10.3, started by writing CommandReg.</summary>
    public sealed partial class Mfrc522Chip
    {
        private static readonly Random RandomId = new Random(0x522);

        private void WriteCommandReg(byte value)
        {
            byte flags = (byte)(value & (Command.RcvOff | Command.PowerDown));
            Mfrc522Command command = (Mfrc522Command)(value & Command.CommandMask);
            if (command == Mfrc522Command.NoCmdChange)
            {
                // 10.3.1.6: change PowerDown/RcvOff only; the running command goes on.
                Set(Mfrc522Register.CommandReg, (byte)(flags | (byte)ActiveCommand));
                return;
            }

            Set(Mfrc522Register.CommandReg, (byte)(flags | (byte)command));
            Start(command);
        }

        private void Start(Mfrc522Command command)
        {
            // Writing a command cancels the one running (10.2). The Idle command started by the host does not set
            // IdleIRq (9.3.1.5: "the microcontroller starting the Idle command does not set the IdleIRq bit").
            _modemState = ModemState.Idle;
            switch (command)
            {
                case Mfrc522Command.Idle:
                    break;
                case Mfrc522Command.Mem:
                    Mem();
                    break;
                case Mfrc522Command.GenerateRandomID:
                    // 10.3.1.3: a 10-byte random number into the internal buffer, then Idle.
                    byte[] random = new byte[10];
                    RandomId.NextBytes(random);
                    Array.Copy(random, _internalBuffer, 10);
                    Terminate();
                    break;
                case Mfrc522Command.CalcCRC:
                    // 10.3.1.4: the FIFO goes through the CRC coprocessor, preset from ModeReg; the command does not
                    // stop by itself: bytes written later are added to the calculation.
                    _crc = CrcPreset();
                    _crcReady = false;
                    FeedCrc();
                    break;
                case Mfrc522Command.Transmit:
                    // 10.3.1.5: transmit the FIFO and terminate; the receiver is not on, answers are lost.
                    RfFrame sent = TransmitFifo();
                    if (sent != null)
                    {
                        Field.Exchange(sent);
                    }

                    Terminate();
                    break;
                case Mfrc522Command.Receive:
                    // 10.3.1.7: the receiver waits; cards only speak after a reader frame, so nothing arrives.
                    _modemState = ModemState.WaitForData;
                    break;
                case Mfrc522Command.Transceive:
                    // 10.3.1.8: transmission starts with BitFramingReg StartSend.
                    _modemState = ModemState.WaitForStartSend;
                    if ((Get(Mfrc522Register.BitFramingReg) & BitFraming.StartSend) != 0)
                    {
                        TransceiveNow();
                    }

                    break;
                case Mfrc522Command.MFAuthent:
                    MfAuthent();
                    break;
                case Mfrc522Command.SoftReset:
                    // 10.3.1.10: every register to its reset value; the internal buffer is kept.
                    Reset();
                    break;
                default:
                    // 9.3.1.5: an unknown command sets Command[3:0] back to Idle and raises IdleIRq.
                    Terminate();
                    break;
            }
        }

        private void Terminate()
        {
            byte flags = (byte)(Get(Mfrc522Register.CommandReg) & (Command.RcvOff | Command.PowerDown));
            Set(Mfrc522Register.CommandReg, (byte)(flags | (byte)Mfrc522Command.Idle));
            _comIrq |= ComIrq.IdleIRq;
            _modemState = ModemState.Idle;
        }

        private void Mem()
        {
            // 10.3.1.2: with data in the FIFO, 25 bytes go to the internal buffer; with an empty FIFO the 25 buffer
            // bytes come back into the FIFO. Model: fewer than 25 bytes in the FIFO overwrite only that many.
            if (_fifo.Count > 0)
            {
                for (int i = 0; i < _internalBuffer.Length && _fifo.Count > 0; i++)
                {
                    _internalBuffer[i] = _fifo.Pop();
                }
            }
            else
            {
                foreach (byte b in _internalBuffer)
                {
                    PushFifo(b);
                }
            }

            UpdateAlerts();
            Terminate();
        }

        private ushort CrcPreset()
        {
            switch (Get(Mfrc522Register.ModeReg) & Mode.CRCPresetMask)
            {
                case 0: return 0x0000;
                case 1: return 0x6363;
                case 2: return 0xA671;
                default: return 0xFFFF;
            }
        }

        private void OnFifoWritten()
        {
            if (ActiveCommand == Mfrc522Command.CalcCRC)
            {
                FeedCrc();
            }
        }

        private void FeedCrc()
        {
            while (_fifo.Count > 0)
            {
                _crc = CrcA.Update(_crc, _fifo.Pop());
            }

            UpdateAlerts();

            // DivIrqReg CRCIRq: "the CalcCRC command is active and all data is processed" (9.3.1.6).
            _crcReady = true;
            _divIrq |= DivIrq.CRCIRq;
        }

        private RfFrame TransmitFifo()
        {
            byte[] bytes = _fifo.Drain();
            UpdateAlerts();
            if (bytes.Length == 0)
            {
                return null;
            }

            // BitFramingReg TxLastBits: valid bits of the last byte, 0 = all eight (9.3.1.14).
            int txLastBits = Get(Mfrc522Register.BitFramingReg) & BitFraming.TxLastBitsMask;
            int bits = ((bytes.Length - 1) * 8) + (txLastBits == 0 ? 8 : txLastBits);
            if ((Get(Mfrc522Register.TxModeReg) & TxRxMode.CRCEn) != 0 && txLastBits == 0)
            {
                // TxModeReg TxCRCEn: the CRC is generated during transmission (9.3.2.3).
                ushort crc = CrcA.Compute(bytes, 0, bytes.Length, CrcPreset());
                Array.Resize(ref bytes, bytes.Length + 2);
                bytes[bytes.Length - 2] = (byte)crc;
                bytes[bytes.Length - 1] = (byte)(crc >> 8);
                bits += 16;
            }

            _comIrq |= ComIrq.TxIRq;
            if ((Get(Mfrc522Register.TModeReg) & TMode.TAuto) != 0)
            {
                // TModeReg TAuto: the timer starts at the end of the transmission (9.3.3.10).
                StartTimer();
            }

            // Status2Reg MFCrypto1On: "all data communication with the card is encrypted" (9.3.1.9).
            return new RfFrame(bytes, bits, Crypto1On);
        }

        private void TransceiveNow()
        {
            RfFrame frame = TransmitFifo();
            if (frame == null)
            {
                return;
            }

            FieldAnswer answer = Field.Exchange(frame);
            if (answer.Frame == null || (Get(Mfrc522Register.CommandReg) & Command.RcvOff) != 0)
            {
                // Nobody answered: Transceive never ends by itself (10.3.1.8); only the timer, if running, says so.
                _modemState = ModemState.WaitForData;
                return;
            }

            Receive(answer);
        }

        private void Receive(FieldAnswer answer)
        {
            if ((Get(Mfrc522Register.TModeReg) & TMode.TAuto) != 0 && (Get(Mfrc522Register.RxModeReg) & TxRxMode.RxMultiple) == 0)
            {
                // TAuto: the timer stops after the 5th received bit (9.3.3.10).
                _timer.Stop();
            }

            // Model: the reception errors describe the last frame; BufferOvfl stays until FlushBuffer.
            _error &= unchecked((byte)~(Error.CollErr | Error.CRCErr | Error.ParityErr | Error.ProtocolErr));
            RfFrame frame = answer.Frame;
            int rxAlign = (Get(Mfrc522Register.BitFramingReg) & BitFraming.RxAlignMask) >> BitFraming.RxAlignShift;
            bool valuesAfterColl = (_coll & Coll.ValuesAfterColl) != 0;
            int collision = answer.FirstCollisionBit;
            int total = rxAlign + frame.BitCount;
            byte[] received = new byte[(total + 7) / 8];
            for (int i = 0; i < frame.BitCount; i++)
            {
                // CollReg ValuesAfterColl = 0: "all received bits will be cleared after a collision" (9.3.1.15).
                // Model: the collided bit itself is cleared too.
                bool bit = frame.Bit(i) && (collision < 0 || i < collision || valuesAfterColl);
                if (bit)
                {
                    int at = rxAlign + i;
                    received[at / 8] |= (byte)(1 << (at % 8));
                }
            }

            // CollReg CollPos: position of the first collided bit in the received frame, 1..32 (00h = 32nd bit),
            // else CollPosNotValid (9.3.1.15). Model: counted from bit 0 of the first FIFO byte, RxAlign included.
            byte keep = (byte)(_coll & Coll.ValuesAfterColl);
            if (collision >= 0)
            {
                _error |= Error.CollErr;
                int position = rxAlign + collision + 1;
                _coll = position <= 32 ? (byte)(keep | (position & Coll.CollPosMask)) : (byte)(keep | Coll.CollPosNotValid);
            }
            else
            {
                _coll = (byte)(keep | Coll.CollPosNotValid);
            }

            if (frame.Encrypted != Crypto1On && frame.IsWholeBytes)
            {
                // Ciphertext read without Crypto1 (or plain text decrypted) fails the parity check (9.3.1.7 ParityErr).
                _error |= Error.ParityErr;
            }

            int length = received.Length;
            if ((Get(Mfrc522Register.RxModeReg) & TxRxMode.CRCEn) != 0 && total % 8 == 0 && rxAlign == 0)
            {
                // RxModeReg RxCRCEn: the CRC is checked and not written to the FIFO (9.3.2.4).
                ushort crc = length >= 2 ? CrcA.Compute(received, 0, length - 2, CrcPreset()) : (ushort)0;
                if (length < 3 || received[length - 2] != (byte)crc || received[length - 1] != (byte)(crc >> 8))
                {
                    _error |= Error.CRCErr;
                }

                length = Math.Max(0, length - 2);
            }

            for (int i = 0; i < length; i++)
            {
                PushFifo(received[i]);
            }

            // ControlReg RxLastBits: valid bits of the last received byte, 0 = whole byte (9.3.1.13).
            _rxLastBits = (byte)(total % 8);
            _comIrq |= ComIrq.RxIRq;
            if ((_error & (Error.CollErr | Error.CRCErr | Error.ParityErr | Error.ProtocolErr | Error.BufferOvfl)) != 0)
            {
                _comIrq |= ComIrq.ErrIRq;
            }

            _modemState = ModemState.WaitForStartSend;
        }

        private void MfAuthent()
        {
            // 10.3.1.9: FIFO = auth command, block address, 6-byte sector key, 4 bytes of the card serial number.
            // A nested authentication runs inside the current Crypto1 session, so its first frame is encrypted.
            bool encrypted = Crypto1On;

            // "The Crypto1On bit is only valid after termination of the MFAuthent command."
            _status2 &= unchecked((byte)~Status2.MFCrypto1On);
            byte[] data = _fifo.Drain();
            UpdateAlerts();
            if (data.Length != 12)
            {
                // Model: a malformed request is a protocol error that ends the command (9.3.1.7 ProtocolErr).
                _error |= Error.ProtocolErr;
                _comIrq |= ComIrq.ErrIRq;
                Terminate();
                return;
            }

            byte[] key = new byte[6];
            byte[] uid = new byte[4];
            Array.Copy(data, 2, key, 0, 6);
            Array.Copy(data, 8, uid, 0, 4);
            if ((Get(Mfrc522Register.TModeReg) & TMode.TAuto) != 0)
            {
                StartTimer();
            }

            bool ok = (Get(Mfrc522Register.CommandReg) & Command.RcvOff) == 0
                && Field.Authenticate(data[0], data[1], key, uid, encrypted);
            if (!ok)
            {
                // "This command does not terminate automatically if the card does not answer, so the timer must be
                // initialized to automatic mode": no IdleIRq, MFCrypto1On stays 0 even after Idle cancels it.
                _modemState = ModemState.WaitForData;
                return;
            }

            _timer.Stop();
            _status2 |= Status2.MFCrypto1On;
            Terminate();
        }
    }
}
