using System;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Reads the holder data of the card just detected: for each holder sector, derive its key A (the only card key a
    /// reader has, <see cref="CardKeys"/>), authenticate, read the three data blocks; then check the image
    /// (<see cref="HolderImage"/>; the issuer MAC is passed on for the host to verify).
    /// After any failed card command it calls <see cref="ICardField.Reselect"/> so the next attempt starts clean.
    /// Buffers are allocated once; keys are wiped after use.
    /// </summary>
    public sealed class HolderCardReader
    {
        private readonly ICardField _field;
        private readonly SectorKeyDiversifier _diversifier;
        private readonly CardKeys _keys;
        private readonly byte[] _image = new byte[CardLayout.ImageSize];
        private readonly byte[] _keyA = new byte[SectorKeyDiversifier.MifareKeyLength];

        /// <summary>Create over a card field with the HMAC implementation and the reader's card key.</summary>
        public HolderCardReader(ICardField field, IHmacSha256 hmac, CardKeys keys)
        {
            if (field == null || keys == null)
            {
                throw new ArgumentNullException(field == null ? "field" : "keys");
            }

            _field = field;
            _keys = keys;
            _diversifier = new SectorKeyDiversifier(hmac);
        }

        /// <summary>Read the holder data of <paramref name="card"/> (already detected and selected) into <paramref name="data"/>.</summary>
        public CardReadStatus Read(DetectedCard card, HolderData data)
        {
            data.Clear();
            if (!card.IsMifareClassic1K)
            {
                return CardReadStatus.UnsupportedCard;
            }

            try
            {
                for (int s = 0; s < CardLayout.SectorCount; s++)
                {
                    int sector = CardLayout.FirstSector + s;
                    _diversifier.DeriveKeyA(_keys, card.Uid, card.UidLength, sector, _keyA);
                    int firstIndex = s * CardLayout.DataBlocksPerSector;
                    if (!_field.Authenticate(CardLayout.DataBlock(firstIndex), MifareKeyType.KeyA, _keyA, 0))
                    {
                        _field.Reselect();
                        return CardReadStatus.AuthenticationFailed;
                    }

                    for (int b = 0; b < CardLayout.DataBlocksPerSector; b++)
                    {
                        int index = firstIndex + b;
                        if (!_field.ReadBlock(CardLayout.DataBlock(index), _image, index * CardLayout.BlockSize))
                        {
                            _field.Reselect();
                            return CardReadStatus.ReadFailed;
                        }
                    }
                }

                return HolderImage.Decode(_image, data);
            }
            finally
            {
                ConstantTime.Wipe(_keyA);
                Array.Clear(_image, 0, _image.Length);
            }
        }
    }
}
