using System;
using System.IO;
using System.Threading.Tasks;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Tests;

/// <summary>The suite on SQLite: one database file per test in a temp directory removed afterwards.</summary>
public sealed class SqliteLedgerSuite : LedgerSuite, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "medcard-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
    private int _files;

    public SqliteLedgerSuite() => Directory.CreateDirectory(_dir);

    protected override Task<ILedgerStore> OpenStoreAsync() =>
        Task.FromResult<ILedgerStore>(new SqliteLedgerStore(Path.Combine(_dir, "ledger" + (++_files) + ".db")));

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
