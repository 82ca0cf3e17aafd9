using System;
using System.IO;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// Where the tool keeps the scheme's e-card signing keys: a key file of the PIN key format (<see cref="PinKeyFile"/>, the
/// same contract, its own file), named by MEDCARD_ECARD_KEYS, else for a SQLite ledger "&lt;ledger&gt;.ecard-keys" beside
/// it. Issuing creates it (0600, one key); settling needs it to exist.
/// </summary>
internal static class ECardKeyLocation
{
    public const string Variable = "MEDCARD_ECARD_KEYS";

    public static PinKeyFile Open(CliContext ctx, bool create)
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        string path = !string.IsNullOrWhiteSpace(configured) ? configured
            : StoreConnector.IsPostgres(ctx.StoreSpec)
                ? throw CliException.BadInput("a PostgreSQL ledger has no default e-card key file", "set " + Variable + " to the key file's path")
                : Path.GetFullPath(ctx.StoreSpec) + ".ecard-keys";
        if (!create && !File.Exists(path))
        {
            throw CliException.Io("no e-card key file " + Echo.Value(path, 256), "issue an e-card first (medcard ecard issue) or set " + Variable);
        }

        return PinKeyLocation.OnFile(path, () => create ? PinKeyFile.OpenOrCreate(path) : PinKeyFile.Open(path), "e-card key file");
    }

    /// <summary>The tool's ledger options with the e-card keys added.</summary>
    public static LedgerOptions With(LedgerOptions options, PinKeyFile keys) => new()
    {
        PinIterations = options.PinIterations,
        PinKeys = options.PinKeys,
        SchemeUtcOffset = options.SchemeUtcOffset,
        Clock = options.Clock,
        PinVerificationLifetime = options.PinVerificationLifetime,
        ECardKeys = keys,
        ECardLifetime = options.ECardLifetime,
        ECardPinFreeLimit = options.ECardPinFreeLimit,
    };
}
