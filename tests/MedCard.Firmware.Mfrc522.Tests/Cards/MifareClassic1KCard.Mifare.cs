using System;
using MedCard.Firmware.Mfrc522.Tests.Chip;
using Key = MedCard.Firmware.Mfrc522.Tests.Cards.MifareAccessConditions.Key;

namespace MedCard.Firmware.Mfrc522.Tests.Cards
{
    /// <summary>
    /// The MIFARE Classic side of the card: three-pass authentication, the encrypted session and its READ/WRITE
    /// commands with the 4-bit ACK/NAK (MF1S50yyX sections 8.4-8.7 and 9-10).
    /// </summary>
    public sealed partial class MifareClassic1KCard
    {
        /// <inheritdoc/>
        public bool Authenticate(byte command, byte block, byte[] key, byte[] uid4, bool encryptedRequest)
        {
            if (State == PiccState.PowerOff)
            {
                return false;
            }

            bool session = HasCryptoSession;
            bool listening = (State == PiccState.Active && !encryptedRequest) || (session && encryptedRequest);
            if (!listening)
            {
                // Not selected (IDLE/HALT ignore it) or a channel mismatch (garbage for the card).
                if (State != PiccState.Idle && State != PiccState.Halt)
                {
                    Drop();
                }

                return false;
            }

            if ((command != AuthA && command != AuthB) || block >= MifareClassic1KMemory.BlockCount)
            {
                Drop();
                return false;
            }

            int sector = MifareClassic1KMemory.SectorOf(block);
            Key keyType = command == AuthA ? Key.A : Key.B;

            // MF1S50yyX 8.6.3 / AN10927: Crypto1 is initialised with the key and the UID's last four bytes (the whole
            // NUID, or UID3..UID6 of a 7-byte UID). Wrong key or UID: the card rejects the reader's answer token and
            // says nothing more, falling back to IDLE (HALT if it had been halted) (MF1S50yyX 8.4, Figure 5).
            if (Memory.IsBlocked(sector)
                || !Same(uid4, LastFourUidBytes())
                || !Same(key, Memory.KeyOf(sector, keyType)))
            {
                Drop();
                return false;
            }

            State = PiccState.Authenticated;
            _authSector = sector;
            _authKey = keyType;
            return true;
        }

        private RfFrame SessionFrame(RfFrame frame)
        {
            byte[] bytes = frame.ToArray();
            if (!frame.IsWholeBytes || !CrcA.EndsWithValidCrc(bytes, bytes.Length))
            {
                Drop();
                return FourBits(NakTransmissionError, true);
            }

            switch (bytes[0])
            {
                case Hlta:
                    // HLTA inside a session is sent encrypted; the card halts and the session ends (MF1S50yyX 10.5).
                    State = PiccState.Halt;
                    return null;
                case AuthA:
                case AuthB:
                    State = PiccState.AuthNonceSent;
                    return RfFrame.Bytes(Nonce(), true);
                case Read:
                    return ReadBlock(bytes[1]);
                case Write:
                    return BeginWrite(bytes[1]);
                default:
                    // Value-block commands (INCREMENT, DECREMENT, RESTORE, TRANSFER) are not modelled: refused.
                    Drop();
                    return FourBits(NakInvalidOperation, true);
            }
        }

        private RfFrame ReadBlock(byte block)
        {
            // MF1S50yyX 10.2 READ: 16 bytes + CRC_A, only inside the authenticated sector and as the access
            // conditions allow; otherwise NAK and the session ends.
            byte[] data = InSession(block) ? Memory.Read(block, _authKey) : null;
            if (data == null)
            {
                Drop();
                return FourBits(NakInvalidOperation, true);
            }

            return RfFrame.Bytes(CrcA.Append(data), true);
        }

        private RfFrame BeginWrite(byte block)
        {
            // MF1S50yyX 10.3 WRITE, first part: ACK when the block may be written, else NAK.
            if (!InSession(block) || !Memory.CanWrite(block, _authKey))
            {
                Drop();
                return FourBits(NakInvalidOperation, true);
            }

            _writeBlock = block;
            State = PiccState.WriteAwaitingData;
            return FourBits(Ack, true);
        }

        private RfFrame WriteData(RfFrame frame)
        {
            // MF1S50yyX 10.3 WRITE, second part: 16 data bytes + CRC_A, then ACK.
            byte[] bytes = frame.ToArray();
            if (!frame.IsWholeBytes || bytes.Length != 18 || !CrcA.EndsWithValidCrc(bytes, 18))
            {
                Drop();
                return FourBits(NakTransmissionError, true);
            }

            byte[] data = new byte[16];
            Array.Copy(bytes, data, 16);
            Memory.Write(_writeBlock, data, _authKey);
            State = PiccState.Authenticated;
            return FourBits(Ack, true);
        }

        private bool InSession(byte block)
        {
            return block < MifareClassic1KMemory.BlockCount && MifareClassic1KMemory.SectorOf(block) == _authSector;
        }

        private byte[] Nonce()
        {
            byte[] nt = new byte[4];
            _nonces.NextBytes(nt);
            return nt;
        }

        private byte[] LastFourUidBytes()
        {
            byte[] uid = _uid.Uid;
            byte[] four = new byte[4];
            Array.Copy(uid, uid.Length - 4, four, 0, 4);
            return four;
        }

        private static RfFrame FourBits(byte code, bool encrypted)
        {
            // ACK and NAK are 4-bit frames (MF1S50yyX 9.3).
            return new RfFrame(new[] { code }, 4, encrypted);
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
