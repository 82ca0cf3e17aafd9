using System;
using System.Collections.Generic;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The RF field in front of the antenna and the cards in it. Cards are powered only while the field is on
    /// (TxControlReg Tx1RFEn/Tx2RFEn, rev 3.9 9.3.2.5) and they are in it; a card that leaves loses its state
    /// (ISO/IEC 14443-3 6.3.1 POWER-OFF). A test can make a card leave the field at the moment it receives a given
    /// frame, before it answers: the "card removed mid-command" case.
    /// </summary>
    public sealed class VirtualField
    {
        private readonly List<IPicc> _cards = new List<IPicc>();
        private readonly Dictionary<IPicc, Func<RfFrame, bool>> _leaveOn = new Dictionary<IPicc, Func<RfFrame, bool>>();
        private bool _on;

        /// <summary>Frames sent into the field, in order (for tests that check what the reader sent).</summary>
        public List<RfFrame> Transmitted { get; } = new List<RfFrame>();

        /// <summary>True while the antenna drivers are on.</summary>
        public bool IsOn => _on;

        /// <summary>Put a card on the antenna.</summary>
        public void Place(IPicc card)
        {
            _cards.Add(card);
            if (_on)
            {
                card.PowerOn();
            }
        }

        /// <summary>Take a card away.</summary>
        public void Remove(IPicc card)
        {
            if (_cards.Remove(card))
            {
                card.PowerOff();
            }

            _leaveOn.Remove(card);
        }

        /// <summary>The card leaves the field when it receives the first frame matching <paramref name="when"/>, without answering it.</summary>
        public void LeaveWhen(IPicc card, Func<RfFrame, bool> when)
        {
            _leaveOn[card] = when;
        }

        /// <summary>The chip switched its antenna drivers on or off.</summary>
        public void SetPower(bool on)
        {
            if (on == _on)
            {
                return;
            }

            _on = on;
            foreach (IPicc card in _cards)
            {
                if (on)
                {
                    card.PowerOn();
                }
                else
                {
                    card.PowerOff();
                }
            }
        }

        /// <summary>Send a frame and collect the superposed answers.</summary>
        public FieldAnswer Exchange(RfFrame frame)
        {
            Transmitted.Add(frame);
            if (!_on)
            {
                return FieldAnswer.Silence;
            }

            List<RfFrame> answers = new List<RfFrame>();
            foreach (IPicc card in Deliver(frame))
            {
                RfFrame answer = card.Receive(frame);
                if (answer != null)
                {
                    answers.Add(answer);
                }
            }

            return Superpose(answers);
        }

        /// <summary>Run the MIFARE three-pass authentication with whichever card takes part.</summary>
        public bool Authenticate(byte command, byte block, byte[] key, byte[] uid4, bool encrypted)
        {
            RfFrame request = RfFrame.Bytes(CrcA.Append(new[] { command, block }), encrypted);
            Transmitted.Add(request);
            if (!_on)
            {
                return false;
            }

            bool ok = false;
            foreach (IPicc card in Deliver(request))
            {
                // Every card hears the request; only a selected one can take part.
                ok |= card.Authenticate(command, block, key, uid4, encrypted);
            }

            return ok;
        }

        private List<IPicc> Deliver(RfFrame frame)
        {
            List<IPicc> listening = new List<IPicc>();
            foreach (IPicc card in _cards.ToArray())
            {
                if (_leaveOn.TryGetValue(card, out Func<RfFrame, bool> when) && when(frame))
                {
                    Remove(card);
                    continue;
                }

                listening.Add(card);
            }

            return listening;
        }

        private static FieldAnswer Superpose(List<RfFrame> answers)
        {
            if (answers.Count == 0)
            {
                return FieldAnswer.Silence;
            }

            if (answers.Count == 1)
            {
                return new FieldAnswer(answers[0], -1);
            }

            int bits = 0;
            foreach (RfFrame a in answers)
            {
                bits = Math.Max(bits, a.BitCount);
            }

            byte[] merged = new byte[(bits + 7) / 8];
            int collision = -1;
            for (int i = 0; i < bits; i++)
            {
                // Manchester: a 1 modulates the first half of the bit, a 0 the second. Two cards sending different
                // values modulate both halves: a collision. A card that has stopped sending modulates neither.
                bool one = false;
                bool zero = false;
                foreach (RfFrame a in answers)
                {
                    if (i < a.BitCount)
                    {
                        one |= a.Bit(i);
                        zero |= !a.Bit(i);
                    }
                }

                if (one && zero && collision < 0)
                {
                    collision = i;
                }

                if (one)
                {
                    merged[i / 8] |= (byte)(1 << (i % 8));
                }
            }

            bool encrypted = answers[0].Encrypted;
            return new FieldAnswer(new RfFrame(merged, bits, encrypted), collision);
        }
    }
}
