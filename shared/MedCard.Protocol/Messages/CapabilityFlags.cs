namespace MedCard.Protocol
{
    /// <summary>What a reader has and supports (Capabilities.Flags, u16).</summary>
    [System.Flags]
    public enum CapabilityFlags : ushort
    {
        /// <summary>Nothing.</summary>
        None = 0x0000,

        /// <summary>Reader id and key are set; signing works.</summary>
        Provisioned = 0x0001,

        /// <summary>A PIN keypad is fitted.</summary>
        Keypad = 0x0002,

        /// <summary>A buzzer is fitted.</summary>
        Buzzer = 0x0004,
        /// <summary>Status LEDs are fitted.</summary>
        Leds = 0x0008,
        /// <summary>A display is fitted.</summary>
        Display = 0x0010,

        /// <summary>Hotlist entries by card number are accepted.</summary>
        HotlistCardNumber = 0x0020,

        /// <summary>Hotlist entries by UID hash are accepted.</summary>
        HotlistUidHash = 0x0040,

        /// <summary>The reader accepts ProvisionCardKeys (0x0A); older readers take card keys from a drop file only.</summary>
        CardKeysMessage = 0x0080,
    }
}
