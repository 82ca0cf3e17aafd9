namespace MedCard.Host.Client
{
    /// <summary>What the reader's keypad accepts for one PIN entry.</summary>
    public sealed record PinEntryOptions
    {
        public byte MinLength { get; init; } = 6;

        public byte MaxLength { get; init; } = 6;

        /// <summary>Shown on the reader when known (0xFF = not told).</summary>
        public byte TriesRemaining { get; init; } = 0xFF;

        public byte TimeoutSeconds { get; init; } = 30;

        public static PinEntryOptions Default { get; } = new PinEntryOptions();
    }
}
