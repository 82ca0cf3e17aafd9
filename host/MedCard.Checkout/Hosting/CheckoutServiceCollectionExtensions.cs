using System;
using System.Linq;
using MedCard.Checkout.Hosting;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for AddXxx extensions: `services.AddMedCardCheckout(...)` is found without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the checkout library in a dependency-injection container.</summary>
public static class CheckoutServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MedCardCheckoutOptions"/> (configured by <paramref name="configure"/>, validated when first read), the
    /// ledger store (<see cref="ILedgerStore"/>, opened from <see cref="MedCardCheckoutOptions.Ledger"/> unless one is registered
    /// already; not migrated: call <c>MigrateAsync</c> at startup) and <see cref="CheckoutTerminalFactory"/>, all singletons. A
    /// registered <see cref="LedgerOptions"/> and <see cref="ILoggerFactory"/> are used. The store is async-disposable only: dispose the
    /// provider with <c>DisposeAsync</c> (the Generic Host does).
    /// </summary>
    public static IServiceCollection AddMedCardCheckout(this IServiceCollection services, Action<MedCardCheckoutOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MedCardCheckoutOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>As <see cref="AddMedCardCheckout(IServiceCollection, Action{MedCardCheckoutOptions})"/>, with the options bound from
    /// <paramref name="section"/> (e.g. <c>configuration.GetSection(MedCardCheckoutOptions.SectionName)</c>); <paramref name="configure"/>
    /// runs after the binding (a key from a vault, say).</summary>
    public static IServiceCollection AddMedCardCheckout(this IServiceCollection services, IConfiguration section, Action<MedCardCheckoutOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        OptionsBuilder<MedCardCheckoutOptions> options = services.AddOptions<MedCardCheckoutOptions>().Bind(section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<MedCardCheckoutOptions>()
            .Validate(o => o.CardWait > TimeSpan.Zero && o.CallTimeout > TimeSpan.Zero, "MedCard: CardWait and CallTimeout must be positive.")
            .Validate(o => o.Readers.All(r => !string.IsNullOrWhiteSpace(r.Value.Port)), "MedCard: every reader under Readers needs a Port.")
            .Validate(o => o.HolderMacKey is null || o.HolderMacKey.Length == 32, "MedCard: HolderMacKey must be 32 bytes.");
        services.TryAddSingleton<ILedgerStore>(sp =>
        {
            string ledger = sp.GetRequiredService<IOptions<MedCardCheckoutOptions>>().Value.Ledger
                ?? throw new InvalidOperationException("MedCard: no ledger configured (set MedCard:Ledger, or register an ILedgerStore before AddMedCardCheckout).");
            return LedgerStores.Open(ledger);
        });
        services.TryAddSingleton(sp => new CheckoutTerminalFactory(
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<IOptions<MedCardCheckoutOptions>>(),
            sp.GetService<LedgerOptions>(),
            sp.GetService<ILoggerFactory>()));
        return services;
    }
}
