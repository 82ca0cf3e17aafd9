using System;
using Iot.Device.Mfrc522;
using MedCard.Firmware.Mfrc522.Tests.Cards;
using MedCard.Firmware.Mfrc522.Tests.Chip;

namespace MedCard.Firmware.Mfrc522.Tests.Support
{
    /// <summary>
    /// A reader on the bench: the field, the MFRC522 model, its SPI device and the real desktop binding
    /// (Iot.Device.Mfrc522.MfRc522 from Iot.Device.Bindings 4.2.0) constructed on it as the firmware does (no reset pin).
    /// </summary>
    public sealed class ReaderRig : IDisposable
    {
        /// <summary>
        /// Build a reader; the binding's constructor initialises the chip and switches the antenna on. With
        /// <paramref name="nanoReselect"/> the binding reselects as nanoFramework's does (<see cref="NanoReselectMfRc522"/>).
        /// </summary>
        public ReaderRig(bool nanoReselect = false, IChipClock clock = null)
        {
            Chip = new Mfrc522Chip(Field, clock);
            Spi = new Mfrc522SpiDevice(Chip);
            Rfid = nanoReselect ? new NanoReselectMfRc522(Spi) : new MfRc522(Spi);
        }

        /// <summary>The RF field.</summary>
        public VirtualField Field { get; } = new VirtualField();

        /// <summary>The chip model.</summary>
        public Mfrc522Chip Chip { get; }

        /// <summary>The SPI bus to the chip.</summary>
        public Mfrc522SpiDevice Spi { get; }

        /// <summary>The real binding.</summary>
        public MfRc522 Rfid { get; }

        /// <summary>Put a factory-fresh card with this UID on the antenna.</summary>
        public MifareClassic1KCard Place(params byte[] uid)
        {
            MifareClassic1KCard card = new MifareClassic1KCard(uid);
            Field.Place(card);
            return card;
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Rfid.Dispose();
        }
    }
}
