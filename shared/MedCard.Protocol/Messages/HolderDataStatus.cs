namespace MedCard.Protocol
{
    /// <summary>What the reader made of the holder data in the card's sectors (CardPresented).</summary>
    public enum HolderDataStatus : byte
    {
        /// <summary>
        /// Read; layout and ID check character verified by the reader; holder fields and the card's issuer MAC follow.
        /// The issuer MAC is the host's to verify (readers do not hold the issuer's key).
        /// </summary>
        Ok = 0,

        /// <summary>Authentication or read failed (card moved, wrong keys, not a MIFARE Classic).</summary>
        Unreadable = 1,

        /// <summary>The card carries no holder data (not personalised).</summary>
        Blank = 2,

        /// <summary>The data does not follow the sector layout.</summary>
        Malformed = 3,

        /// <summary>
        /// The issuer MAC does not match the data and UID (clone or tampering). Set by the host when it verifies the MAC a
        /// reader forwarded (readers since key separation never send it; older readers did).
        /// </summary>
        BadIssuerMac = 4,

        /// <summary>The resident ID check character (ISO 7064 MOD 11-2) is wrong.</summary>
        BadCheckCharacter = 5,
    }
}
