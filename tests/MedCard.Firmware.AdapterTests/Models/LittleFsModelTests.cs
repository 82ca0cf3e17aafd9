using System;
using System.IO;
using MedCard.Firmware.AdapterTests.NanoModels.FileSystem;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Models
{
    /// <summary>The I: drive model: no rename over a file, commit at close, one writer per name.</summary>
    public sealed class LittleFsModelTests : ModelReset
    {
        [Fact]
        public void MoveNeverOverwrites()
        {
            LittleFsDrive.Seed("I:\\a", new byte[] { 1 });
            LittleFsDrive.Seed("I:\\b", new byte[] { 2 });
            IOException e = Assert.Throws<IOException>(() => File.Move("I:\\a", "I:\\b"));
            Assert.Equal((int)NanoIOError.PathAlreadyExists, e.HResult);
            Assert.Equal(new byte[] { 2 }, LittleFsDrive.DurableContent("I:\\b"));

            File.Delete("I:\\b");
            File.Move("I:\\a", "I:\\b");
            Assert.False(File.Exists("I:\\a"));
            Assert.Equal(new byte[] { 1 }, LittleFsDrive.DurableContent("I:\\b"));
        }

        [Fact]
        public void MoveOfAMissingSourceIsFileNotFound()
        {
            IOException e = Assert.Throws<IOException>(() => File.Move("I:\\nope", "I:\\b"));
            Assert.Equal((int)NanoIOError.FileNotFound, e.HResult);
        }

        [Fact]
        public void FlushIsNotDurableCloseIs()
        {
            LittleFsDrive.Seed("I:\\f", new byte[] { 1, 1, 1 });
            FileStream stream = new FileStream("I:\\f", FileMode.Create, FileAccess.Write);
            stream.Write(new byte[] { 9 }, 0, 1);
            stream.Flush();
            Assert.Equal(new byte[] { 1, 1, 1 }, LittleFsDrive.DurableContent("I:\\f"));

            LittleFsDrive.PowerCut();
            Assert.Equal(new byte[] { 1, 1, 1 }, LittleFsDrive.DurableContent("I:\\f"));
            Assert.Throws<IOException>(() => stream.Write(new byte[] { 9 }, 0, 1));

            using (FileStream again = new FileStream("I:\\f", FileMode.Create, FileAccess.Write))
            {
                again.Write(new byte[] { 9 }, 0, 1);
            }

            Assert.Equal(new byte[] { 9 }, LittleFsDrive.DurableContent("I:\\f"));
        }

        [Fact]
        public void ANewFileExistsEmptyFromTheMomentItIsOpened()
        {
            FileStream stream = new FileStream("I:\\n", FileMode.Create, FileAccess.Write);
            stream.Write(new byte[] { 5 }, 0, 1);
            LittleFsDrive.PowerCut();
            Assert.Equal(Array.Empty<byte>(), LittleFsDrive.DurableContent("I:\\n"));
        }

        [Fact]
        public void ASecondOpenOrADeleteOfAnOpenFileFails()
        {
            using (new FileStream("I:\\x", FileMode.Create, FileAccess.Write))
            {
                Assert.Throws<IOException>(() => new FileStream("I:\\x", FileMode.Open, FileAccess.Read));
                Assert.Throws<IOException>(() => new FileStream("I:\\X", FileMode.Open, FileAccess.Read));
                Assert.Throws<IOException>(() => File.Delete("I:\\x"));
            }

            File.Delete("I:\\x");
            File.Delete("I:\\x");
            Assert.False(File.Exists("I:\\x"));
        }

        [Fact]
        public void OpenOfAMissingFileAndReadOnlyCreateAreRefused()
        {
            IOException e = Assert.Throws<IOException>(() => new FileStream("I:\\m", FileMode.Open, FileAccess.Read));
            Assert.Equal((int)NanoIOError.FileNotFound, e.HResult);
            Assert.Throws<ArgumentException>(() => new FileStream("I:\\m", FileMode.Create, FileAccess.Read));
            Assert.False(File.Exists("I:\\"));
        }
    }
}
