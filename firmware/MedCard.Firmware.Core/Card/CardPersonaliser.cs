using System;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Writes holder data to a blank MIFARE Classic 1K card: the issuer's personalisation station, which alone holds
    /// <see cref="IssuerCardKeys"/> (never a reader). The image gets the issuer MAC (<see cref="HolderDataMac"/>, under
    /// the holder-data MAC key); each sector gets key A from the key-A master and key B from the separate key-B master.
    /// For each holder sector:
    /// <list type="number">
    /// <item>authenticate with the transport key A (factory FF FF FF FF FF FF unless told otherwise);</item>
    /// <item>write each data block and read it back;</item>
    /// <item>write the trailer: diversified key A, access bytes 78 77 88, GPB, diversified key B;</item>
    /// <item>reselect, authenticate with the NEW key B and read every data block back, then with the NEW
    /// key A and read the trailer's access bytes back.</item>
    /// </list>
    /// After the last step no holder sector opens with the transport key any more.
    /// </summary>
    public sealed class CardPersonaliser
    {
        /// <summary>The MIFARE Classic factory transport key.</summary>
        public static readonly byte[] FactoryTransportKey = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

        private readonly ICardField _field;
        private readonly SectorKeyDiversifier _diversifier;
        private readonly HolderDataMac _mac;
        private readonly IssuerCardKeys _keys;
        private readonly byte[] _image = new byte[CardLayout.ImageSize];
        private readonly byte[] _block = new byte[CardLayout.BlockSize];
        private readonly byte[] _trailer = new byte[CardLayout.BlockSize];
        private readonly byte[] _keyA = new byte[SectorKeyDiversifier.MifareKeyLength];
        private readonly byte[] _keyB = new byte[SectorKeyDiversifier.MifareKeyLength];

        /// <summary>Create over a card field with the HMAC implementation and the issuer's keys.</summary>
        public CardPersonaliser(ICardField field, IHmacSha256 hmac, IssuerCardKeys keys)
        {
            if (field == null || keys == null)
            {
                throw new ArgumentNullException(field == null ? "field" : "keys");
            }

            _field = field;
            _keys = keys;
            _diversifier = new SectorKeyDiversifier(hmac);
            _mac = new HolderDataMac(hmac);
        }

        /// <summary>Personalise the detected blank card with <paramref name="data"/> using a 6-byte transport key A.</summary>
        public PersonaliseStatus Personalise(DetectedCard card, HolderData data, byte[] transportKeyA)
        {
            if (!card.IsMifareClassic1K)
            {
                return PersonaliseStatus.UnsupportedCard;
            }

            HolderImage.Encode(data, _image);
            _mac.Compute(_keys.HolderMacKey, card.Uid, card.UidLength, _image, 0, _image, CardLayout.MacOffset);
            try
            {
                for (int s = 0; s < CardLayout.SectorCount; s++)
                {
                    PersonaliseStatus status = WriteSector(card, s, transportKeyA);
                    if (status != PersonaliseStatus.Ok)
                    {
                        _field.Reselect();
                        return status;
                    }
                }

                return PersonaliseStatus.Ok;
            }
            finally
            {
                ConstantTime.Wipe(_keyA);
                ConstantTime.Wipe(_keyB);
                Array.Clear(_trailer, 0, _trailer.Length);
                Array.Clear(_image, 0, _image.Length);
            }
        }

        private PersonaliseStatus WriteSector(DetectedCard card, int s, byte[] transportKeyA)
        {
            int sector = CardLayout.FirstSector + s;
            int firstIndex = s * CardLayout.DataBlocksPerSector;
            int firstBlock = CardLayout.DataBlock(firstIndex);

            if (!_field.Authenticate(firstBlock, MifareKeyType.KeyA, transportKeyA, 0))
            {
                return PersonaliseStatus.NotBlank;
            }

            for (int b = 0; b < CardLayout.DataBlocksPerSector; b++)
            {
                int index = firstIndex + b;
                if (!WriteVerified(CardLayout.DataBlock(index), index * CardLayout.BlockSize))
                {
                    return PersonaliseStatus.DataWriteFailed;
                }
            }

            _diversifier.DeriveKeyA(_keys, card.Uid, card.UidLength, sector, _keyA);
            _diversifier.DeriveKeyB(_keys, card.Uid, card.UidLength, sector, _keyB);
            Array.Copy(_keyA, 0, _trailer, 0, 6);
            Array.Copy(CardLayout.TrailerAccessBytes, 0, _trailer, 6, 3);
            _trailer[9] = CardLayout.TrailerGeneralPurposeByte;
            Array.Copy(_keyB, 0, _trailer, 10, 6);
            if (!_field.WriteBlock(CardLayout.TrailerBlock(sector), _trailer, 0))
            {
                return PersonaliseStatus.TrailerWriteFailed;
            }

            // The new keys take effect at the next authentication: prove both of them.
            _field.Reselect();
            if (!_field.Authenticate(firstBlock, MifareKeyType.KeyB, _keyB, 0))
            {
                return PersonaliseStatus.TrailerWriteFailed;
            }

            for (int b = 0; b < CardLayout.DataBlocksPerSector; b++)
            {
                int index = firstIndex + b;
                if (!ReadMatches(CardLayout.DataBlock(index), index * CardLayout.BlockSize))
                {
                    return PersonaliseStatus.DataWriteFailed;
                }
            }

            if (!_field.Authenticate(firstBlock, MifareKeyType.KeyA, _keyA, 0)
                || !_field.ReadBlock(CardLayout.TrailerBlock(sector), _block, 0)
                || !ConstantTime.AreEqual(_block, 6, CardLayout.TrailerAccessBytes, 0, 3))
            {
                return PersonaliseStatus.TrailerWriteFailed;
            }

            return PersonaliseStatus.Ok;
        }

        private bool WriteVerified(int block, int imageOffset)
        {
            return _field.WriteBlock(block, _image, imageOffset) && ReadMatches(block, imageOffset);
        }

        private bool ReadMatches(int block, int imageOffset)
        {
            return _field.ReadBlock(block, _block, 0)
                && ConstantTime.AreEqual(_block, 0, _image, imageOffset, CardLayout.BlockSize);
        }
    }
}
