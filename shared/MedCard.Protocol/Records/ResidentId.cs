namespace MedCard.Protocol
{
    /// <summary>
    /// The 18-character resident ID number (GB 11643): 17 digits and a check character (0-9 or X) computed with
    /// ISO 7064 MOD 11-2. The one resident-ID type of the project: the firmware, the wire protocol, the ledger
    /// (MedCard.Settlement) and the medcard tool all use it. <see cref="IsValid"/> takes the canonical form only
    /// (upper-case X, as on the card and the wire); people may type a lower-case x, which <see cref="Normalize"/> turns
    /// into the canonical form first.
    /// </summary>
    public static class ResidentId
    {
        /// <summary>Characters of a resident ID.</summary>
        public const int Length = 18;

        /// <summary>The check character for the first 17 digits of id; '\0' if they are not 17 digits.</summary>
        public static char ComputeCheckCharacter(string id)
        {
            if (id == null || id.Length < Length - 1)
            {
                return '\0';
            }

            // MOD 11-2: weights are 2^(17-i) mod 11; the check value makes the weighted sum 1 mod 11.
            int sum = 0;
            int weight = 1;
            for (int i = Length - 2; i >= 0; i--)
            {
                char c = id[i];
                if (c < '0' || c > '9')
                {
                    return '\0';
                }

                weight = (weight * 2) % 11;
                sum += (c - '0') * weight;
            }

            int check = (12 - (sum % 11)) % 11;
            return check == 10 ? 'X' : (char)('0' + check);
        }

        /// <summary>The canonical form: a trailing lower-case x upper-cased (the only letter an ID can hold), so the
        /// same person is never stored twice. Anything else is returned unchanged (null stays null).</summary>
        public static string Normalize(string id)
        {
            if (id == null || id.Length != Length || id[Length - 1] != 'x')
            {
                return id;
            }

            return id.Substring(0, Length - 1) + "X";
        }

        /// <summary>True for 17 digits followed by the right check character.</summary>
        public static bool IsValid(string id)
        {
            if (id == null || id.Length != Length)
            {
                return false;
            }

            char expected = ComputeCheckCharacter(id);
            return expected != '\0' && id[Length - 1] == expected;
        }
    }
}
