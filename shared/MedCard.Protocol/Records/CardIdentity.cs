namespace MedCard.Protocol
{
    /// <summary>Field rules for the card UID and card number, shared by records and messages.</summary>
    public static class CardIdentity
    {
        /// <summary>ISO 14443-3A UIDs are single (4), double (7) or triple (10) size.</summary>
        public const int MaxUidLength = 10;

        /// <summary>Shortest card number.</summary>
        public const int MinCardNumberLength = 1;

        /// <summary>Longest card number; fixed so the MAC input has a fixed layout.</summary>
        public const int MaxCardNumberLength = 20;

        /// <summary>True for a UID length of 4, 7 or 10 bytes.</summary>
        public static bool IsValidUidLength(int length)
        {
            return length == 4 || length == 7 || length == 10;
        }

        /// <summary>True for a non-null UID of a valid length.</summary>
        public static bool IsValidUid(byte[] uid)
        {
            return uid != null && IsValidUidLength(uid.Length);
        }

        /// <summary>1-20 characters, digits and upper-case letters only (one spelling per card, so hotlist matching
        /// by string equality is exact).</summary>
        public static bool IsValidCardNumber(string cardNumber)
        {
            if (cardNumber == null || cardNumber.Length < MinCardNumberLength || cardNumber.Length > MaxCardNumberLength)
            {
                return false;
            }

            for (int i = 0; i < cardNumber.Length; i++)
            {
                char c = cardNumber[i];
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
