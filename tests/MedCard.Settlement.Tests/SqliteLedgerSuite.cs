using System;
using System.IO;
using System.Threading.Tasks;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;

namespace MedCard.Settlement.Tests;

/// <summary>The suite on SQLite: one database file per test in a temp directory removed afterwards.</summary>
public sealed partial class SqliteLedgerSuite : LedgerSuite, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "medcard-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
    private int _files;

    public SqliteLedgerSuite(Xunit.Abstractions.ITestOutputHelper output)
    {
        Output = output;
        Directory.CreateDirectory(_dir);
    }

    /// <summary>The floor for every CI run: 5,000 history steps (25 histories of 200).</summary>
    protected override int DefaultHistoryOperations => 5_000;

    protected override Xunit.Abstractions.ITestOutputHelper? Output { get; }

    protected override Task<ILedgerStore> OpenStoreAsync() =>
        Task.FromResult<ILedgerStore>(new SqliteLedgerStore(Path.Combine(_dir, "ledger" + (++_files) + ".db")));

    [Xunit.Fact]
    public async Task The_ledger_file_and_its_wal_and_shm_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix modes there
        }

        string path = Path.Combine(_dir, "private.db");
        await using var store = new SqliteLedgerStore(path);
        await store.MigrateAsync(System.Threading.CancellationToken.None);
        await using TestLedger l = await TestLedger.CreateAsync(store);
        await l.EnrolAsync(10_00);

        // While pooled connections are open, SQLite keeps the -wal and -shm files beside the database.
        foreach (string file in new[] { path, path + "-wal", path + "-shm" })
        {
            Xunit.Assert.True(File.Exists(file), file + " missing");
            Xunit.Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
