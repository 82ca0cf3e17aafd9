using System;
using MedCard.Firmware.Mfrc522.Tests.Cards;
using MedCard.Firmware.Mfrc522.Tests.Chip;
using MedCard.Firmware.Mfrc522.Tests.Support;
using Xunit;
using static MedCard.Firmware.Mfrc522.Tests.Chip.RegisterBits;

namespace MedCard.Firmware.Mfrc522.Tests
{
    /// <summary>MFAuthent, MFCrypto1On and the encrypted channel at register level (rev 3.9 10.3.1.9, 9.3.1.9).</summary>
    public sealed class AuthenticationRegisterTests
    {
        private static readonly byte[] Uid = { 0xDE, 0xAD, 0xBE, 0xEF };
        private static readonly byte[] TransportKey = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

        private readonly VirtualField _field = new VirtualField();
        private readonly ManualChipClock _clock = new ManualChipClock();
        private readonly RegisterPort _port;
        private readonly MifareClassic1KCard _card = new MifareClassic1KCard(Uid);

        public AuthenticationRegisterTests()
        {
            _port = new RegisterPort(new Mfrc522SpiDevice(new Mfrc522Chip(_field, _clock)));
            _port.InitLikeADriver();
            _field.Place(_card);
            SelectCard();
        }

        [Fact]
        public void MFAuthent_with_the_right_key_terminates_and_sets_MFCrypto1On_then_READ_is_encrypted()
        {
            byte irq = MfAuthent(0x60, 4, TransportKey, Uid);

            Assert.Equal(ComIrq.IdleIRq, irq & ComIrq.IdleIRq);
            Assert.Equal(Status2.MFCrypto1On, _port.Read(Mfrc522Register.Status2Reg) & Status2.MFCrypto1On);
            Assert.Equal(PiccState.Authenticated, _card.State);

            _card.Memory.Raw(5)[0] = 0x5A;
            _port.Transceive(CrcA.Append(new byte[] { 0x30, 5 }));
            byte[] block = _port.ReadFifo();
            Assert.Equal(18, block.Length);
            Assert.Equal(0x5A, block[0]);
            Assert.Equal(0, _port.Read(Mfrc522Register.ErrorReg) & Error.ParityErr);
        }

        [Fact]
        public void MFAuthent_with_a_wrong_key_never_terminates_only_the_timer_tells_and_the_card_goes_silent()
        {
            _port.Write(Mfrc522Register.TModeReg, TMode.TAuto);
            _port.Write(Mfrc522Register.TPrescalerReg, 0xA9);
            _port.Write(Mfrc522Register.TReloadRegLow, 0xE7);

            byte irq = MfAuthent(0x60, 4, new byte[] { 1, 2, 3, 4, 5, 6 }, Uid);

            Assert.Equal(0, irq & ComIrq.IdleIRq);
            Assert.Equal((byte)Mfrc522Command.MFAuthent, _port.Read(Mfrc522Register.CommandReg) & Command.CommandMask);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            Assert.Equal(ComIrq.TimerIRq, _port.Read(Mfrc522Register.ComIrqReg) & ComIrq.TimerIRq);

            // Cancelling with Idle leaves MFCrypto1On at 0 ("only valid after termination").
            _port.Command(Mfrc522Command.Idle);
            Assert.Equal(0, _port.Read(Mfrc522Register.Status2Reg) & Status2.MFCrypto1On);
            Assert.Equal(PiccState.Idle, _card.State);
        }

        [Fact]
        public void MFAuthent_with_the_wrong_serial_number_fails_like_a_wrong_key()
        {
            byte irq = MfAuthent(0x60, 4, TransportKey, new byte[] { 0xDE, 0xAD, 0xBE, 0xEE });

            Assert.Equal(0, irq & ComIrq.IdleIRq);
            Assert.Equal(0, _port.Read(Mfrc522Register.Status2Reg) & Status2.MFCrypto1On);
        }

        [Fact]
        public void MFCrypto1On_left_set_encrypts_REQA_so_no_card_answers_until_the_host_clears_it()
        {
            MfAuthent(0x60, 4, TransportKey, Uid);
            _field.Remove(_card);
            _field.Place(_card);

            // The chip does not know the card left: MFCrypto1On stays until software clears it (9.3.1.9).
            Assert.Equal(Status2.MFCrypto1On, _port.Read(Mfrc522Register.Status2Reg) & Status2.MFCrypto1On);
            Assert.Equal(0, _port.Transceive(new byte[] { 0x26 }, txLastBits: 7) & ComIrq.RxIRq);

            _port.Write(Mfrc522Register.Status2Reg, 0x00);
            Assert.Equal(ComIrq.RxIRq, _port.Transceive(new byte[] { 0x26 }, txLastBits: 7) & ComIrq.RxIRq);
        }

        [Fact]
        public void A_plain_frame_to_an_authenticated_card_ends_its_session_silently()
        {
            MfAuthent(0x60, 4, TransportKey, Uid);
            _port.Write(Mfrc522Register.Status2Reg, 0x00);

            byte irq = _port.Transceive(CrcA.Append(new byte[] { 0x30, 4 }));

            Assert.Equal(0, irq & ComIrq.RxIRq);
            Assert.Equal(PiccState.Idle, _card.State);
        }

        [Fact]
        public void Encrypted_HLTA_halts_the_card_and_only_WUPA_wakes_it()
        {
            MfAuthent(0x60, 4, TransportKey, Uid);
            _port.Transceive(CrcA.Append(new byte[] { 0x50, 0x00 }));
            Assert.Equal(PiccState.Halt, _card.State);
            _port.Write(Mfrc522Register.Status2Reg, 0x00);

            Assert.Equal(0, _port.Transceive(new byte[] { 0x26 }, txLastBits: 7) & ComIrq.RxIRq);
            Assert.Equal(ComIrq.RxIRq, _port.Transceive(new byte[] { 0x52 }, txLastBits: 7) & ComIrq.RxIRq);
            Assert.Equal(PiccState.Ready, _card.State);
        }

        [Fact]
        public void WRITE_is_acknowledged_with_4_bits_then_the_data_with_4_bits()
        {
            MfAuthent(0x60, 4, TransportKey, Uid);

            _port.Transceive(CrcA.Append(new byte[] { 0xA0, 6 }));
            Assert.Equal(new byte[] { MifareClassic1KCard.Ack }, _port.ReadFifo());
            Assert.Equal(4, _port.Read(Mfrc522Register.ControlReg) & Control.RxLastBitsMask);

            byte[] data = new byte[16];
            data[15] = 0x77;
            _port.Transceive(CrcA.Append(data));
            Assert.Equal(new byte[] { MifareClassic1KCard.Ack }, _port.ReadFifo());
            Assert.Equal(0x77, _card.Memory.Raw(6)[15]);
        }

        [Fact]
        public void Writing_the_manufacturer_block_is_refused_with_a_NAK_and_ends_the_session()
        {
            MfAuthent(0x60, 0, TransportKey, Uid);

            _port.Transceive(CrcA.Append(new byte[] { 0xA0, 0 }));

            Assert.Equal(new byte[] { MifareClassic1KCard.NakInvalidOperation }, _port.ReadFifo());
            Assert.Equal(PiccState.Idle, _card.State);
        }

        [Fact]
        public void A_card_leaving_the_field_during_READ_leaves_only_the_TimerIRq()
        {
            _port.Write(Mfrc522Register.TModeReg, TMode.TAuto);
            _port.Write(Mfrc522Register.TPrescalerReg, 0xA9);
            _port.Write(Mfrc522Register.TReloadRegLow, 0xE7);
            MfAuthent(0x60, 4, TransportKey, Uid);
            _field.LeaveWhen(_card, f => f.ByteCount == 4 && f[0] == 0x30);

            byte irq = _port.Transceive(CrcA.Append(new byte[] { 0x30, 4 }));

            Assert.Equal(0, irq & (ComIrq.RxIRq | ComIrq.TimerIRq));
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            Assert.Equal(ComIrq.TimerIRq, _port.Read(Mfrc522Register.ComIrqReg) & (ComIrq.RxIRq | ComIrq.TimerIRq));
            Assert.Equal(0, _port.Read(Mfrc522Register.FIFOLevelReg));
            Assert.Equal(PiccState.PowerOff, _card.State);
        }

        [Fact]
        public void Inconsistent_access_bits_written_to_a_trailer_block_the_sector_for_good()
        {
            MfAuthent(0x60, 4, TransportKey, Uid);
            byte[] trailer = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x69, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
            _port.Transceive(CrcA.Append(new byte[] { 0xA0, 7 }));
            _port.Transceive(CrcA.Append(trailer));
            Assert.Equal(new byte[] { MifareClassic1KCard.Ack }, _port.ReadFifo());
            Assert.True(_card.Memory.IsBlocked(1));

            _port.Transceive(CrcA.Append(new byte[] { 0x50, 0x00 }));
            _port.Write(Mfrc522Register.Status2Reg, 0x00);
            SelectCardAgain();
            Assert.Equal(0, MfAuthent(0x60, 4, TransportKey, Uid) & ComIrq.IdleIRq);
        }

        private void SelectCardAgain()
        {
            _port.Transceive(new byte[] { 0x52 }, txLastBits: 7);
            _port.Transceive(new byte[] { 0x93, 0x20 });
            byte[] cl1 = _port.ReadFifo();
            _port.Transceive(CrcA.Append(new byte[] { 0x93, 0x70, cl1[0], cl1[1], cl1[2], cl1[3], cl1[4] }));
            Assert.Equal(PiccState.Active, _card.State);
        }

        private byte MfAuthent(byte command, byte block, byte[] key, byte[] uid)
        {
            byte[] request = new byte[12];
            request[0] = command;
            request[1] = block;
            key.CopyTo(request, 2);
            uid.CopyTo(request, 8);
            _port.Command(Mfrc522Command.Idle);
            _port.Write(Mfrc522Register.ComIrqReg, 0x7F);
            _port.Write(Mfrc522Register.FIFOLevelReg, FifoLevel.FlushBuffer);
            _port.Write(Mfrc522Register.FIFODataReg, request);
            _port.Command(Mfrc522Command.MFAuthent);
            return _port.Read(Mfrc522Register.ComIrqReg);
        }

        private void SelectCard()
        {
            _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            _port.Transceive(new byte[] { 0x93, 0x20 });
            byte[] cl1 = _port.ReadFifo();
            _port.Transceive(CrcA.Append(new byte[] { 0x93, 0x70, cl1[0], cl1[1], cl1[2], cl1[3], cl1[4] }));
            Assert.Equal(PiccState.Active, _card.State);
        }
    }
}
