namespace MedCard.Cli.Infrastructure;

/// <summary>Whether a command may create the ledger. Only setup commands (policy set, institution add, card enroll,
/// card import, provision) and the demo create one; every other command, above all those that only read, needs
/// an existing ledger and fails with "no ledger at PATH" (exit 4) instead of leaving an empty one behind.</summary>
internal enum StoreAccess
{
    /// <summary>The ledger must exist; nothing is created.</summary>
    Existing = 0,

    /// <summary>A missing SQLite file or PostgreSQL schema is created.</summary>
    CreateIfMissing = 1,
}
