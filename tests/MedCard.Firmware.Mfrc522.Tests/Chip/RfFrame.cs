using System;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// One frame on the 13.56 MHz field at 106 kbit/s, as bits in transmission order (each byte LSB first, ISO/IEC
    /// 14443-3 6.2.3). Short frames (REQA/WUPA) carry 7 bits, standard frames whole bytes, bit-oriented anticollision
    /// frames any count (6.2.3.3). Parity is not carried: the model's cards never send a parity error.
    /// <see cref="Encrypted"/> stands for the MIFARE Crypto1 stream: the MFRC522 encrypts every frame while
    /// Status2Reg MFCrypto1On is set (rev 3.9 9.3.1.9), and a card in the authenticated state decrypts every frame
    /// it receives. The ciphertext itself is not modelled, only whether both ends agree that the channel is encrypted.
    /// </summary>
    public sealed class RfFrame
    {
        private readonly byte[] _bytes;

        /// <summary>A frame of <paramref name="bitCount"/> bits taken from bytes, LSB first.</summary>
        public RfFrame(byte[] bytes, int bitCount, bool encrypted)
        {
            if (bitCount < 0 || bitCount > bytes.Length * 8)
            {
                throw new ArgumentOutOfRangeException(nameof(bitCount));
            }

            _bytes = new byte[(bitCount + 7) / 8];
            Array.Copy(bytes, _bytes, _bytes.Length);
            int spare = (_bytes.Length * 8) - bitCount;
            if (spare > 0)
            {
                _bytes[_bytes.Length - 1] &= (byte)(0xFF >> spare);
            }

            BitCount = bitCount;
            Encrypted = encrypted;
        }

        /// <summary>Number of bits on the air (parity not counted).</summary>
        public int BitCount { get; }

        /// <summary>True when the frame went through the Crypto1 stream.</summary>
        public bool Encrypted { get; }

        /// <summary>Whole bytes (the last one padded with zero bits).</summary>
        public int ByteCount => _bytes.Length;

        /// <summary>True for a frame of whole bytes.</summary>
        public bool IsWholeBytes => BitCount % 8 == 0;

        /// <summary>Byte i of the frame.</summary>
        public byte this[int index] => _bytes[index];

        /// <summary>A standard frame of whole bytes.</summary>
        public static RfFrame Bytes(byte[] bytes, bool encrypted)
        {
            return new RfFrame(bytes, bytes.Length * 8, encrypted);
        }

        /// <summary>Bit i (0 = first on the air).</summary>
        public bool Bit(int index)
        {
            return ((_bytes[index / 8] >> (index % 8)) & 1) != 0;
        }

        /// <summary>A copy of the bytes.</summary>
        public byte[] ToArray()
        {
            return (byte[])_bytes.Clone();
        }
    }
}
