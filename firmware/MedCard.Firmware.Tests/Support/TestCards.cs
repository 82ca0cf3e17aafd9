using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>Makes personalised fake cards with the test scheme's keys, through the real personaliser.</summary>
    public static class TestCards
    {
        /// <summary>What a reader of the test scheme holds: the key-A master only.</summary>
        public static CardKeys Keys()
        {
            return new CardKeys(TestKeys.KeyAMasterKey());
        }

        /// <summary>What the test scheme's issuer holds: key-A master, key-B master, holder-data MAC key.</summary>
        public static IssuerCardKeys IssuerKeys()
        {
            return new IssuerCardKeys(TestKeys.KeyAMasterKey(), TestKeys.KeyBMasterKey(), TestKeys.HolderMacKey());
        }

        public static HolderData Holder(string cardNumber)
        {
            HolderData data = new HolderData();
            data.Set(TestKeys.ResidentId, TestKeys.NameUtf8(), Gender.Male, cardNumber);
            return data;
        }

        /// <summary>A card personalised with the default holder and <paramref name="cardNumber"/>.</summary>
        public static FakeMifareCard Personalised(byte[] uid, string cardNumber)
        {
            return Personalised(uid, Holder(cardNumber));
        }

        public static FakeMifareCard Personalised(byte[] uid, HolderData holder)
        {
            FakeMifareCard card = new FakeMifareCard(uid);
            FakeCardField field = new FakeCardField();
            field.Card = card;
            DetectedCard detected = new DetectedCard();
            field.TryDetect(detected);
            CardPersonaliser personaliser = new CardPersonaliser(field, TestPlatform.CreateHmac(), IssuerKeys());
            PersonaliseStatus status = personaliser.Personalise(detected, holder, CardPersonaliser.FactoryTransportKey);
            if (status != PersonaliseStatus.Ok)
            {
                throw new System.InvalidOperationException("test card personalisation failed");
            }

            return card;
        }
    }
}
