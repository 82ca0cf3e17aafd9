using System;
using MedCard.Firmware.Mfrc522.Tests.Chip;
using Key = MedCard.Firmware.Mfrc522.Tests.Cards.MifareAccessConditions.Key;

namespace MedCard.Firmware.Mfrc522.Tests.Cards
{
    /// <summary>
    /// A virtual MIFARE Classic 1K card: ISO/IEC 14443-3 type A activation (REQA/WUPA, anticollision cascade with
    /// bit-oriented frames, SELECT, HLTA) and the MIFARE Classic command set it needs (AUTH, READ, WRITE with the
    /// 4-bit ACK/NAK), as described by ISO/IEC 14443-3 sections 6.3-6.5 and the NXP MF1S50yyX datasheet sections 8-10.
    /// Crypto1 is not computed: the MFRC522 encrypts internally, so only whether a frame is encrypted matters
    /// (<see cref="RfFrame.Encrypted"/>). The single assumptions not stated by those documents are marked "model:".
    /// </summary>
    public sealed partial class MifareClassic1KCard : IPicc
    {
        private const byte Reqa = 0x26;
        private const byte Wupa = 0x52;
        private const byte Hlta = 0x50;
        private const byte AuthA = 0x60;
        private const byte AuthB = 0x61;
        private const byte Read = 0x30;
        private const byte Write = 0xA0;
        private const byte NvbSelect = 0x70;

        /// <summary>ACK (MF1S50yyX 9.3, Table 10).</summary>
        public const byte Ack = 0xA;

        /// <summary>NAK: invalid operation / access refused (MF1S50yyX 9.3, Table 10).</summary>
        public const byte NakInvalidOperation = 0x4;

        /// <summary>NAK: parity or CRC error (MF1S50yyX 9.3, Table 10).</summary>
        public const byte NakTransmissionError = 0x5;

        private readonly CascadeUid _uid;
        private readonly Random _nonces = new Random(1);
        private int _level;
        private bool _fromHalt;
        private int _authSector;
        private Key _authKey;
        private int _writeBlock;

        /// <summary>A card in transport configuration with a 4- or 7-byte UID.</summary>
        public MifareClassic1KCard(byte[] uid)
        {
            if (uid.Length != 4 && uid.Length != 7)
            {
                // MIFARE Classic 1K ships with a 4-byte NUID or a 7-byte UID (MF1S50yyX 8.5); no triple-size UIDs.
                throw new ArgumentException("a MIFARE Classic 1K UID has 4 or 7 bytes", nameof(uid));
            }

            _uid = new CascadeUid(uid);

            // ATQA (ISO/IEC 14443-3 6.5.2.1, Table 3): b8b7 = UID size (00 single, 01 double), b3 set for bit frame
            // anticollision; MF1S50yyX Table 12 gives 0004h for 4-byte NUIDs and 0044h for 7-byte UIDs.
            Atqa = uid.Length == 4 ? (ushort)0x0004 : (ushort)0x0044;
            Memory = new MifareClassic1KMemory(uid, Sak, Atqa);
            State = PiccState.PowerOff;
        }

        /// <summary>The UID.</summary>
        public byte[] Uid => _uid.Uid;

        /// <summary>ATQA sent to REQA/WUPA.</summary>
        public ushort Atqa { get; }

        /// <summary>SAK of a MIFARE Classic 1K (MF1S50yyX Table 12).</summary>
        public byte Sak => 0x08;

        /// <summary>The card's memory.</summary>
        public MifareClassic1KMemory Memory { get; }

        /// <summary>Current state.</summary>
        public PiccState State { get; private set; }

        /// <summary>True while a Crypto1 session is open on the card side.</summary>
        public bool HasCryptoSession => State == PiccState.Authenticated || State == PiccState.WriteAwaitingData;

        /// <inheritdoc/>
        public void PowerOn()
        {
            // ISO/IEC 14443-3 6.3.2: after the field is on and the reset time, the PICC is IDLE.
            State = PiccState.Idle;
            _fromHalt = false;
        }

        /// <inheritdoc/>
        public void PowerOff()
        {
            State = PiccState.PowerOff;
        }

        /// <inheritdoc/>
        public RfFrame Receive(RfFrame frame)
        {
            if (State == PiccState.PowerOff)
            {
                return null;
            }

            bool session = HasCryptoSession;
            if (frame.Encrypted != session)
            {
                // A frame whose encryption does not match the card's (plain to an authenticated card, or encrypted to
                // one that has no session) decrypts to garbage: parity/CRC fail. Model: the card answers nothing and
                // leaves the protocol (IDLE, or HALT when it had been woken from HALT).
                if (State != PiccState.Idle && State != PiccState.Halt)
                {
                    Drop();
                }

                return null;
            }

            if (frame.BitCount == 7)
            {
                return ShortFrame(frame[0]);
            }

            switch (State)
            {
                case PiccState.Ready:
                    return ReadyFrame(frame);
                case PiccState.Active:
                    return ActiveFrame(frame);
                case PiccState.Authenticated:
                    return SessionFrame(frame);
                case PiccState.WriteAwaitingData:
                    return WriteData(frame);
                case PiccState.AuthNonceSent:
                    // Only MFAuthent can answer the nonce correctly; a plain frame ends the attempt (MF1S50yyX 8.4).
                    Drop();
                    return null;
                default:
                    // IDLE and HALT answer only REQA/WUPA (ISO/IEC 14443-3 6.3.3, 6.3.7).
                    return null;
            }
        }


        private RfFrame ShortFrame(byte code)
        {
            if (code == Reqa && State == PiccState.Idle)
            {
                // 6.3.3: IDLE + REQA -> READY, answer ATQA.
                return Wake(false);
            }

            if (code == Wupa && (State == PiccState.Idle || State == PiccState.Halt))
            {
                // 6.3.3 / 6.3.7: WUPA wakes IDLE and HALT cards; from HALT into READY*.
                return Wake(State == PiccState.Halt);
            }

            if (code == Reqa || code == Wupa)
            {
                // 6.3.4-6.3.6: in READY/ACTIVE anything but the expected commands sends the PICC back to IDLE (or
                // HALT): a card left selected does not answer the next REQA; a halted card ignores REQA.
                if (State != PiccState.Halt)
                {
                    Drop();
                }
            }

            return null;
        }

        private RfFrame Wake(bool fromHalt)
        {
            State = PiccState.Ready;
            _fromHalt = fromHalt;
            _level = 0;
            return RfFrame.Bytes(new[] { (byte)Atqa, (byte)(Atqa >> 8) }, false);
        }

        private RfFrame ReadyFrame(RfFrame frame)
        {
            byte sel = (byte)(0x93 + (2 * _level));
            if (frame.BitCount < 16 || frame[0] != sel)
            {
                Drop();
                return null;
            }

            byte nvb = frame[1];
            if (nvb == NvbSelect && frame.BitCount == 72)
            {
                return Select(frame);
            }

            // 6.5.3.2: NVB's upper nibble counts the bytes, the lower the bits, SEL and NVB included; the PICC whose
            // UID CLn starts with the sent bits answers the rest of UID CLn + BCC (a bit-oriented frame, 6.2.3.3).
            int sent = ((nvb >> 4) * 8) + (nvb & 0x0F);
            if (sent != frame.BitCount || sent < 16 || sent >= 56 || (nvb & 0x0F) > 7)
            {
                Drop();
                return null;
            }

            int known = sent - 16;
            for (int i = 0; i < known; i++)
            {
                if (frame.Bit(16 + i) != _uid.Bit(_level, i))
                {
                    // Not this card's prefix: stay READY and silent (6.5.3.3).
                    return null;
                }
            }

            int rest = 40 - known;
            byte[] bits = new byte[(rest + 7) / 8];
            for (int i = 0; i < rest; i++)
            {
                if (_uid.Bit(_level, known + i))
                {
                    bits[i / 8] |= (byte)(1 << (i % 8));
                }
            }

            return new RfFrame(bits, rest, false);
        }

        private RfFrame Select(RfFrame frame)
        {
            byte[] bytes = frame.ToArray();
            if (!CrcA.EndsWithValidCrc(bytes, 9))
            {
                // 6.2.4: a frame with a wrong CRC_A is not answered.
                return null;
            }

            byte[] mine = _uid.Level(_level);
            for (int i = 0; i < 5; i++)
            {
                if (bytes[2 + i] != mine[i])
                {
                    // Another card's UID: stay READY, silent (6.5.3.3).
                    return null;
                }
            }

            byte sak;
            if (_level == _uid.Levels - 1)
            {
                State = PiccState.Active;
                sak = Sak;
            }
            else
            {
                // 6.5.3.4, Table 8: SAK b3 set = "cascade bit", UID not complete; go on at the next level.
                _level++;
                sak = 0x04;
            }

            return RfFrame.Bytes(CrcA.Append(new[] { sak }), false);
        }

        private RfFrame ActiveFrame(RfFrame frame)
        {
            byte[] bytes = frame.ToArray();
            if (!frame.IsWholeBytes || !CrcA.EndsWithValidCrc(bytes, bytes.Length))
            {
                Drop();
                return null;
            }

            switch (bytes[0])
            {
                case Hlta:
                    // 6.3.5 / 6.4.6: HLTA (50 00 CRC) -> HALT, no answer.
                    State = bytes[1] == 0 ? PiccState.Halt : Fallback();
                    return null;
                case AuthA:
                case AuthB:
                    // MF1S50yyX 10.1: the first pass answers a 4-byte tag nonce; the rest needs Crypto1 (MFAuthent).
                    State = PiccState.AuthNonceSent;
                    return RfFrame.Bytes(Nonce(), false);
                case Read:
                case Write:
                    // Model: memory commands before authentication are refused with NAK and the card leaves the
                    // protocol (MF1S50yyX Figure 5 allows memory operations only after authentication).
                    Drop();
                    return FourBits(NakInvalidOperation, false);
                default:
                    Drop();
                    return null;
            }
        }


        private void Drop()
        {
            State = Fallback();
        }

        private PiccState Fallback()
        {
            return _fromHalt ? PiccState.Halt : PiccState.Idle;
        }

    }
}
