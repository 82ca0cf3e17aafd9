namespace MedCard.Protocol
{
    /// <summary>Holder gender, coded as in GB/T 2261.1 (0 unknown, 1 male, 2 female, 9 unspecified).</summary>
    public enum Gender : byte
    {
        /// <summary>Not known (GB/T 2261.1 code 0).</summary>
        Unknown = 0,
        /// <summary>Male (code 1).</summary>
        Male = 1,
        /// <summary>Female (code 2).</summary>
        Female = 2,
        /// <summary>Not stated (code 9).</summary>
        Unspecified = 9,
    }
}
