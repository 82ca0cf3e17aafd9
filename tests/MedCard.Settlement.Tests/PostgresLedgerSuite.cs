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

    public PostgresLedgerSuite(PostgresFixture fixture) => _fixture = fixture;

    protected override async Task<ILedgerStore> OpenStoreAsync() => new PostgresLedgerStore(await _fixture.NewDatabaseAsync());
}
