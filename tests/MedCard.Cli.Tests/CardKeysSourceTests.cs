using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using MedCard.Cli.Infrastructure;
using MedCard.Simulator.Cards;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>The three forms of a `provision --card-keys` file (the key-A master only), and what is refused before anything is sent.</summary>
public sealed class CardKeysSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medcard-card-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Raw_bytes_hex_and_a_cards_file_give_the_same_key()
    {
        byte[] master = RandomNumberGenerator.GetBytes(32);
        byte[] other = RandomNumberGenerator.GetBytes(32);
        string hex = Convert.ToHexString(master, 0, 16) + "\n  " + Convert.ToHexString(master, 16, 16).ToLowerInvariant() + "\n";
        string json = "{ \"scheme\": { \"keyAMasterKey\": \"" + Convert.ToHexString(master) + "\", \"keyBMasterKey\": \"" + Convert.ToHexString(other)
            + "\", \"holderMacKey\": \"" + Convert.ToHexString(other) + "\" }, \"cards\": [] }";

        foreach (string path in new[]
                 {
                     Write("raw.bin", master),
                     Write("keys.hex", System.Text.Encoding.ASCII.GetBytes(hex)),
                     Write("cards.json", System.Text.Encoding.UTF8.GetBytes(json)),
                 })
        {
            using CardKeysSource keys = CardKeysSource.Load(path);
            Assert.Equal(master, keys.KeyAMasterKey);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(master).AsSpan(0, 8)), keys.KeyAMasterKeyFingerprint);
            Assert.DoesNotContain(Convert.ToHexString(master), keys.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_simulators_exported_cards_file_gives_the_reader_its_key_A_master_only()
    {
        SchemeKeys scheme = CardDeck.DemoFile().Scheme!;
        string path = Path.Combine(_folder, "demo-cards.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(CardDeck.DemoFile(),
            new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase }));
        using CardKeysSource keys = CardKeysSource.Load(path);
        Assert.Equal(Convert.FromHexString(scheme.KeyAMasterKey), keys.KeyAMasterKey);
        Assert.NotEqual(Convert.FromHexString(scheme.KeyBMasterKey), keys.KeyAMasterKey);
        Assert.NotEqual(Convert.FromHexString(scheme.HolderMacKey), keys.KeyAMasterKey);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("two-keys")]
    [InlineData("zero")]
    [InlineData("not-hex")]
    [InlineData("json-without-scheme")]
    public void Unusable_files_are_bad_input_without_echoing_a_key(string kind)
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        byte[] content = kind switch
        {
            "short" => key[..31],
            "two-keys" => key.Concat(key).ToArray(),
            "zero" => new byte[32],
            "not-hex" => System.Text.Encoding.ASCII.GetBytes(new string('Z', 64)),
            _ => System.Text.Encoding.UTF8.GetBytes("{ \"cards\": [] }"),
        };
        CliException e = Assert.Throws<CliException>(() => CardKeysSource.Load(Write(kind, content)));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.DoesNotContain(Convert.ToHexString(key), e.Message + e.Hint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        CliException e = Assert.Throws<CliException>(() => CardKeysSource.Load(Path.Combine(_folder, "nope.keys")));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
    }
}
