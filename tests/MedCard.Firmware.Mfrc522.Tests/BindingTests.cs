using System;
using Iot.Device.Card.Mifare;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using MedCard.Firmware.Mfrc522.Tests.Cards;
using MedCard.Firmware.Mfrc522.Tests.Chip;
using MedCard.Firmware.Mfrc522.Tests.Support;
using Xunit;

namespace MedCard.Firmware.Mfrc522.Tests
{
    /// <summary>
    /// The real desktop binding (Iot.Device.Bindings 4.2.0: Iot.Device.Mfrc522.MfRc522 and
    /// Iot.Device.Card.Mifare.MifareCard) against the register model: what the binding does to the chip, and that the
    /// model answers it as a chip with cards would.
    /// </summary>
    public sealed class BindingTests : IDisposable
    {
        private static readonly byte[] Uid4 = { 0x3A, 0x7C, 0x01, 0xE5 };
        private static readonly byte[] Uid7 = { 0x04, 0x1F, 0x2E, 0x3D, 0x4C, 0x5B, 0x6A };
        private static readonly byte[] TransportKey = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

        private readonly ReaderRig _rig = new ReaderRig();

        public void Dispose()
        {
            _rig.Dispose();
        }

        [Fact]
        public void The_constructor_initialises_the_chip_as_the_binding_source_says()
        {
            Assert.Equal(new Version(2, 0), _rig.Rfid.Version);
            Assert.True(_rig.Rfid.Enabled);
            Assert.True(_rig.Field.IsOn);

            RegisterPort port = new RegisterPort(_rig.Spi);
            Assert.Equal(0x10, port.Read(Mfrc522Register.TModeReg)); // TAutoRestart only: TAuto off
            Assert.Equal(0xA9, port.Read(Mfrc522Register.TPrescalerReg));
            Assert.Equal(0x29, port.Read(Mfrc522Register.ModeReg)); // TxWaitRF, PolMFin, CRCPreset 01 = 6363h
            Assert.Equal(0x40, port.Read(Mfrc522Register.TxASKReg));
        }

        [Fact]
        public void ListenToCardIso14443TypeA_reads_a_4_byte_UID_ATQA_and_SAK()
        {
            _rig.Place(Uid4);

            Assert.True(_rig.Rfid.ListenToCardIso14443TypeA(out Data106kbpsTypeA card, TimeSpan.FromMilliseconds(200)));

            Assert.Equal(Uid4, card.NfcId);
            Assert.Equal(0x0004, card.Atqa);
            Assert.Equal(0x08, card.Sak);
        }

        [Fact]
        public void ListenToCardIso14443TypeA_walks_two_cascade_levels_for_a_7_byte_UID()
        {
            _rig.Place(Uid7);

            Assert.True(_rig.Rfid.ListenToCardIso14443TypeA(out Data106kbpsTypeA card, TimeSpan.FromMilliseconds(200)));

            Assert.Equal(Uid7, card.NfcId);
            Assert.Equal(0x0044, card.Atqa);
            Assert.Equal(0x08, card.Sak);
        }

        [Fact]
        public void Nothing_in_the_field_is_no_card()
        {
            Assert.False(_rig.Rfid.ListenToCardIso14443TypeA(out _, TimeSpan.FromMilliseconds(50)));
        }

        [Fact]
        public void Two_cards_in_the_field_make_the_binding_give_up_on_the_collision()
        {
            _rig.Place(Uid4);
            _rig.Place(0x3A, 0x7C, 0x81, 0xE5);

            Assert.False(_rig.Rfid.ListenToCardIso14443TypeA(out _, TimeSpan.FromMilliseconds(50)));
        }

        [Fact]
        public void MifareCard_authenticates_with_the_transport_key_reads_and_writes()
        {
            MifareClassic1KCard virtualCard = _rig.Place(Uid4);
            MifareCard card = Selected();

            card.BlockNumber = 4;
            card.KeyA = TransportKey;
            card.Command = MifareCardCommand.AuthenticationA;
            Assert.Equal(0, card.RunMifareCardCommand());
            Assert.True(_rig.Chip.Crypto1On);

            byte[] data = new byte[16];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(0xC0 + i);
            }

            card.Data = data;
            card.Command = MifareCardCommand.Write16Bytes;
            Assert.Equal(0, card.RunMifareCardCommand());
            Assert.Equal(data, virtualCard.Memory.Raw(4));

            card.Data = new byte[16];
            card.Command = MifareCardCommand.Read16Bytes;
            Assert.Equal(16, card.RunMifareCardCommand());
            Assert.Equal(data, card.Data);

            // The trailer reads with key A hidden (zeros); access bytes FF 07 80 69; key B readable in condition 001.
            card.BlockNumber = 7;
            card.Command = MifareCardCommand.Read16Bytes;
            Assert.Equal(16, card.RunMifareCardCommand());
            Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0xFF, 0x07, 0x80, 0x69, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, card.Data);
        }

        [Fact]
        public void A_wrong_key_fails_leaves_crypto_off_and_the_card_idle_until_ReselectCard()
        {
            MifareClassic1KCard virtualCard = _rig.Place(Uid4);
            MifareCard card = Selected();

            card.BlockNumber = 4;
            card.KeyA = new byte[] { 1, 2, 3, 4, 5, 6 };
            card.Command = MifareCardCommand.AuthenticationA;
            Assert.Equal(-1, card.RunMifareCardCommand());
            Assert.False(_rig.Chip.Crypto1On);
            Assert.Equal(PiccState.Idle, virtualCard.State);

            // The card is out of the protocol: the right key alone does not help...
            card.KeyA = TransportKey;
            Assert.Equal(-1, card.RunMifareCardCommand());

            // ...ReselectCard (HLTA + WUPA + select) first, as the binding's documentation asks.
            Assert.True(card.ReselectCard());
            Assert.Equal(0, card.RunMifareCardCommand());
            Assert.True(_rig.Chip.Crypto1On);
        }

        [Fact]
        public void Access_conditions_refuse_a_write_with_key_A_where_only_key_B_writes()
        {
            MifareClassic1KCard virtualCard = _rig.Place(Uid4);

            // Sector 1: data blocks C1C2C3 = 100 (read A|B, write B), trailer 011, key B = 0B..0B.
            byte[] trailer = virtualCard.Memory.Raw(7);
            trailer[6] = 0x78;
            trailer[7] = 0x77;
            trailer[8] = 0x88;
            for (int i = 10; i < 16; i++)
            {
                trailer[i] = 0x0B;
            }

            MifareCard card = Selected();
            card.BlockNumber = 4;
            card.KeyA = TransportKey;
            card.Command = MifareCardCommand.AuthenticationA;
            Assert.Equal(0, card.RunMifareCardCommand());
            card.Data = new byte[16];
            card.Data[0] = 0xEE;
            card.Command = MifareCardCommand.Write16Bytes;
            Assert.Equal(-1, card.RunMifareCardCommand());
            Assert.Equal(0, virtualCard.Memory.Raw(4)[0]);

            Assert.True(card.ReselectCard());
            card.KeyB = new byte[] { 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B };
            card.Command = MifareCardCommand.AuthenticationB;
            Assert.Equal(0, card.RunMifareCardCommand());
            card.Command = MifareCardCommand.Write16Bytes;
            Assert.Equal(0, card.RunMifareCardCommand());
            Assert.Equal(0xEE, virtualCard.Memory.Raw(4)[0]);
        }

        [Fact]
        public void Key_B_that_is_readable_authenticates_but_grants_no_access()
        {
            // Transport configuration: trailer condition 001, key B readable, so it "cannot serve for authentication".
            _rig.Place(Uid4);
            MifareCard card = Selected();
            card.BlockNumber = 4;
            card.KeyB = TransportKey;
            card.Command = MifareCardCommand.AuthenticationB;
            Assert.Equal(0, card.RunMifareCardCommand());

            card.Command = MifareCardCommand.Read16Bytes;
            Assert.Equal(-1, card.RunMifareCardCommand());
        }

        [Fact]
        public void A_halted_card_ignores_REQA_and_answers_WUPA()
        {
            MifareClassic1KCard virtualCard = _rig.Place(Uid4);
            Selected();

            Assert.True(_rig.Rfid.Halt());
            Assert.Equal(PiccState.Halt, virtualCard.State);

            byte[] atqa = new byte[2];
            Assert.False(_rig.Rfid.IsCardPresent(atqa));
            Assert.True(_rig.Rfid.IsCardPresent(atqa, reselect: true));
            Assert.Equal(new byte[] { 0x04, 0x00 }, atqa);
        }

        [Fact]
        public void A_card_leaving_the_field_during_READ_gives_no_answer_and_a_failed_command()
        {
            MifareClassic1KCard virtualCard = _rig.Place(Uid4);
            MifareCard card = Selected();
            card.BlockNumber = 4;
            card.KeyA = TransportKey;
            card.Command = MifareCardCommand.AuthenticationA;
            Assert.Equal(0, card.RunMifareCardCommand());

            _rig.Field.LeaveWhen(virtualCard, f => f.Encrypted && f.ByteCount == 4 && f[0] == 0x30);
            card.Command = MifareCardCommand.Read16Bytes;

            Assert.Equal(-1, card.RunMifareCardCommand());
            Assert.Equal(PiccState.PowerOff, virtualCard.State);

            // The chip still believes in the session until software clears MFCrypto1On.
            Assert.True(_rig.Chip.Crypto1On);
        }

        [Fact]
        public void A_selected_card_misses_every_other_REQA_poll()
        {
            // Why the adapter follows REQA with WUPA: ACTIVE + REQA -> IDLE without an answer (ISO/IEC 14443-3 6.3).
            _rig.Place(Uid4);
            Selected();
            byte[] atqa = new byte[2];

            Assert.False(_rig.Rfid.IsCardPresent(atqa));
            Assert.True(_rig.Rfid.IsCardPresent(atqa));
        }

        [Fact]
        public void NanoFramework_ReselectCard_loses_a_halted_card_where_the_desktop_one_wakes_it()
        {
            using ReaderRig nano = new ReaderRig(nanoReselect: true);
            MifareClassic1KCard onNano = nano.Place(Uid4);
            Assert.True(nano.Rfid.ListenToCardIso14443TypeA(out Data106kbpsTypeA found, TimeSpan.FromMilliseconds(200)));
            MifareCard nanoCard = new MifareCard(nano.Rfid, 0) { SerialNumber = found.NfcId };
            nano.Rfid.Halt();

            Assert.False(nanoCard.ReselectCard());
            Assert.Equal(PiccState.Halt, onNano.State);

            MifareClassic1KCard onDesktop = _rig.Place(Uid4);
            MifareCard desktopCard = Selected();
            _rig.Rfid.Halt();
            Assert.True(desktopCard.ReselectCard());
            Assert.Equal(PiccState.Active, onDesktop.State);
        }

        private MifareCard Selected()
        {
            Assert.True(_rig.Rfid.ListenToCardIso14443TypeA(out Data106kbpsTypeA found, TimeSpan.FromMilliseconds(200)));
            return new MifareCard(_rig.Rfid, 0) { SerialNumber = found.NfcId };
        }
    }
}
