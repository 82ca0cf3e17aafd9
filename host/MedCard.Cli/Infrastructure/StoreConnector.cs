using System;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Infrastructure;

/// <summary>Turns the --store value into a migrated ledger store: a PostgreSQL connection string when it
/// contains "Host=", otherwise a SQLite file path.</summary>
internal static class StoreConnector
{
    public static bool IsPostgres(string spec) => spec.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the store, creating it when missing (setup commands and the demo).</summary>
    public static Task<ILedgerStore> OpenAsync(string spec, CancellationToken cancellationToken) =>
        OpenAsync(spec, StoreAccess.CreateIfMissing, cancellationToken);

    /// <summary>Opens the store; with <see cref="StoreAccess.Existing"/> a missing ledger (no SQLite file, or a
    /// PostgreSQL database without the ledger's tables) is an I/O failure "no ledger at ..." and nothing is created.</summary>
    public static async Task<ILedgerStore> OpenAsync(string spec, StoreAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw CliException.BadInput("--store is empty", "give a SQLite file path or a PostgreSQL connection string");
        }

        ILedgerStore store;
        if (IsPostgres(spec))
        {
            try
            {
                store = new PostgresLedgerStore(spec);
            }
            catch (ArgumentException e)
            {
                throw CliException.BadInput("--store is not a valid PostgreSQL connection string (" + e.Message + ")",
                    "e.g. Host=localhost;Database=medcard;Username=medcard;Password=...");
            }
        }
        else
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(spec));
            if (directory is not null && !Directory.Exists(directory))
            {
                throw CliException.Io("cannot open the store " + spec + ": the folder " + directory + " does not exist",
                    "create the folder or pass another --store path");
            }

            store = new SqliteLedgerStore(spec);
        }

        try
        {
            if (access == StoreAccess.Existing && store is SqlLedgerStore sql && !await sql.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                await store.DisposeAsync().ConfigureAwait(false);
                throw CliException.Io("no ledger at " + Describe(spec),
                    "pass the --store of an existing ledger, or create one with a setup command (policy set, institution add, card enroll)");
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException
            or System.Net.Sockets.SocketException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw CliException.Io("cannot open the store " + Describe(spec) + ": " + FirstLine(e.Message),
                "check the path or connection string, permissions and that the database is reachable", e);
        }
    }

    /// <summary>A connection string may hold a password: show only its host part.</summary>
    public static string Describe(string spec)
    {
        if (!IsPostgres(spec))
        {
            return Echo.Value(spec, 256);
        }

        foreach (string part in spec.Split(';'))
        {
            if (part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
            {
                return "PostgreSQL " + part.Trim();
            }
        }

        return "PostgreSQL";
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return (newline < 0 ? message : message[..newline]).TrimEnd('.');
    }
}
