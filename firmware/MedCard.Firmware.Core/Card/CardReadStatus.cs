namespace MedCard.Firmware.Card
{
    /// <summary>Why reading holder data succeeded or not. Every refusal has its own value so the host and the LEDs can tell them apart.</summary>
    public enum CardReadStatus
    {
        /// <summary>Holder data read; layout and ID check character verified (the issuer MAC is the host's to verify).</summary>
        Ok = 0,

        /// <summary>The card is not a MIFARE Classic 1K (SAK), so it cannot carry our layout.</summary>
        UnsupportedCard = 1,

        /// <summary>A diversified key was refused: a foreign, blank or cloned card (or a UID that does not match the keys).</summary>
        AuthenticationFailed = 2,

        /// <summary>A block read failed (card moved, RF noise); worth a retry.</summary>
        ReadFailed = 3,

        /// <summary>Authenticated but no "MC" magic: sectors are ours but empty.</summary>
        NotPersonalised = 4,

        /// <summary>The layout version is one this firmware does not know.</summary>
        UnsupportedLayout = 5,

        /// <summary>A field is out of range (lengths, characters, gender code, UTF-8, reserved bytes).</summary>
        MalformedData = 6,

        /// <summary>The resident ID number's MOD 11-2 check character is wrong.</summary>
        BadIdCheckCharacter = 7,
    }
}
