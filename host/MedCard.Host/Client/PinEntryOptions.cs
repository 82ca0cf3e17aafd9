namespace MedCard.Host.Client
{
    /// <summary>What the reader's keypad accepts for one PIN entry.</summary>
    public sealed record PinEntryOptions
    {
        /// <summary>Fewest digits the keypad accepts.</summary>
        public byte MinLength { get; init; } = 6;

        /// <summary>Most digits the keypad accepts.</summary>
        public byte MaxLength { get; init; } = 6;

        /// <summary>Shown on the reader when known (0xFF = not told).</summary>
        public byte TriesRemaining { get; init; } = 0xFF;

        /// <summary>Seconds the reader's keypad waits for a complete entry before it gives up.</summary>
        public byte TimeoutSeconds { get; init; } = 30;

        /// <summary>Six digits, 30 seconds.</summary>
        public static PinEntryOptions Default { get; } = new PinEntryOptions();
    }
}
