using MedCard.Firmware.Mfrc522.Tests.Cards;
using MedCard.Firmware.Mfrc522.Tests.Chip;
using MedCard.Firmware.Mfrc522.Tests.Support;
using Xunit;
using static MedCard.Firmware.Mfrc522.Tests.Chip.RegisterBits;

namespace MedCard.Firmware.Mfrc522.Tests
{
    /// <summary>
    /// ISO/IEC 14443-3 6.5 anticollision with two cards in the field, at register level: CollErr, CollReg CollPos,
    /// bit-oriented frames (TxLastBits/RxAlign), ValuesAfterColl, SELECT and HLTA.
    /// </summary>
    public sealed class AnticollisionRegisterTests
    {
        // UID bytes 1 differ in bit 4 (22h vs 32h): UID bit 12 collides, CollPos = 13.
        private static readonly byte[] UidA = { 0x11, 0x22, 0x33, 0x44 };
        private static readonly byte[] UidB = { 0x11, 0x32, 0x33, 0x55 };

        private readonly VirtualField _field = new VirtualField();
        private readonly RegisterPort _port;
        private readonly MifareClassic1KCard _a = new MifareClassic1KCard(UidA);
        private readonly MifareClassic1KCard _b = new MifareClassic1KCard(UidB);

        public AnticollisionRegisterTests()
        {
            _port = new RegisterPort(new Mfrc522SpiDevice(new Mfrc522Chip(_field, new ManualChipClock())));
            _port.InitLikeADriver();
            _field.Place(_a);
            _field.Place(_b);
        }

        [Fact]
        public void Two_cards_collide_at_the_first_differing_UID_bit_and_are_selected_one_after_the_other()
        {
            // REQA: both ATQAs are 0004h, bit for bit the same: no collision.
            _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            Assert.Equal(0, _port.Read(Mfrc522Register.ErrorReg) & Error.CollErr);
            Assert.Equal(new byte[] { 0x04, 0x00 }, _port.ReadFifo());

            // ANTICOLLISION CL1 (93 20), ValuesAfterColl = 0 as the anticollision procedure requires.
            _port.Write(Mfrc522Register.CollReg, 0x00);
            _port.Transceive(new byte[] { 0x93, 0x20 });
            Assert.Equal(Error.CollErr, _port.Read(Mfrc522Register.ErrorReg) & Error.CollErr);
            byte coll = _port.Read(Mfrc522Register.CollReg);
            Assert.Equal(0, coll & Coll.CollPosNotValid);
            Assert.Equal(13, coll & Coll.CollPosMask);

            // Bits before the collision are the common ones; the collided bit and everything after read 0.
            Assert.Equal(new byte[] { 0x11, 0x02, 0x00, 0x00, 0x00 }, _port.ReadFifo());

            // Choose 1 for bit 12: 13 known bits -> NVB 35h (3 bytes + 5 bits), a bit-oriented frame with
            // TxLastBits = RxAlign = 5. Only card B matches and answers UID bits 13..39.
            _port.Transceive(new byte[] { 0x93, 0x35, 0x11, 0x12 }, txLastBits: 5, rxAlign: 5);
            Assert.Equal(0, _port.Read(Mfrc522Register.ErrorReg) & Error.CollErr);
            Assert.Equal(Coll.CollPosNotValid, _port.Read(Mfrc522Register.CollReg) & Coll.CollPosNotValid);
            byte[] rest = _port.ReadFifo();
            Assert.Equal(0, _port.Read(Mfrc522Register.ControlReg) & Control.RxLastBitsMask);
            byte bcc = (byte)(0x11 ^ 0x32 ^ 0x33 ^ 0x55);
            Assert.Equal(new byte[] { 0x20, 0x33, 0x55, bcc }, rest);

            Assert.Equal(0x08, Select(0x11, (byte)(0x12 | rest[0]), rest[1], rest[2], rest[3]));
            Assert.Equal(PiccState.Active, _b.State);
            Assert.Equal(PiccState.Ready, _a.State);

            // HLTA card B. Card A, still READY, takes HLTA as an unexpected command and falls back to IDLE (6.3.4);
            // a new REQA finds it alone, since the halted card B ignores REQA.
            _port.Transceive(CrcA.Append(new byte[] { 0x50, 0x00 }));
            Assert.Equal(PiccState.Halt, _b.State);
            Assert.Equal(PiccState.Idle, _a.State);
            _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            Assert.Equal(new byte[] { 0x04, 0x00 }, _port.ReadFifo());
            _port.Transceive(new byte[] { 0x93, 0x20 });
            Assert.Equal(0, _port.Read(Mfrc522Register.ErrorReg) & Error.CollErr);
            Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0x44, (byte)(0x11 ^ 0x22 ^ 0x33 ^ 0x44) }, _port.ReadFifo());
            Assert.Equal(0x08, Select(0x11, 0x22, 0x33, 0x44, (byte)(0x11 ^ 0x22 ^ 0x33 ^ 0x44)));
            Assert.Equal(PiccState.Active, _a.State);
        }

        [Fact]
        public void With_ValuesAfterColl_set_the_bits_after_a_collision_are_the_superposition()
        {
            _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            _port.Write(Mfrc522Register.CollReg, Coll.ValuesAfterColl);
            _port.Transceive(new byte[] { 0x93, 0x20 });

            byte[] fifo = _port.ReadFifo();

            Assert.Equal(0x22 | 0x32, fifo[1]);
            Assert.Equal(0x44 | 0x55, fifo[3]);
        }

        [Fact]
        public void A_7_byte_UID_takes_two_cascade_levels_with_the_cascade_tag_and_SAK_cascade_bit()
        {
            _field.Remove(_a);
            _field.Remove(_b);
            byte[] uid = { 0x04, 0x51, 0x62, 0x73, 0x84, 0x95, 0xA6 };
            MifareClassic1KCard card = new MifareClassic1KCard(uid);
            _field.Place(card);

            _port.Transceive(new byte[] { 0x26 }, txLastBits: 7);
            Assert.Equal(new byte[] { 0x44, 0x00 }, _port.ReadFifo());

            _port.Transceive(new byte[] { 0x93, 0x20 });
            byte[] cl1 = _port.ReadFifo();
            Assert.Equal(new byte[] { 0x88, 0x04, 0x51, 0x62, (byte)(0x88 ^ 0x04 ^ 0x51 ^ 0x62) }, cl1);
            Assert.Equal(0x04, Select(cl1));
            Assert.Equal(PiccState.Ready, card.State);

            _port.Transceive(new byte[] { 0x95, 0x20 });
            byte[] cl2 = _port.ReadFifo();
            Assert.Equal(new byte[] { 0x73, 0x84, 0x95, 0xA6, (byte)(0x73 ^ 0x84 ^ 0x95 ^ 0xA6) }, cl2);
            Assert.Equal(0x08, Select(cl2, 0x95));
            Assert.Equal(PiccState.Active, card.State);
        }

        private byte Select(byte[] uidAndBcc, byte sel = 0x93)
        {
            return Select(uidAndBcc[0], uidAndBcc[1], uidAndBcc[2], uidAndBcc[3], uidAndBcc[4], sel);
        }

        private byte Select(byte u0, byte u1, byte u2, byte u3, byte bcc, byte sel = 0x93)
        {
            _port.Transceive(CrcA.Append(new byte[] { sel, 0x70, u0, u1, u2, u3, bcc }));
            byte[] answer = _port.ReadFifo();
            Assert.Equal(3, answer.Length);
            Assert.True(CrcA.EndsWithValidCrc(answer, 3));
            return answer[0];
        }
    }
}
