using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>One private PostgreSQL server for the whole "postgres" collection; each test gets its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PrivatePostgresServer? _server;
    private int _databases;

    public async Task InitializeAsync()
    {
        string? bin = PrivatePostgresServer.FindBinaries();
        if (bin is not null)
        {
            _server = await PrivatePostgresServer.StartAsync(bin, CancellationToken.None);
        }
    }

    public async Task<string> NewDatabaseAsync()
    {
        PrivatePostgresServer server = _server ?? throw new InvalidOperationException("PostgreSQL binaries are missing.");
        string name = "ledger_" + Interlocked.Increment(ref _databases) + "_" + Guid.NewGuid().ToString("N")[..6];
        await server.CreateDatabaseAsync(name, CancellationToken.None);
        return server.ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
}
