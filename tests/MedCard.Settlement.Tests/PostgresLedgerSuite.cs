using System.Threading.Tasks;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The same suite on a private PostgreSQL server (skipped, with the reason, when its binaries are absent).</summary>
[Collection("postgres")]
public sealed class PostgresLedgerSuite : LedgerSuite, IRequiresPostgres
{
    private readonly PostgresFixture _fixture;

    public PostgresLedgerSuite(PostgresFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    {
        _fixture = fixture;
        Output = output;
    }

    /// <summary>A share of SQLite's 5,000 that keeps CI time reasonable: each step is a network round trip or more and
    /// each history a new database.</summary>
    protected override int DefaultHistoryOperations => 1_000;

    protected override Xunit.Abstractions.ITestOutputHelper? Output { get; }

    protected override async Task<ILedgerStore> OpenStoreAsync() => new PostgresLedgerStore(await _fixture.NewDatabaseAsync());
}
