using System;

namespace MedCard.Settlement.Stores;

/// <summary>Opens a store from one configuration string, so tools can take a single --ledger option.</summary>
public static class LedgerStores
{
    /// <summary>
    /// "postgresql://…" URIs are not accepted (Npgsql takes key=value strings); a string containing
    /// "Host=" is a PostgreSQL connection string; anything else is a SQLite file path (an optional
    /// "sqlite:" prefix is stripped). The store is not migrated here: call <see cref="ILedgerStore.MigrateAsync"/>.
    /// </summary>
    public static ILedgerStore Open(string ledger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ledger);
        if (ledger.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresLedgerStore(ledger);
        }

        if (ledger.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && ledger.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException("Use an Npgsql connection string (Host=...;Database=...;Username=...), not a URI.", nameof(ledger));
        }

        return new SqliteLedgerStore(ledger.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? ledger["sqlite:".Length..] : ledger);
    }
}
