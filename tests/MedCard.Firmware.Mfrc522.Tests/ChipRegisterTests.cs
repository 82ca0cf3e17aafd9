using System;
using MedCard.Firmware.Mfrc522.Tests.Cards;
using MedCard.Firmware.Mfrc522.Tests.Chip;
using MedCard.Firmware.Mfrc522.Tests.Support;
using Xunit;
using static MedCard.Firmware.Mfrc522.Tests.Chip.RegisterBits;

namespace MedCard.Firmware.Mfrc522.Tests
{
    /// <summary>The MFRC522 model at register level, driven over SPI with the datasheet's byte format (no binding).</summary>
    public sealed class ChipRegisterTests
    {
        private readonly VirtualField _field = new VirtualField();
        private readonly ManualChipClock _clock = new ManualChipClock();
        private readonly Mfrc522Chip _chip;
        private readonly RegisterPort _port;

        public ChipRegisterTests()
        {
            _chip = new Mfrc522Chip(_field, _clock);
            _port = new RegisterPort(new Mfrc522SpiDevice(_chip));
        }

        [Fact]
        public void Spi_read_returns_each_register_one_byte_after_its_address()
        {
            // 8.1.2.1: MOSI = addr0, addr1, 00; MISO = X, data0, data1.
            byte[] mosi = { 0x80 | (0x37 << 1), 0x80 | (0x11 << 1), 0x00 };
            byte[] miso = new byte[3];
            new Mfrc522SpiDevice(_chip).TransferFullDuplex(mosi, miso);

            Assert.Equal(new byte[] { 0x00, 0x92, 0x3F }, miso);
        }

        [Fact]
        public void Spi_write_sends_every_data_byte_to_the_one_addressed_register_and_counts_a_bad_address_byte()
        {
            Mfrc522SpiDevice spi = new Mfrc522SpiDevice(_chip);
            byte[] miso = new byte[4];
            spi.TransferFullDuplex(new byte[] { 0x09 << 1, 0xA1, 0xA2, 0xA3 }, miso);

            Assert.Equal(new byte[4], miso);
            Assert.Equal(3, _port.Read(Mfrc522Register.FIFOLevelReg));
            Assert.Equal(0, spi.MalformedAddressBytes);

            spi.Write(new byte[] { (0x0B << 1) | 1, 0x10 });
            Assert.Equal(1, spi.MalformedAddressBytes);
        }

        [Fact]
        public void Reset_values_are_the_datasheet_ones()
        {
            Assert.Equal(0x20, _port.Read(Mfrc522Register.CommandReg));
            Assert.Equal(0x80, _port.Read(Mfrc522Register.ComIEnReg));
            Assert.Equal(0x14, _port.Read(Mfrc522Register.ComIrqReg));
            Assert.Equal(0x21, _port.Read(Mfrc522Register.Status1Reg));
            Assert.Equal(0x10, _port.Read(Mfrc522Register.ControlReg));
            Assert.Equal(0x3F, _port.Read(Mfrc522Register.ModeReg));
            Assert.Equal(0x80, _port.Read(Mfrc522Register.TxControlReg));
            Assert.Equal(0x08, _port.Read(Mfrc522Register.WaterLevelReg));
            Assert.False(_field.IsOn);
        }

        [Fact]
        public void Fifo_holds_64_bytes_then_flags_BufferOvfl_until_FlushBuffer()
        {
            byte[] data = new byte[65];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)i;
            }

            _port.Write(Mfrc522Register.FIFODataReg, data);

            Assert.Equal(64, _port.Read(Mfrc522Register.FIFOLevelReg));
            Assert.Equal(Error.BufferOvfl, _port.Read(Mfrc522Register.ErrorReg) & Error.BufferOvfl);
            Assert.Equal(new byte[] { 0, 1, 2 }, _port.ReadMany(Mfrc522Register.FIFODataReg, 3));
            Assert.Equal(61, _port.Read(Mfrc522Register.FIFOLevelReg));

            _port.Write(Mfrc522Register.FIFOLevelReg, FifoLevel.FlushBuffer);

            Assert.Equal(0, _port.Read(Mfrc522Register.FIFOLevelReg));
            Assert.Equal(0, _port.Read(Mfrc522Register.ErrorReg) & Error.BufferOvfl);
        }

        [Theory]
        [InlineData(0x3D, 0x00, 0x00, 0xA0, 0x1E)] // ISO/IEC 14443-3 Annex B: CRC_A(00 00) = 1EA0h
        [InlineData(0x3D, 0x12, 0x34, 0x26, 0xCF)] // CRC_A(12 34) = CF26h, sent 26 CF
        [InlineData(0x3F, 0x00, 0x00, 0xB8, 0xF0)] // reset preset FFFFh gives another CRC: a driver must set ModeReg
        public void CalcCRC_uses_the_ModeReg_preset_and_raises_CRCIRq(byte mode, byte d0, byte d1, byte low, byte high)
        {
            _port.Write(Mfrc522Register.ModeReg, mode);
            _port.Write(Mfrc522Register.DivIrqReg, DivIrq.CRCIRq);
            _port.Write(Mfrc522Register.FIFODataReg, d0, d1);
            _port.Command(Mfrc522Command.CalcCRC);

            Assert.Equal(DivIrq.CRCIRq, _port.Read(Mfrc522Register.DivIrqReg) & DivIrq.CRCIRq);
            Assert.Equal(low, _port.Read(Mfrc522Register.CRCResultRegLow));
            Assert.Equal(high, _port.Read(Mfrc522Register.CRCResultRegHigh));

            // CalcCRC does not terminate by itself (10.3.1.4).
            Assert.Equal((byte)Mfrc522Command.CalcCRC, _port.Read(Mfrc522Register.CommandReg) & Command.CommandMask);
        }

        [Fact]
        public void Idle_from_the_host_does_not_raise_IdleIRq_but_an_unknown_command_does()
        {
            _port.Write(Mfrc522Register.ComIrqReg, 0x7F);
            _port.Command(Mfrc522Command.Idle);
            Assert.Equal(0, _port.Read(Mfrc522Register.ComIrqReg) & ComIrq.IdleIRq);

            _port.Write(Mfrc522Register.CommandReg, 0x05);
            Assert.Equal(ComIrq.IdleIRq, _port.Read(Mfrc522Register.ComIrqReg) & ComIrq.IdleIRq);
            Assert.Equal(0, _port.Read(Mfrc522Register.CommandReg) & Command.CommandMask);
        }

        [Fact]
        public void ComIrqReg_Set1_sets_and_clears_the_marked_bits()
        {
            _port.Write(Mfrc522Register.ComIrqReg, 0x7F);
            _port.Write(Mfrc522Register.ComIrqReg, (byte)(ComIrq.Set1 | ComIrq.TimerIRq | ComIrq.RxIRq));
            Assert.Equal(ComIrq.TimerIRq | ComIrq.RxIRq, _port.Read(Mfrc522Register.ComIrqReg));

            _port.Write(Mfrc522Register.ComIrqReg, ComIrq.RxIRq);
            Assert.Equal(ComIrq.TimerIRq, _port.Read(Mfrc522Register.ComIrqReg));
        }

        [Fact]
        public void Mem_stores_25_bytes_that_SoftReset_keeps_while_registers_return_to_reset_values()
        {
            byte[] data = new byte[25];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(0xA0 + i);
            }

            _port.InitLikeADriver();
            _port.Write(Mfrc522Register.FIFODataReg, data);
            _port.Command(Mfrc522Command.Mem);
            Assert.Equal(0, _port.Read(Mfrc522Register.FIFOLevelReg));

            _port.Command(Mfrc522Command.SoftReset);
            Assert.Equal(0x3F, _port.Read(Mfrc522Register.ModeReg));
            Assert.False(_field.IsOn);

            _port.Command(Mfrc522Command.Mem);
            Assert.Equal(data, _port.ReadFifo());
        }

        [Fact]
        public void Timer_in_TAuto_raises_TimerIRq_when_no_card_answers_and_not_before()
        {
            _port.InitLikeADriver();

            // TPrescaler = A9h, TReload = 999: (2 * 169 + 1) * 1000 / 13.56 MHz = 25.0 ms.
            _port.Write(Mfrc522Register.TModeReg, TMode.TAuto);
            _port.Write(Mfrc522Register.TPrescalerReg, 0xA9);
            _port.Write(Mfrc522Register.TReloadRegHigh, 0x03);
            _port.Write(Mfrc522Register.TReloadRegLow, 0xE7);

            byte irq = _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            Assert.Equal(ComIrq.TxIRq, irq & (ComIrq.TxIRq | ComIrq.RxIRq | ComIrq.TimerIRq));
            Assert.Equal(Status1.TRunning, _port.Read(Mfrc522Register.Status1Reg) & Status1.TRunning);

            _clock.Advance(TimeSpan.FromMilliseconds(12.5));
            int counter = (_port.Read(Mfrc522Register.TCounterValRegHigh) << 8) | _port.Read(Mfrc522Register.TCounterValRegLow);
            Assert.InRange(counter, 495, 505);

            _clock.Advance(TimeSpan.FromMilliseconds(12.4));
            Assert.Equal(0, _port.Read(Mfrc522Register.ComIrqReg) & ComIrq.TimerIRq);

            _clock.Advance(TimeSpan.FromMilliseconds(0.2));
            Assert.Equal(ComIrq.TimerIRq, _port.Read(Mfrc522Register.ComIrqReg) & ComIrq.TimerIRq);
            Assert.Equal(0, _port.Read(Mfrc522Register.Status1Reg) & Status1.TRunning);

            // Transceive never terminates by itself (10.3.1.8): the command is still running.
            Assert.Equal((byte)Mfrc522Command.Transceive, _port.Read(Mfrc522Register.CommandReg) & Command.CommandMask);
        }

        [Fact]
        public void Timer_stops_when_a_card_answers()
        {
            _port.InitLikeADriver();
            _field.Place(new MifareClassic1KCard(new byte[] { 0x11, 0x22, 0x33, 0x44 }));
            _port.Write(Mfrc522Register.TModeReg, TMode.TAuto);
            _port.Write(Mfrc522Register.TPrescalerReg, 0xA9);
            _port.Write(Mfrc522Register.TReloadRegLow, 0xE7);

            byte irq = _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);

            Assert.Equal(ComIrq.RxIRq, irq & ComIrq.RxIRq);
            Assert.Equal(new byte[] { 0x04, 0x00 }, _port.ReadFifo());
            Assert.Equal(0, _port.Read(Mfrc522Register.ControlReg) & Control.RxLastBitsMask);
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(0, _port.Read(Mfrc522Register.ComIrqReg) & ComIrq.TimerIRq);
        }

        [Fact]
        public void Nothing_answers_while_the_antenna_is_off()
        {
            _field.Place(new MifareClassic1KCard(new byte[] { 0x11, 0x22, 0x33, 0x44 }));
            _port.Write(Mfrc522Register.ModeReg, 0x3D);

            byte irq = _port.Transceive(new byte[] { 0x52 }, txLastBits: 7);

            Assert.Equal(0, irq & ComIrq.RxIRq);
            Assert.Equal(0, _port.Read(Mfrc522Register.FIFOLevelReg));
        }

        [Fact]
        public void Hardware_CRC_is_appended_and_checked_and_a_frame_without_CRC_raises_CRCErr()
        {
            _port.InitLikeADriver();
            _field.Place(new MifareClassic1KCard(new byte[] { 0x11, 0x22, 0x33, 0x44 }));

            // ATQA carries no CRC_A: with RxCRCEn on, the chip takes its last two bytes for one and flags CRCErr.
            _port.Write(Mfrc522Register.RxModeReg, TxRxMode.CRCEn);
            _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            Assert.Equal(Error.CRCErr, _port.Read(Mfrc522Register.ErrorReg) & Error.CRCErr);

            _port.Write(Mfrc522Register.RxModeReg, 0x00);
            _port.Transceive(new byte[] { 0x93, 0x20 });
            byte[] cl1 = _port.ReadFifo();

            // SELECT with TxCRCEn/RxCRCEn: the chip appends CRC_A, checks the SAK's and keeps it out of the FIFO.
            _port.Write(Mfrc522Register.TxModeReg, TxRxMode.CRCEn);
            _port.Write(Mfrc522Register.RxModeReg, TxRxMode.CRCEn);
            byte irq = _port.Transceive(new byte[] { 0x93, 0x70, cl1[0], cl1[1], cl1[2], cl1[3], cl1[4] });

            Assert.Equal(ComIrq.RxIRq, irq & (ComIrq.RxIRq | ComIrq.ErrIRq));
            Assert.Equal(0, _port.Read(Mfrc522Register.ErrorReg) & Error.CRCErr);
            Assert.Equal(new byte[] { 0x08 }, _port.ReadFifo());
        }

        [Fact]
        public void MFAuthent_with_a_malformed_request_is_a_ProtocolErr()
        {
            _port.Write(Mfrc522Register.FIFODataReg, 0x60, 0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x02, 0x03);
            _port.Write(Mfrc522Register.ComIrqReg, 0x7F);
            _port.Command(Mfrc522Command.MFAuthent);

            Assert.Equal(Error.ProtocolErr, _port.Read(Mfrc522Register.ErrorReg) & Error.ProtocolErr);
            Assert.Equal(ComIrq.ErrIRq | ComIrq.IdleIRq, _port.Read(Mfrc522Register.ComIrqReg) & (ComIrq.ErrIRq | ComIrq.IdleIRq));
            Assert.Equal(0, _port.Read(Mfrc522Register.Status2Reg) & Status2.MFCrypto1On);
        }

        [Fact]
        public void MFCrypto1On_cannot_be_set_by_the_host()
        {
            _port.Write(Mfrc522Register.Status2Reg, Status2.MFCrypto1On);

            Assert.Equal(0, _port.Read(Mfrc522Register.Status2Reg) & Status2.MFCrypto1On);
        }
    }
}
