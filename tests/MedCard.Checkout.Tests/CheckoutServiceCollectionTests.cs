using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout.Hosting;
using MedCard.Host.Transport;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary><c>AddMedCardCheckout</c> in a real container: options bound from configuration, the ledger opened from them, and a
/// purchase settled through the resolved factory.</summary>
public sealed class CheckoutServiceCollectionTests
{
    [Fact]
    public async Task Options_bound_from_configuration_open_the_ledger_and_settle_through_the_resolved_factory()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MedCard:Ledger"] = folder.Ledger,
            ["MedCard:CardWait"] = "00:00:30",
            ["MedCard:Readers:counter1:Port"] = "tcp://127.0.0.1:9",
            ["MedCard:Readers:pharmacy:Port"] = "/dev/medcard-test-no-such-port",
            ["MedCard:Readers:pharmacy:BaudRate"] = "57600",
        }).Build();
        var services = new ServiceCollection();
        services.AddMedCardCheckout(configuration.GetSection(MedCardCheckoutOptions.SectionName));
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        CheckoutTerminalFactory factory = provider.GetRequiredService<CheckoutTerminalFactory>();
        MedCardCheckoutOptions options = provider.GetRequiredService<IOptions<MedCardCheckoutOptions>>().Value;

        Assert.Same(provider.GetRequiredService<ILedgerStore>(), factory.Ledger);
        Assert.Equal(TimeSpan.FromSeconds(30), factory.CheckoutOptions.CardWait);
        Assert.Equal(["counter1", "pharmacy"], factory.ReaderNames.Order().ToArray());
        Assert.Equal(57600, options.Readers["PHARMACY"].BaudRate); // reader names are case-insensitive
        Assert.IsType<TcpTransport>(factory.Transport("counter1"));
        Assert.Throws<ArgumentException>(() => factory.Transport("ward9"));

        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(folder.Scene.ReaderFolder(1));
        reader.PlaceCard(CheckoutScene.Uid, CheckoutScene.CardNumber, CheckoutScene.ResidentId);
        reader.HolderTypes(CheckoutScene.Pin);
        await using CheckoutTerminal terminal = await factory.OpenAsync(reader, CancellationToken.None);
        CheckoutResult result = await terminal.CheckoutAsync(
            new Purchase([new BillItem("OTC", "Ibuprofen", ItemClass.FullySelfPaid, 6_00)], CheckoutScene.Institution, VisitType.Pharmacy), CancellationToken.None);

        Assert.True(result.IsSettled, result.ToString());
        Assert.Equal(6_00, (await folder.Scene.FiledAsync(1))[result.Counter].OwnAccount);
    }

    [Fact]
    public async Task A_ledger_store_registered_first_is_kept_and_the_holder_mac_key_file_is_read()
    {
        string keyFile = Path.Combine(Path.GetTempPath(), "medcard-holder-mac-" + Guid.NewGuid().ToString("N"));
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(i * 7);
        }

        await File.WriteAllTextAsync(keyFile, Convert.ToHexString(key) + "\n");
        try
        {
            await using SceneFolder folder = await SceneFolder.CreateAsync();
            var services = new ServiceCollection();
            services.AddSingleton(folder.Scene.Store);
            services.AddMedCardCheckout(o => o.HolderMacKeyFile = keyFile);
            await using ServiceProvider provider = services.BuildServiceProvider();

            CheckoutTerminalFactory factory = provider.GetRequiredService<CheckoutTerminalFactory>();

            Assert.Same(folder.Scene.Store, factory.Ledger);
            Assert.Equal(key, factory.CheckoutOptions.HolderMacKey);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_reader_without_a_port_fails_validation_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddMedCardCheckout(o =>
        {
            o.Ledger = "unused.db";
            o.Readers["counter1"] = new ReaderEndpointOptions();
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CheckoutTerminalFactory>());
        Assert.Contains("needs a Port", error.Message);
    }

    [Fact]
    public async Task No_ledger_configured_is_a_clear_error()
    {
        var services = new ServiceCollection();
        services.AddMedCardCheckout(_ => { });
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILedgerStore>());
        Assert.Contains("no ledger configured", error.Message);
    }
}
