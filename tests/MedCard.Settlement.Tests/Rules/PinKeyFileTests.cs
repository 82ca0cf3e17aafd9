using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests.Rules;

/// <summary>The development PIN key store: owner-only file, format, rotation; no key material in errors.</summary>
public sealed class PinKeyFileTests
{
    [Fact]
    public void The_key_file_is_created_owner_only_and_reopens_with_the_same_key()
    {
        using var temp = new TempPinKeys();
        Span<byte> first = stackalloc byte[32];
        Span<byte> again = stackalloc byte[32];
        string id;
        using (PinKeyFile keys = temp.Open())
        {
            id = keys.CurrentKeyId;
            Assert.StartsWith("pvk-", id, StringComparison.Ordinal);
            Assert.True(keys.TryComputeMac(id, [1, 2, 3], first));
            Assert.False(keys.TryComputeMac("pvk-unknown", [1, 2, 3], again));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.Path));
        }

        using PinKeyFile reopened = temp.Open();
        Assert.Equal(id, reopened.CurrentKeyId);
        Assert.True(reopened.TryComputeMac(id, [1, 2, 3], again));
        Assert.True(first.SequenceEqual(again));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)] // 0644
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)] // 0640
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherWrite)] // 0402
    public void A_key_file_open_to_group_or_others_is_refused_without_showing_the_key(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix modes there
        }

        using var temp = new TempPinKeys();
        temp.Open().Dispose();
        string keyHex = File.ReadAllText(temp.Path).Split(' ')[1].Trim();
        File.SetUnixFileMode(temp.Path, mode);
        UnauthorizedAccessException e = Assert.Throws<UnauthorizedAccessException>(() => PinKeyFile.Open(temp.Path));
        Assert.Contains("owner-only", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(keyHex, e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Throws<UnauthorizedAccessException>(() => PinKeyFile.AddKey(temp.Path));
    }

    [Fact]
    public void A_malformed_line_is_refused_by_number_without_echoing_it()
    {
        using var temp = new TempPinKeys();
        temp.Open().Dispose();
        string secretish = "pvk-2 " + new string('a', 63) + "g";
        File.AppendAllText(temp.Path, secretish + "\n");
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => PinKeyFile.Open(temp.Path));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 63), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_appends_a_current_key_and_keeps_the_old_one()
    {
        using var temp = new TempPinKeys();
        string oldId;
        using (PinKeyFile keys = temp.Open())
        {
            oldId = keys.CurrentKeyId;
        }

        string newId = PinKeyFile.AddKey(temp.Path);
        using PinKeyFile rotated = PinKeyFile.Open(temp.Path);
        Assert.Equal(newId, rotated.CurrentKeyId);
        Assert.Equal([oldId, newId], rotated.KeyIds);
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        Assert.True(rotated.TryComputeMac(oldId, [7], a));
        Assert.True(rotated.TryComputeMac(newId, [7], b));
        Assert.False(a.SequenceEqual(b));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.Path));
        }
    }

    [Fact]
    public void A_disposed_key_file_computes_nothing()
    {
        using var temp = new TempPinKeys();
        PinKeyFile keys = temp.Open();
        string id = keys.CurrentKeyId;
        keys.Dispose();
        byte[] mac = new byte[32];
        Assert.Throws<ObjectDisposedException>(() => keys.TryComputeMac(id, [1], mac));
    }

    [Fact]
    public async Task Concurrent_creators_of_the_key_file_all_get_the_same_key()
    {
        using var temp = new TempPinKeys();
        string[] ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using PinKeyFile keys = PinKeyFile.OpenOrCreate(temp.Path);
            return keys.CurrentKeyId;
        })));
        Assert.Single(ids.Distinct());
        using PinKeyFile after = PinKeyFile.OpenOrCreate(temp.Path);
        Assert.Equal(ids[0], after.CurrentKeyId);
        Assert.Single(after.KeyIds);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(temp.Path)!, "*.tmp"));
    }
}
