namespace MedCard.Protocol
{
    /// <summary>Outcome of a ProvisionCardKeys request. Every status but Installed left the reader unchanged.</summary>
    public enum CardKeysStatus : byte
    {
        /// <summary>Both keys stored; cards of the scheme can be read from now on.</summary>
        Installed = 0,

        /// <summary>The reader already has card keys; nothing changed (a factory wipe is needed first).</summary>
        AlreadyInstalled = 1,

        /// <summary>The reader has no id and key yet: Provision first.</summary>
        NotProvisioned = 2,

        /// <summary>The request's reader id is not this reader's.</summary>
        WrongReaderId = 3,

        /// <summary>A key is all zeros, or both keys are the same (one key must not serve two purposes).</summary>
        InvalidKey = 4,

        /// <summary>Storing failed; the reader has no card keys. The request may be retried.</summary>
        StorageFailure = 5,
    }
}
