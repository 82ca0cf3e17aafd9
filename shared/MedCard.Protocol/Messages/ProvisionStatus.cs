namespace MedCard.Protocol
{
    /// <summary>Outcome of a Provision request.</summary>
    public enum ProvisionStatus : byte
    {
        /// <summary>Id and key stored; the reader signs from now on.</summary>
        Provisioned = 0,

        /// <summary>The reader already has a key; nothing changed (a factory wipe is needed first).</summary>
        AlreadyProvisioned = 1,

        /// <summary>The id is not allowed (e.g. differs from the id the counter was last used under).</summary>
        InvalidReaderId = 2,

        /// <summary>Storing failed; the reader stays unprovisioned.</summary>
        StorageFailure = 3,
    }
}
