using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class ResponseCacheTests
    {
        private static FrameHeader Request(ushort id)
        {
            return FrameHeader.Request(MessageType.AuthorizeRequest, id);
        }

        [TestMethod]
        public void FindsByIdTypeAndPayloadCrc()
        {
            ResponseCache cache = new ResponseCache(2);
            cache.Store(Request(1), 0xAAAA, new byte[] { 9, 8, 7 }, 3);
            int hit = cache.Find(Request(1), 0xAAAA);
            Assert.IsTrue(hit >= 0);
            Assert.AreEqual(3, cache.Length(hit));
            Assert.AreEqual((byte)8, cache.Wire(hit)[1]);
            Assert.AreEqual(-1, cache.Find(Request(1), 0xBBBB), "same id, other bytes: a new request");
            Assert.AreEqual(-1, cache.Find(FrameHeader.Request(MessageType.PinRequest, 1), 0xAAAA), "same id, other type");
        }

        [TestMethod]
        public void OldestAnswerIsForgottenFirst()
        {
            ResponseCache cache = new ResponseCache(2);
            cache.Store(Request(1), 1, new byte[] { 1 }, 1);
            cache.Store(Request(2), 2, new byte[] { 2 }, 1);
            cache.Store(Request(3), 3, new byte[] { 3 }, 1);
            Assert.AreEqual(-1, cache.Find(Request(1), 1));
            Assert.IsTrue(cache.Find(Request(2), 2) >= 0);
            Assert.IsTrue(cache.Find(Request(3), 3) >= 0);
        }

        [TestMethod]
        public void ReusedIdReplacesItsEntry()
        {
            ResponseCache cache = new ResponseCache(2);
            cache.Store(Request(1), 1, new byte[] { 1 }, 1);
            cache.Store(Request(2), 2, new byte[] { 2 }, 1);
            cache.Store(Request(1), 5, new byte[] { 5 }, 1);
            Assert.AreEqual(-1, cache.Find(Request(1), 1));
            Assert.IsTrue(cache.Find(Request(1), 5) >= 0);
            Assert.IsTrue(cache.Find(Request(2), 2) >= 0, "the other entry survives");
        }

        [TestMethod]
        public void ClearForgetsEverything()
        {
            ResponseCache cache = new ResponseCache(2);
            cache.Store(Request(1), 1, new byte[] { 1 }, 1);
            cache.Clear();
            Assert.AreEqual(-1, cache.Find(Request(1), 1));
        }
    }
}
