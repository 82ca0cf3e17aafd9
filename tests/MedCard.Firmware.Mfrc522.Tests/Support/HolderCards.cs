using System.Text;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Mfrc522.Tests.Support
{
    /// <summary>
    /// The core's card logic (personaliser and holder reader) over an <see cref="ICardField"/>, with fixed test
    /// card-system keys: the one place these tests build them.
    /// </summary>
    public sealed class HolderCards
    {
        /// <summary>Use card-system keys derived from <paramref name="seed"/>.</summary>
        public HolderCards(ICardField field, byte seed = 0x10)
        {
            DesktopHmacSha256 hmac = new DesktopHmacSha256();
            // Key separation: the personaliser holds the issuer's three keys, the reader only the key-A master.
            Reader = new HolderCardReader(field, hmac, Keys(seed).ReaderKeys());
            Personaliser = new CardPersonaliser(field, hmac, Keys(seed));
        }

        /// <summary>Reads and verifies holder data.</summary>
        public HolderCardReader Reader { get; }

        /// <summary>Writes holder data and sector keys on a blank card.</summary>
        public CardPersonaliser Personaliser { get; }

        /// <summary>The holder every test writes.</summary>
        public static HolderData Holder()
        {
            HolderData data = new HolderData();
            data.Set("11010519491231002X", Encoding.UTF8.GetBytes("张三"), Gender.Male, "C1234567890");
            return data;
        }

        private static IssuerCardKeys Keys(byte seed)
        {
            byte[] keyAMaster = new byte[CardKeys.KeyLength];
            byte[] keyBMaster = new byte[CardKeys.KeyLength];
            byte[] holderMac = new byte[CardKeys.KeyLength];
            for (int i = 0; i < keyAMaster.Length; i++)
            {
                keyAMaster[i] = (byte)(seed + i);
                keyBMaster[i] = (byte)(0x40 + seed + i);
                holderMac[i] = (byte)(0x80 + seed + i);
            }

            return new IssuerCardKeys(keyAMaster, keyBMaster, holderMac);
        }
    }
}
