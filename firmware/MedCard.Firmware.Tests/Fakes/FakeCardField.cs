using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// The MFRC522 seen by the core: holds at most one <see cref="FakeMifareCard"/> in the field. Any failed MIFARE
    /// command leaves the card unselected (as a real Classic card goes idle), so nothing works until
    /// <see cref="Reselect"/> or <see cref="TryDetect"/>. Failures can be injected per operation, and detection can be
    /// made to miss polls (a resting card flapping).
    /// </summary>
    public sealed class FakeCardField : ICardField
    {
        private bool _selected;
        private int _authSector = -1;
        private MifareKeyType _authKey;

        public FakeMifareCard Card;

        /// <summary>Next detections that fail although a card is there.</summary>
        public int MissDetections;

        /// <summary>When &gt; 0, every Nth detection misses (N = this), forever: a resting card that flaps.</summary>
        public int MissEveryNth;

        public int FailAuthentications;
        public int FailReads;
        public int FailWrites;

        public int Detections;
        public int Authentications;
        public int Reads;
        public int BlockWrites;
        public int Reselects;
        public int Halts;

        public bool TryDetect(DetectedCard card)
        {
            Detections++;
            _authSector = -1;
            _selected = false;
            if (Card == null)
            {
                return false;
            }

            if (MissDetections > 0)
            {
                MissDetections--;
                return false;
            }

            if (MissEveryNth > 0 && Detections % MissEveryNth == 0)
            {
                return false;
            }

            card.Clear();
            Array.Copy(Card.Uid, card.Uid, Card.Uid.Length);
            card.UidLength = Card.Uid.Length;
            card.Atqa = Card.Atqa;
            card.Sak = Card.Sak;
            _selected = true;
            return true;
        }

        public bool Authenticate(int blockNumber, MifareKeyType keyType, byte[] key, int keyOffset)
        {
            Authentications++;
            if (!_selected || Card == null)
            {
                return false;
            }

            if (FailAuthentications > 0)
            {
                FailAuthentications--;
                return Fail();
            }

            int sector = blockNumber / 4;
            if (!Card.KeyMatches(sector, keyType, key, keyOffset))
            {
                return Fail();
            }

            _authSector = sector;
            _authKey = keyType;
            return true;
        }

        public bool ReadBlock(int blockNumber, byte[] buffer, int offset)
        {
            Reads++;
            if (!Ready(blockNumber))
            {
                return Fail();
            }

            if (FailReads > 0)
            {
                FailReads--;
                return Fail();
            }

            if (!Card.CanRead(blockNumber, _authKey))
            {
                return Fail();
            }

            Card.ReadBlock(blockNumber, buffer, offset);
            return true;
        }

        public bool WriteBlock(int blockNumber, byte[] data, int offset)
        {
            BlockWrites++;
            if (!Ready(blockNumber))
            {
                return Fail();
            }

            if (FailWrites > 0)
            {
                FailWrites--;
                return Fail();
            }

            if (!Card.CanWrite(blockNumber, _authKey))
            {
                return Fail();
            }

            Card.WriteBlock(blockNumber, data, offset);
            return true;
        }

        public bool Reselect()
        {
            Reselects++;
            _authSector = -1;
            _selected = Card != null;
            return _selected;
        }

        public void Halt()
        {
            Halts++;
            _authSector = -1;
            _selected = false;
        }

        private bool Ready(int blockNumber)
        {
            return _selected && Card != null && _authSector == blockNumber / 4;
        }

        private bool Fail()
        {
            _selected = false;
            _authSector = -1;
            return false;
        }
    }
}
