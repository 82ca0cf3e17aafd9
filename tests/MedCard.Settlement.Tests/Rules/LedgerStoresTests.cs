using System;
using System.Threading.Tasks;
using MedCard.Settlement.Stores;
using Xunit;

namespace MedCard.Settlement.Tests.Rules;

public sealed class LedgerStoresTests
{
    [Fact]
    public async Task One_option_string_selects_the_store()
    {
        await using ILedgerStore sqlite = LedgerStores.Open("sqlite:/tmp/x.db");
        await using ILedgerStore pg = LedgerStores.Open("Host=127.0.0.1;Port=1;Database=x;Username=y");
        Assert.Equal("sqlite", sqlite.Kind);
        Assert.Equal("/tmp/x.db", ((SqliteLedgerStore)sqlite).Path);
        Assert.Equal("postgresql", pg.Kind);
        Assert.Throws<ArgumentException>(() => LedgerStores.Open("postgresql://u@h/db"));
    }
}
