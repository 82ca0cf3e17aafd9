using System;
using System.IO;
using MedCard.Simulator.Hardware;
using Xunit;

namespace MedCard.EndToEnd.Tests.Simulator;

/// <summary>The directory-backed I: drive: whole-file semantics, and an interrupted write never tears a file.</summary>
public sealed class FileByteStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "medcard-store-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Reads_report_missing_files_and_the_real_length_even_when_the_buffer_is_short()
    {
        var store = new FileByteStore(_dir);
        Assert.Equal(-1, store.Read("ctr.a", new byte[8], 0));
        Assert.False(store.Exists("ctr.a"));
        store.Write("ctr.a", new byte[] { 0, 1, 2, 3, 4, 5 }, 1, 4);
        byte[] buffer = new byte[5];
        Assert.Equal(4, store.Read("ctr.a", buffer, 2));
        Assert.Equal(new byte[] { 0, 0, 1, 2, 3 }, buffer);
        Assert.Equal(4, store.Read("ctr.a", new byte[2], 0));
        store.Delete("ctr.a");
        store.Delete("ctr.a");
        Assert.False(store.Exists("ctr.a"));
    }

    [Fact]
    public void A_write_interrupted_before_its_rename_leaves_the_old_content_and_its_temp_file_is_cleaned_up()
    {
        var store = new FileByteStore(_dir);
        store.Write("jrnl", new byte[] { 7, 7, 7 }, 0, 3);
        File.WriteAllBytes(Path.Combine(_dir, "jrnl.tmp"), new byte[] { 1 }); // what a kill mid-write leaves behind

        var reopened = new FileByteStore(_dir);
        byte[] buffer = new byte[3];
        Assert.Equal(3, reopened.Read("jrnl", buffer, 0));
        Assert.Equal(new byte[] { 7, 7, 7 }, buffer);
        Assert.False(File.Exists(Path.Combine(_dir, "jrnl.tmp")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("name with space")]
    [InlineData("a-name-longer-than-24-chars")]
    public void Names_outside_the_device_rules_are_refused(string name)
    {
        var store = new FileByteStore(_dir);
        Assert.ThrowsAny<ArgumentException>(() => store.Write(name, new byte[1], 0, 1));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
