using System;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.AdapterTests.NanoModels.FileSystem;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>LittleFsByteStore on the I: drive model: whole-file replace, durable when Write returns, safe names only.</summary>
    public sealed class LittleFsByteStoreTests : ModelReset
    {
        private readonly LittleFsByteStore _store = new LittleFsByteStore(LittleFsDrive.Root);

        [Fact]
        public void WriteThenReadGivesTheBytesBack()
        {
            _store.Write("ctr.0", new byte[] { 0, 1, 2, 3, 4 }, 1, 3);
            byte[] buffer = new byte[8];
            Assert.Equal(3, _store.Read("ctr.0", buffer, 2));
            Assert.Equal(new byte[] { 1, 2, 3 }, buffer[2..5]);
            Assert.True(_store.Exists("ctr.0"));
        }

        [Fact]
        public void ARewriteReplacesTheWholeFileWithNoOldTail()
        {
            _store.Write("j", new byte[] { 1, 1, 1, 1 }, 0, 4);
            _store.Write("j", new byte[] { 2 }, 0, 1);
            Assert.Equal(new byte[] { 2 }, LittleFsDrive.DurableContent("I:\\j"));
        }

        [Fact]
        public void WhatWriteReturnedFromSurvivesAPowerCut()
        {
            // LittleFS commits at close, not at Flush: the adapter must have closed the file before returning.
            _store.Write("keys", new byte[] { 7, 7 }, 0, 2);
            LittleFsDrive.PowerCut();
            Assert.Equal(new byte[] { 7, 7 }, LittleFsDrive.DurableContent("I:\\keys"));
            byte[] buffer = new byte[4];
            Assert.Equal(2, _store.Read("keys", buffer, 0));
        }

        [Fact]
        public void ReadReportsTheFileLengthEvenWhenTheBufferIsShorter()
        {
            _store.Write("big", new byte[10], 0, 10);
            byte[] buffer = new byte[4];
            Assert.Equal(10, _store.Read("big", buffer, 0));
            Assert.Equal(-1, _store.Read("none", buffer, 0));
        }

        [Fact]
        public void DeleteOfAMissingFileIsQuietAndTheFileIsReusableAfterEveryCall()
        {
            _store.Delete("none");
            _store.Write("a", new byte[] { 1 }, 0, 1);
            _store.Read("a", new byte[1], 0);
            _store.Delete("a");
            Assert.False(_store.Exists("a"));
            _store.Write("a", new byte[] { 2 }, 0, 1);
            Assert.Equal(new byte[] { 2 }, LittleFsDrive.DurableContent("I:\\a"));
        }

        [Fact]
        public void NamesWithPathCharactersOrTooLongAreRefused()
        {
            Assert.Throws<ArgumentException>(() => _store.Write("..\\x", new byte[1], 0, 1));
            Assert.Throws<ArgumentException>(() => _store.Exists("a/b"));
            Assert.Throws<ArgumentException>(() => _store.Exists(new string('a', LittleFsByteStore.MaxNameLength + 1)));
            Assert.Empty(LittleFsDrive.Files());
        }
    }
}
