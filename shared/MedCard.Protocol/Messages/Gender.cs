namespace MedCard.Protocol
{
    /// <summary>Holder gender, coded as in GB/T 2261.1 (0 unknown, 1 male, 2 female, 9 unspecified).</summary>
    public enum Gender : byte
    {
        Unknown = 0,
        Male = 1,
        Female = 2,
        Unspecified = 9,
    }
}
