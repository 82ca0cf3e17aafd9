using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MedCard.Cli.Readers;

/// <summary>
/// The tool's durable reader tables, kept in the same database as the ledger:
/// - <c>cli_reader_keys</c>: the HOST side — each provisioned reader's key (the host key store) and the
///   chain position of its last accepted record (so a restart never forgets what it accepted);
/// The READER side of the in-process readers is not here: it is the firmware core's own flash, a directory next to the
/// ledger (<see cref="InProcessReaderDirectory"/>).
/// Keys are stored in clear: this is a development key store for the tool and the demo. Integrators keep
/// reader keys in their own <see cref="IReaderKeyStore"/> (HSM, vault, encrypted table).
/// </summary>
internal sealed class ReaderRegistry : IReaderKeyStore, IRecordChainStore
{
    private const string Schema =
        "CREATE TABLE IF NOT EXISTS cli_reader_keys (reader_id BIGINT PRIMARY KEY, reader_key BYTEA NOT NULL, "
        + "last_counter BIGINT NOT NULL, last_mac BYTEA NOT NULL, provisioned_at TEXT NOT NULL);";

    private readonly string _spec;
    private readonly bool _postgres;

    /// <summary>The ledger this registry lives in (the in-process readers' flash directories are named after it).</summary>
    public string StoreSpec => _spec;

    private ReaderRegistry(string spec)
    {
        _spec = spec;
        _postgres = StoreConnector.IsPostgres(spec);
    }

    /// <summary>Opens the tables next to an already migrated ledger (call after the ledger store opened).</summary>
    public static async Task<ReaderRegistry> OpenAsync(string spec, CancellationToken cancellationToken)
    {
        var registry = new ReaderRegistry(spec);
        await registry.ExecuteAsync(Schema, cancellationToken).ConfigureAwait(false);
        await registry.AddNonceColumnAsync(cancellationToken).ConfigureAwait(false);
        return registry;
    }

    /// <summary>
    /// <c>last_nonce</c> (host nonce of the last accepted record; empty = unknown) came after the first release of these
    /// tables: without it the verifier cannot tell a reader that signed one request twice after a reboot
    /// (<see cref="RecordVerdict.DuplicateSigning"/>) from a new transaction, and the bill would be charged twice.
    /// Added in place to existing databases.
    /// </summary>
    private async Task AddNonceColumnAsync(CancellationToken cancellationToken)
    {
        if (_postgres)
        {
            await ExecuteAsync("ALTER TABLE cli_reader_keys ADD COLUMN IF NOT EXISTS last_nonce BYTEA", cancellationToken).ConfigureAwait(false);
            return;
        }

        List<long> present = await QueryAsync("SELECT COUNT(*) FROM pragma_table_info('cli_reader_keys') WHERE name = 'last_nonce'",
            r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        if (present[0] == 0)
        {
            try
            {
                await ExecuteAsync("ALTER TABLE cli_reader_keys ADD COLUMN last_nonce BYTEA", cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process added it in between.
            }
        }
    }

    /// <summary>Host side: records the reader's key and starts its chain at <paramref name="startCounter"/>
    /// (the last counter the ledger saw from this reader id, so a re-provisioned reader never reuses one).</summary>
    public Task ProvisionHostAsync(uint readerId, byte[] key, uint startCounter, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO cli_reader_keys (reader_id, reader_key, last_counter, last_mac, last_nonce, provisioned_at) VALUES (@r, @k, @c, @m, @n, @t) "
            + "ON CONFLICT (reader_id) DO UPDATE SET reader_key = excluded.reader_key, last_counter = excluded.last_counter, "
            + "last_mac = excluded.last_mac, last_nonce = excluded.last_nonce, provisioned_at = excluded.provisioned_at",
            cancellationToken, ("@r", (long)readerId), ("@k", key), ("@c", (long)startCounter), ("@m", new byte[SignedRecord.MacLength]),
            ("@n", Array.Empty<byte>()),
            ("@t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

    public async ValueTask<byte[]?> GetKeyAsync(uint readerId, CancellationToken cancellationToken)
    {
        List<byte[]> rows = await QueryAsync("SELECT reader_key FROM cli_reader_keys WHERE reader_id = @r", r => (byte[])r.GetValue(0),
            cancellationToken, ("@r", (long)readerId)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    async ValueTask<ChainPosition> IRecordChainStore.GetAsync(uint readerId, CancellationToken cancellationToken)
    {
        List<ChainPosition> rows = await QueryAsync("SELECT last_counter, last_mac, last_nonce FROM cli_reader_keys WHERE reader_id = @r",
            r => new ChainPosition((uint)r.GetInt64(0), (byte[])r.GetValue(1),
                r.IsDBNull(2) || ((byte[])r.GetValue(2)).Length == 0 ? null : (byte[])r.GetValue(2)),
            cancellationToken, ("@r", (long)readerId)).ConfigureAwait(false);
        return rows.Count == 0 ? ChainPosition.Start : rows[0];
    }

    async ValueTask<bool> IRecordChainStore.TryAdvanceAsync(uint readerId, ChainPosition expected, ChainPosition next, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE cli_reader_keys SET last_counter = @nc, last_mac = @nm, last_nonce = @nn "
            + "WHERE reader_id = @r AND last_counter = @ec AND last_mac = @em",
            cancellationToken, ("@nc", (long)next.Counter), ("@nm", next.LastMac), ("@nn", next.LastNonce ?? Array.Empty<byte>()), ("@r", (long)readerId), ("@ec", (long)expected.Counter),
            ("@em", expected.LastMac)).ConfigureAwait(false) == 1;

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _postgres
            ? new NpgsqlConnection(_spec)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _spec, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = Command(connection, sql, parameters);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            DbParameter p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }
}
