using System;
using System.Reflection;
using Iot.Device.Card.Mifare;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Mfrc522.Tests.Cards;
using MedCard.Firmware.Mfrc522.Tests.Support;
using Xunit;

namespace MedCard.Firmware.Mfrc522.Tests
{
    /// <summary>
    /// The app's own adapter (firmware/MedCard.Firmware.App/Adapters/Mfrc522CardField.cs, compiled here unchanged)
    /// through the real binding and the register model, with the core's personaliser and holder reader on top. Every
    /// case runs twice: with the desktop binding as it is, and with nanoFramework's ReselectTarget (REQA instead of
    /// WUPA), which is what the device runs and what the adapter's WUPA fallback exists for.
    /// </summary>
    public abstract class AppCardFieldTests : IDisposable
    {
        private static readonly byte[] Uid4 = { 0x5E, 0x11, 0xC4, 0x29 };
        private static readonly byte[] Uid7 = { 0x04, 0x8A, 0x3B, 0x52, 0xE1, 0x6F, 0x80 };

        private readonly ReaderRig _rig;
        private readonly Mfrc522CardField _field;
        private readonly HolderCards _cards;
        private readonly DetectedCard _detected = new DetectedCard();

        protected AppCardFieldTests(bool nanoReselect)
        {
            _rig = new ReaderRig(nanoReselect);
            _field = new Mfrc522CardField(_rig.Rfid);
            _cards = new HolderCards(_field);
        }

        public void Dispose()
        {
            _rig.Dispose();
        }

        [Fact]
        public void Detects_a_4_byte_card_with_its_UID_ATQA_and_SAK()
        {
            _rig.Place(Uid4);

            Assert.True(_field.TryDetect(_detected));

            Assert.Equal(4, _detected.UidLength);
            Assert.Equal(Uid4, _detected.Uid.AsSpan(0, 4).ToArray());
            Assert.Equal(0x0004, _detected.Atqa);
            Assert.Equal(0x08, _detected.Sak);
            Assert.True(_detected.IsMifareClassic1K);
        }

        [Fact]
        public void A_card_resting_on_the_antenna_answers_every_poll_through_WUPA()
        {
            _rig.Place(Uid4);

            for (int poll = 0; poll < 4; poll++)
            {
                Assert.True(_field.TryDetect(_detected), "poll " + poll);
            }

            // After the first poll the card is ACTIVE: REQA sends it to IDLE unanswered, WUPA brings it back.
            int wupas = _rig.Field.Transmitted.FindAll(f => f.BitCount == 7 && f[0] == 0x52).Count;
            Assert.Equal(3, wupas);
        }

        [Fact]
        public void No_card_is_no_detection()
        {
            Assert.False(_field.TryDetect(_detected));
            Assert.Equal(0, _detected.UidLength);
        }

        [Fact]
        public void Personalises_a_blank_card_then_reads_the_holder_sectors_back()
        {
            MifareClassic1KCard card = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));

            Assert.Equal(PersonaliseStatus.Ok, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));

            for (int sector = CardLayout.FirstSector; sector < CardLayout.FirstSector + CardLayout.SectorCount; sector++)
            {
                byte[] trailer = card.Memory.Raw(CardLayout.TrailerBlock(sector));
                Assert.Equal(CardLayout.TrailerAccessBytes, trailer.AsSpan(6, 3).ToArray());
                Assert.NotEqual(CardPersonaliser.FactoryTransportKey, trailer.AsSpan(0, 6).ToArray());
                Assert.False(card.Memory.IsBlocked(sector));
            }

            HolderData read = new HolderData();
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(CardReadStatus.Ok, _cards.Reader.Read(_detected, read));
            Assert.Equal("11010519491231002X", read.ResidentId);
            Assert.Equal("C1234567890", read.CardNumber);
            Assert.Equal(HolderCards.Holder().NameBytes(), read.NameBytes());
        }

        [Fact]
        public void A_personalised_card_is_no_longer_blank()
        {
            _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(PersonaliseStatus.Ok, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));

            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(PersonaliseStatus.NotBlank, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));
        }

        [Fact]
        public void A_wrong_key_fails_and_the_next_command_reselects_the_card()
        {
            MifareClassic1KCard card = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));

            Assert.False(_field.Authenticate(4, MifareKeyType.KeyA, new byte[] { 9, 9, 9, 9, 9, 9 }, 0));
            Assert.False(_rig.Chip.Crypto1On);
            Assert.Equal(PiccState.Idle, card.State);

            Assert.True(_field.Authenticate(4, MifareKeyType.KeyA, CardPersonaliser.FactoryTransportKey, 0));
            byte[] block = new byte[16];
            Assert.True(_field.ReadBlock(4, block, 0));
        }

        [Fact]
        public void A_reader_with_other_card_keys_gets_AuthenticationFailed_and_the_right_one_still_reads()
        {
            _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(PersonaliseStatus.Ok, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));

            HolderCards stranger = new HolderCards(_field, seed: 0x55);
            HolderData read = new HolderData();
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(CardReadStatus.AuthenticationFailed, stranger.Reader.Read(_detected, read));

            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(CardReadStatus.Ok, _cards.Reader.Read(_detected, read));
        }

        [Fact]
        public void Key_A_cannot_write_a_personalised_sector_and_the_data_stays()
        {
            MifareClassic1KCard card = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(PersonaliseStatus.Ok, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));
            byte[] before = (byte[])card.Memory.Raw(4).Clone();

            // The transport key A is gone, so a rogue write first fails authentication...
            Assert.True(_field.TryDetect(_detected));
            Assert.False(_field.Authenticate(4, MifareKeyType.KeyA, CardPersonaliser.FactoryTransportKey, 0));

            // ...and with the real key A (what every reader holds) the write is refused by the access conditions.
            byte[] keyA = card.Memory.KeyOf(1, MifareAccessConditions.Key.A);
            Assert.True(_field.Authenticate(4, MifareKeyType.KeyA, keyA, 0));
            Assert.False(_field.WriteBlock(4, new byte[16], 0));
            Assert.Equal(before, card.Memory.Raw(4));
        }

        [Fact]
        public void A_halted_card_is_woken_by_WUPA()
        {
            MifareClassic1KCard card = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));

            _field.Halt();
            Assert.Equal(PiccState.Halt, card.State);

            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(Uid4, _detected.Uid.AsSpan(0, 4).ToArray());
            Assert.Equal(PiccState.Active, card.State);
        }

        [Fact]
        public void Reselect_brings_back_a_halted_card_as_the_same_UID()
        {
            MifareClassic1KCard card = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));
            _field.Halt();

            Assert.True(_field.Reselect());
            Assert.Equal(PiccState.Active, card.State);
            Assert.True(_field.Authenticate(4, MifareKeyType.KeyA, CardPersonaliser.FactoryTransportKey, 0));
        }

        [Fact]
        public void Reselect_refuses_another_card_put_down_in_place_of_the_halted_one()
        {
            MifareClassic1KCard first = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));
            _field.Halt();
            _rig.Field.Remove(first);
            MifareClassic1KCard other = _rig.Place(0x01, 0x02, 0x03, 0x04);

            bool reselected = _field.Reselect();

            // Whatever Reselect reports, the other card must not be usable with the first card's identity.
            Assert.False(reselected && _field.Authenticate(4, MifareKeyType.KeyA, CardPersonaliser.FactoryTransportKey, 0));
            Assert.NotEqual(PiccState.Authenticated, other.State);
        }

        [Fact]
        public void A_7_byte_UID_card_is_detected_personalised_and_read()
        {
            _rig.Place(Uid7);

            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(7, _detected.UidLength);
            Assert.Equal(Uid7, _detected.Uid.AsSpan(0, 7).ToArray());
            Assert.Equal(0x0044, _detected.Atqa);
            Assert.Equal(0x08, _detected.Sak);

            Assert.Equal(PersonaliseStatus.Ok, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));
            HolderData read = new HolderData();
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(CardReadStatus.Ok, _cards.Reader.Read(_detected, read));
            Assert.Equal("C1234567890", read.CardNumber);
        }

        [Fact]
        public void A_7_byte_UID_reaches_MifareCard_as_the_four_bytes_Crypto1_uses()
        {
            // nanoFramework's MifareCard.Serialize (nanoFramework.IoT.Device 122ebb1a, devices/Card/Mifare/MifareCard.cs)
            // copies the whole SerialNumber into the MFAuthent request, which must be 12 bytes (MFRC522 10.3.1.9); the
            // desktop one takes the last four itself. Only a 4-byte SerialNumber works on both.
            _rig.Place(Uid7);
            Assert.True(_field.TryDetect(_detected));

            FieldInfo cardField = typeof(Mfrc522CardField).GetField("_card", BindingFlags.NonPublic | BindingFlags.Instance);
            Assert.NotNull(cardField);
            MifareCard inner = (MifareCard)cardField.GetValue(_field);
            Assert.Equal(Uid7.AsSpan(3, 4).ToArray(), inner.SerialNumber);
        }

        [Fact]
        public void A_card_removed_in_the_middle_of_reading_gives_ReadFailed_and_reads_again_when_it_returns()
        {
            MifareClassic1KCard card = _rig.Place(Uid4);
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(PersonaliseStatus.Ok, _cards.Personaliser.Personalise(_detected, HolderCards.Holder(), CardPersonaliser.FactoryTransportKey));

            // The card leaves when the reader asks for block 9 (sector 2, second holder block).
            _rig.Field.LeaveWhen(card, f => f.Encrypted && f.ByteCount == 4 && f[0] == 0x30 && f[1] == 9);
            HolderData read = new HolderData();
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(CardReadStatus.ReadFailed, _cards.Reader.Read(_detected, read));
            Assert.Equal(PiccState.PowerOff, card.State);
            Assert.False(_field.TryDetect(_detected));

            _rig.Field.Place(card);
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(CardReadStatus.Ok, _cards.Reader.Read(_detected, read));
        }

        [Fact]
        public void Two_cards_in_the_field_are_refused_until_one_is_taken_away()
        {
            MifareClassic1KCard first = _rig.Place(Uid4);
            _rig.Place(0x5E, 0x11, 0xC4, 0xA9);

            Assert.False(_field.TryDetect(_detected));
            Assert.False(_field.TryDetect(_detected));

            _rig.Field.Remove(first);
            Assert.True(_field.TryDetect(_detected));
            Assert.Equal(0xA9, _detected.Uid[3]);
        }
    }

    /// <summary>The adapter cases on the desktop binding as shipped (ReselectTarget sends WUPA).</summary>
    public sealed class AppCardFieldOnDesktopBindingTests : AppCardFieldTests
    {
        public AppCardFieldOnDesktopBindingTests()
            : base(nanoReselect: false)
        {
        }
    }

    /// <summary>The adapter cases with nanoFramework's ReselectTarget (REQA, result ignored).</summary>
    public sealed class AppCardFieldOnNanoReselectTests : AppCardFieldTests
    {
        public AppCardFieldOnNanoReselectTests()
            : base(nanoReselect: true)
        {
        }
    }
}
