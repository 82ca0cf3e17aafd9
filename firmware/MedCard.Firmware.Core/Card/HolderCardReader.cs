using System;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Reads and verifies the holder data of the card just detected: for each holder sector, derive
    /// its key A, authenticate, read the three data blocks; then check the image (<see cref="HolderImage"/>).
    /// After any failed card command it calls <see cref="ICardField.Reselect"/> so the next attempt starts clean.
    /// Buffers are allocated once; keys are wiped after use.
    /// </summary>
    public sealed class HolderCardReader
    {
        private readonly ICardField _field;
        private readonly SectorKeyDiversifier _diversifier;
        private readonly HolderImage _codec;
        private readonly byte[] _image = new byte[CardLayout.ImageSize];
        private readonly byte[] _keyA = new byte[SectorKeyDiversifier.MifareKeyLength];
        private readonly byte[] _keyB = new byte[SectorKeyDiversifier.MifareKeyLength];

        /// <summary>Create over a card field with the HMAC implementation and card-system keys.</summary>
        public HolderCardReader(ICardField field, IHmacSha256 hmac, CardKeys keys)
        {
            if (field == null)
            {
                throw new ArgumentNullException("field");
            }

            _field = field;
            _diversifier = new SectorKeyDiversifier(hmac, keys);
            _codec = new HolderImage(hmac, keys);
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
                    _diversifier.Derive(card.Uid, card.UidLength, sector, _keyA, _keyB);
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

                return _codec.Decode(_image, card.Uid, card.UidLength, data);
            }
            finally
            {
                ConstantTime.Wipe(_keyA);
                ConstantTime.Wipe(_keyB);
                Array.Clear(_image, 0, _image.Length);
            }
        }
    }
}
