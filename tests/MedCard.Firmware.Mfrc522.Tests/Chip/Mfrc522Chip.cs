using System;
using static MedCard.Firmware.Mfrc522.Tests.Chip.RegisterBits;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The NXP MFRC522 (datasheet rev 3.9) at register level: the register file with the reset values of section 9.3,
    /// the interrupt request system (8.4), the FIFO (8.3), the timer (8.5), the CRC coprocessor and the command set of
    /// section 10 (in <c>Mfrc522Chip.Commands.cs</c>). The analog part is reduced to one rule: with TxControlReg's
    /// Tx1RFEn or Tx2RFEn set the field is on and cards in it are powered. Reached through
    /// <see cref="Mfrc522SpiDevice"/> exactly as a host reaches the real chip.
    /// </summary>
    public sealed partial class Mfrc522Chip
    {
        private readonly byte[] _registers = new byte[64];
        private readonly Fifo _fifo = new Fifo();
        private readonly byte[] _internalBuffer = new byte[25];
        private readonly ChipTimer _timer;
        private readonly byte _version;
        private byte _comIrq;
        private byte _divIrq;
        private byte _error;
        private byte _status2;
        private byte _rxLastBits;
        private byte _coll;
        private ushort _crc;
        private bool _crcReady;
        private byte _modemState;

        /// <summary>A chip in front of <paramref name="field"/>; VersionReg reads <paramref name="version"/> (91h v1.0, 92h v2.0, 9.3.4.8).</summary>
        public Mfrc522Chip(VirtualField field, IChipClock clock = null, byte version = 0x92)
        {
            Field = field;
            _timer = new ChipTimer(clock ?? new StopwatchChipClock());
            _version = version;
            Reset();
        }

        /// <summary>The RF field this chip drives.</summary>
        public VirtualField Field { get; }

        /// <summary>The command running now (CommandReg[3:0]).</summary>
        public Mfrc522Command ActiveCommand => (Mfrc522Command)(_registers[(int)Mfrc522Register.CommandReg] & Command.CommandMask);

        /// <summary>Status2Reg MFCrypto1On as the chip holds it.</summary>
        public bool Crypto1On => (_status2 & Status2.MFCrypto1On) != 0;

        /// <summary>A register read as the SPI interface performs it.</summary>
        public byte ReadRegister(Mfrc522Register register)
        {
            PollTimer();
            switch (register)
            {
                case Mfrc522Register.ComIrqReg:
                    // Set1 is a write-only control bit (9.3.1.5).
                    return _comIrq;
                case Mfrc522Register.DivIrqReg:
                    return _divIrq;
                case Mfrc522Register.ErrorReg:
                    return _error;
                case Mfrc522Register.Status1Reg:
                    return Status1Value();
                case Mfrc522Register.Status2Reg:
                    return (byte)((_status2 & ~Status2.ModemStateMask) | _modemState);
                case Mfrc522Register.FIFODataReg:
                    byte value = _fifo.Pop();
                    UpdateAlerts();
                    return value;
                case Mfrc522Register.FIFOLevelReg:
                    // FlushBuffer reads 0 (9.3.1.11).
                    return (byte)_fifo.Count;
                case Mfrc522Register.ControlReg:
                    // TStopNow/TStartNow read 0; bit 4 reads 1 (reset value 10h, 9.3.1.13); RxLastBits read only.
                    return (byte)(0x10 | _rxLastBits);
                case Mfrc522Register.CollReg:
                    return _coll;
                case Mfrc522Register.CRCResultRegHigh:
                    return (byte)(_crc >> 8);
                case Mfrc522Register.CRCResultRegLow:
                    return (byte)_crc;
                case Mfrc522Register.TCounterValRegHigh:
                    return (byte)(_timer.CounterValue() >> 8);
                case Mfrc522Register.TCounterValRegLow:
                    return (byte)_timer.CounterValue();
                case Mfrc522Register.VersionReg:
                    return _version;
                default:
                    return _registers[(byte)register & 0x3F];
            }
        }

        /// <summary>A register write as the SPI interface performs it.</summary>
        public void WriteRegister(Mfrc522Register register, byte value)
        {
            PollTimer();
            switch (register)
            {
                case Mfrc522Register.CommandReg:
                    WriteCommandReg(value);
                    break;
                case Mfrc522Register.ComIrqReg:
                    // Set1 = 1 sets the marked bits, Set1 = 0 clears them (9.3.1.5).
                    _comIrq = (value & ComIrq.Set1) != 0 ? (byte)(_comIrq | (value & 0x7F)) : (byte)(_comIrq & ~(value & 0x7F));
                    break;
                case Mfrc522Register.DivIrqReg:
                    // Set2 likewise for DivIrqReg (9.3.1.6).
                    _divIrq = (value & DivIrq.Set2) != 0 ? (byte)(_divIrq | (value & 0x7F)) : (byte)(_divIrq & ~(value & 0x7F));
                    break;
                case Mfrc522Register.Status2Reg:
                    // MFCrypto1On can only be set by a successful MFAuthent and is cleared by software (9.3.1.9).
                    byte crypto = (value & Status2.MFCrypto1On) != 0 ? (byte)(_status2 & Status2.MFCrypto1On) : (byte)0;
                    _status2 = (byte)((value & (Status2.TempSensClear | Status2.I2CForceHS)) | crypto);
                    break;
                case Mfrc522Register.FIFODataReg:
                    PushFifo(value);
                    OnFifoWritten();
                    break;
                case Mfrc522Register.FIFOLevelReg:
                    if ((value & FifoLevel.FlushBuffer) != 0)
                    {
                        // FlushBuffer also clears ErrorReg BufferOvfl (9.3.1.11).
                        _fifo.Flush();
                        _error &= unchecked((byte)~Error.BufferOvfl);
                        UpdateAlerts();
                    }

                    break;
                case Mfrc522Register.ControlReg:
                    WriteControlReg(value);
                    break;
                case Mfrc522Register.BitFramingReg:
                    _registers[(int)register] = value;
                    if ((value & BitFraming.StartSend) != 0 && ActiveCommand == Mfrc522Command.Transceive)
                    {
                        // StartSend starts the transmission, only with Transceive (9.3.1.14, 10.3.1.8).
                        TransceiveNow();
                    }

                    break;
                case Mfrc522Register.CollReg:
                    // Only ValuesAfterColl is writable (9.3.1.15).
                    _coll = (byte)((_coll & ~Coll.ValuesAfterColl) | (value & Coll.ValuesAfterColl));
                    break;
                case Mfrc522Register.TxControlReg:
                    _registers[(int)register] = value;
                    Field.SetPower((value & (TxControl.Tx1RFEn | TxControl.Tx2RFEn)) != 0);
                    break;
                case Mfrc522Register.ErrorReg:
                case Mfrc522Register.Status1Reg:
                case Mfrc522Register.CRCResultRegHigh:
                case Mfrc522Register.CRCResultRegLow:
                case Mfrc522Register.TCounterValRegHigh:
                case Mfrc522Register.TCounterValRegLow:
                case Mfrc522Register.VersionReg:
                    // Read-only registers ignore writes.
                    break;
                default:
                    _registers[(byte)register & 0x3F] = value;
                    break;
            }
        }

        private void Reset()
        {
            // Reset values: rev 3.9 section 9.3, one table per register.
            Array.Clear(_registers, 0, _registers.Length);
            Set(Mfrc522Register.CommandReg, 0x20);
            Set(Mfrc522Register.ComIEnReg, 0x80);
            Set(Mfrc522Register.WaterLevelReg, 0x08);
            Set(Mfrc522Register.ModeReg, 0x3F);
            Set(Mfrc522Register.TxControlReg, 0x80);
            Set(Mfrc522Register.TxSelReg, 0x10);
            Set(Mfrc522Register.RxSelReg, 0x84);
            Set(Mfrc522Register.RxThresholdReg, 0x84);
            Set(Mfrc522Register.DemodReg, 0x4D);
            Set(Mfrc522Register.MfTxReg, 0x62);
            Set(Mfrc522Register.SerialSpeedReg, 0xEB);
            Set(Mfrc522Register.ModWidthReg, 0x26);
            Set(Mfrc522Register.RFCfgReg, 0x48);
            Set(Mfrc522Register.GsNReg, 0x88);
            Set(Mfrc522Register.CWGsPReg, 0x20);
            Set(Mfrc522Register.ModGsPReg, 0x20);
            Set(Mfrc522Register.TestPinEnReg, 0x80);
            Set(Mfrc522Register.AutoTestReg, 0x40);
            _comIrq = 0x14;
            _divIrq = 0x00;
            _error = 0x00;
            _status2 = 0x00;
            _rxLastBits = 0;
            _coll = Coll.ValuesAfterColl | Coll.CollPosNotValid;
            _crc = 0xFFFF;
            _crcReady = true;
            _modemState = ModemState.Idle;
            _fifo.Flush();
            _timer.Stop();

            // TxControlReg's reset value 80h has both antenna drivers off: the field drops and cards lose power.
            Field.SetPower(false);
        }

        private void Set(Mfrc522Register register, byte value)
        {
            _registers[(int)register] = value;
        }

        private byte Get(Mfrc522Register register)
        {
            return _registers[(int)register];
        }

        private byte Status1Value()
        {
            byte s = 0;
            if (_crc == 0)
            {
                s |= Status1.CRCOk;
            }

            if (_crcReady)
            {
                s |= Status1.CRCReady;
            }

            if ((_comIrq & Get(Mfrc522Register.ComIEnReg) & 0x7F) != 0 || (_divIrq & Get(Mfrc522Register.DivIEnReg) & 0x7F) != 0)
            {
                s |= Status1.IRq;
            }

            if (_timer.Running)
            {
                s |= Status1.TRunning;
            }

            int water = Get(Mfrc522Register.WaterLevelReg) & 0x3F;
            if (Fifo.Capacity - _fifo.Count <= water)
            {
                s |= Status1.HiAlert;
            }

            if (_fifo.Count <= water)
            {
                s |= Status1.LoAlert;
            }

            return s;
        }

        private void PushFifo(byte value)
        {
            if (!_fifo.Push(value))
            {
                _error |= Error.BufferOvfl;
                _comIrq |= ComIrq.ErrIRq;
            }

            UpdateAlerts();
        }

        private void UpdateAlerts()
        {
            // HiAlertIRq/LoAlertIRq store the Status1Reg HiAlert/LoAlert events (9.3.1.5, 8.3.3).
            byte status = Status1Value();
            if ((status & Status1.HiAlert) != 0)
            {
                _comIrq |= ComIrq.HiAlertIRq;
            }

            if ((status & Status1.LoAlert) != 0)
            {
                _comIrq |= ComIrq.LoAlertIRq;
            }
        }

        private void WriteControlReg(byte value)
        {
            if ((value & Control.TStopNow) != 0)
            {
                _timer.Stop();
            }

            if ((value & Control.TStartNow) != 0)
            {
                StartTimer();
            }
        }

        private void StartTimer()
        {
            byte tmode = Get(Mfrc522Register.TModeReg);
            int prescaler = ((tmode & TMode.TPrescalerHiMask) << 8) | Get(Mfrc522Register.TPrescalerReg);
            int reload = (Get(Mfrc522Register.TReloadRegHigh) << 8) | Get(Mfrc522Register.TReloadRegLow);
            bool even = (Get(Mfrc522Register.DemodReg) & Demod.TPrescalEven) != 0;
            _timer.Start(prescaler, even, reload, (tmode & TMode.TAutoRestart) != 0);
        }

        private void PollTimer()
        {
            if (_timer.Poll())
            {
                _comIrq |= ComIrq.TimerIRq;
            }
        }
    }
}
