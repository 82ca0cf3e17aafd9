using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Card
{
    /// <summary>
    /// The antenna: holds the card currently in the field (or none). Thread-safe: the simulator's
    /// tick thread polls it while a test or the console presents and removes cards.
    /// </summary>
    public sealed class VirtualCardField : ICardField
    {
        private readonly object _gate = new object();
        private VirtualMifareCard? _card;
        private int _authenticatedSector = -1;
        private bool _selected;

        /// <summary>Puts a card on the antenna (replacing any other).</summary>
        public void Present(VirtualMifareCard card)
        {
            lock (_gate)
            {
                _card = card;
                _authenticatedSector = -1;
                _selected = false;
            }
        }

        /// <summary>Takes the card away.</summary>
        public void Remove()
        {
            lock (_gate)
            {
                _card = null;
                _authenticatedSector = -1;
                _selected = false;
            }
        }

        public VirtualMifareCard? Card
        {
            get
            {
                lock (_gate)
                {
                    return _card;
                }
            }
        }

        public bool TryDetect(DetectedCard card)
        {
            lock (_gate)
            {
                if (_card is null)
                {
                    return false;
                }
                card.Clear();
                Array.Copy(_card.Uid, card.Uid, _card.Uid.Length);
                card.UidLength = _card.Uid.Length;
                card.Atqa = _card.Atqa;
                card.Sak = _card.Sak;
                _selected = true;
                _authenticatedSector = -1;
                return true;
            }
        }

        public bool Authenticate(int blockNumber, MifareKeyType keyType, byte[] key, int keyOffset)
        {
            lock (_gate)
            {
                if (_card is null || !_selected || blockNumber < 0 || blockNumber >= VirtualMifareCard.BlockCount)
                {
                    return false;
                }
                int sector = blockNumber / 4;
                if (!_card.KeyMatches(sector, keyType == MifareKeyType.KeyB, key.AsSpan(keyOffset, 6)))
                {
                    // A failed authentication halts a real card: it needs a reselect.
                    _selected = false;
                    _authenticatedSector = -1;
                    return false;
                }
                _authenticatedSector = sector;
                return true;
            }
        }

        public bool ReadBlock(int blockNumber, byte[] buffer, int offset)
        {
            lock (_gate)
            {
                if (!Opened(blockNumber))
                {
                    return false;
                }
                _card!.Block(blockNumber).CopyTo(buffer.AsSpan(offset, VirtualMifareCard.BlockSize));
                // Keys read back as zeros except where access bits allow; the reader never relies on it.
                if (blockNumber % 4 == 3)
                {
                    buffer.AsSpan(offset, 6).Clear();
                }
                return true;
            }
        }

        public bool WriteBlock(int blockNumber, byte[] data, int offset)
        {
            lock (_gate)
            {
                if (!Opened(blockNumber) || blockNumber == 0)
                {
                    return false;
                }
                data.AsSpan(offset, VirtualMifareCard.BlockSize).CopyTo(_card!.Block(blockNumber));
                return true;
            }
        }

        public bool Reselect()
        {
            lock (_gate)
            {
                _authenticatedSector = -1;
                _selected = _card is not null;
                return _selected;
            }
        }

        public void Halt()
        {
            lock (_gate)
            {
                _authenticatedSector = -1;
            }
        }

        private bool Opened(int blockNumber) =>
            _card is not null && _selected && blockNumber >= 0 && blockNumber < VirtualMifareCard.BlockCount && blockNumber / 4 == _authenticatedSector;
    }
}
