using System;
using System.Device.Spi;
using MedCard.Firmware.Mfrc522.Tests.Chip;

namespace MedCard.Firmware.Mfrc522.Tests.Support
{
    /// <summary>
    /// A minimal host that talks to an MFRC522 over SPI with the datasheet's byte format (rev 3.9 8.1.2), independent
    /// of the binding, so the register-level tests check the model itself.
    /// </summary>
    public sealed class RegisterPort
    {
        private readonly SpiDevice _spi;

        /// <summary>Talk over <paramref name="spi"/>.</summary>
        public RegisterPort(SpiDevice spi)
        {
            _spi = spi;
        }

        /// <summary>Read one register: address byte with bit 7 set, then 00h.</summary>
        public byte Read(Mfrc522Register register)
        {
            byte[] buffer = { (byte)(0x80 | ((byte)register << 1)), 0x00 };
            _spi.TransferFullDuplex(buffer, buffer);
            return buffer[1];
        }

        /// <summary>Read one register n times in one transaction (a FIFO read).</summary>
        public byte[] ReadMany(Mfrc522Register register, int count)
        {
            byte[] mosi = new byte[count + 1];
            for (int i = 0; i < count; i++)
            {
                mosi[i] = (byte)(0x80 | ((byte)register << 1));
            }

            byte[] miso = new byte[count + 1];
            _spi.TransferFullDuplex(mosi, miso);
            return miso.AsSpan(1).ToArray();
        }

        /// <summary>Write bytes to one register in one transaction.</summary>
        public void Write(Mfrc522Register register, params byte[] values)
        {
            byte[] mosi = new byte[values.Length + 1];
            mosi[0] = (byte)((byte)register << 1);
            values.CopyTo(mosi, 1);
            _spi.Write(mosi);
        }

        /// <summary>Set bits with a read-modify-write.</summary>
        public void SetBits(Mfrc522Register register, byte mask)
        {
            Write(register, (byte)(Read(register) | mask));
        }

        /// <summary>Start a command.</summary>
        public void Command(Mfrc522Command command)
        {
            Write(Mfrc522Register.CommandReg, (byte)command);
        }

        /// <summary>
        /// One Transceive as a driver does it: Idle, clear IRQs, flush, fill the FIFO, set TxLastBits/RxAlign, start,
        /// StartSend. Returns ComIrqReg afterwards.
        /// </summary>
        public byte Transceive(byte[] data, int txLastBits = 0, int rxAlign = 0)
        {
            Command(Mfrc522Command.Idle);
            Write(Mfrc522Register.ComIrqReg, 0x7F);
            Write(Mfrc522Register.FIFOLevelReg, RegisterBits.FifoLevel.FlushBuffer);
            Write(Mfrc522Register.FIFODataReg, data);
            Write(Mfrc522Register.BitFramingReg, (byte)((rxAlign << 4) | txLastBits));
            Command(Mfrc522Command.Transceive);
            SetBits(Mfrc522Register.BitFramingReg, RegisterBits.BitFraming.StartSend);
            return Read(Mfrc522Register.ComIrqReg);
        }

        /// <summary>Everything in the FIFO.</summary>
        public byte[] ReadFifo()
        {
            int level = Read(Mfrc522Register.FIFOLevelReg);
            return level == 0 ? Array.Empty<byte>() : ReadMany(Mfrc522Register.FIFODataReg, level);
        }

        /// <summary>Antenna on (TxControlReg Tx1RFEn | Tx2RFEn) and CRC preset 6363h, as a driver's init does.</summary>
        public void InitLikeADriver()
        {
            Write(Mfrc522Register.ModeReg, 0x3D);
            Write(Mfrc522Register.TxASKReg, 0x40);
            SetBits(Mfrc522Register.TxControlReg, RegisterBits.TxControl.Tx1RFEn | RegisterBits.TxControl.Tx2RFEn);
        }
    }
}
