namespace MedCard.Protocol
{
    /// <summary>
    /// ISO 9564-1 PIN block format 4 (AES, 16-byte blocks), shared by the reader (encipher) and the host
    /// (decipher). Nibble layout of the two plain-text fields:
    /// <code>
    /// PIN field: C=4 | N (4..12) | N PIN digits | fill 0xA up to nibble 15 | 16 random nibbles (8 bytes)
    /// PAN field: M = PAN length - 12 (0..7) | 12..19 PAN digits | 0 up to nibble 31
    ///            (a PAN shorter than 12 digits is left-padded with zeros to 12, M = 0)
    /// </code>
    /// Encipherment: block = E_K( E_K(PIN field) XOR PAN field ); decipherment runs it backwards.
    /// The PAN is the card number: digits stay, letters become two digits A=10 .. Z=35 (the ISO 13616
    /// convention), and only the rightmost 19 digits are kept.
    /// PIN digits are passed as values 0-9 in byte arrays the caller wipes; nothing here keeps, prints or
    /// puts a PIN digit into an exception message.
    /// </summary>
    public static class PinBlockFormat4
    {
        /// <summary>Size of a format 4 PIN block and of each plain-text field.</summary>
        public const int BlockSize = 16;

        /// <summary>Shortest PIN format 4 carries.</summary>
        public const int MinPinLength = 4;

        /// <summary>Longest PIN format 4 carries.</summary>
        public const int MaxPinLength = 12;

        /// <summary>Longest PAN the PAN field carries.</summary>
        public const int MaxPanLength = 19;

        /// <summary>Number of random bytes at the end of the PIN field.</summary>
        public const int RandomLength = 8;

        private const int ControlFormat4 = 4;
        private const int FillNibble = 0xA;

        /// <summary>
        /// Builds the plain-text PIN field into field[fieldOff..+16) from pinLength digit values at
        /// pin[pinOff..] and 8 random bytes at random[randomOff..].
        /// </summary>
        public static void EncodePinField(byte[] pin, int pinOff, int pinLength, byte[] random, int randomOff, byte[] field, int fieldOff)
        {
            if (pinLength < MinPinLength || pinLength > MaxPinLength)
            {
                throw new System.ArgumentOutOfRangeException("pinLength");
            }

            for (int i = 0; i < BlockSize; i++)
            {
                field[fieldOff + i] = 0;
            }

            SetNibble(field, fieldOff, 0, ControlFormat4);
            SetNibble(field, fieldOff, 1, pinLength);
            for (int i = 0; i < pinLength; i++)
            {
                int digit = pin[pinOff + i];
                if (digit > 9)
                {
                    throw new System.ArgumentException("PIN digits must be values 0-9");
                }

                SetNibble(field, fieldOff, 2 + i, digit);
            }

            for (int n = 2 + pinLength; n < 16; n++)
            {
                SetNibble(field, fieldOff, n, FillNibble);
            }

            System.Array.Copy(random, randomOff, field, fieldOff + 8, RandomLength);
        }

        /// <summary>
        /// Reads a plain-text PIN field: writes the digit values to pinOut[pinOutOff..] and returns the PIN length,
        /// or -1 when the field is not a valid format 4 PIN field (wrong control nibble, length, digit or fill).
        /// On -1 nothing has been written to pinOut.
        /// </summary>
        public static int DecodePinField(byte[] field, int fieldOff, byte[] pinOut, int pinOutOff)
        {
            if (GetNibble(field, fieldOff, 0) != ControlFormat4)
            {
                return -1;
            }

            int length = GetNibble(field, fieldOff, 1);
            if (length < MinPinLength || length > MaxPinLength)
            {
                return -1;
            }

            int bad = 0;
            for (int i = 0; i < length; i++)
            {
                if (GetNibble(field, fieldOff, 2 + i) > 9)
                {
                    bad = 1;
                }
            }

            for (int n = 2 + length; n < 16; n++)
            {
                if (GetNibble(field, fieldOff, n) != FillNibble)
                {
                    bad = 1;
                }
            }

            if (bad != 0)
            {
                return -1;
            }

            for (int i = 0; i < length; i++)
            {
                pinOut[pinOutOff + i] = (byte)GetNibble(field, fieldOff, 2 + i);
            }

            return length;
        }

        /// <summary>Builds the plain-text PAN field from a card number (see the class summary for the digit rule).</summary>
        public static void EncodePanField(string cardNumber, byte[] field, int fieldOff)
        {
            if (cardNumber == null || cardNumber.Length == 0)
            {
                throw new System.ArgumentException("cardNumber");
            }

            // First pass: how many PAN digits the card number expands to (letters give two).
            int total = 0;
            for (int i = 0; i < cardNumber.Length; i++)
            {
                char c = cardNumber[i];
                if (c >= '0' && c <= '9')
                {
                    total += 1;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    total += 2;
                }
                else
                {
                    throw new System.ArgumentException("card number must be digits and upper-case letters");
                }
            }

            int kept = total > MaxPanLength ? MaxPanLength : total;
            int panLength = kept < 12 ? 12 : kept;
            for (int i = 0; i < BlockSize; i++)
            {
                field[fieldOff + i] = 0;
            }

            SetNibble(field, fieldOff, 0, panLength - 12);

            // Second pass, right to left: the last PAN digit sits at nibble panLength; digits beyond the
            // rightmost 19 are dropped, and the nibbles left of a short PAN stay 0 (the left padding).
            int nibble = panLength;
            int written = 0;
            for (int i = cardNumber.Length - 1; i >= 0 && written < kept; i--)
            {
                char c = cardNumber[i];
                if (c >= '0' && c <= '9')
                {
                    SetNibble(field, fieldOff, nibble--, c - '0');
                    written++;
                }
                else
                {
                    int value = c - 'A' + 10;
                    SetNibble(field, fieldOff, nibble--, value % 10);
                    written++;
                    if (written < kept)
                    {
                        SetNibble(field, fieldOff, nibble--, value / 10);
                        written++;
                    }
                }
            }
        }

        /// <summary>
        /// Enciphers: output[outOff..+16) = E_K( E_K(pinField) XOR panField ). key is 16 bytes.
        /// output may not overlap the inputs.
        /// </summary>
        public static void Encipher(IAes128 aes, byte[] key, byte[] pinField, int pinFieldOff, byte[] panField, int panFieldOff, byte[] output, int outOff)
        {
            Encipher(aes, key, pinField, pinFieldOff, panField, panFieldOff, output, outOff, new byte[BlockSize]);
        }

        /// <summary>As the overload above, with a caller-owned 16-byte scratch block (wiped before returning).</summary>
        public static void Encipher(IAes128 aes, byte[] key, byte[] pinField, int pinFieldOff, byte[] panField, int panFieldOff, byte[] output, int outOff, byte[] intermediate)
        {
            aes.EncryptBlock(key, pinField, pinFieldOff, intermediate, 0);
            for (int i = 0; i < BlockSize; i++)
            {
                intermediate[i] ^= panField[panFieldOff + i];
            }

            aes.EncryptBlock(key, intermediate, 0, output, outOff);
            ConstantTime.Wipe(intermediate);
        }

        /// <summary>
        /// Deciphers: pinField[fieldOff..+16) = D_K( D_K(block) XOR panField ). The result still has to go
        /// through <see cref="DecodePinField"/>.
        /// </summary>
        public static void Decipher(IAes128 aes, byte[] key, byte[] block, int blockOff, byte[] panField, int panFieldOff, byte[] pinField, int fieldOff)
        {
            byte[] intermediate = new byte[BlockSize];
            aes.DecryptBlock(key, block, blockOff, intermediate, 0);
            for (int i = 0; i < BlockSize; i++)
            {
                intermediate[i] ^= panField[panFieldOff + i];
            }

            aes.DecryptBlock(key, intermediate, 0, pinField, fieldOff);
            ConstantTime.Wipe(intermediate);
        }

        /// <summary>
        /// Host side in one call: deciphers block[blockOff..+16) for the given card number and writes the PIN
        /// digit values to pinOut. Returns the PIN length, or -1 when the block does not decode to a valid
        /// format 4 PIN field (wrong key, wrong card number or a forged block). Intermediate values are wiped.
        /// </summary>
        public static int DecodeBlock(IAes128 aes, byte[] key, byte[] block, int blockOff, string cardNumber, byte[] pinOut, int pinOutOff)
        {
            byte[] pan = new byte[BlockSize];
            byte[] field = new byte[BlockSize];
            EncodePanField(cardNumber, pan, 0);
            Decipher(aes, key, block, blockOff, pan, 0, field, 0);
            int length = DecodePinField(field, 0, pinOut, pinOutOff);
            ConstantTime.Wipe(field);
            return length;
        }

        private static void SetNibble(byte[] buf, int off, int nibble, int value)
        {
            int i = off + (nibble >> 1);
            if ((nibble & 1) == 0)
            {
                buf[i] = (byte)((buf[i] & 0x0F) | (value << 4));
            }
            else
            {
                buf[i] = (byte)((buf[i] & 0xF0) | (value & 0x0F));
            }
        }

        private static int GetNibble(byte[] buf, int off, int nibble)
        {
            int b = buf[off + (nibble >> 1)];
            return (nibble & 1) == 0 ? b >> 4 : b & 0x0F;
        }
    }
}
