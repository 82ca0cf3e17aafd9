using System;
using System.Device.Spi;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The MFRC522's SPI interface (rev 3.9 section 8.1.2) as a <see cref="SpiDevice"/>. One call is one transaction
    /// with NSS low. The first MOSI byte is the address byte (8.1.2.3, Table 8): bit 7 = 1 read / 0 write, bits 6-1 the
    /// register address, bit 0 = 0. Reading (8.1.2.1, Table 6): every MOSI byte but the last is a read address and
    /// MISO returns each register one byte later; the last MOSI byte is 00h. Writing (8.1.2.2, Table 7): the address
    /// byte, then data bytes that all go to that one register (so many bytes can be pushed into FIFODataReg at once).
    /// MISO during a write is not specified; the model returns 00h there.
    /// </summary>
    public sealed class Mfrc522SpiDevice : SpiDevice
    {
        private readonly Mfrc522Chip _chip;
        private readonly SpiConnectionSettings _settings;

        /// <summary>Wrap a chip; the settings are what the host asked for (5 MHz, mode 0 on the reader).</summary>
        public Mfrc522SpiDevice(Mfrc522Chip chip, SpiConnectionSettings settings = null)
        {
            _chip = chip;
            _settings = settings ?? new SpiConnectionSettings(0, 0) { ClockFrequency = 5_000_000, Mode = SpiMode.Mode0 };
        }

        /// <summary>The chip behind the bus.</summary>
        public Mfrc522Chip Chip => _chip;

        /// <summary>Transactions whose address byte had bit 0 set (the datasheet requires 0).</summary>
        public int MalformedAddressBytes { get; private set; }

        /// <inheritdoc/>
        public override SpiConnectionSettings ConnectionSettings => _settings;

        /// <inheritdoc/>
        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            if (readBuffer.Length != writeBuffer.Length)
            {
                throw new ArgumentException("SPI full duplex needs buffers of one length", nameof(readBuffer));
            }

            byte[] miso = Transact(writeBuffer);
            miso.CopyTo(readBuffer);
        }

        /// <inheritdoc/>
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Transact(buffer);
        }

        /// <inheritdoc/>
        public override void Read(Span<byte> buffer)
        {
            // MOSI is held low while reading: an address byte 00h (write to the reserved register 00h).
            byte[] mosi = new byte[buffer.Length];
            Transact(mosi).CopyTo(buffer);
        }

        private byte[] Transact(ReadOnlySpan<byte> mosi)
        {
            byte[] miso = new byte[mosi.Length];
            if (mosi.Length == 0)
            {
                return miso;
            }

            if ((mosi[0] & 0x01) != 0)
            {
                MalformedAddressBytes++;
            }

            bool read = (mosi[0] & 0x80) != 0;
            if (read)
            {
                for (int i = 0; i < mosi.Length - 1; i++)
                {
                    miso[i + 1] = _chip.ReadRegister(Address(mosi[i]));
                }
            }
            else
            {
                Mfrc522Register register = Address(mosi[0]);
                for (int i = 1; i < mosi.Length; i++)
                {
                    _chip.WriteRegister(register, mosi[i]);
                }
            }

            return miso;
        }

        private static Mfrc522Register Address(byte addressByte)
        {
            return (Mfrc522Register)((addressByte >> 1) & 0x3F);
        }
    }
}
