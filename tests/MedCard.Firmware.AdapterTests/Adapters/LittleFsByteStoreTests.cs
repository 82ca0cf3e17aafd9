using System;
using System.IO;
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
    
        [Fact]
        public void AFailedStatIsAnErrorForReadAndDeleteAndTrueForExistsNeverMissing()
        {
            // The first native operation of each call is the stat behind File.Exists / File.Delete.
            _store.Write("ctr.1", new byte[] { 9, 9 }, 0, 2);

            LittleFsDrive.FailOperations(1);
            Assert.Throws<IOException>(() => _store.Read("ctr.1", new byte[4], 0));

            LittleFsDrive.FailOperations(1);
            Assert.True(_store.Exists("ctr.1"));

            // File.Delete: folder stat, then the file's stat (operation 2) fails and nano's Delete does nothing.
            LittleFsDrive.FailOperations(2);
            Assert.Throws<IOException>(() => _store.Delete("ctr.1"));
            Assert.Equal(new byte[] { 9, 9 }, LittleFsDrive.DurableContent("I:\\ctr.1"));
        }

        [Fact]
        public void AFailedFreadIsAnError()
        {
            _store.Write("hot", new byte[] { 1, 2, 3 }, 0, 3);
            LittleFsDrive.FailOperations();
            _store.Read("hot", new byte[4], 0);
            int clean = LittleFsDrive.OperationCount;

            // Operations: stat (File.Exists), stat (FileStream open), then the freads.
            LittleFsDrive.FailOperations(3);
            Assert.True(clean >= 3);
            Assert.Throws<IOException>(() => _store.Read("hot", new byte[4], 0));
        }

        [Fact]
        public void EveryOneOrTwoFailedOperationsNeverMakeAnExistingFileMissing()
        {
            string[] others = { "a.0", "j.3", "zz" };
            foreach (string call in new[] { "read", "exists", "delete" })
            {
                int clean = OperationsOf(call, others);
                int checkedScenarios = 0;
                for (int first = 1; first <= clean + 1; first++)
                {
                    for (int second = first; second <= clean + 1; second++)
                    {
                        Setup(others);
                        LittleFsDrive.FailOperations(first, second);
                        string outcome = Run(call);
                        if (call == "delete")
                        {
                            Assert.True(outcome == "error" || LittleFsDrive.DurableContent("I:\\ctr.0") == null, call + " " + first + "," + second + ": " + outcome);
                        }
                        else
                        {
                            Assert.True(outcome == "error" || outcome == "present", call + " " + first + "," + second + ": " + outcome);
                        }

                        checkedScenarios++;
                    }
                }

                Assert.True(checkedScenarios > clean);
            }
        }

        [Fact]
        public void AGenuinelyMissingFileIsStillMissingAndAListingErrorIsNotAnAnswer()
        {
            _store.Write("other", new byte[] { 1 }, 0, 1);
            Assert.Equal(-1, _store.Read("none", new byte[4], 0));
            Assert.False(_store.Exists("none"));
            _store.Delete("none");

            // The stat says missing, then the listing's own folder stat fails: that is an error, not "missing".
            LittleFsDrive.FailOperations(2);
            Assert.Throws<IOException>(() => _store.Read("none", new byte[4], 0));

            // A missing file with transient errors in its listings is still reported missing (the safe direction).
            LittleFsDrive.FailOperations(3);
            Assert.Equal(-1, _store.Read("none", new byte[4], 0));
        }

        private void Setup(string[] others)
        {
            Reboot();
            foreach (string other in others)
            {
                LittleFsDrive.Seed(LittleFsDrive.Root + other, new byte[] { 5 });
            }

            LittleFsDrive.Seed("I:\\ctr.0", new byte[] { 1, 2, 3, 4 });
        }

        private int OperationsOf(string call, string[] others)
        {
            Setup(others);
            LittleFsDrive.FailOperations();
            Assert.NotEqual("error", Run(call));
            return LittleFsDrive.OperationCount;
        }

        private string Run(string call)
        {
            try
            {
                switch (call)
                {
                    case "read":
                        byte[] buffer = new byte[8];
                        int length = _store.Read("ctr.0", buffer, 0);
                        if (length == -1)
                        {
                            return "missing";
                        }

                        Assert.Equal(4, length);
                        Assert.Equal(new byte[] { 1, 2, 3, 4 }, buffer[..4]);
                        return "present";
                    case "exists":
                        return _store.Exists("ctr.0") ? "present" : "missing";
                    default:
                        _store.Delete("ctr.0");
                        return "deleted";
                }
            }
            catch (IOException)
            {
                return "error";
            }
        }
    }
}
