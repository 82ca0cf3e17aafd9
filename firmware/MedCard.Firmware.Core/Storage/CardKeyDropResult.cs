namespace MedCard.Firmware.Storage
{
    /// <summary>Outcome of <see cref="CardKeyDropFile.InstallIfPresent"/>; safe to print (it carries no key material).</summary>
    public enum CardKeyDropResult
    {
        /// <summary>No drop file: nothing to do (the normal boot).</summary>
        NoFile = 0,

        /// <summary>Keys installed and the drop file destroyed.</summary>
        Installed = 1,

        /// <summary>The drop file had the wrong length; destroyed without installing anything.</summary>
        Malformed = 2,

        /// <summary>Reading the file or storing the keys failed; the file is kept so the next boot retries.</summary>
        StoreFailed = 3,

        /// <summary>The reader already has card keys (one-time rule); the file was destroyed, nothing changed.</summary>
        AlreadyInstalled = 4,

        /// <summary>A key was all zeros or both were equal; the file was destroyed, nothing installed.</summary>
        InvalidKey = 5,

        /// <summary>The keys were handled but the file could not be erased; the next boot erases it (then AlreadyInstalled).</summary>
        FileNotErased = 6,
    }
}
